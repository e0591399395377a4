using System.Text.Json;
using Npgsql;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The queue that lets several processes ingest into one PostgreSQL store. Each run queues the reports it read (in
/// input order; those stored or queued already are left out). Workers claim queued reports with
/// <c>FOR UPDATE SKIP LOCKED</c> and hold the claim while they analyse them, so a worker that dies gives its reports
/// back. One assigner at a time (an advisory lock) takes analysed reports in queue order, publication date then
/// arrival, the order of a single-process run, and stores each with its story in the transaction that marks its row
/// stored: a report is stored once or not at all.
/// </summary>
public sealed class IngestQueue : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly PostgresStoryStore store;
    private readonly NpgsqlConnection claims;
    private bool assigning;

    private IngestQueue(PostgresStoryStore store, NpgsqlConnection claims)
    {
        this.store = store;
        this.claims = claims;
    }

    /// <summary>A report a worker claimed, to analyse.</summary>
    /// <param name="Seq">Its place in the queue.</param>
    /// <param name="Source">The report as read.</param>
    public sealed record Claimed(long Seq, SourceReport Source);

    /// <summary>What a worker made of a claimed report: the analysis and features, or why it failed.</summary>
    /// <param name="Report">The analysed report, or null.</param>
    /// <param name="Features">Its story features, or null.</param>
    /// <param name="Error">Why it failed, or null.</param>
    public sealed record Analysed(AnalyzedArticle? Report, StoryFeatures? Features, string? Error);

    /// <summary>An analysed report ready for the assigner, in queue order.</summary>
    /// <param name="Seq">Its place in the queue.</param>
    /// <param name="Report">The analysed report (tokens not kept).</param>
    /// <param name="Features">Its story features.</param>
    public sealed record Ready(long Seq, AnalyzedArticle Report, StoryFeatures Features);

    /// <summary>What became of one run's reports.</summary>
    /// <param name="Assignments">The stored ones, with their stories, in the order they were assigned.</param>
    /// <param name="Failures">The ones whose analysis failed: origin, line, reason.</param>
    /// <param name="Duplicates">The ones found stored already when their turn came (stored by a writer outside the queue).</param>
    public sealed record RunOutcome(IReadOnlyList<StoryAssignment> Assignments, IReadOnlyList<(string Origin, int? Line, string Reason)> Failures, int Duplicates);

    /// <summary>The queue of <paramref name="store"/>'s schema, with a connection of its own for claims.</summary>
    public static async Task<IngestQueue> OpenAsync(PostgresStoryStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return new IngestQueue(store, connection);
    }

    /// <summary>
    /// Queues <paramref name="reports"/> for run <paramref name="runId"/>, in their order, in one transaction. Returns
    /// the ids queued: not those already stored or queued by any run.
    /// </summary>
    public async Task<IReadOnlySet<ArticleId>> EnqueueAsync(string runId, IReadOnlyList<SourceReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var queued = new HashSet<ArticleId>();
        await using NpgsqlTransaction transaction = await claims.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (SourceReport[] chunk in reports.Chunk(1000))
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO ingest_queue (id, published, run_id, source)
                SELECT u.id, u.published, @run, u.source
                FROM unnest(@ids::text[], @published::text[], @sources::text[]) WITH ORDINALITY AS u (id, published, source, n)
                WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = u.id)
                ORDER BY u.n
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """,
                claims,
                transaction);
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("ids", chunk.Select(r => r.Id.Value).ToArray());
            command.Parameters.AddWithValue("published", chunk.Select(r => PostgresStoryStore.Day(r.Published)).ToArray());
            command.Parameters.AddWithValue("sources", chunk.Select(r => JsonSerializer.Serialize(r, Json)).ToArray());
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                queued.Add(new ArticleId(reader.GetString(0)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return queued;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> queued reports (the earliest in queue order that no other worker holds),
    /// analyses them with <paramref name="analyse"/> while holding the claim, and records what came of each. Returns
    /// how many were claimed (0: none was free).
    /// </summary>
    public async Task<int> ClaimAndAnalyseAsync(int max, Func<IReadOnlyList<Claimed>, IReadOnlyList<Analysed>> analyse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        await using NpgsqlTransaction transaction = await claims.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<Claimed>();
        await using (var select = new NpgsqlCommand(
            """
            SELECT seq, source FROM ingest_queue
            WHERE state = 'queued'
            ORDER BY published, seq
            LIMIT @max
            FOR UPDATE SKIP LOCKED
            """,
            claims,
            transaction))
        {
            select.Parameters.AddWithValue("max", max);
            await using NpgsqlDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new Claimed(reader.GetInt64(0), JsonSerializer.Deserialize<SourceReport>(reader.GetString(1), Json)!));
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<Analysed> results = analyse(claimed);
        await using var batch = new NpgsqlBatch(claims, transaction);
        for (int i = 0; i < claimed.Count; i++)
        {
            Analysed result = results[i];
            if (result.Report is AnalyzedArticle report && result.Features is StoryFeatures features)
            {
                PostgresStoryStore.Batch(batch, "UPDATE ingest_queue SET state = 'analysed', article = @article, analysis = @analysis, features = @features WHERE seq = @seq",
                    ("article", JsonSerializer.Serialize(QueuedArticle.From(report.Article), Json)), ("analysis", AnalysisJson.Serialize(report)),
                    ("features", AnalysisJson.SerializeFeatures(features)), ("seq", claimed[i].Seq));
            }
            else
            {
                PostgresStoryStore.Batch(batch, "UPDATE ingest_queue SET state = 'failed', error = @error WHERE seq = @seq",
                    ("error", result.Error ?? "analysis failed"), ("seq", claimed[i].Seq));
            }
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count;
    }

    /// <summary>
    /// Becomes the assigner where no other process is (a session advisory lock on the store's connection, given up
    /// by <see cref="DisposeAsync"/> or when the process ends). True while this queue is the assigner.
    /// </summary>
    public async Task<bool> TryBecomeAssignerAsync(CancellationToken cancellationToken = default)
    {
        if (!assigning)
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({PostgresStoryStore.AssignerLock})", store.Connection);
            assigning = (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        return assigning;
    }

    /// <summary>
    /// The analysed reports at the head of the queue, in queue order, up to the first that is not analysed yet (the
    /// assigner must not pass it), at most <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<Ready>> ReadyAsync(int max, CancellationToken cancellationToken = default)
    {
        EnsureAssigner();
        var ready = new List<Ready>();
        await using var command = new NpgsqlCommand(
            """
            SELECT seq, state, article, analysis, features FROM ingest_queue
            WHERE state IN ('queued', 'analysed')
            ORDER BY published, seq
            LIMIT @max
            """,
            store.Connection);
        command.Parameters.AddWithValue("max", max);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetString(1) != "analysed")
            {
                break;
            }

            Article article = JsonSerializer.Deserialize<QueuedArticle>(reader.GetString(2), Json)!.ToArticle();
            ready.Add(new Ready(
                reader.GetInt64(0),
                AnalysisJson.Deserialize(article, reader.GetString(3)),
                AnalysisJson.DeserializeFeatures(article.Id, article.Published, reader.GetString(4))));
        }

        return ready;
    }

    /// <summary>
    /// Stores an assigned report and marks its queue row stored, in one transaction. False where the report was
    /// stored already (its row is marked a duplicate, which its run counts as one): the caller's clusterer then holds a
    /// report the store does not.
    /// </summary>
    public Task<bool> StoreAsync(Ready ready, StoryAssignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ready);
        ArgumentNullException.ThrowIfNull(assignment);
        EnsureAssigner();
        return store.SaveAsync(ready.Report, ready.Features, assignment, (batch, saved) => PostgresStoryStore.Batch(
            batch,
            saved
                ? "UPDATE ingest_queue SET state = 'stored', analysis = NULL, features = NULL, article = NULL, story_id = @story, new_story = @new, similarity = @similarity, story_title = @title WHERE seq = @seq"
                : "UPDATE ingest_queue SET state = 'duplicate', analysis = NULL, features = NULL, article = NULL WHERE seq = @seq",
            ("story", assignment.Story.Value), ("new", assignment.IsNewStory), ("similarity", assignment.Similarity), ("title", assignment.StoryTitle), ("seq", ready.Seq)), cancellationToken);
    }

    /// <summary>How many analysed reports wait for the assigner.</summary>
    public async Task<long> AnalysedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ingest_queue WHERE state = 'analysed'", claims);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// How many reports, of any run, are still to be analysed or stored. A run works until there is none: it helps the
    /// others, and takes over the reports of a run whose process died.
    /// </summary>
    public async Task<long> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ingest_queue WHERE state IN ('queued', 'analysed')", claims);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>What became of run <paramref name="runId"/>'s reports; their rows leave the queue.</summary>
    public async Task<RunOutcome> FinishRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var assignments = new List<StoryAssignment>();
        var failures = new List<(string, int?, string)>();
        int duplicates = 0;
        await using NpgsqlTransaction transaction = await claims.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            """
            DELETE FROM ingest_queue WHERE run_id = @run AND state IN ('stored', 'failed', 'duplicate')
            RETURNING seq, id, state, source, error, story_id, new_story, similarity, story_title
            """,
            claims,
            transaction))
        {
            command.Parameters.AddWithValue("run", runId);
            var rows = new List<(long Seq, Action Add)>();
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long seq = reader.GetInt64(0);
                if (reader.GetString(2) == "duplicate")
                {
                    duplicates++;
                }
                else if (reader.GetString(2) == "stored")
                {
                    var assignment = new StoryAssignment(new ArticleId(reader.GetString(1)), new StoryId(reader.GetInt64(5)), reader.GetBoolean(6), reader.GetDouble(7), reader.GetString(8));
                    rows.Add((seq, () => assignments.Add(assignment)));
                }
                else
                {
                    SourceReport source = JsonSerializer.Deserialize<SourceReport>(reader.GetString(3), Json)!;
                    string error = reader.IsDBNull(4) ? "analysis failed" : reader.GetString(4);
                    rows.Add((seq, () => failures.Add((source.Origin, source.Line, error))));
                }
            }

            // Stored rows come back in the order they were assigned: the store's arrival order follows the queue's.
            foreach ((long _, Action add) in rows.OrderBy(r => r.Seq))
            {
                add();
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RunOutcome(assignments, failures, duplicates);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (assigning && store.Connection.State == System.Data.ConnectionState.Open)
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresStoryStore.AssignerLock})", store.Connection);
            await command.ExecuteScalarAsync().ConfigureAwait(false);
            assigning = false;
        }

        await claims.DisposeAsync().ConfigureAwait(false);
    }

    private void EnsureAssigner()
    {
        if (!assigning)
        {
            throw new InvalidOperationException("only the assigner takes reports from the head of the queue; call TryBecomeAssignerAsync first");
        }
    }

    /// <summary>An article as the queue keeps it between analysis and assignment.</summary>
    private sealed record QueuedArticle(string Id, string Published, string Body, string? Title, string? Outlet, string? Url, string? Origin, string? Dateline, string? ExternalId, string? Author, bool Paywalled)
    {
        public static QueuedArticle From(Article a) =>
            new(a.Id.Value, PostgresStoryStore.Day(a.Published), a.Body, a.Title, a.Outlet, a.Url, a.Origin, a.Dateline, a.ExternalId, a.Author, a.Paywalled);

        public Article ToArticle() =>
            new(new ArticleId(Id), PostgresStoryStore.ParseDay(Published), Body, Title, Outlet, Url, Origin, Dateline, ExternalId, Author, Paywalled);
    }
}
