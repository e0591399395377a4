using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>
/// How the queue's processes know of each other: the workers that joined are counted until their queue closes, a wait
/// ends at another session's notice (never at the process's own), and an assigner beside a worker that does nothing
/// still analyses and stores everything.
/// </summary>
public sealed class QueueNoticeTests : IDisposable
{
    private readonly ScratchFolder scratch = new("storyline-notice");

    public void Dispose() => scratch.Dispose();

    [PostgresFact]
    public async Task Workers_are_the_sessions_that_joined_until_their_queue_closes()
    {
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("workers"));
        await using PostgresStoryStore first = await PostgresStoryStore.OpenAsync(db);
        await using PostgresStoryStore second = await PostgresStoryStore.OpenAsync(db);
        await using IngestQueue a = await IngestQueue.OpenAsync(first);

        Assert.Equal(0, (await a.CountAsync()).Workers);
        await a.JoinWorkersAsync();
        Assert.Equal(1, (await a.CountAsync()).Workers);

        // a run that joined holds the assigner back until its input is queued (nothing new, here)
        Assert.Equal(1, (await a.CountAsync()).Queueing);
        Assert.Equal(0, await a.EnqueueAsync("run-a", []));
        Assert.Equal(0, (await a.CountAsync()).Queueing);
        Assert.Equal(1, (await a.CountAsync()).Workers);

        await using (IngestQueue b = await IngestQueue.OpenAsync(second))
        {
            await b.JoinWorkersAsync();
            Assert.Equal(2, (await a.CountAsync()).Workers);
        }

        Assert.Equal(1, (await a.CountAsync()).Workers);

        // and another schema's workers are not this one's
        await using PostgresStoryStore elsewhere = await PostgresStoryStore.OpenAsync(TestPostgres.WithSchema(TestPostgres.NewSchema("workers")));
        await using IngestQueue other = await IngestQueue.OpenAsync(elsewhere);
        await other.JoinWorkersAsync();
        Assert.Equal(1, (await a.CountAsync()).Workers);
        Assert.Equal(1, (await other.CountAsync()).Workers);
    }

    [PostgresFact]
    public async Task A_wait_ends_at_another_sessions_notice_and_not_at_its_own()
    {
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("notice"));
        IReadOnlyList<SourceReport> reports = LoadTest.Generate(Path.Combine(TestPaths.Samples, "reports"), 2, seed: 3);
        await using PostgresStoryStore first = await PostgresStoryStore.OpenAsync(db);
        await using PostgresStoryStore second = await PostgresStoryStore.OpenAsync(db);
        await using IngestQueue a = await IngestQueue.OpenAsync(first);
        await using IngestQueue b = await IngestQueue.OpenAsync(second);

        // Nothing happened: the wait runs out
        Assert.False(await a.WaitAsync(TimeSpan.FromMilliseconds(100)));

        // Its own queueing is no news to it
        Assert.Equal(1, await a.EnqueueAsync("run-a", [reports[0]]));
        Assert.False(await a.WaitAsync(TimeSpan.FromMilliseconds(100)));

        // Another session's queueing ends the wait, long before its timeout
        Task<bool> waiting = a.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await b.EnqueueAsync("run-b", [reports[1]]));
        Assert.True(await waiting);
    }

    [PostgresFact]
    public async Task An_assigner_beside_a_worker_that_does_nothing_still_stores_everything()
    {
        // Given a queue a second session has joined as a worker, and then does nothing
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("idle"));
        string input = Path.Combine(scratch.Path, "reports.jsonl");
        await File.WriteAllTextAsync(input, StoryInputs.ToJsonLines(LoadTest.Generate(Path.Combine(TestPaths.Samples, "reports"), 40, seed: 11)));
        await using PostgresStoryStore idle = await PostgresStoryStore.OpenAsync(db);
        await using IngestQueue idleQueue = await IngestQueue.OpenAsync(idle);
        await idleQueue.JoinWorkersAsync();

        // (its input queued, as a joined run does at once: nothing new)
        Assert.Equal(0, await idleQueue.EnqueueAsync("idle", []));

        // When one ingest runs beside it
        await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db);
        var wall = new IngestTimings();
        var ingestor = new QueuedIngestor(store, options: new QueuedIngestOptions { IdleDelay = TimeSpan.FromMilliseconds(50), Wall = wall });
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        IngestSummary summary = await ingestor.IngestAsync(new ReportSource(), [input], cancellationToken: limit.Token);

        // Then it heard nothing from the other, so it analysed the reports itself, and stored each once; the idle one is
        // the only worker left
        Assert.Equal(40, summary.New);
        Assert.Contains("assigner: wait", wall.Stages);
        Assert.Contains("assigner: claim and analyse", wall.Stages);
        Assert.DoesNotContain("worker: claim and analyse", wall.Stages);
        Assert.Empty(await ArchiveChecks.CheckAsync(store));
        Assert.Equal(1, (await idleQueue.CountAsync()).Workers);
    }
}
