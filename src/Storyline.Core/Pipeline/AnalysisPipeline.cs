using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Pipeline;

/// <summary>A frozen, thread-safe chain of analysis stages, built by <see cref="PipelineBuilder"/>.</summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(ImmutableArray<IAnalysisStage> stages)
    {
        Stages = stages;
    }

    /// <summary>The stages, in the order they run.</summary>
    public ImmutableArray<IAnalysisStage> Stages { get; }

    /// <summary>Runs every stage on a cleaned report.</summary>
    public AnalyzedArticle Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var analyzed = AnalyzedArticle.Empty(article);
        foreach (IAnalysisStage stage in Stages)
        {
            analyzed = stage.Apply(analyzed);
        }

        return analyzed;
    }
}
