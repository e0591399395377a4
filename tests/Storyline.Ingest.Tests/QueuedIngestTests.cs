using System.Text.Json;
using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>
/// Parallel ingest into PostgreSQL by real <c>storyline ingest</c> processes: each report stored once, the stories
/// those of a single-process run over the same input, and a small version of the load test.
/// </summary>
public sealed class QueuedIngestTests : IDisposable
{
    private readonly ScratchFolder scratch = new("storyline-queued");

    public void Dispose() => scratch.Dispose();

    [PostgresFact]
    public async Task Three_processes_at_once_store_each_report_once_in_the_stories_of_a_single_process_run()
    {
        // Given generated reports over three months, in one JSON Lines file
        string input = Path.Combine(scratch.Path, "reports.jsonl");
        IReadOnlyList<SourceReport> reports = LoadTest.Generate(Path.Combine(TestPaths.Samples, "reports"), 160, seed: 5);
        await File.WriteAllTextAsync(input, StoryInputs.ToJsonLines(reports));

        // And the stories a single process makes of it in a SQLite file
        string reference = Path.Combine(scratch.Path, "reference.db");
        await using (SqliteStoryStore sqlite = await SqliteStoryStore.OpenAsync(reference))
        {
            IngestSummary single = await new Ingestor(sqlite).IngestAsync(new ReportSource(), [input]);
            Assert.Equal(160, single.New);
        }

        // When three processes ingest it into one PostgreSQL store at the same time
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("three"));
        JsonElement[] outputs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StorylineProcess.IngestAsync(input, db)));

        // Then each report was stored once, counted as new by exactly one process, and the stories are the same
        Assert.Equal(160, outputs.Sum(o => o.GetProperty("new").GetInt32()));
        await using PostgresStoryStore postgres = await PostgresStoryStore.OpenAsync(db);
        Assert.Empty(await ArchiveChecks.CheckAsync(postgres));
        await using SqliteStoryStore expected = await SqliteStoryStore.OpenAsync(reference);
        Assert.Equal(await expected.CountAsync(), await postgres.CountAsync());
        Assert.Equal(await StoryFingerprint.OfAsync(expected), await StoryFingerprint.OfAsync(postgres));
    }

    [PostgresFact]
    public async Task A_small_load_test_keeps_every_invariant()
    {
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("load"));
        string program = Path.Combine(AppContext.BaseDirectory, "storyline.dll");
        var options = new LoadTestOptions(db, Path.Combine(TestPaths.Samples, "reports"), Path.Combine(scratch.Path, "load"), ["dotnet", program])
        {
            Reports = 120,
            Workers = 4,
            TimeLimit = TimeSpan.FromMinutes(5),
        };

        LoadTestResult result = await LoadTest.RunAsync(options);

        Assert.Empty(result.Problems);
        Assert.Equal(120, result.Stored);
        Assert.Equal(120, result.NewByWorkers);
        Assert.True(result.Stories > 0);

        // and it says where the time went: four .NET processes and their server processes did use CPU
        Assert.True(result.WorkerCpuSeconds > 0.5, $"worker CPU {result.WorkerCpuSeconds} s");
        Assert.True(result.ServerCpuSeconds > 0, $"server CPU {result.ServerCpuSeconds} s");
        Assert.StartsWith("Where the time went: the workers used ", result.TimeSpent(2), StringComparison.Ordinal);
    }
}
