using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Ingest;

/// <summary>
/// The analysis step of every ingestor: cleans a report as read, analyses it with the pipeline and makes its story
/// features, all of which depend on the report alone, so any thread of any process may do it. A report that breaks a
/// stage is a failure with the stage's message, never an exception: one bad report must not stop the others.
/// The default pipeline is built when it is first needed (<see cref="Load"/>, <see cref="LoadInBackground"/>, or the
/// first report analysed), so that loading its models (about a second of CPU and 540 MB of heap) can overlap other
/// work. Thread-safe.
/// </summary>
public sealed class ReportAnalyser
{
    private readonly ReportCleaner cleaner;
    private readonly Lazy<AnalysisPipeline> pipeline;
    private readonly IngestTimings? timings;

    /// <summary>
    /// An analyser with <paramref name="pipeline"/>, or the default pipeline, built when first needed, where none is
    /// given; the default cleaner where none is given; <paramref name="timings"/> times each stage.
    /// </summary>
    public ReportAnalyser(AnalysisPipeline? pipeline = null, ReportCleaner? cleaner = null, IngestTimings? timings = null)
    {
        this.pipeline = pipeline is null ? new Lazy<AnalysisPipeline>(PipelineBuilder.CreateDefault, LazyThreadSafetyMode.ExecutionAndPublication) : new Lazy<AnalysisPipeline>(pipeline);
        this.cleaner = cleaner ?? new ReportCleaner();
        this.timings = timings;
    }

    /// <summary>Whether the pipeline is built (given, or built by <see cref="Load"/> or an analysis).</summary>
    public bool IsLoaded => pipeline.IsValueCreated;

    /// <summary>Builds the pipeline now, if it is not built yet (blocks while another thread builds it).</summary>
    public void Load() => _ = pipeline.Value;

    /// <summary>
    /// Starts building the pipeline on a thread-pool thread and returns at once, so that loading the models overlaps
    /// other work (reading and queueing the input); an analysis that comes first waits for it.
    /// </summary>
    public void LoadInBackground()
    {
        if (!pipeline.IsValueCreated)
        {
            // A failure stays in the Lazy: the analysis that needs the pipeline reports it, report by report.
            _ = Task.Run(() => pipeline.Value);
        }
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
                analysed = pipeline.Value.Analyze(article);
            }
            else
            {
                // The same as pipeline.Analyze, one stage at a time, timed.
                analysed = AnalyzedArticle.Empty(article);
                foreach (IAnalysisStage stage in pipeline.Value.Stages)
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
