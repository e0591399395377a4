using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Ingest;

/// <summary>
/// The analysis step of every ingestor: cleans a report as read, analyses it with the pipeline and makes its story
/// features, all of which depend on the report alone, so any thread of any process may do it. A report that breaks a
/// stage is a failure with the stage's message, never an exception: one bad report must not stop the others.
/// Thread-safe.
/// </summary>
public sealed class ReportAnalyser
{
    private readonly ReportCleaner cleaner;
    private readonly AnalysisPipeline pipeline;
    private readonly IngestTimings? timings;

    /// <summary>An analyser with the default pipeline and cleaner where none is given; <paramref name="timings"/> times each stage.</summary>
    public ReportAnalyser(AnalysisPipeline? pipeline = null, ReportCleaner? cleaner = null, IngestTimings? timings = null)
    {
        this.pipeline = pipeline ?? PipelineBuilder.CreateDefault();
        this.cleaner = cleaner ?? new ReportCleaner();
        this.timings = timings;
    }

    /// <summary>Cleans, analyses and makes the features of <paramref name="source"/>, or says why it could not.</summary>
    public ReportAnalysis Analyse(SourceReport source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            long t = timings?.Now() ?? 0;
            Article article = cleaner.Clean(source);
            t = timings?.Add("clean", t) ?? t;
            if (article.Body.Length == 0)
            {
                return ReportAnalysis.Failed("no story text left after removing boilerplate");
            }

            AnalyzedArticle analysed;
            if (timings is null)
            {
                analysed = pipeline.Analyze(article);
            }
            else
            {
                // The same as pipeline.Analyze, one stage at a time, timed.
                analysed = AnalyzedArticle.Empty(article);
                foreach (IAnalysisStage stage in pipeline.Stages)
                {
                    analysed = stage.Apply(analysed);
                    t = timings.Add(stage.Name, t);
                }
            }

            // The clusterer's view of the report depends on the report alone: made here, on any core, not in the ordered step.
            StoryFeatures features = StoryFeatures.From(analysed);
            timings?.Add("features", t);
            return new ReportAnalysis(analysed, features, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ReportAnalysis.Failed($"analysis failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>A report analysed, with its story features, or why it could not be.</summary>
/// <param name="Report">The analysed report, or null.</param>
/// <param name="Features">Its story features, or null.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record ReportAnalysis(AnalyzedArticle? Report, StoryFeatures? Features, string? Error)
{
    /// <summary>A failure with <paramref name="reason"/>.</summary>
    public static ReportAnalysis Failed(string reason) => new(null, null, reason);
}
