using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>
/// Every kind of writer at once on one PostgreSQL archive (queued ingest processes, a watch, the web server's ingest)
/// with overlapping inputs, and a worker killed while it assigns: the load test's invariants hold, each report is
/// stored and counted once, and no story number is given out twice.
/// </summary>
public sealed class ConcurrentPostgresIngestTests : IDisposable
{
    private readonly ScratchFolder scratch = new("storyline-pg-writers");

    public void Dispose() => scratch.Dispose();

    [PostgresFact]
    public async Task Two_queued_ingests_a_watch_and_a_web_ingest_at_once_store_and_count_each_report_once()
    {
        // Given 160 reports of the four sample stories, in four overlapping parts: two files to ingest, a folder to
        // watch, and a body to post
        string[] lines = await File.ReadAllLinesAsync(StoryInputs.Write(scratch.Path, "all", ["uaw-strike", "kim-putin", "derna-flood", "harbourton-water"], 160, seed: 11));
        string first = await WriteLinesAsync("first.jsonl", lines[..100]);
        string second = await WriteLinesAsync("second.jsonl", lines[60..]);
        string inbox = Path.Combine(scratch.Path, "inbox");
        Directory.CreateDirectory(inbox);
        await File.WriteAllLinesAsync(Path.Combine(inbox, "wire.jsonl"), lines[30..130]);
        string posted = string.Join('\n', [.. lines[120..], .. lines[..10]]) + "\n";

        // And an archive on PostgreSQL, served
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("writers"));
        await (await PostgresStoryStore.OpenAsync(db)).DisposeAsync();
        using Process server = StorylineProcess.Start("serve", "--db", db, "--port", "0");
        try
        {
            Uri address = await ServedAtAsync(server);

            // When the four write at the same time
            Task<JsonElement> ingestFirst = StorylineProcess.IngestAsync(first, db);
            Task<JsonElement> ingestSecond = StorylineProcess.IngestAsync(second, db);
            Task<string> watch = StorylineProcess.RunAsync("watch", inbox, "--once", "--db", db);
            Task<JsonElement> post = PostAsync(address, posted);
            await Task.WhenAll(ingestFirst, ingestSecond, watch, post);
            JsonElement[] summaries = [await ingestFirst, await ingestSecond, await post];
            Match watched = WatchRestartTests.PollLine().Match(await watch);
            Assert.True(watched.Success, await watch);
            (int Read, int New, int Duplicates) poll = (int.Parse(watched.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(watched.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(watched.Groups[3].Value, CultureInfo.InvariantCulture));

            // Then each writer's counts add up, and together they counted each report as new exactly once
            Assert.All(summaries, s => Assert.Equal(s.GetProperty("read").GetInt32(), s.GetProperty("new").GetInt32() + s.GetProperty("duplicates").GetInt32() + s.GetProperty("failed").GetInt32()));
            Assert.Equal([100, 100, 50], summaries.Select(s => s.GetProperty("read").GetInt32()));
            Assert.Equal((100, 100), (poll.Read, poll.New + poll.Duplicates));
            Assert.Equal(160, summaries.Sum(s => s.GetProperty("new").GetInt32()) + poll.New);
            List<JsonElement> assignments = [.. summaries.SelectMany(s => s.GetProperty("assignments").EnumerateArray())];
            Assert.Equal(160 - poll.New, assignments.Select(a => a.GetProperty("report").GetString()).Distinct(StringComparer.Ordinal).Count());

            // And no story number was given out twice: no two reports of the writers that list their assignments started
            // the same story, and each started one the archive holds (the stores refuse outright to start a story under a
            // number they hold, so a writer that tried would have failed above)
            List<long> started = [.. assignments.Where(a => a.GetProperty("newStory").GetBoolean()).Select(a => a.GetProperty("story").GetInt64())];
            Assert.Equal(started.Count, started.Distinct().Count());
            Assert.Subset(new HashSet<long>(await StoryNumbersAsync(db)), new HashSet<long>(started));

            // And the archive keeps the load test's invariants: each report stored once, each story's counts and dates
            // those of its reports, the queue drained
            await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db);
            Assert.Empty(await ArchiveChecks.CheckAsync(store));
            Assert.Equal(160, (await store.CountAsync()).Reports);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [PostgresFact]
    public async Task A_worker_killed_while_it_assigns_leaves_nothing_half_done_after_a_rerun()
    {
        // Given 450 reports, the first 60 already stored by one ingest, and the rest in three parts that overlap each
        // other and the stored ones
        string[] lines = await File.ReadAllLinesAsync(StoryInputs.Write(scratch.Path, "all", ["uaw-strike", "kim-putin", "derna-flood", "harbourton-water"], 450, seed: 12));
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("killed"));
        await StorylineProcess.IngestAsync(await WriteLinesAsync("stored.jsonl", lines[..60]), db);
        string[] parts =
        [
            await WriteLinesAsync("a.jsonl", lines[30..270]),
            await WriteLinesAsync("b.jsonl", lines[90..360]),
            await WriteLinesAsync("c.jsonl", [.. lines[270..], .. lines[..90]]),
        ];

        // When three queued ingest processes work on them, and the one that assigns is killed (SIGKILL) in the middle of
        // storing a batch: the test holds back every write to the articles (a table lock), so that the assigner is
        // caught inside its transaction however quick the machine is (timing alone missed it on a fast one)
        int victim = -1;
        Process[] workers = [];
        await using (var blocker = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString))
        {
            await blocker.OpenAsync();
            await using NpgsqlTransaction holdBack = await blocker.BeginTransactionAsync();
            await using (var lockArticles = new NpgsqlCommand("LOCK TABLE articles IN SHARE MODE", blocker, holdBack))
            {
                await lockArticles.ExecuteNonQueryAsync();
            }

            workers = [.. parts.Select(part => StorylineProcess.Start("ingest", part, "--db", db, "--json"))];
            try
            {
                victim = await KillTheAssignerAsync(db, workers);
            }
            finally
            {
                await holdBack.RollbackAsync();
            }
        }

        try
        {
            foreach (Process worker in workers)
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await worker.WaitForExitAsync(limit.Token);
            }

            Assert.All(workers.Where((_, i) => i != victim), w => Assert.Equal(0, w.ExitCode));
        }
        finally
        {
            foreach (Process worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }
        }

