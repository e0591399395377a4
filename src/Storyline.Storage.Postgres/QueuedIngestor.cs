using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Stories;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The ingestor of a PostgreSQL archive, for any number of processes at once (<c>ingest</c>, <c>watch</c>,
/// <c>serve</c>'s <c>POST /api/ingest</c>). Each run queues what it read (input order, first copy only, in one
/// transaction), then works: it claims queued reports of any run and analyses them (<see cref="ReportAnalyser"/>,
/// the analysis step of every ingestor), and, while it is the one assigner, assigns the analysed head of the queue to
/// stories in queue order (publication date, then id: <see cref="ReportOrder"/>, the order of <see cref="Ingestor"/>),
/// storing each batch with the update of its queue rows in one transaction. The assigner takes no report while a run
/// that joined the workers is still queueing its input, nor, for runs started together
/// (<see cref="QueuedIngestOptions.StartTogether"/>), before they have all joined: over the same input, however it is
/// shared among the runs and whatever their timing, the stories are those of a single-process run. A report queued
/// after later-dated ones were assigned is assigned after them, as in a second single-process run.
/// </summary>
public sealed class QueuedIngestor : IIngestor
{
    private readonly PostgresStoryStore store;
    private readonly ReportAnalyser analyser;
    private readonly ClusteringOptions clustering;
    private readonly IngestTimings? timings;
    private readonly QueuedIngestOptions options;

    // Waits in a row that end with no notice from another process, after which the assigner no longer leaves the
    // analysis to the others.
    private const int StallWaits = 4;

    /// <summary>An ingestor that works on <paramref name="store"/>'s queue.</summary>
    public QueuedIngestor(PostgresStoryStore store, IngestSettings? settings = null, QueuedIngestOptions? options = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        settings ??= new IngestSettings();
        timings = settings.Timings;
        analyser = settings.Analyser ?? new ReportAnalyser(timings: timings);
        clustering = settings.Clustering;
        this.options = options ?? new QueuedIngestOptions();
    }

    /// <inheritdoc />
    public async Task<IngestSummary> IngestAsync(ReportIntake intake, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        string run = Guid.NewGuid().ToString("N");
        await using IngestQueue queue = await IngestQueue.OpenAsync(store, timings, cancellationToken).ConfigureAwait(false);

        // A worker from the start: processes started together count each other before either has queued its input. Only
        // a run that helps the others is one: a run that works on its own reports only (the web server's) stops claiming
        // once they are analysed, and the assigner, counting on it, would leave the rest unanalysed until its waits
        // went silent (StallWaits, two seconds) every time.
        if (options.HelpOtherRuns)
        {
            await queue.JoinWorkersAsync(cancellationToken).ConfigureAwait(false);
        }

        int queued = await queue.EnqueueAsync(run, intake.Pending.Select(intake.ReadBack), cancellationToken).ConfigureAwait(false);
        await WorkAsync(queue, run, queued, progress, cancellationToken).ConfigureAwait(false);
        IngestQueue.RunOutcome outcome = await queue.FinishRunAsync(run, cancellationToken).ConfigureAwait(false);
        List<ReadFailed> failures = [.. intake.Failures, .. outcome.Failures.Select(f => new ReadFailed(f.Origin, f.Line, f.Reason))];
        int duplicates = intake.RepeatedInRun + (intake.Pending.Count - queued) + outcome.Duplicates;
        return new IngestSummary(intake.Read, outcome.Assignments.Count, duplicates, failures, outcome.Assignments);
    }

    private async Task WorkAsync(IngestQueue queue, string run, int total, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        IngestTimings? wall = options.Wall;
        OnlineStoryClusterer? clusterer = null;
        int silentWaits = 0;
        var input = new InputWait(options);
        while (true)
        {
            // Analysis waits while the assigner is behind: the machine's cores then go to assigning and storing. The
            // assigner analyses only once it has caught up, and not at all while another process works on the queue:
            // the one ordered step is then all it does, and only the others' processes compile and run the analysis.
            // Waits that end with no notice, StallWaits in a row, say the others are not analysing (stuck, or gone without
            // a word): the assigner then analyses too, until it hears from another process again. (A single silent wait
            // says nothing on a loaded machine, where a batch can take longer to analyse than a wait lasts; and once the
            // assigner has analysed, its process has compiled the analysis anyway.) The whole queue counts, or only this
            // run's reports: a run that helps works until nothing of any run is left (and so takes over the reports of
            // a run whose process died); one that does not stops once its own are done.
            long t = wall?.Now() ?? 0;
            IngestQueue.Counts counts = await queue.CountAsync(options.HelpOtherRuns ? null : run, cancellationToken).ConfigureAwait(false);
            bool assigner = await queue.TryBecomeAssignerAsync(cancellationToken).ConfigureAwait(false);
            wall?.Add(assigner ? "assigner: count" : "worker: count", t);

            // Until every run's input is queued (InputWait) the assigner leaves the analysis to the runs to come, as beside
            // any worker.
            bool inputQueued = input.Queued(counts);
            bool leaveAnalysis = options.AssignerLeavesAnalysis && assigner && (counts.Workers > 1 || !input.Started) && silentWaits < StallWaits;

            // Beside workers that analyse, the assigner takes a whole batch at a time, or what is left once nothing waits
            // to be analysed: a smaller batch costs the server more a report (a batch writes each of its terms' document
            // frequencies, entities and names once). Where asked (KeepUpAtTheEnd), once less than a batch is left to analyse
            // it takes what is analysed as it comes, so that less is left to assign and store on one core when the analysis
            // ends.
            bool end = options.KeepUpAtTheEnd && counts.Queued < options.AssignBatch;
            int assigned = 0;
            if (assigner && inputQueued && (!leaveAnalysis || counts.Analysed >= options.AssignBatch || counts.Queued == 0 || end))
            {
                // The assigner's clusterer starts from the store as the last writer left it, and stays right while this
                // process holds the lock: no one else assigns or stores.
                clusterer ??= new OnlineStoryClusterer(clustering, await store.LoadClusteringStateAsync(clustering, cancellationToken).ConfigureAwait(false));

                assigned = await AssignAsync(queue, clusterer, cancellationToken).ConfigureAwait(false);
            }

            int claimed = 0;
            if (!leaveAnalysis && assigned < options.AssignBatch && counts.Analysed < options.MaxAnalysedAhead && counts.Pending > 0)
            {
                t = wall?.Now() ?? 0;
                claimed = await queue.ClaimAndAnalyseAsync(options.ClaimBatch, Analyse, cancellationToken).ConfigureAwait(false);
                wall?.Add(assigner ? "assigner: claim and analyse" : "worker: claim and analyse", t);
                if (claimed > 0)
                {
                    wall?.Mark("analysed");
                }
            }

            progress?.Report(new IngestProgress("analysing", total - (int)Math.Min(counts.Pending, total), total));
            if (counts.Pending == 0)
            {
                return;
            }

            // Nothing done, or (the assigner leaving the analysis to others) less than a whole batch while reports are
            // still being analysed, or (the assigner) another run's input still to come: wait for another process to
            // join, queue, analyse or store reports. (With nothing left to
            // analyse no notice would come: the next count ends the run.)
            if ((claimed == 0 && assigned == 0) || (leaveAnalysis && assigned < options.AssignBatch && counts.Queued > 0) || (assigner && !inputQueued && claimed == 0))
            {
                t = wall?.Now() ?? 0;
                bool heard = await queue.WaitAsync(options.IdleDelay, cancellationToken).ConfigureAwait(false);
                silentWaits = heard ? 0 : silentWaits + 1;
                wall?.Add(assigner ? "assigner: wait" : "worker: wait", t);
            }
        }
    }

    // Assigns the analysed head of the queue and stores it, one transaction; the number of reports taken.
    private async Task<int> AssignAsync(IngestQueue queue, OnlineStoryClusterer clusterer, CancellationToken cancellationToken)
    {
        IngestTimings? wall = options.Wall;
        long w = wall?.Now() ?? 0;
        IReadOnlyList<IngestQueue.Ready> ready = await queue.ReadyAsync(options.AssignBatch, cancellationToken).ConfigureAwait(false);
        w = wall?.Add("assigner: read the queue", w) ?? 0;
        if (ready.Count == 0)
        {
            return 0;
        }

        // A report stored meanwhile by a writer outside the queue (which waited for this lock like any writer) is a
        // duplicate, and is not shown to the clusterer: its state stays the store's.
        IReadOnlySet<ArticleId> stored = await store.FindExistingAsync([.. ready.Select(r => r.Report.Article.Id)], cancellationToken).ConfigureAwait(false);
        w = wall?.Add("assigner: look up stored", w) ?? 0;
        var assigned = new List<(IngestQueue.Ready Ready, StoryAssignment Assignment)>(ready.Count);
        var duplicates = new List<IngestQueue.Ready>();
        foreach (IngestQueue.Ready report in ready)
        {
            if (stored.Contains(report.Report.Article.Id))
            {
                duplicates.Add(report);
                continue;
            }

            long t = timings?.Now() ?? 0;
            assigned.Add((report, clusterer.Assign(report.Features)));
            timings?.Add("assign", t);
        }

        // Not timed on the CPU clock: storing waits on the server (a per-thread clock cannot follow it); its CPU shows in
        // the process's.
        w = wall?.Add("assigner: assign", w) ?? 0;
        await queue.StoreAsync(assigned, duplicates, cancellationToken).ConfigureAwait(false);
        wall?.Add("assigner: store", w);
        return ready.Count;
    }

    /// <summary>
    /// What the assigner waits for before it takes a report: runs started together have all joined, and every run that
    /// joined has queued its input, so that it sees the whole input in its order. Each wait is bounded
    /// (<see cref="QueuedIngestOptions.StartTimeout"/>: a run that never starts, or a process stuck before it queued,
    /// must not hold the others for ever; the order may then differ from a single run's).
    /// </summary>
    private sealed class InputWait(QueuedIngestOptions options)
    {
        private readonly long waitingSince = System.Diagnostics.Stopwatch.GetTimestamp();
        private long? queueingSince;

        /// <summary>Whether the runs started together have all joined (or the wait for them timed out).</summary>
        public bool Started { get; private set; } = options.StartTogether <= 1;

        /// <summary>Whether, as of <paramref name="counts"/>, the input of every run is queued (or the wait timed out).</summary>
        public bool Queued(IngestQueue.Counts counts)
        {
            Started = Started || counts.Workers >= options.StartTogether || System.Diagnostics.Stopwatch.GetElapsedTime(waitingSince) > options.StartTimeout;
            queueingSince = counts.Queueing == 0 ? null : queueingSince ?? System.Diagnostics.Stopwatch.GetTimestamp();
            return Started && (queueingSince is not long since || System.Diagnostics.Stopwatch.GetElapsedTime(since) > options.StartTimeout);
        }
    }

    private IReadOnlyList<ReportAnalysis> Analyse(IReadOnlyList<IngestQueue.Claimed> claimed)
    {
        var results = new ReportAnalysis[claimed.Count];
        Parallel.For(0, claimed.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i => results[i] = analyser.Analyse(claimed[i].Source));
        return results;
    }
}

/// <summary>How a queued ingest run works.</summary>
public sealed record QueuedIngestOptions
{
    /// <summary>Reports claimed and analysed at a time (the claim is held while they are analysed).</summary>
    public int ClaimBatch { get; init; } = 32;

    /// <summary>Analysed reports the assigner takes from the head of the queue, and stores in one transaction, at a time.</summary>
    public int AssignBatch { get; init; } = 256;

    /// <summary>Threads that analyse one claimed batch.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Analysed reports waiting for the assigner above which no more are claimed.</summary>
    public int MaxAnalysedAhead { get; init; } = 512;

    /// <summary>
    /// The longest wait for another process's notice (reports queued, analysed or stored) when there was nothing to
    /// claim or assign; a notice ends the wait at once, so this bounds only how late a worker that died is noticed.
    /// </summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Whether the assigner leaves the analysis to the other processes while they work on the queue (so that only their
    /// processes compile and run it), or analyses too whenever it has caught up (as before; for side-by-side measurement).
    /// </summary>
    public bool AssignerLeavesAnalysis { get; init; } = true;

    /// <summary>
    /// Where given, the wall-clock time of the run's steps (the assigner's reading of the queue, assigning, storing and
    /// waiting; each worker's claiming and analysing and waiting), for the throughput benchmark: what bounds a run.
    /// </summary>
    public IngestTimings? Wall { get; init; }

    /// <summary>
    /// Whether a run works until the queue is empty, helping the other runs and finishing those of processes that died
    /// (ingest, watch), or only until its own reports are stored or failed (a web request, which should not wait for a
    /// large ingest of someone else's).
    /// </summary>
    public bool HelpOtherRuns { get; init; } = true;

    /// <summary>
    /// How many runs were started together, each with a share of one input (the throughput benchmark's workers, or
    /// several <c>ingest</c> processes over parts of one collection): the assigner takes no report until this many
    /// have joined, so that every share is in the queue before the first report is assigned and the stories are those
    /// of one run over the whole input. 1 (the default): no wait beyond the runs that have joined already.
    /// </summary>
    public int StartTogether { get; init; } = 1;

    /// <summary>
    /// Whether the assigner, beside workers that analyse, takes what is analysed as it comes once less than a batch is
    /// left to analyse (so that little is left to store when the analysis ends), or only whole batches to the end (the
    /// default: keeping up was not shown to gain on the shared machine, and it costs the server more per report; see
    /// PERFORMANCE.md, issue 24's fifth stop). For side-by-side measurement.
    /// </summary>
    public bool KeepUpAtTheEnd { get; init; }

    /// <summary>
    /// The longest the assigner waits for the runs of <see cref="StartTogether"/> to join, and, in a row, for runs that
    /// joined to queue their input.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(1);
}
