using System.Collections.Immutable;
using Storyline.Claims;
using Storyline.Entities;
using Storyline.Entities.Resolution;
using Storyline.Quotes;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Pipeline;

/// <summary>
/// Builds an <see cref="AnalysisPipeline"/> once; the result is frozen and shared by every thread.
/// Stages run in the order they are added, which should follow the flow: text, entities, time, quotes, claims.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IAnalysisStage> stages = [];

    /// <summary>Tokens and sentences.</summary>
    public PipelineBuilder UseText() => Use(new TextStage(new Tokenizer(), new SentenceSplitter()));

    /// <summary>Named entities with the stand-in recogniser (capitalised names).</summary>
    public PipelineBuilder UseEntities() => Use(new CapitalizedNameRecognizer());

    /// <summary>Named entities with the trained tagger (<see cref="NerTagger"/>); load the model once and share it.</summary>
    public PipelineBuilder UseEntities(Entities.Tagging.NerModel model) => Use(new NerTagger(model));

    /// <summary>
    /// Resolution of the recognised mentions: aliases, roles, countries and geocoded places (see
    /// <see cref="EntityResolver"/>), with the committed gazetteer unless another is given.
    /// </summary>
    public PipelineBuilder UseResolution(Gazetteer? gazetteer = null, ResolverOptions? options = null) =>
        Use(new EntityResolver(gazetteer ?? Gazetteer.Default, options));

    /// <summary>Time expressions normalised to TIMEX3, anchored on the publication date.</summary>
    public PipelineBuilder UseTime() => Use(new TimeTagger());

    /// <summary>Direct quotes and indirect attributions with their sources (after entities, for speakers).</summary>
    public PipelineBuilder UseQuotes() => Use(new QuoteFinder());

    /// <summary>Claims and their certainty (after quotes, for attributions).</summary>
    public PipelineBuilder UseClaims() => Use(new ClaimDetector());

    /// <summary>Adds any stage.</summary>
    public PipelineBuilder Use(IAnalysisStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        stages.Add(stage);
        return this;
    }

    /// <summary>
    /// The standard pipeline: every stage the project has, in flow order. Entities come from the committed tagger
    /// model (models/ner/model.bin beside the program, loaded once per process) where it is there, and from the
    /// stand-in recogniser where it is not.
    /// </summary>
    public static AnalysisPipeline CreateDefault()
    {
        // With the tagger, entity types are reliable enough for the resolver to rely on them.
        var builder = new PipelineBuilder().UseText();
        builder = Entities.Tagging.NerModel.Default is { } model
            ? builder.UseEntities(model).UseResolution(options: new ResolverOptions { TrustTypes = true })
            : builder.UseEntities().UseResolution();
        return builder.UseTime().UseQuotes().UseClaims().Build();
    }

    /// <summary>Freezes the stages added so far.</summary>
    public AnalysisPipeline Build() => new([.. stages]);
}