        // And the killed command is run again
        await StorylineProcess.IngestAsync(parts[victim], db);

        // Then every report is stored exactly once, every story is consistent, and no queue row is left half done
        await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db);
        Assert.Empty(await ArchiveChecks.CheckAsync(store));
        IReadOnlyList<ArticleId> expected = [.. await IdsAsync(lines)];
        Assert.Equal(450, (await store.CountAsync()).Reports);
        Assert.Equal(450, (await store.FindExistingAsync([.. expected])).Count);
        Assert.Equal(0L, await ScalarAsync(db, "SELECT count(*) FROM ingest_queue WHERE state NOT IN ('stored', 'failed', 'duplicate')"));
    }

    // Waits until a worker holds the assigner's lock (found by the application name its connections carry) and one of
    // its connections waits for a table lock, i.e. it is inside the transaction that stores a batch; kills it and returns
    // its index.
    private static async Task<int> KillTheAssignerAsync(string db, Process[] workers)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (true)
        {
            limit.Token.ThrowIfCancellationRequested();
            Assert.False(workers.All(w => w.HasExited), "every worker ended before one could be killed");
            if (await AssignerNameAsync(db) is string name
                && Array.FindIndex(workers, w => name == "storyline " + w.Id) is int index and >= 0
                && await WaitsForATableAsync(db, name))
            {
                // SIGKILL: no clean-up, no rollback by the program: exactly a crash.
                workers[index].Kill(entireProcessTree: true);
                await workers[index].WaitForExitAsync(limit.Token);
                return index;
            }

            await Task.Delay(20, limit.Token);
        }
    }

    private static async Task<bool> WaitsForATableAsync(string db, string applicationName) =>
        await ScalarAsync(
            db,
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = @name AND wait_event_type = 'Lock' AND wait_event = 'relation'",
            ("name", applicationName)) > 0;

    private static async Task<string?> AssignerNameAsync(string db)
    {
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtext('storyline-assigner:' || current_schema())::bigint
            """,
            connection);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<long> ScalarAsync(string db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> StoryNumbersAsync(string db)
    {
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM stories ORDER BY id", connection);
        var ids = new List<long>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    // The ids the reader gives the lines, as every writer reads them.
    private static async Task<IEnumerable<ArticleId>> IdsAsync(string[] lines)
    {
        var ids = new List<ArticleId>();
        await foreach (ReadResult result in new ReportSource().Parse("all.jsonl", string.Join('\n', lines)).ToAsyncEnumerable())
        {
            ids.Add(Assert.IsType<ReportRead>(result).Report.Id);
        }

        return ids;
    }

    private async Task<string> WriteLinesAsync(string name, string[] lines)
    {
        string path = Path.Combine(scratch.Path, name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static async Task<JsonElement> PostAsync(Uri address, string jsonLines)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        using var content = new StringContent(jsonLines, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        HttpResponseMessage response = await client.PostAsync("api/ingest", content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/ingest: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // The address `serve` prints once it listens.
    private static async Task<Uri> ServedAtAsync(Process server)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await server.StandardOutput.ReadLineAsync(limit.Token) is string line)
        {
            int at = line.IndexOf(" at http://", StringComparison.Ordinal);
            if (at >= 0)
            {
                return new Uri(line[(at + 4)..].Split(' ')[0]);
            }
        }

        throw new InvalidOperationException("serve ended before it listened: " + await server.StandardError.ReadToEndAsync());
    }
}
