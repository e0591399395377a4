using Storyline.Domain;

namespace Storyline.Pipeline;

/// <summary>
/// One step of the analysis flow. A stage holds only read-only state (weights, lexicons), so that one instance
/// serves many threads, and returns a new <see cref="AnalyzedArticle"/> with its annotations filled in.
/// </summary>
public interface IAnalysisStage
{
    /// <summary>A short name for timings and messages ("text", "entities").</summary>
    string Name { get; }

    /// <summary>Adds this stage's annotations to <paramref name="article"/>.</summary>
    AnalyzedArticle Apply(AnalyzedArticle article);
}
