using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Ingest;

/// <summary>
/// Reads reports, drops the ones already stored, cleans and analyses the rest in parallel, assigns them to stories
/// one at a time in date order (then input order), and stores them with their assignments in that order, a batch of
/// reports per transaction.
/// Running it again on the same input stores nothing new. A bad file or report is a failure in the summary; the
/// others go on. Several ingestors may write to one archive at once, from any number of processes: each holds the
/// archive's writer lock (<see cref="IStoryStore.AcquireWriterLockAsync"/>) from the moment it looks up what is stored
/// until its last report is stored, so that they make the archive of one run after the other.
/// <para>
/// Memory stays bounded however large the input: while reading, each new report goes to a temporary file and only a
/// small key (date, place in the input, id, offset) stays in memory; the keys are sorted, and the reports are read back
/// in that order and analysed on every core, a bounded window ahead of the one being assigned.
/// </para>
/// </summary>
public sealed class Ingestor
{
    // Reports analysed ahead of the assignment: enough to keep every core busy while one slow report is assigned.
    private const int AnalysisWindow = 64;

    // Assigned reports waiting to be stored.
    private const int StoreQueue = 256;

    // Reports stored per transaction: one commit (and one full-text index segment) per batch instead of per report.
    // A crash loses at most the batch being written; a rerun stores it.
    private const int StoreBatchSize = 128;
    private readonly ReportCleaner cleaner;
    private readonly AnalysisPipeline pipeline;
    private readonly IStoryStore store;
    private readonly ClusteringOptions clustering;
    private readonly IngestTimings? timings;

    /// <summary>An ingestor that writes to <paramref name="store"/>; <paramref name="timings"/>, where given, collects time per stage.</summary>
    public Ingestor(IStoryStore store, AnalysisPipeline? pipeline = null, ReportCleaner? cleaner = null, ClusteringOptions? clustering = null, IngestTimings? timings = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.pipeline = pipeline ?? PipelineBuilder.CreateDefault();
        this.cleaner = cleaner ?? new ReportCleaner();
        this.clustering = clustering ?? ClusteringOptions.Default;
        this.timings = timings;
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
        using var spill = new ReportSpill();
        await foreach (ReadResult result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            switch (result)
            {
                case ReadFailed failed:
                    failures.Add(failed);
                    break;
                case ReportRead ok:
                    read++;
                    long t = timings?.Now() ?? 0;
                    ArticleId id = ok.Report.Id;
                    if (seenInRun.Add(id))
                    {
                        pending.Add(new PendingReport(pending.Count + duplicates, ok.Report.Published, id, spill.Write(ok.Report)));
                    }
                    else
                    {
                        duplicates++;
                    }

                    timings?.Add("hash and spill", t);

                    break;
            }

            progress?.Report(new IngestProgress("reading", read + failures.Count, null));
        }

        // From here to the last report stored this run is the archive's only writer, in any process: what is stored
        // already, the clustering state and the story numbers it gives out stay true while it works, and two runs that
        // overlap in time make the archive of one run after the other. Reading (above) needs no lock.
        progress?.Report(new IngestProgress("waiting", 0, null));
        await using IAsyncDisposable writer = await store.AcquireWriterLockAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlySet<ArticleId> stored = await store.FindExistingAsync([.. pending.Select(p => p.Id)], cancellationToken).ConfigureAwait(false);
        duplicates += pending.RemoveAll(p => stored.Contains(p.Id));

        // Date order, then input order: the order stories are built in, and so the result, depends on nothing else.
        pending.Sort((a, b) => a.Published != b.Published ? a.Published.CompareTo(b.Published) : a.Order.CompareTo(b.Order));

        var clusterer = new OnlineStoryClusterer(clustering, await store.LoadClusteringStateAsync(clustering, cancellationToken).ConfigureAwait(false));
        var saved = new Saved();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Three steps overlap, each in order where order matters: reports are analysed on every core, a bounded window
        // ahead of the assignment; they are assigned one by one in date order as each next one is ready; and the assigned
        // ones are stored in batches, in assignment order, by a task of their own. The archive is the same as when each
        // report is assigned and stored before the next: the store sees the same reports with the same assignments in the
        // same order.
        var toStore = Channel.CreateBounded<ReportToStore>(new BoundedChannelOptions(StoreQueue) { SingleReader = true, SingleWriter = true });
        var done = new StrongBox<int>(0);
        Task storing = Task.Run(() => StoreAllAsync(toStore, saved, done, pending.Count, progress, stop.Token), CancellationToken.None);
        try
        {
            IAsyncEnumerable<Analysed> analysed = OrderedParallelMap.RunAsync(pending.Select(p => ReadBack(spill, p)), Analyse, Environment.ProcessorCount, AnalysisWindow, stop.Token);
            await foreach (Analysed item in analysed.ConfigureAwait(false))
            {
                if (item.Report is not AnalyzedArticle report)
                {
                    failures.Add(new ReadFailed(item.Origin, item.Line, item.Error!));
                    progress?.Report(new IngestProgress("analysing", Interlocked.Increment(ref done.Value), pending.Count));
                    continue;
                }

                long t = timings?.Now() ?? 0;
                StoryAssignment assignment = clusterer.Assign(item.Features!);
                timings?.Add("assign", t);
                await toStore.Writer.WriteAsync(new ReportToStore(report, item.Features!, assignment), stop.Token).ConfigureAwait(false);
            }

            toStore.Writer.Complete();
            await storing.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stop the other steps; a failed store is the error to report (the closed channel is only its echo).
            toStore.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(storing).ConfigureAwait(false);
            if (storing.Exception?.InnerException is Exception storeError)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(storeError);
            }

            throw;
        }

