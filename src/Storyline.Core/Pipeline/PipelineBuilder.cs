using System.Collections.Immutable;
using Storyline.Entities;
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
    public static AnalysisPipeline CreateDefault() => new PipelineBuilder().UseText().UseEntities().UseTime().Build();

    /// <summary>Freezes the stages added so far.</summary>
    public AnalysisPipeline Build() => new([.. stages]);
}
