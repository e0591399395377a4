using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Ingest;

/// <summary>
/// Reads reports, drops the ones already stored, cleans and analyses the rest in parallel, assigns them to stories
/// one at a time in date order (then input order), and stores each with its assignment in one transaction.
/// Running it again on the same input stores nothing new. A bad file or report is a failure in the summary; the
/// others go on.
/// </summary>
public sealed class Ingestor
{
    private const int ChunkSize = 256;
    private readonly ReportCleaner cleaner;
    private readonly AnalysisPipeline pipeline;
    private readonly IStoryStore store;
    private readonly ClusteringOptions clustering;

    /// <summary>An ingestor that writes to <paramref name="store"/>.</summary>
    public Ingestor(IStoryStore store, AnalysisPipeline? pipeline = null, ReportCleaner? cleaner = null, ClusteringOptions? clustering = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.pipeline = pipeline ?? PipelineBuilder.CreateDefault();
        this.cleaner = cleaner ?? new ReportCleaner();
        this.clustering = clustering ?? ClusteringOptions.Default;
    }

    /// <summary>Ingests everything <paramref name="source"/> reads from <paramref name="inputs"/>.</summary>
    public Task<IngestSummary> IngestAsync(ReportSource source, IEnumerable<string> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IngestAsync(source.ReadAsync(inputs, cancellationToken), progress, cancellationToken);
    }

    /// <summary>Ingests already-read results (reports and failures).</summary>
    public async Task<IngestSummary> IngestAsync(IAsyncEnumerable<ReadResult> results, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failures = new List<ReadFailed>();
        var pending = new List<PendingReport>();
        var seenInRun = new HashSet<ArticleId>();
        int read = 0;
        int duplicates = 0;
        await foreach (ReadResult result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (result)
            {
                case ReadFailed failed:
                    failures.Add(failed);
                    break;
                case ReportRead ok:
                    read++;
                    var report = new PendingReport(pending.Count + duplicates, ok.Report, ok.Report.Id);
                    if (seenInRun.Add(report.Id))
                    {
                        pending.Add(report);
                    }
                    else
                    {
                        duplicates++;
                    }

                    break;
            }

            progress?.Report(new IngestProgress("reading", read + failures.Count, null));
        }

        IReadOnlySet<ArticleId> stored = await store.FindExistingAsync([.. pending.Select(p => p.Id)], cancellationToken).ConfigureAwait(false);
        duplicates += pending.RemoveAll(p => stored.Contains(p.Id));

        // Date order, then input order: the order stories are built in, and so the result, depends on nothing else.
        pending.Sort((a, b) => a.Source.Published != b.Source.Published ? a.Source.Published.CompareTo(b.Source.Published) : a.Order.CompareTo(b.Order));

        var clusterer = new OnlineStoryClusterer(clustering, await store.LoadClusteringStateAsync(clustering, cancellationToken).ConfigureAwait(false));
        var assignments = new List<StoryAssignment>(pending.Count);
        int done = 0;
        foreach (PendingReport[] chunk in pending.Chunk(ChunkSize))
        {
            var analysed = new (AnalyzedArticle? Report, string? Error)[chunk.Length];
            Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = cancellationToken }, i => analysed[i] = Analyse(chunk[i]));
            for (int i = 0; i < chunk.Length; i++)
            {
                done++;
                if (analysed[i].Report is not AnalyzedArticle report)
                {
                    failures.Add(new ReadFailed(chunk[i].Source.Origin, chunk[i].Source.Line, analysed[i].Error!));
                    continue;
                }

                StoryFeatures features = StoryFeatures.From(report);
                StoryAssignment assignment = clusterer.Assign(features);
                await store.SaveAsync(report, features, assignment, cancellationToken).ConfigureAwait(false);
                assignments.Add(assignment);
                progress?.Report(new IngestProgress("analysing", done, pending.Count));
            }
        }

        return new IngestSummary(read, assignments.Count, duplicates, failures, assignments);
    }

    private (AnalyzedArticle? Report, string? Error) Analyse(PendingReport pending)
    {
        try
        {
            Article article = cleaner.Clean(pending.Source);
            if (article.Body.Length == 0)
            {
                return (null, "no story text left after removing boilerplate");
            }

            return (pipeline.Analyze(article), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // One report that breaks a stage must not stop the others; the message says which and why.
            return (null, $"analysis failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
