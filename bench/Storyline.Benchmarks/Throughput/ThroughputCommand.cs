using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Storyline.Entities.Resolution;
using Storyline.Ingest;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// The end-to-end throughput run: the real ingest (read JSON Lines, clean, analyse on every core, assign in order,
/// store in a fresh SQLite file) over Timeline17's reports and over generated archives of 1,000, 10,000 and 100,000
/// reports. Each corpus runs in a process of its own, so that its peak working set is its own; the parent prints
/// reports/s, MB/s, words/s, time per report, peak memory, and the time of every stage.
/// </summary>
internal static class ThroughputCommand
{
    private const string Usage = """
        throughput [--corpora 1000,10000,timeline17,100000] [--data ../shared/data/timelines/timeline17] [--work DIR] [--keep] [--prepare]
                   [--store postgres --db postgres://… [--workers 2] [--assigner-analyses] [--start-apart] [--keep-up]]

          --corpora  which corpora to run, in order (default all four, smallest first)
          --data     the Timeline17 folder (real reports, and the sentences the archives are made of)
          --work     where the inputs and the stores go (default $TMPDIR/storyline-throughput; inputs are reused)
          --keep     keep each run's store (deleted by default)
          --prepare  only make the inputs (the 100,000-report archive takes a while), run nothing
          --store    postgres: each corpus also into PostgreSQL (a new schema of --db, default $STORYLINE_TEST_POSTGRES)
                     by --workers queued worker processes at once (default 2), right after the SQLite run; prints both,
                     the ratio of their reports/s, the CPU of the server's processes for the workers' connections, and
                     whether the two stores made the same stories (the same partition of the reports); exits 1 when
                     they did not or an invariant of the archive broke
          --assigner-analyses  the queue's assigner analyses too whenever it has caught up (the behaviour before it left
                     the analysis to the other workers), to compare the two in one build
          --start-apart  the workers are not told they start together: the assigner waits only for the input of those
                     that have joined (the stories may then differ from SQLite's), to compare the two in one build
          --keep-up  once less than a batch is left to analyse, the assigner takes what is analysed as it comes instead of
                     whole batches (an experiment, not adopted), to compare the two in one build

        Each store's run is also printed as a user sees it: every process from exec to exit, the run's CPU, and the
        core-time it left idle (cores × wall − CPU) in start-up, steady state and the tail; and the two stores' ratio so.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h")
            {
                Console.WriteLine(Usage);
                return 0;
            }

            options[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        if (options.TryGetValue("--child", out string? corpus))
        {
            return await ChildAsync(corpus, options["--input"], options["--db"]).ConfigureAwait(false);
        }

        if (options.TryGetValue("--child-queued", out string? worker))
        {
            int together = options.TryGetValue("--start-together", out string? n) ? int.Parse(n, CultureInfo.InvariantCulture) : 1;
            return await PostgresThroughput.ChildAsync(worker, options["--input"], options["--db"], together, options.ContainsKey("--assigner-analyses"), options.ContainsKey("--keep-up")).ConfigureAwait(false);
        }

        bool postgres = options.GetValueOrDefault("--store") == "postgres";
        string? pg = options.GetValueOrDefault("--db") ?? Environment.GetEnvironmentVariable("STORYLINE_TEST_POSTGRES");
        if (postgres && string.IsNullOrWhiteSpace(pg))
        {
            Console.Error.WriteLine("error: --store postgres needs --db postgres://user@host:port/database (or STORYLINE_TEST_POSTGRES)");
            return 2;
        }

        string data = options.GetValueOrDefault("--data") ?? BenchText.Timeline17Folder();
        string work = options.GetValueOrDefault("--work") ?? Path.Combine(Path.GetTempPath(), "storyline-throughput");
        string[] corpora = (options.GetValueOrDefault("--corpora") ?? "1000,10000,timeline17,100000").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (!Directory.Exists(data))
        {
            Console.Error.WriteLine($"error: {data}: no Timeline17 folder (give --data)");
            return 2;
        }

        Directory.CreateDirectory(work);
        Console.WriteLine($"// {Environment.ProcessorCount} cores, {RuntimeInfo()}, load average {LoadAverage()}");
        var rows = new List<(CorpusInfo Corpus, string Store, ChildResult Result)>();
        bool problems = false;
        foreach (string name in corpora)
        {
            string input = Path.Combine(work, "input-" + name);
            var generating = Stopwatch.StartNew();
            CorpusInfo info = name == "timeline17"
                ? ArchiveGenerator.Timeline17(data, input)
                : ArchiveGenerator.Generate(data, int.Parse(name, CultureInfo.InvariantCulture), input);
            Console.WriteLine($"// {name}: {info.Reports:N0} reports, {info.Words:N0} words, {info.Bytes / 1e6:F1} MB in {input} (ready in {generating.Elapsed.TotalSeconds:F0} s)");
            if (options.ContainsKey("--prepare"))
            {
                continue;
            }

            string db = Path.Combine(work, $"run-{name}.db");
            DeleteStore(db);
            string[] child = ["throughput", "--child", name, "--input", input, "--db", db];
            var pids = new List<int>();
            CpuSampler sampler = CpuSampler.Start(null, () => { lock (pids) { return [.. pids]; } });
            ChildResult? result = await RunChildAsync(child, started: id => { lock (pids) { pids.Add(id); } }).ConfigureAwait(false);
            await sampler.StopAsync().ConfigureAwait(false);
            result = result is null ? null : result with { Account = WallAccount.Of([result], sampler.Samples, 0) };
            StoryPartition? single = postgres && result is not null ? await StoryPartition.ReadSqliteAsync(db).ConfigureAwait(false) : null;
            if (!options.ContainsKey("--keep"))
            {
                DeleteStore(db);
            }

            if (result is null)
            {
                Console.Error.WriteLine($"error: the {name} run failed");
                return 1;
            }

            rows.Add((info, "SQLite, 1 process", result));
            Print(info, "SQLite", result);
            if (postgres)
            {
                int workers = PostgresThroughput.Workers(options);
                (ChildResult? queued, bool failed) = await PostgresThroughput.RunAsync(name, input, pg!, workers, work, options.ContainsKey("--keep"), single, options.ContainsKey("--assigner-analyses"), options.ContainsKey("--start-apart"), options.ContainsKey("--keep-up")).ConfigureAwait(false);
                problems |= failed;
                if (queued is null)
                {
                    Console.Error.WriteLine($"error: the {name} run into PostgreSQL failed");
                    return 1;
                }

                rows.Add((info, $"PostgreSQL, {workers} processes", queued));
                Print(info, $"PostgreSQL, {workers} worker processes", queued);
                Console.WriteLine(FormattableString.Invariant(
                    $"// {name}: PostgreSQL with {workers} workers / SQLite in one process = {info.Reports / queued.WallSeconds:N1} / {info.Reports / result.WallSeconds:N1} reports/s = {result.WallSeconds / queued.WallSeconds:F2} (each from the end of its start-up); load average {LoadAverage()}"));
                if (queued.Account is WallAccount pa && result.Account is WallAccount sa)
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"// {name}: exec to exit, PostgreSQL with {workers} workers / SQLite in one process = {info.Reports / pa.Wall:N1} / {info.Reports / sa.Wall:N1} reports/s = {sa.Wall / pa.Wall:F3}; CPU SQLite / PostgreSQL = {sa.Cpu * 1000 / info.Reports:F2} / {pa.Cpu * 1000 / info.Reports:F2} ms/report = {sa.Cpu / pa.Cpu:F3}; idle core-s SQLite / PostgreSQL {sa.Idle:F2} / {pa.Idle:F2} (start-up {sa.StartUp.Idle:F2} / {pa.StartUp.Idle:F2}, steady {sa.Steady.Idle:F2} / {pa.Steady.Idle:F2}, tail {sa.Tail.Idle:F2} / {pa.Tail.Idle:F2})"));
                }
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine("| corpus | store | reports | words/report | MB | wall | reports/s | MB/s | words/s | ms/report (wall) | stages ms/report | run CPU ms/report | peak working set |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach ((CorpusInfo info, string store, ChildResult r) in rows)
        {
            double seconds = r.WallSeconds;
            Console.WriteLine(FormattableString.Invariant(
                $"| {info.Name} | {store} | {info.Reports:N0} | {info.Words / (double)info.Reports:N0} | {info.Bytes / 1e6:F1} | {seconds:F1} s | {info.Reports / seconds:N0} | {info.Bytes / 1e6 / seconds:F2} | {info.Words / seconds:N0} | {seconds * 1000 / info.Reports:F2} | {r.Stages.Sum(s => s.Seconds) * 1000 / Math.Max(1, r.New + r.Failed):F2} | {r.RunCpuSeconds * 1000 / Math.Max(1, r.New + r.Failed):F2} | {r.PeakWorkingSetBytes / 1048576.0:N0} MiB |"));
        }

        Console.WriteLine($"// load average at the end {LoadAverage()}");
        if (problems)
        {
            Console.Error.WriteLine("error: a PostgreSQL run broke an invariant or made other stories than SQLite's (the PROBLEM lines above)");
            return 1;
        }

        return 0;
    }

    private static void Print(CorpusInfo info, string store, ChildResult r)
    {
        foreach (string line in r.Account?.Lines(info.Name, store, info.Reports) ?? [])
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(FormattableString.Invariant(
            $"{info.Name} ({store}): {r.New:N0} new, {r.Duplicates:N0} duplicate, {r.Failed:N0} failed, {r.Stories:N0} stories; {r.WallSeconds:F1} s wall ({info.Reports / r.WallSeconds:N0} reports/s), start-up {r.StartupSeconds:F1} s, peak working set {r.PeakWorkingSetBytes / 1048576.0:N0} MiB, store {r.StoreBytes / 1e6:N0} MB"));
        Console.WriteLine($"  stage                CPU-s ({(ThreadCpuClock.Available ? "thread CPU clock" : "stopwatch")})   ms/report   share");
        double total = r.Stages.Sum(s => s.Seconds);
        int reports = Math.Max(1, r.New + r.Failed);
        foreach (StageTime stage in r.Stages)
        {
            Console.WriteLine(FormattableString.Invariant($"  {stage.Name,-20} {stage.Seconds,9:F2} {stage.Seconds * 1000 / reports,11:F3}   {100 * stage.Seconds / total,5:F1} %"));
        }

        // What two idle cores would give: assignment and storing each run on one thread (overlapping each other and the
        // analysis), so neither can go faster than its own CPU time; and all the work together cannot go faster than its
        // CPU time over the cores.
        double ordered = r.Stages.Where(s => s.Name is "assign" or "store").Select(s => s.Seconds).DefaultIfEmpty(0).Max() / reports;
        double all = total / reports;
        double bound = Math.Max(ordered, all / Environment.ProcessorCount);
        Console.WriteLine(FormattableString.Invariant(
            $"  CPU per report {all * 1000:F2} ms, the slower ordered step {ordered * 1000:F2} ms: at most {1 / bound:N0} reports/s on {Environment.ProcessorCount} idle cores; process CPU {r.ProcessCpuSeconds:F1} s"));
        Console.WriteLine(FormattableString.Invariant(
            $"  run CPU {r.RunCpuSeconds * 1000 / reports:F2} ms/report (after start-up{(r.ServerCpuSeconds > 0 ? $"; the server's {r.ServerCpuSeconds * 1000 / reports:F2}" : string.Empty)}), of which in the stages above {all * 1000:F2}, elsewhere {(r.RunCpuSeconds - total) * 1000 / reports:F2} (storing, driver, compiling code, garbage collection, runtime); {r.JitMethods:N0} methods compiled after start-up in {r.JitSeconds:F2} s ({r.JitSeconds * 1000 / reports:F2} ms/report)"));
        Console.WriteLine(FormattableString.Invariant(
            $"  runtime threads' CPU: the background compiler {r.CompilerThreadCpuSeconds:F2} s ({r.CompilerThreadCpuSeconds * 1000 / reports:F2} ms/report), the garbage collector {r.CollectorThreadsCpuSeconds:F2} s ({r.CollectorThreadsCpuSeconds * 1000 / reports:F2} ms/report)"));
        Console.WriteLine(FormattableString.Invariant(
            $"  allocated {r.AllocatedBytes / 1048576.0:N0} MiB ({r.AllocatedBytes / 1024.0 / reports:N0} KiB/report), GC pauses {r.GcPauseSeconds:F2} s, collections (gen 0/1/2) {string.Join('/', r.Collections)}"));
    }

    // One corpus into a fresh store, in this process; the result is the last line of standard output.
    private static async Task<int> ChildAsync(string corpus, string input, string db)
    {
        var startup = Stopwatch.StartNew();
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        _ = Gazetteer.Default.PlaceCount;
        var timings = new IngestTimings(ThreadCpuClock.Now, ThreadCpuClock.Frequency);
        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(db).ConfigureAwait(false);
        var ingestor = new Ingestor(store, new IngestSettings { Analyser = new ReportAnalyser(pipeline, timings: timings), Timings = timings });
        var source = new ReportSource(new ReaderOptions());
        double startupSeconds = startup.Elapsed.TotalSeconds;

        using var meter = RunMeter.Start();
        double startedAt = MonotonicSeconds();
        var clock = Stopwatch.StartNew();
        var progress = new ConsoleProgress(corpus);
        using ReportIntake intake = await ReportIntake.ReadAsync(source.ReadAsync([input]), progress, timings).ConfigureAwait(false);
        IngestSummary summary = await ingestor.IngestAsync(intake, progress).ConfigureAwait(false);
        double wallSeconds = clock.Elapsed.TotalSeconds;
        double endedAt = MonotonicSeconds();

        meter.StopThreads();
        ArchiveCounts counts = await store.CountAsync().ConfigureAwait(false);
        long storeBytes = new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        ChildResult result = Measure(summary, wallSeconds, startupSeconds, counts.Stories, storeBytes, timings) with
        {
            StartedAt = startedAt,
            EndedAt = endedAt,
            AnalysedAt = timings.MarkedAt("analysed") ?? endedAt,
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(meter.Fill(result)));
        return 0;
    }

    /// <summary>This process's CPU time so far, in seconds.</summary>
    internal static double ProcessCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>What a run measured: its counts and times, and this process's memory, CPU and garbage collection.</summary>
    internal static ChildResult Measure(IngestSummary summary, double wallSeconds, double startupSeconds, long stories, long storeBytes, IngestTimings timings)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(timings);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        foreach (ReadFailed failure in summary.Failures.Take(5))
        {
            Console.Error.WriteLine($"failed: {failure.Location}: {failure.Reason}");
        }

        return new ChildResult(
            wallSeconds, startupSeconds, summary.New, summary.Duplicates, summary.Failed, stories, self.PeakWorkingSet64, storeBytes, self.TotalProcessorTime.TotalSeconds,
            [.. timings.Stages.Select(s => new StageTime(s, timings[s].TotalSeconds))])
        {
            AllocatedBytes = GC.GetTotalAllocatedBytes(),
            GcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds,
            Collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)],
        };
    }

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/>; its lines are echoed (after <paramref name="prefix"/>),
    /// its RESULT line returned with when it was launched and exited; <paramref name="started"/> is told its process id.
    /// </summary>
    internal static async Task<ChildResult?> RunChildAsync(IReadOnlyList<string> arguments, string prefix = "", Action<int>? started = null)
    {
        // This program again: the apphost, or dotnet with this assembly.
        string self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ThroughputCommand).Assembly.Location);
        }

        foreach (string arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        double launched = MonotonicSeconds();
        using Process process = Process.Start(start)!;
        started?.Invoke(process.Id);
        ChildResult? result = null;
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is string line)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<ChildResult>(line["RESULT ".Length..]);
            }
            else
            {
                Console.WriteLine(prefix + line);
            }
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        double exited = MonotonicSeconds();
        return process.ExitCode == 0 ? result! with { LaunchedAt = launched, ExitedAt = exited, ProcessId = process.Id } : null;
    }

    /// <summary>This machine's monotonic clock (the stopwatch's) in seconds: the same in every process, so theirs compare.</summary>
    internal static double MonotonicSeconds() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private static void DeleteStore(string db)
    {
        foreach (string file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// Progress every fiftieth of the run, printed at once: stored reports, wall time, and the process's CPU time and
    /// working set, with the CPU time per report over the last interval, so that growth of cost shows within one run.
    /// </summary>
    private sealed class ConsoleProgress(string corpus) : IProgress<IngestProgress>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Process self = Process.GetCurrentProcess();
        private int lastStep = -1;
        private int lastDone;
        private double lastCpu;
        private double readUntil;

        public void Report(IngestProgress value)
        {
            if (value.Stage == "reading")
            {
                // Every report is read (and its id hashed, and it is spilled) before the first is analysed: the date order needs all of them.
                readUntil = clock.Elapsed.TotalSeconds;
                return;
            }

            if (value.Stage != "analysing" || value.Total is not int total || total == 0)
            {
                return;
            }

            if (lastStep == -1)
            {
                Console.WriteLine(FormattableString.Invariant($"//   {corpus}: reading took {readUntil:F1} s"));
            }

            int step = value.Done * 50 / total;
            if (step == lastStep)
            {
                return;
            }

            lastStep = step;
            self.Refresh();
            double cpu = self.TotalProcessorTime.TotalSeconds;
            double perReport = value.Done > lastDone ? (cpu - lastCpu) * 1000 / (value.Done - lastDone) : 0;
            (lastDone, lastCpu) = (value.Done, cpu);
            Console.WriteLine(FormattableString.Invariant(
                $"//   {corpus}: {value.Done:N0}/{total:N0} stored at {clock.Elapsed.TotalSeconds:F0} s; process CPU {cpu:F0} s ({perReport:F1} ms/report since the last line); working set {self.WorkingSet64 / 1048576:N0} MiB, peak {self.PeakWorkingSet64 / 1048576:N0} MiB; load {LoadAverage()}"));
        }
    }
}

/// <summary>What one corpus run measured.</summary>
internal sealed record ChildResult(
    double WallSeconds, double StartupSeconds, int New, int Duplicates, int Failed, long Stories, long PeakWorkingSetBytes, long StoreBytes, double ProcessCpuSeconds, StageTime[] Stages)
{
    /// <summary>Bytes allocated on the managed heap over the whole process (start-up included).</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>Time the garbage collector paused the program, over the whole process.</summary>
    public double GcPauseSeconds { get; init; }

    /// <summary>Collections of generations 0, 1 and 2.</summary>
    public int[] Collections { get; init; } = [];

    /// <summary>The CPU time of the database server's processes for the run (PostgreSQL), included in <see cref="RunCpuSeconds"/>.</summary>
    public double ServerCpuSeconds { get; init; }

    /// <summary>The process's CPU time from the start of the run (after start-up) to its end (for PostgreSQL, the workers' and the server's).</summary>
    public double RunCpuSeconds { get; init; }

    /// <summary>Methods compiled (JIT, every tier) after start-up: each process compiles what it runs, once or twice.</summary>
    public long JitMethods { get; init; }

    /// <summary>Time the JIT spent compiling those methods (every thread: the background tier-1 compiles too), in seconds.</summary>
    public double JitSeconds { get; init; }

    /// <summary>CPU of the runtime's background compiler thread over the run (tier-1 recompiles), in seconds.</summary>
    public double CompilerThreadCpuSeconds { get; init; }

    /// <summary>CPU of the garbage collector's threads over the run, in seconds.</summary>
    public double CollectorThreadsCpuSeconds { get; init; }

    /// <summary>When the run started after start-up, on this machine's monotonic clock (seconds), for runs of several processes.</summary>
    public double StartedAt { get; init; }

    /// <summary>When it ended, on the same clock.</summary>
    public double EndedAt { get; init; }

    /// <summary>When the last report was analysed (and, in one process, assigned), on the same clock; 0 where this process analysed none.</summary>
    public double AnalysedAt { get; init; }

    /// <summary>The process's CPU seconds from exec to the end of its start-up (when the run's clock starts).</summary>
    public double StartupCpuSeconds { get; init; }

    /// <summary>The process's CPU seconds from exec to its last line (the result), start-up included.</summary>
    public double ExitCpuSeconds { get; init; }

    /// <summary>When the parent launched the process, on the same clock (set by the parent).</summary>
    public double LaunchedAt { get; init; }

    /// <summary>When the parent saw it exit, on the same clock (set by the parent).</summary>
    public double ExitedAt { get; init; }

    /// <summary>The process's id (set by the parent).</summary>
    public int ProcessId { get; init; }

    /// <summary>The run as a user sees it, exec to exit (set by the parent; not from a child).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public WallAccount? Account { get; init; }
}

/// <summary>Thread time spent in one stage.</summary>
internal sealed record StageTime(string Name, double Seconds);