        // Counted as the store answered: a report it found stored already (which only a writer that ignores the lock
        // could have stored meanwhile) is a duplicate, not new.
        return new IngestSummary(read, saved.Assignments.Count, duplicates + saved.AlreadyStored, failures, saved.Assignments);
    }

    // Stores the assigned reports in the order they were assigned, StoreBatchSize of them per transaction (the last
    // batch is what is left). SaveBatchAsync completes on this thread (SQLite's calls are synchronous underneath), so a
    // per-thread clock holds across it.
    private async Task StoreAllAsync(Channel<ReportToStore> channel, Saved saved, StrongBox<int> done, int total, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new List<ReportToStore>(StoreBatchSize);
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // A full batch, or what is left once the assigning loop has finished: the batches, and so what a crash
                // can lose, do not depend on how fast each side happens to run.
                while (batch.Count < StoreBatchSize && channel.Reader.TryRead(out ReportToStore? item))
                {
                    batch.Add(item);
                }

                if (batch.Count == StoreBatchSize)
                {
                    await StoreBatchAsync(batch, saved, done, total, progress, cancellationToken).ConfigureAwait(false);
                }
            }

            await StoreBatchAsync(batch, saved, done, total, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The assigning loop must not wait forever on a full channel nobody reads.
            channel.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task StoreBatchAsync(List<ReportToStore> batch, Saved saved, StrongBox<int> done, int total, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        long t = timings?.Now() ?? 0;
        IReadOnlyList<bool> isNew = await store.SaveBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        timings?.Add("store", t);
        for (int i = 0; i < batch.Count; i++)
        {
            if (isNew[i])
            {
                saved.Assignments.Add(batch[i].Assignment);
            }
            else
            {
                saved.AlreadyStored++;
            }

            progress?.Report(new IngestProgress("analysing", Interlocked.Increment(ref done.Value), total));
        }

        batch.Clear();
    }

    // Reads one report back from the spill file; called on the one thread that enumerates the pending reports.
    private SourceReport ReadBack(ReportSpill spill, PendingReport pending)
    {
        long t = timings?.Now() ?? 0;
        SourceReport report = spill.Read(pending.Offset);
        timings?.Add("read back", t);
        return report;
    }

    private Analysed Analyse(SourceReport source)
    {
        try
        {
            long t = timings?.Now() ?? 0;
            Article article = cleaner.Clean(source);
            t = timings?.Add("clean", t) ?? t;
            if (article.Body.Length == 0)
            {
                return new Analysed(null, null, source.Origin, source.Line, "no story text left after removing boilerplate");
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

            // The clusterer's view of the report depends on the report alone: made here, on every core, not in the ordered step.
            StoryFeatures features = StoryFeatures.From(analysed);
            timings?.Add("features", t);
            return new Analysed(analysed, features, source.Origin, source.Line, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // One report that breaks a stage must not stop the others; the message says which and why.
            return new Analysed(null, null, source.Origin, source.Line, $"analysis failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    // What the store took: the assignments of the reports it stored, in order, and how many it found stored already.
    // Written by the storing task alone, read once it has finished.
    private sealed class Saved
    {
        public List<StoryAssignment> Assignments { get; } = [];

        public int AlreadyStored { get; set; }
    }

    // A report's analysis and story features, or why there are none; where it came from, for the failure message.
    private readonly record struct Analysed(AnalyzedArticle? Report, StoryFeatures? Features, string Origin, int? Line, string? Error);

}
