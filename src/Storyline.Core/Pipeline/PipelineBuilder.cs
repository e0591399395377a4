using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Text;

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
        var builder = new PipelineBuilder().UseText();
        return (Entities.Tagging.NerModel.Default is { } model ? builder.UseEntities(model) : builder.UseEntities()).Build();
    }

    /// <summary>Freezes the stages added so far.</summary>
    public AnalysisPipeline Build() => new([.. stages]);
}
