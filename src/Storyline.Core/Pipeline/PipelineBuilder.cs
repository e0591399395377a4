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

    /// <summary>
    /// Resolution of the recognised mentions: aliases, roles, countries and geocoded places (see
    /// <see cref="EntityResolver"/>), with the committed gazetteer unless another is given.
    /// </summary>
    public PipelineBuilder UseResolution(Gazetteer? gazetteer = null, ResolverOptions? options = null) =>
        Use(new EntityResolver(gazetteer ?? Gazetteer.Default, options));
    /// <summary>Direct quotes and indirect attributions with their sources (after entities, for speakers).</summary>
    public PipelineBuilder UseQuotes() => Use(new QuoteFinder());

    /// <summary>Claims and their certainty (after quotes, for attributions).</summary>
    public PipelineBuilder UseClaims() => Use(new ClaimDetector());

    /// <summary>Time expressions normalised to TIMEX3, anchored on the publication date.</summary>
    public PipelineBuilder UseTime() => Use(new TimeTagger());

    /// <summary>Adds any stage.</summary>
    public PipelineBuilder Use(IAnalysisStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        stages.Add(stage);
        return this;
    }

    /// <summary>The standard pipeline: every stage the project has, in flow order.</summary>
    public static AnalysisPipeline CreateDefault() => new PipelineBuilder()
        .UseText()
        .UseEntities()
        .UseResolution()
        .UseTime()
        .UseQuotes()
        .UseClaims()
        .Build();

    /// <summary>Freezes the stages added so far.</summary>
    public AnalysisPipeline Build() => new([.. stages]);
}
