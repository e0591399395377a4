using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Storage.Postgres;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Ingest.Distributed;

/// <summary>
/// Ingest into a PostgreSQL store by several processes at once. Each run queues what it read (input order, first
/// copy only, in one transaction), then works until the queue is empty: it claims queued reports of any run and
/// analyses them in parallel, and, while it is the one assigner, assigns the analysed head of the queue to stories
/// in queue order (publication date, then arrival), the order of <see cref="Ingestor"/>. Over the same queued input
/// the stories are those of a single-process run; a report queued after later-dated ones were assigned is assigned
/// after them, as in a second single-process run.
/// </summary>
public sealed class QueuedIngestor
{
    private readonly PostgresStoryStore store;
    private readonly AnalysisPipeline pipeline;
    private readonly ReportCleaner cleaner;
    private readonly ClusteringOptions clustering;
    private readonly QueuedIngestOptions options;

    /// <summary>An ingestor that works on <paramref name="store"/>'s queue.</summary>
    public QueuedIngestor(PostgresStoryStore store, AnalysisPipeline? pipeline = null, ReportCleaner? cleaner = null, ClusteringOptions? clustering = null, QueuedIngestOptions? options = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.pipeline = pipeline ?? PipelineBuilder.CreateDefault();
        this.cleaner = cleaner ?? new ReportCleaner();
        this.clustering = clustering ?? ClusteringOptions.Default;
        this.options = options ?? new QueuedIngestOptions();
    }

    /// <summary>Reads <paramref name="inputs"/>, queues the reports and works until they are all stored or failed.</summary>
    public Task<IngestSummary> IngestAsync(ReportSource source, IEnumerable<string> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IngestAsync(source.ReadAsync(inputs, cancellationToken), progress, cancellationToken);
    }

    /// <summary>Queues already-read results and works until the queue is empty.</summary>
    public async Task<IngestSummary> IngestAsync(IAsyncEnumerable<ReadResult> results, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var failures = new List<ReadFailed>();
        var reports = new List<SourceReport>();
        var seen = new HashSet<ArticleId>();
        int read = 0;
        await foreach (ReadResult result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (result)
            {
                case ReadFailed failed:
                    failures.Add(failed);
                    break;
                case ReportRead ok:
                    read++;
                    if (seen.Add(ok.Report.Id))
                    {
                        reports.Add(ok.Report);
                    }

                    break;
            }

            progress?.Report(new IngestProgress("reading", read + failures.Count, null));
        }

        string run = Guid.NewGuid().ToString("N");
        await using IngestQueue queue = await IngestQueue.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        IReadOnlySet<ArticleId> queued = await queue.EnqueueAsync(run, reports, cancellationToken).ConfigureAwait(false);
        await WorkAsync(queue, queued.Count, progress, cancellationToken).ConfigureAwait(false);
        IngestQueue.RunOutcome outcome = await queue.FinishRunAsync(run, cancellationToken).ConfigureAwait(false);
        failures.AddRange(outcome.Failures.Select(f => new ReadFailed(f.Origin, f.Line, f.Reason)));
        return new IngestSummary(read, outcome.Assignments.Count, read - queued.Count + outcome.Duplicates, failures, outcome.Assignments);
    }

    private async Task WorkAsync(IngestQueue queue, int total, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        OnlineStoryClusterer? clusterer = null;
        while (true)
        {
            int assigned = 0;
            if (await queue.TryBecomeAssignerAsync(cancellationToken).ConfigureAwait(false))
            {
                // The assigner's clusterer starts from the store as the last assigner left it, and stays right while
                // this process holds the lock: no one else assigns.
                clusterer ??= new OnlineStoryClusterer(clustering, await store.LoadClusteringStateAsync(clustering, cancellationToken).ConfigureAwait(false));
                foreach (IngestQueue.Ready report in await queue.ReadyAsync(options.AssignBatch, cancellationToken).ConfigureAwait(false))
                {
                    StoryAssignment assignment = clusterer.Assign(report.Features);
                    if (!await queue.StoreAsync(report, assignment, cancellationToken).ConfigureAwait(false))
                    {
                        // Stored before by someone: the clusterer took a report the store does not hold; start it again.
                        clusterer = new OnlineStoryClusterer(clustering, await store.LoadClusteringStateAsync(clustering, cancellationToken).ConfigureAwait(false));
                    }

                    assigned++;
                }
            }

            // Analysis waits while the assigner is behind: the machine's cores then go to assigning and storing. The
            // assigner itself analyses only once it has caught up.
            int claimed = 0;
            if (assigned < options.AssignBatch && await queue.AnalysedAsync(cancellationToken).ConfigureAwait(false) < options.MaxAnalysedAhead)
            {
                claimed = await queue.ClaimAndAnalyseAsync(options.ClaimBatch, Analyse, cancellationToken).ConfigureAwait(false);
            }

            long pending = await queue.PendingAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(new IngestProgress("analysing", Math.Max(0, total - (int)pending), total));
            if (pending == 0)
            {
                return;
            }

            if (claimed == 0 && assigned == 0)
            {
                await Task.Delay(options.IdleDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private IReadOnlyList<IngestQueue.Analysed> Analyse(IReadOnlyList<IngestQueue.Claimed> claimed)
    {
        var results = new IngestQueue.Analysed[claimed.Count];
        Parallel.For(0, claimed.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i => results[i] = Analyse(claimed[i].Source));
        return results;
    }

    private IngestQueue.Analysed Analyse(SourceReport source)
    {
        try
        {
            Article article = cleaner.Clean(source);
            if (article.Body.Length == 0)
            {
                return new(null, null, "no story text left after removing boilerplate");
            }

            AnalyzedArticle report = pipeline.Analyze(article);
            return new(report, StoryFeatures.From(report), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // One report that breaks a stage must not stop the others; the message says which and why.
            return new(null, null, $"analysis failed: {ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>How a queued ingest run works.</summary>
public sealed record QueuedIngestOptions
{
    /// <summary>Reports claimed and analysed at a time (the claim is held while they are analysed).</summary>
    public int ClaimBatch { get; init; } = 32;

    /// <summary>Analysed reports the assigner takes from the head of the queue at a time.</summary>
    public int AssignBatch { get; init; } = 256;

    /// <summary>Threads that analyse one claimed batch.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Analysed reports waiting for the assigner above which no more are claimed.</summary>
    public int MaxAnalysedAhead { get; init; } = 512;

    /// <summary>How long to wait when there was nothing to claim or assign.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromMilliseconds(25);
}
