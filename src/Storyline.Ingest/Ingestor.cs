using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Stories;

namespace Storyline.Ingest;

/// <summary>
/// Reads reports, drops the ones already stored, cleans and analyses the rest in parallel, assigns them to stories
/// one at a time in date order (then id: <see cref="ReportOrder"/>), and stores them with their assignments in that order, a batch of
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
public sealed class Ingestor : IIngestor
{
    // Reports analysed ahead of the assignment: enough to keep every core busy while one slow report is assigned.
    private const int AnalysisWindow = 64;

    // Assigned reports waiting to be stored.
    private const int StoreQueue = 256;

    // Reports stored per transaction: one commit (and one full-text index segment) per batch instead of per report.
    // A crash loses at most the batch being written; a rerun stores it.
    private const int StoreBatchSize = 128;
    private readonly IStoryStore store;
    private readonly ReportAnalyser analyser;
    private readonly ClusteringOptions clustering;
    private readonly IngestTimings? timings;

    /// <summary>An ingestor that writes to <paramref name="store"/>.</summary>
    public Ingestor(IStoryStore store, IngestSettings? settings = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        settings ??= new IngestSettings();
        timings = settings.Timings;
        analyser = settings.Analyser ?? new ReportAnalyser(timings: timings);
        clustering = settings.Clustering;
    }

    /// <inheritdoc />
    public async Task<IngestSummary> IngestAsync(ReportIntake intake, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var failures = new List<ReadFailed>(intake.Failures);
        int duplicates = intake.RepeatedInRun;

        // From here to the last report stored this run is the archive's only writer, in any process: what is stored
        // already, the clustering state and the story numbers it gives out stay true while it works, and two runs that
        // overlap in time make the archive of one run after the other. Reading (the intake) needs no lock.
        Task<IAsyncDisposable> locking = store.AcquireWriterLockAsync(cancellationToken);
        if (progress is not null && await Task.WhenAny(locking, Task.Delay(200, cancellationToken)).ConfigureAwait(false) != locking)
        {
            progress.Report(new IngestProgress("waiting", 0, null));
        }

        await using IAsyncDisposable writer = await locking.ConfigureAwait(false);
        var pending = new List<PendingReport>(intake.Pending);
        IReadOnlySet<ArticleId> stored = await store.FindExistingAsync([.. pending.Select(p => p.Id)], cancellationToken).ConfigureAwait(false);
        duplicates += pending.RemoveAll(p => stored.Contains(p.Id));

        // Date order, then the reports' ids (hashes of their content): the order stories are built in, and so the result,
        // depends on nothing else: not on how the input was listed, nor on how it was shared among writers (a queued run
        // of PostgreSQL takes its reports in the same order, whichever process read them: see ReportOrder).
        pending.Sort(ReportOrder.Compare);

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
            IAsyncEnumerable<(SourceReport Source, ReportAnalysis Analysis)> analysed = OrderedParallelMap.RunAsync(
                pending.Select(p => ReadBack(intake, p)), source => (source, analyser.Analyse(source)), Environment.ProcessorCount, AnalysisWindow, stop.Token);
            await foreach ((SourceReport source, ReportAnalysis analysis) in analysed.ConfigureAwait(false))
            {
                if (analysis.Report is not AnalyzedArticle report || analysis.Features is not StoryFeatures features)
                {
                    failures.Add(new ReadFailed(source.Origin, source.Line, analysis.Error!));
                    progress?.Report(new IngestProgress("analysing", Interlocked.Increment(ref done.Value), pending.Count));
                    continue;
                }

                long t = timings?.Now() ?? 0;
                StoryAssignment assignment = clusterer.Assign(features);
                timings?.Add("assign", t);
                await toStore.Writer.WriteAsync(new ReportToStore(report, features, assignment), stop.Token).ConfigureAwait(false);
            }

            // Every report analysed and assigned; what is left is storing the last batches (the benchmark's tail).
            timings?.Mark("analysed");
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
        return new IngestSummary(intake.Read, saved.Assignments.Count, duplicates + saved.AlreadyStored, failures, saved.Assignments);
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
    private SourceReport ReadBack(ReportIntake intake, PendingReport pending)
    {
        long t = timings?.Now() ?? 0;
        SourceReport report = intake.ReadBack(pending);
        timings?.Add("read back", t);
        return report;
    }

    // What the store took: the assignments of the reports it stored, in order, and how many it found stored already.
    // Written by the storing task alone, read once it has finished.
    private sealed class Saved
    {
        public List<StoryAssignment> Assignments { get; } = [];

        public int AlreadyStored { get; set; }
    }
}
