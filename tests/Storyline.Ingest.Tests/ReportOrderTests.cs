using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>
/// The stories are a function of the reports alone (date, then id: <see cref="ReportOrder"/>): not of the order the
/// input lists them in, nor of how it is shared among queued runs on PostgreSQL and of their timing.
/// </summary>
public sealed class ReportOrderTests : IDisposable
{
    private readonly ScratchFolder scratch = new("storyline-order");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task The_stories_of_one_run_do_not_depend_on_the_order_of_its_input()
    {
        // Given reports where many share a date, and the same reports listed backwards
        IReadOnlyList<SourceReport> reports = ManyOnOneDay(120, seed: 4);
        string forwards = await WriteAsync("forwards", reports);
        string backwards = await WriteAsync("backwards", [.. reports.Reverse()]);

        // When each is ingested by one process into a SQLite file of its own
        string first = await IngestSqliteAsync(forwards);
        string second = await IngestSqliteAsync(backwards);

        // Then the two archives hold the same stories, numbered alike
        await using SqliteStoryStore a = await SqliteStoryStore.OpenAsync(first);
        await using SqliteStoryStore b = await SqliteStoryStore.OpenAsync(second);
        Assert.True((await a.CountAsync()).Stories > 1, "one story: nothing to tell apart");
        Assert.Equal(await StoryFingerprint.OfAsync(a), await StoryFingerprint.OfAsync(b));
    }

    [PostgresFact]
    public async Task Two_runs_started_together_over_shares_of_one_input_make_the_stories_of_one_SQLite_run()
    {
        // Given reports where many share a date, dealt round-robin into two shares (as the throughput benchmark deals its
        // corpus to its workers), and the stories one process makes of the whole in a SQLite file
        IReadOnlyList<SourceReport> reports = ManyOnOneDay(200, seed: 8);
        string whole = await WriteAsync("whole", reports);
        string[] shares =
        [
            await WriteAsync("share-1", [.. reports.Where((_, i) => i % 2 == 0)]),
            await WriteAsync("share-2", [.. reports.Where((_, i) => i % 2 == 1)]),
        ];
        string reference = await IngestSqliteAsync(whole);

        // When two queued runs started together, each with its share, ingest into one PostgreSQL archive at once
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("order"));
        await using PostgresStoryStore first = await PostgresStoryStore.OpenAsync(db);
        await using PostgresStoryStore second = await PostgresStoryStore.OpenAsync(db);
        var options = new QueuedIngestOptions { StartTogether = 2, IdleDelay = TimeSpan.FromMilliseconds(100) };
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        IngestSummary[] runs = await Task.WhenAll(
            Task.Run(() => new QueuedIngestor(first, options: options).IngestAsync(new ReportSource(), [shares[0]], cancellationToken: limit.Token)),
            Task.Run(() => new QueuedIngestor(second, options: options).IngestAsync(new ReportSource(), [shares[1]], cancellationToken: limit.Token)));

        // Then each report is stored once, and the stories are the SQLite run's: the same reports, numbers and titles
        Assert.Equal(reports.Count, runs.Sum(r => r.New));
        Assert.Empty(await ArchiveChecks.CheckAsync(first));
        await using SqliteStoryStore expected = await SqliteStoryStore.OpenAsync(reference);
        Assert.Equal(await StoryFingerprint.OfAsync(expected), await StoryFingerprint.OfAsync(first));
    }

    // Generated reports of the sample's stories on a few days each month, so that most share their date with others.
    private static IReadOnlyList<SourceReport> ManyOnOneDay(int count, int seed) =>
        [.. LoadTest.Generate(Path.Combine(TestPaths.Samples, "reports"), count, seed).Select(r => r with
        {
            Published = new DateOnly(r.Published.Year, r.Published.Month, 1 + (r.Published.Day / 10 * 9)),
        })];

    private async Task<string> WriteAsync(string name, IReadOnlyList<SourceReport> reports)
    {
        string path = Path.Combine(scratch.Path, name + ".jsonl");
        await File.WriteAllTextAsync(path, StoryInputs.ToJsonLines(reports));
        return path;
    }

    private async Task<string> IngestSqliteAsync(string input)
    {
        string path = Path.Combine(scratch.Path, Path.GetFileNameWithoutExtension(input) + ".db");
        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(path);
        IngestSummary summary = await new Ingestor(store).IngestAsync(new ReportSource(), [input]);
        Assert.Empty(summary.Failures);
        return path;
    }
}
