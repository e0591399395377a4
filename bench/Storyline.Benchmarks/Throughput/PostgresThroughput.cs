using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Storyline.Entities.Resolution;
using Storyline.Ingest;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// The PostgreSQL half of <c>throughput --store postgres</c>: the same corpus ingested into a fresh schema by several
/// worker processes at once (each given a share of the reports, as <c>storyline ingest</c> processes would be), through
/// the queue and its one assigner, each worker timing its stages; then the archive's invariants are checked.
/// </summary>
internal static class PostgresThroughput
{
    /// <summary>
    /// Ingests the corpus in <paramref name="input"/> into a new schema of <paramref name="db"/> with
    /// <paramref name="workers"/> processes, started together; the result adds up the workers' (wall time: first start
    /// to last end). Where <paramref name="expected"/> is given (SQLite's single process over the same corpus), the
    /// stories are compared with its: a different partition of the reports is a problem, like a broken invariant.
    /// </summary>
    public static async Task<(ChildResult? Result, bool Problems)> RunAsync(string corpus, string input, string db, int workers, string work, bool keep, StoryPartition? expected, bool assignerAnalyses = false, bool startApart = false, bool keepUp = false)
    {
        string schema = "throughput_" + corpus + "_" + Guid.NewGuid().ToString("N")[..8];
        string target = db + (db.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + schema;
        // The schema is made here, before the workers' launch, and not counted in their wall time (SQLite's process makes
        // its file within its start-up, which the exec-to-exit figure counts): printed, to say how much that leaves out.
        var making = Stopwatch.StartNew();
        await (await PostgresStoryStore.OpenAsync(target).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        Console.WriteLine(FormattableString.Invariant($"// {corpus} (PostgreSQL): the new schema made in {making.Elapsed.TotalSeconds:F2} s before the workers' launch (not counted)"));
        string[] shares = await SplitAsync(input, workers, Path.Combine(work, "shares-" + corpus)).ConfigureAwait(false);
        try
        {
            var pids = new List<int>();
            CpuSampler cpu = CpuSampler.Start(db, () => { lock (pids) { return [.. pids]; } });
            ChildResult?[] results = await Task.WhenAll(shares.Select((share, i) => ThroughputCommand.RunChildAsync(
                ["throughput", "--child-queued", corpus, "--input", share, "--db", target, "--start-together", (startApart ? 1 : workers).ToString(CultureInfo.InvariantCulture), .. (assignerAnalyses ? new[] { "--assigner-analyses" } : []), .. (keepUp ? new[] { "--keep-up" } : [])],
                $"worker {i + 1}: ",
                id => { lock (pids) { pids.Add(id); } }))).ConfigureAwait(false);
            await cpu.StopAsync().ConfigureAwait(false);
            double server = cpu.ServerSeconds;
            if (results.Any(r => r is null))
            {
                return (null, true);
            }

            Console.WriteLine(FormattableString.Invariant(
                $"// {corpus} (PostgreSQL): the server's processes for the workers' connections used {server:F1} s of CPU ({server * 1000 / results.Sum(r => r!.New + r.Failed):F2} ms/report); the workers {results.Sum(r => r!.RunCpuSeconds):F1} s from their start (after start-up); the run CPU below adds both"));

            await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(target).ConfigureAwait(false);
            var problems = new List<string>(await ArchiveChecks.CheckAsync(store).ConfigureAwait(false));
            if (expected is not null)
            {
                StoryPartition made = await StoryPartition.ReadPostgresAsync(target).ConfigureAwait(false);
                (int missing, int moved, int renumbered) = made.Compare(expected);
                string verdict = missing == 0 && moved == 0 ? "equal" : "NOT equal";
                Console.WriteLine(FormattableString.Invariant(
                    $"// {corpus}: stories of PostgreSQL's {workers} workers and of SQLite's one process: partitions {verdict} ({made.Stories} / {expected.Stories} stories of {made.Reports} / {expected.Reports} reports; {moved} reports in a story with other reports, {missing} in one archive only, {renumbered} under another story number)"));
                if (verdict != "equal")
                {
                    problems.Add("the stories are not those of SQLite's single process over the same corpus");
                }
            }

            foreach (string problem in problems)
            {
                Console.WriteLine($"// PROBLEM ({corpus}, PostgreSQL): {problem}");
            }

            ChildResult combined = Combine(results!, (await store.CountAsync().ConfigureAwait(false)).Stories, server) with { Account = WallAccount.Of(results!, cpu.Samples, server) };
            return (combined, problems.Count > 0);
        }
        finally
        {
            if (!keep)
            {
                await DropAsync(db, schema).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One worker: its share into the queue and the queue into the archive, each stage timed by the thread CPU clock
    /// (the analysis, assignment and the queue's JSON; not what waits on the server, which shows in the run's CPU).
    /// </summary>
    public static async Task<int> ChildAsync(string corpus, string input, string db, int startTogether, bool assignerAnalyses = false, bool keepUp = false)
    {
        var startup = Stopwatch.StartNew();
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        _ = Gazetteer.Default.PlaceCount;
        var timings = new IngestTimings(ThreadCpuClock.Now, ThreadCpuClock.Frequency);
        await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db).ConfigureAwait(false);
        var wall = new IngestTimings();
        IIngestor ingestor = IngestorFactory.For(
            store, new IngestSettings { Analyser = new ReportAnalyser(pipeline, timings: timings), Timings = timings }, new QueuedIngestOptions { Wall = wall, AssignerLeavesAnalysis = !assignerAnalyses, StartTogether = startTogether, KeepUpAtTheEnd = keepUp });
        var source = new ReportSource(new ReaderOptions());
        double startupSeconds = startup.Elapsed.TotalSeconds;

        using var meter = RunMeter.Start();
        long started = Stopwatch.GetTimestamp();
        using ReportIntake intake = await ReportIntake.ReadAsync(source.ReadAsync([input]), null, timings).ConfigureAwait(false);
        IngestSummary summary = await ingestor.IngestAsync(intake).ConfigureAwait(false);
        long ended = Stopwatch.GetTimestamp();
        meter.StopThreads();
        double seconds = (ended - started) / (double)Stopwatch.Frequency;

        // Where this worker's wall time went: the one ordered step's parts (reading the queue, assigning, storing), the
        // analysis and the waits; what is left is reading the input, queueing it and collecting the run's outcome.
        double steps = wall.Stages.Sum(s => wall[s].TotalSeconds);
        Console.WriteLine("// wall " + seconds.ToString("F1", CultureInfo.InvariantCulture) + " s: " + string.Join(", ", wall.Stages.Select(s =>
            FormattableString.Invariant($"{s} {wall[s].TotalSeconds:F1} s"))) + FormattableString.Invariant($", the rest {seconds - steps:F1} s"));
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(meter.Fill(ThroughputCommand.Measure(summary, seconds, startupSeconds, 0, 0, timings) with
        {
            StartedAt = ToUnixSeconds(started),
            EndedAt = ToUnixSeconds(ended),
            AnalysedAt = wall.MarkedAt("analysed") ?? 0,
        })));
        return 0;
    }

    // The workers' results as one run: counts and stage times added up, wall time from the first start to the last end.
    private static ChildResult Combine(IReadOnlyList<ChildResult> results, long stories, double serverCpu)
    {
        double wall = results.Max(r => r.EndedAt) - results.Min(r => r.StartedAt);
        var stages = new List<StageTime>();
        foreach (StageTime stage in results.SelectMany(r => r.Stages))
        {
            int at = stages.FindIndex(s => s.Name == stage.Name);
            if (at < 0)
            {
                stages.Add(stage);
            }
            else
            {
                stages[at] = stages[at] with { Seconds = stages[at].Seconds + stage.Seconds };
            }
        }

        return new ChildResult(
            wall, results.Max(r => r.StartupSeconds), results.Sum(r => r.New), results.Sum(r => r.Duplicates), results.Sum(r => r.Failed), stories,
            results.Max(r => r.PeakWorkingSetBytes), 0, results.Sum(r => r.ProcessCpuSeconds), [.. stages])
        {
            AllocatedBytes = results.Sum(r => r.AllocatedBytes),
            GcPauseSeconds = results.Sum(r => r.GcPauseSeconds),
            JitMethods = results.Sum(r => r.JitMethods),
            JitSeconds = results.Sum(r => r.JitSeconds),
            CompilerThreadCpuSeconds = results.Sum(r => r.CompilerThreadCpuSeconds),
            CollectorThreadsCpuSeconds = results.Sum(r => r.CollectorThreadsCpuSeconds),
            Collections = [.. Enumerable.Range(0, 3).Select(g => results.Sum(r => r.Collections.ElementAtOrDefault(g)))],
            RunCpuSeconds = results.Sum(r => r.RunCpuSeconds) + serverCpu,
            ServerCpuSeconds = serverCpu,
        };
    }

    // The corpus's lines dealt round-robin into `count` files, in input order within each.
    private static async Task<string[]> SplitAsync(string input, int count, string folder)
    {
        Directory.CreateDirectory(folder);
        var writers = Enumerable.Range(0, count).Select(i => new StreamWriter(Path.Combine(folder, $"share-{i + 1}.jsonl"))).ToArray();
        try
        {
            int n = 0;
            foreach (string file in Directory.GetFiles(input, "*.jsonl").Order(StringComparer.Ordinal))
            {
                foreach (string line in File.ReadLines(file))
                {
                    await writers[n++ % count].WriteLineAsync(line).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (StreamWriter writer in writers)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }

        return [.. Enumerable.Range(0, count).Select(i => Path.Combine(folder, $"share-{i + 1}.jsonl"))];
    }

    private static async Task DropAsync(string db, string schema)
    {
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    // A timestamp of this machine's monotonic clock in seconds; the workers run on one machine, so theirs compare.
    private static double ToUnixSeconds(long timestamp) => timestamp / (double)Stopwatch.Frequency;

    /// <summary>The argument that picks this mode, and its worker count.</summary>
    public static int Workers(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue("--workers", out string? n) ? int.Parse(n, CultureInfo.InvariantCulture) : 2;
}
