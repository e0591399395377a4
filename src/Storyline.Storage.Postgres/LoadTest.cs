using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Text;

namespace Storyline.Storage.Postgres;

/// <summary>How a load test runs.</summary>
/// <param name="Db">The PostgreSQL store (it must hold no report).</param>
/// <param name="SamplesFolder">A folder of seed-format reports (<c>samples/reports</c>) whose sentences are recombined.</param>
/// <param name="WorkFolder">Where the generated input files go.</param>
/// <param name="WorkerCommand">The program that runs <c>storyline</c> (e.g. its path, or <c>dotnet</c> and the dll).</param>
public sealed record LoadTestOptions(string Db, string SamplesFolder, string WorkFolder, IReadOnlyList<string> WorkerCommand)
{
    /// <summary>Reports generated.</summary>
    public int Reports { get; init; } = 20_000;

    /// <summary>Worker processes, each given an equal share of the reports to ingest.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>After this the workers are killed and the test fails.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Seed of the generator.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>What a load test measured and found.</summary>
/// <param name="Generated">Distinct reports generated.</param>
/// <param name="Stored">Reports the store holds after it.</param>
/// <param name="NewByWorkers">The sum of the workers' "new" counts (each report must be counted once).</param>
/// <param name="Stories">Stories formed.</param>
/// <param name="Elapsed">From the start of the first worker to the end of the last.</param>
/// <param name="Problems">Every invariant broken, every worker that failed; empty when all went well.</param>
public sealed record LoadTestResult(int Generated, long Stored, long NewByWorkers, long Stories, TimeSpan Elapsed, IReadOnlyList<string> Problems)
{
    /// <summary>Reports stored per second of wall time.</summary>
    public double ReportsPerSecond => Elapsed.TotalSeconds > 0 ? Stored / Elapsed.TotalSeconds : 0;

    /// <summary>The CPU seconds the worker processes used (start-up included), from <c>/proc</c>; 0 where it cannot be read.</summary>
    public double WorkerCpuSeconds { get; init; }

    /// <summary>The CPU seconds the database server's processes used for the workers' connections; 0 where they cannot be read (another machine).</summary>
    public double ServerCpuSeconds { get; init; }

    /// <summary>
    /// Where the time went, in one line: the workers' and the server's CPU per report, and how busy that kept the machine's
    /// cores over the wall time (below 100 % the workers waited: for the one assigner, the server, or the machine).
    /// </summary>
    public string TimeSpent(int cores) => string.Create(
        CultureInfo.InvariantCulture,
        $"Where the time went: the workers used {WorkerCpuSeconds:F1} s of CPU ({WorkerCpuSeconds * 1000 / Math.Max(1, Stored):F2} ms/report, start-up included), the server's processes for their connections {ServerCpuSeconds:F1} s ({ServerCpuSeconds * 1000 / Math.Max(1, Stored):F2} ms/report); together {(WorkerCpuSeconds + ServerCpuSeconds) / Math.Max(0.001, Elapsed.TotalSeconds * cores):P0} of {cores} cores for {Elapsed.TotalSeconds:F1} s. Each stage's time: bench throughput --store postgres.");
}

/// <summary>
/// A bounded load test of parallel ingest on one machine: generates reports by recombining the sentences of sample
/// reports, has several <c>storyline ingest</c> processes ingest shares of them into one PostgreSQL store at once,
/// and checks the archive: each report stored exactly once, each story consistent.
/// </summary>
public static class LoadTest
{
    private static readonly string[] Outlets = ["Wire", "Daily Courier", "Evening Post", "Gazette", "Herald"];

