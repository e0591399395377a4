using Microsoft.Data.Sqlite;

namespace Storyline.Storage.Tests;

/// <summary>A query under way is stopped when its caller's token is cancelled (issue 23: one search held the archive 54 s).</summary>
public sealed class SqliteInterruptTests : IDisposable
{
    // Counts for ever: only an interrupt ends it.
    private const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyline-interrupt-" + Guid.NewGuid().ToString("N"));

    public SqliteInterruptTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_query_under_way_stops_when_its_token_is_cancelled_and_the_store_goes_on()
    {
        // Given a store running a query that never ends, under a token cancelled after 300 ms
        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(Path.Combine(folder, "a.db"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Task<long> endless = Task.Run(async () =>
        {
            using IDisposable interrupt = store.InterruptWhenCancelled(deadline.Token);
            return await store.ScalarForTestsAsync(Endless, deadline.Token);
        });

        // When the deadline passes, the query fails (SQLite: interrupted) rather than running on (the guard is far off)
        var failed = await Assert.ThrowsAsync<SqliteException>(() => endless.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(SQLitePCL.raw.SQLITE_INTERRUPT, failed.SqliteErrorCode);

        // Then the store answers the next query, which the finished interrupt does not reach
        Assert.Equal(0, (await store.CountAsync()).Reports);
    }

    [Fact]
    public async Task A_token_cancelled_after_its_query_ended_interrupts_nothing_later()
    {
        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(Path.Combine(folder, "b.db"));
        using var early = new CancellationTokenSource();
        using (store.InterruptWhenCancelled(early.Token))
        {
            Assert.Equal(0, (await store.CountAsync()).Reports);
        }

        await early.CancelAsync();

        Assert.Equal(3, await store.ScalarForTestsAsync("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT count(*) FROM n", CancellationToken.None));
    }
}