    /// <summary>
    /// <paramref name="count"/> reports, deterministic for <paramref name="seed"/>: each takes sentences of one sample
    /// report, mixed with a few of other reports of the same story (by their file's story label where a stories.tsv
    /// sits beside the folder), in two to four paragraphs, dated within two months after its model.
    /// </summary>
    public static IReadOnlyList<SourceReport> Generate(string samplesFolder, int count, int seed)
    {
        var models = new List<(string Story, DateOnly Date, string Title, string[] Sentences)>();
        Dictionary<string, string> labels = ReadLabels(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(samplesFolder))!, "stories.tsv"));
        var tokenizer = new Tokenizer();
        var splitter = new SentenceSplitter();
        foreach (string path in Directory.GetFiles(samplesFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            string raw = File.ReadAllText(path).TrimStart();
            if (!raw.StartsWith("date ", StringComparison.Ordinal))
            {
                continue;
            }

            DateOnly date = DateOnly.ParseExact(raw.AsSpan(5, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            string body = raw[15..].Trim();
            string[] sentences = [.. splitter.Split(body, tokenizer.Tokenize(body)).Select(s => body.Substring(s.Span.Start, s.Span.Length).Trim()).Where(s => s.Length > 0)];
            string name = Path.GetFileName(path);
            models.Add((labels.GetValueOrDefault(name, name), date, Path.GetFileNameWithoutExtension(name), sentences));
        }

        if (models.Count == 0)
        {
            throw new InvalidOperationException($"{samplesFolder}: no seed-format reports to recombine");
        }

        var random = new Random(seed);
        var reports = new List<SourceReport>(count);
        for (int i = 0; i < count; i++)
        {
            var model = models[random.Next(models.Count)];
            var sameStory = models.Where(m => m.Story == model.Story).ToList();
            var paragraphs = new List<string>();
            int paragraphCount = 2 + random.Next(3);
            for (int p = 0; p < paragraphCount; p++)
            {
                var sentences = new List<string>();
                int sentenceCount = 1 + random.Next(3);
                for (int s = 0; s < sentenceCount; s++)
                {
                    var from = random.Next(4) == 0 ? sameStory[random.Next(sameStory.Count)] : model;
                    sentences.Add(from.Sentences[random.Next(from.Sentences.Length)]);
                }

                paragraphs.Add(string.Join(' ', sentences));
            }

            // One sentence of its own, so that no two generated reports are the same report.
            paragraphs.Add($"This is report {i.ToString(CultureInfo.InvariantCulture)} of the load test.");
            string title = string.Join(' ', model.Title.Split('-').Skip(1)) + " (" + i.ToString(CultureInfo.InvariantCulture) + ")";
            reports.Add(new SourceReport("load", i + 1, model.Date.AddDays(random.Next(60)), string.Join("\n\n", paragraphs), title, null, Outlets[random.Next(Outlets.Length)]));
        }

        return reports;
    }

    /// <summary>Generates the reports, runs the workers, checks the archive.</summary>
    public static async Task<LoadTestResult> RunAsync(LoadTestOptions options, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= _ => { };
        var problems = new List<string>();
        IReadOnlyList<SourceReport> reports = Generate(options.SamplesFolder, options.Reports, options.Seed);
        Directory.CreateDirectory(options.WorkFolder);
        var files = new List<string>();
        for (int w = 0; w < options.Workers; w++)
        {
            string file = Path.Combine(options.WorkFolder, $"load-{w + 1}.jsonl");
            var text = new StringBuilder();
            for (int i = w; i < reports.Count; i += options.Workers)
            {
                SourceReport r = reports[i];
                text.AppendLine(JsonSerializer.Serialize(new { date = r.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), title = r.Title, source = r.Outlet, text = r.Text }));
            }

            await File.WriteAllTextAsync(file, text.ToString(), cancellationToken).ConfigureAwait(false);
            files.Add(file);
        }

        // The ids a reader gives them: read back from the files as the workers will.
        HashSet<ArticleId> expected = [.. reports.Select(r => ArticleId.FromContent(r.Outlet, r.Published, r.Title, r.Text))];
        await using (PostgresStoryStore store = await PostgresStoryStore.OpenAsync(options.Db, null, create: true, cancellationToken).ConfigureAwait(false))
        {
            if ((await store.CountAsync(cancellationToken).ConfigureAwait(false)).Reports > 0)
            {
                throw new StoreException($"{store.Name}: the load test needs a store that holds no report");
            }
        }

        log($"generated {reports.Count} reports in {files.Count} files; starting {options.Workers} workers");
        var clock = Stopwatch.StartNew();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.TimeLimit);
        var pids = new List<int>();
        CpuSampler cpu = CpuSampler.Start(options.Db, () =>
        {
            lock (pids)
            {
                return [.. pids];
            }
        });
        var workers = files.Select(file => RunWorkerAsync(options, file, pid =>
        {
            lock (pids)
            {
                pids.Add(pid);
            }
        }, limit.Token)).ToList();
        (int? Code, string Output, string Error)[] outcomes = await Task.WhenAll(workers).ConfigureAwait(false);
        clock.Stop();
        await cpu.StopAsync().ConfigureAwait(false);

        long newByWorkers = 0;
        for (int w = 0; w < outcomes.Length; w++)
        {
            (int? code, string output, string error) = outcomes[w];
            if (code != 0)
            {
                problems.Add(code is null ? $"worker {w + 1} was stopped at the time limit ({options.TimeLimit})" : $"worker {w + 1} exited {code}: {error.Trim()}");
                continue;
            }

            try
            {
                using JsonDocument json = JsonDocument.Parse(output);
                newByWorkers += json.RootElement.GetProperty("new").GetInt64();
            }
            catch (JsonException ex)
            {
                problems.Add($"worker {w + 1} printed no summary ({ex.Message})");
            }
        }

        await using PostgresStoryStore check = await PostgresStoryStore.OpenAsync(options.Db, null, create: true, cancellationToken).ConfigureAwait(false);
        ArchiveCounts counts = await check.CountAsync(cancellationToken).ConfigureAwait(false);
        int found = (await check.FindExistingAsync(expected, cancellationToken).ConfigureAwait(false)).Count;
        if (found != expected.Count)
        {
            problems.Add($"reports lost: {expected.Count - found} of {expected.Count}");
        }

        if (counts.Reports != expected.Count)
        {
            problems.Add($"the store holds {counts.Reports} reports, {expected.Count} were generated");
        }

        if (newByWorkers != expected.Count)
        {
            problems.Add($"the workers counted {newByWorkers} new reports, {expected.Count} were generated");
        }

        problems.AddRange(await ArchiveChecks.CheckAsync(check, cancellationToken).ConfigureAwait(false));
        return new LoadTestResult(expected.Count, counts.Reports, newByWorkers, counts.Stories, clock.Elapsed, problems)
        {
            WorkerCpuSeconds = cpu.WorkerSeconds,
            ServerCpuSeconds = cpu.ServerSeconds,
        };
    }

    private static async Task<(int? Code, string Output, string Error)> RunWorkerAsync(LoadTestOptions options, string file, Action<int> started, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.WorkerCommand[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in options.WorkerCommand.Skip(1).Concat(["ingest", file, "--db", options.Db, "--json"]))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + options.WorkerCommand[0]);
        started(process.Id);
        Task<string> output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        Task<string> error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return (null, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }

        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    private static Dictionary<string, string> ReadLabels(string path)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path).Skip(1))
            {
                string[] cells = line.Split('\t');
                if (cells.Length >= 2)
                {
                    labels[cells[0]] = cells[1];
                }
            }
        }

        return labels;
    }
}
