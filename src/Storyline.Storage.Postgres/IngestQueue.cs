using System.Text.Json;
using Npgsql;
using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Stories;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The queue that lets several processes ingest into one PostgreSQL store. Each run queues the reports it read (in
/// input order; those stored or queued already are left out). Workers claim queued reports with
/// <c>FOR UPDATE SKIP LOCKED</c> and hold the claim while they analyse them, so a worker that dies gives its reports
/// back. One assigner at a time (an advisory lock) takes analysed reports in queue order, publication date then id
/// (<see cref="ReportOrder"/>, the order of a single-process run, whichever run queued a report), and stores each with
/// its story in the transaction that marks its row stored: a report is stored once or not at all. A run that joined the
/// workers holds a second shared lock until its input is queued, so that the assigner can wait for every joined run's
/// input before it takes a report (<see cref="Counts.Queueing"/>). Each change a worker waits for (reports queued, analysed, stored)
/// is announced with <c>NOTIFY</c> on the schema's channel when it commits, so that an idle worker waits on
/// <see cref="WaitAsync"/> instead of asking the server again and again; a working process holds a shared advisory
/// lock (<see cref="JoinWorkersAsync"/>) that tells the others it is alive.
/// </summary>
public sealed class IngestQueue : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly PostgresStoryStore store;
    private readonly NpgsqlConnection claims;
    private readonly IngestTimings? timings;
    private readonly string channel;
    private bool assigning;
    private bool joined;
    private bool queueing;
    private int notified;

    private IngestQueue(PostgresStoryStore store, NpgsqlConnection claims, IngestTimings? timings, string channel)
    {
        this.store = store;
        this.claims = claims;
        this.timings = timings;
        this.channel = channel;

        // A notice from another session wakes the next wait; this process's own (from either of its connections) do not.
        claims.Notification += (_, e) =>
        {
            if (e.PID != claims.ProcessID && e.PID != store.Connection.ProcessID)
            {
                Volatile.Write(ref notified, 1);
            }
        };
    }

    /// <summary>A report a worker claimed, to analyse.</summary>
    /// <param name="Seq">Its place in the queue.</param>
    /// <param name="Source">The report as read.</param>
    public sealed record Claimed(long Seq, SourceReport Source);

    /// <summary>An analysed report ready for the assigner, in queue order.</summary>
    /// <param name="Seq">Its place in the queue.</param>
    /// <param name="Report">The analysed report as its rows need it: article, mentions, entities, quotes (<see cref="AnalysisJson.DeserializeForRows"/>).</param>
    /// <param name="Features">Its story features.</param>
    /// <param name="AnalysisJson">Its whole analysis as the queue kept it (the store writes it as it is), or null where the store
    /// copies it from the queue row on the server with the features and search text (a row with a payload, <see cref="QueuePayload"/>).</param>
    /// <param name="FeaturesJson">Its features as the queue kept them, or null likewise.</param>
    /// <param name="SearchDocument">Its article's search text (tsvector) as the worker that analysed it made it, or null (likewise, or an older queue row).</param>
    public sealed record Ready(long Seq, AnalyzedArticle Report, StoryFeatures Features, string? AnalysisJson, string? FeaturesJson, string? SearchDocument);

    /// <summary>How many reports are analysed and waiting for the assigner, and how many are still to be analysed or stored.</summary>
    /// <param name="Analysed">Analysed, waiting for the assigner (of any run).</param>
    /// <param name="Pending">Queued or analysed: of any run, or of the run asked about.</param>
    /// <param name="Workers">Processes working on the queue now (<see cref="JoinWorkersAsync"/>), this one included where it joined.</param>
    /// <param name="Queued">Not analysed yet, claimed or not (of any run).</param>
    /// <param name="Queueing">Processes that joined the workers and have not queued their input yet.</param>
    public readonly record struct Counts(long Analysed, long Pending, long Workers = 0, long Queued = 0, long Queueing = 0);

    /// <summary>What became of one run's reports.</summary>
    /// <param name="Assignments">The stored ones, with their stories, in the order they were assigned.</param>
    /// <param name="Failures">The ones whose analysis failed: origin, line, reason.</param>
    /// <param name="Duplicates">The ones found stored already when their turn came (stored by a writer outside the queue).</param>
    public sealed record RunOutcome(IReadOnlyList<StoryAssignment> Assignments, IReadOnlyList<(string Origin, int? Line, string Reason)> Failures, int Duplicates);

    /// <summary>
    /// The queue of <paramref name="store"/>'s schema, with a connection of its own for claims; <paramref name="timings"/>,
    /// where given, collects the time of the work it does itself (writing and reading the queue's JSON), never across a
    /// wait for the server, so that a per-thread CPU clock holds.
    /// </summary>
    public static async Task<IngestQueue> OpenAsync(PostgresStoryStore store, IngestTimings? timings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var connection = new NpgsqlConnection(store.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // One channel per schema (a channel is an identifier of at most 63 bytes: the schema's hash, not its name).
            await using var name = new NpgsqlCommand("SELECT 'storyline_queue_' || (hashtext(current_schema()) & 2147483647)::text", connection);
            string channel = (string)(await name.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            await using var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new IngestQueue(store, connection, timings, channel);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Counts this process among the queue's workers (a shared advisory lock on its claims connection, given up when
    /// the queue is disposed or the process ends), so that the assigner can leave the analysis to the others; and among
    /// those still queueing their input (a second one, given up once <see cref="EnqueueAsync"/> has committed), so that
    /// the assigner takes no report before every joined run's input is in the queue. Announced, to wake an assigner
    /// that waits for it.
    /// </summary>
    public async Task JoinWorkersAsync(CancellationToken cancellationToken = default)
    {
        if (!joined)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT pg_advisory_lock_shared({WorkerLockKey}, hashtext(current_schema())); SELECT pg_advisory_lock_shared({QueueingLockKey}, hashtext(current_schema())); SELECT pg_notify(@channel, 'joined')",
                claims);
            command.Parameters.AddWithValue("channel", channel);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            joined = true;
            queueing = true;
        }
    }

    /// <summary>
    /// Waits until another process announces a change to the queue (reports queued, analysed or stored) or
    /// <paramref name="timeout"/> passes, whichever is first; returns at once when one was announced since the last
    /// wait. True when woken by a notice. The timeout is the fallback for what is not announced: a worker that died.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref notified, 0) == 1)
        {
            return true;
        }

        bool woken = await claims.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        return Interlocked.Exchange(ref notified, 0) == 1 || woken;
    }

    /// <summary>
    /// Queues <paramref name="reports"/> for run <paramref name="runId"/>, in their order, in one transaction. Returns
    /// how many were queued: not those already stored or queued by any run.
    /// </summary>
    public async Task<int> EnqueueAsync(string runId, IEnumerable<SourceReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        int queued = 0;
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
                """,
                claims,
                transaction);
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("ids", chunk.Select(r => r.Id.Value).ToArray());
            command.Parameters.AddWithValue("published", chunk.Select(r => DayText.Format(r.Published)).ToArray());
            long t = timings?.Now() ?? 0;
            command.Parameters.AddWithValue("sources", chunk.Select(r => JsonSerializer.Serialize(QueuedSource.From(r), Json)).ToArray());
            timings?.Add("queue: write sources", t);
            queued += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (queued > 0)
        {
            await NotifyAsync("queued", transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // The input is in the queue (committed): this run no longer holds the assigner back. Announced after the lock is
        // given up, so that an assigner woken by it counts this run as done.
        if (queueing)
        {
            await using var done = new NpgsqlCommand($"SELECT pg_advisory_unlock_shared({QueueingLockKey}, hashtext(current_schema())); SELECT pg_notify(@channel, 'queued')", claims);
            done.Parameters.AddWithValue("channel", channel);
            await done.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            queueing = false;
        }

        return queued;
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> queued reports (the earliest in queue order that no other worker holds),
    /// analyses them with <paramref name="analyse"/> while holding the claim, and records what came of each. Returns
    /// how many were claimed (0: none was free).
    /// </summary>
    public async Task<int> ClaimAndAnalyseAsync(int max, Func<IReadOnlyList<Claimed>, IReadOnlyList<ReportAnalysis>> analyse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        await using NpgsqlTransaction transaction = await claims.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<Claimed>();
        await using (var select = new NpgsqlCommand(
            """
            SELECT seq, source FROM ingest_queue
            WHERE state = 'queued'
            ORDER BY published, id
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
                long t = timings?.Now() ?? 0;
                claimed.Add(new Claimed(reader.GetInt64(0), JsonSerializer.Deserialize<QueuedSource>(reader.GetString(1), Json)!.ToSource()));
                timings?.Add("queue: read sources", t);
            }
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<ReportAnalysis> results = analyse(claimed);

        // The analyses as JSON, the search text the store indexes each article by (a tsvector literal) and the assigner's
        // payload, made on every core here and not by the one assigner: each depends on its report alone.
        var written = new (string Article, string Analysis, string Features, string Search, byte[] Payload)?[claimed.Count];
        Parallel.For(0, claimed.Count, i =>
        {
            if (results[i].Report is AnalyzedArticle report && results[i].Features is StoryFeatures features)
            {
                long t = timings?.Now() ?? 0;
                written[i] = (
                    JsonSerializer.Serialize(QueuedArticle.From(report.Article), Json), AnalysisJson.Serialize(report), AnalysisJson.SerializeFeatures(features),
                    PostgresStoryStore.SearchDocument(report.Article), QueuePayload.Write(report, features));
                timings?.Add("queue: write analyses", t);
            }
        });

        await using var batch = new NpgsqlBatch(claims, transaction);
        for (int i = 0; i < claimed.Count; i++)
        {
            ReportAnalysis result = results[i];
            if (written[i] is (string article, string analysis, string features, string search, byte[] payload))
            {
                PostgresStoryStore.Batch(
                    batch,
                    "UPDATE ingest_queue SET state = 'analysed', article = @article, analysis = @analysis, features = @features, search = @search, payload = @payload WHERE seq = @seq",
                    ("article", article), ("analysis", analysis), ("features", features), ("search", search), ("payload", payload), ("seq", claimed[i].Seq));
            }
            else
            {
                PostgresStoryStore.Batch(batch, "UPDATE ingest_queue SET state = 'failed', error = @error WHERE seq = @seq",
                    ("error", result.Error ?? "analysis failed"), ("seq", claimed[i].Seq));
            }
        }

        Notify(batch, "analysed");
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
    /// assigner must not pass it), at most <paramref name="max"/>. Of a row with a payload of this version's format only
    /// the article and the payload are read: its analysis, features and search text stay on the server, which copies
    /// them into the archive (<see cref="ReportToStore.QueueRow"/>).
    /// </summary>
    public async Task<IReadOnlyList<Ready>> ReadyAsync(int max, CancellationToken cancellationToken = default)
    {
        EnsureAssigner();
        await using var command = new NpgsqlCommand(
            """
            SELECT seq, state, article, payload, CASE WHEN j.parse THEN analysis END, CASE WHEN j.parse THEN features END, CASE WHEN j.parse THEN search END
            FROM ingest_queue CROSS JOIN LATERAL (SELECT payload IS NULL OR get_byte(payload, 0) <> @format AS parse) j
            WHERE state IN ('queued', 'analysed')
            ORDER BY published, id
            LIMIT @max
            """,
            store.Connection);
        command.Parameters.AddWithValue("max", max);
        command.Parameters.AddWithValue("format", (int)QueuePayload.Format);
        var rows = new List<(long Seq, string Article, byte[]? Payload, string? Analysis, string? Features, string? Search)>();
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetString(1) != "analysed")
                {
                    break;
                }

                rows.Add((reader.GetInt64(0), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        // Read back on every core: the assigner waits for them, and each depends on its row alone.
        var ready = new Ready[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            long t = timings?.Now() ?? 0;
            (long seq, string json, byte[]? payload, string? analysis, string? features, string? search) = rows[i];
            Article article = JsonSerializer.Deserialize<QueuedArticle>(json, Json)!.ToArticle();

            // The binary payload where the worker left one (this version's workers do; the store then copies the JSON and
            // search text from the row on the server); the JSON otherwise (a row an older version analysed). Either gives
            // the same report rows and features.
            if (payload is not null && QueuePayload.TryRead(article, payload, out AnalyzedArticle report, out StoryFeatures storyFeatures))
            {
                ready[i] = new Ready(seq, report, storyFeatures, null, null, null);
            }
            else
            {
                string stored = analysis ?? throw new InvalidDataException($"queue row {seq}: an analysed report without its analysis");
                string storedFeatures = features ?? throw new InvalidDataException($"queue row {seq}: an analysed report without its features");
                ready[i] = new Ready(
                    seq, AnalysisJson.DeserializeForRows(article, stored), AnalysisJson.DeserializeFeatures(article.Id, article.Published, storedFeatures), stored, storedFeatures, search);
            }

            timings?.Add("queue: read analyses", t);
        });

        return ready;
    }

    /// <summary>
    /// Stores assigned reports, in order, and marks their queue rows stored, and marks <paramref name="duplicates"/>
    /// (found stored already) as such, in one transaction.
    /// </summary>
    public async Task StoreAsync(IReadOnlyList<(Ready Ready, StoryAssignment Assignment)> assigned, IReadOnlyList<Ready> duplicates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(duplicates);
        EnsureAssigner();
        ReportToStore[] reports = [.. assigned.Select(a => new ReportToStore(a.Ready.Report, a.Ready.Features, a.Assignment)
        {
            StoredAnalysis = a.Ready.AnalysisJson,
            StoredFeatures = a.Ready.FeaturesJson,
            StoredSearchDocument = a.Ready.SearchDocument,
            QueueRow = a.Ready.Seq,
        })];
        await store.SaveBatchAsync(reports, (batch, saved) =>
        {
            // A report the store found stored after all (it cannot be, under the assigner's lock) is a duplicate too.
            var stored = assigned.Where((_, i) => saved[i]).ToList();
            long[] others = [.. duplicates.Select(d => d.Seq), .. assigned.Where((_, i) => !saved[i]).Select(a => a.Ready.Seq)];
            if (stored.Count > 0)
            {
                PostgresStoryStore.Batch(
                    batch,
                    """
                    UPDATE ingest_queue q SET state = 'stored', analysis = NULL, features = NULL, article = NULL, search = NULL, payload = NULL,
                        story_id = u.story, new_story = u.new, similarity = u.similarity, story_title = u.title
                    FROM unnest(@seq::bigint[], @story::bigint[], @new::boolean[], @similarity::double precision[], @title::text[]) AS u (seq, story, new, similarity, title)
                    WHERE q.seq = u.seq
                    """,
                    ("seq", stored.Select(a => a.Ready.Seq).ToArray()),
                    ("story", stored.Select(a => a.Assignment.Story.Value).ToArray()),
                    ("new", stored.Select(a => a.Assignment.IsNewStory).ToArray()),
                    ("similarity", stored.Select(a => a.Assignment.Similarity).ToArray()),
                    ("title", stored.Select(a => a.Assignment.StoryTitle).ToArray()));
            }

            if (others.Length > 0)
            {
                PostgresStoryStore.Batch(batch, "UPDATE ingest_queue SET state = 'duplicate', analysis = NULL, features = NULL, article = NULL, search = NULL, payload = NULL WHERE seq = ANY(@seq)", ("seq", others));
            }

            Notify(batch, "stored");
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many analysed reports wait for the assigner, how many reports are still to be analysed or stored (of any
    /// run, or of run <paramref name="runId"/> where given), how many processes work on the queue, how many reports
    /// are still to be analysed and how many joined processes are still queueing their input. One query.
    /// </summary>
    public async Task<Counts> CountAsync(string? runId = null, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT count(*) FILTER (WHERE state = 'analysed'), count(*) FILTER (WHERE @run::text IS NULL OR run_id = @run::text),
                {LockHolders(WorkerLockKey)},
                count(*) FILTER (WHERE state = 'queued'),
                {LockHolders(QueueingLockKey)}
            FROM ingest_queue WHERE state IN ('queued', 'analysed')
            """,
            claims);
        command.Parameters.Add(new NpgsqlParameter("run", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)runId ?? DBNull.Value });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
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
            RETURNING published, id, state, source, error, story_id, new_story, similarity, story_title
            """,
            claims,
            transaction))
        {
            command.Parameters.AddWithValue("run", runId);
            var rows = new List<(string Published, string Id, Action Add)>();
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (string published, string id) = (reader.GetString(0), reader.GetString(1));
                if (reader.GetString(2) == "duplicate")
                {
                    duplicates++;
                }
                else if (reader.GetString(2) == "stored")
                {
                    var assignment = new StoryAssignment(new ArticleId(reader.GetString(1)), new StoryId(reader.GetInt64(5)), reader.GetBoolean(6), reader.GetDouble(7), reader.GetString(8));
                    rows.Add((published, id, () => assignments.Add(assignment)));
                }
                else
                {
                    SourceReport source = JsonSerializer.Deserialize<QueuedSource>(reader.GetString(3), Json)!.ToSource();
                    string error = reader.IsDBNull(4) ? "analysis failed" : reader.GetString(4);
                    rows.Add((published, id, () => failures.Add((source.Origin, source.Line, error))));
                }
            }

            // Stored rows come back in the order they were assigned: the store's arrival order follows the queue's.
            foreach ((string _, string _, Action add) in rows.OrderBy(r => r.Published, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
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

        try
        {
            // Given up here and not left to the end of the session: a closed connection's server process ends a moment
            // later, and counts as a worker until it does.
            if (joined && claims.State == System.Data.ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT pg_advisory_unlock_shared({WorkerLockKey}, hashtext(current_schema()))"
                    + (queueing ? $"; SELECT pg_advisory_unlock_shared({QueueingLockKey}, hashtext(current_schema()))" : string.Empty),
                    claims);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
                joined = false;
            }
        }
        finally
        {
            await claims.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The first key of the workers' shared advisory lock (the second is the schema's hash): "SLWK".
    private const int WorkerLockKey = 0x534C574B;

    // The first key of the shared advisory lock a joined run holds until its input is queued: "SLWQ".
    private const int QueueingLockKey = 0x534C5751;

    // The sessions holding a shared advisory lock (key, the schema's hash), as a subquery.
    private static string LockHolders(int key) => $"""
        (SELECT count(DISTINCT pid) FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND classid = {key}::bigint::oid AND objid = (hashtext(current_schema())::bigint & 4294967295)::oid AND objsubid = 2)
        """;

    // Announces `what` on the schema's channel when `batch`'s transaction commits.
    private void Notify(NpgsqlBatch batch, string what) =>
        PostgresStoryStore.Batch(batch, "SELECT pg_notify(@channel, @what)", ("channel", channel), ("what", what));

    private async Task NotifyAsync(string what, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @what)", claims, transaction);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("what", what);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private void EnsureAssigner()
    {
        if (!assigning)
        {
            throw new InvalidOperationException("only the assigner takes reports from the head of the queue; call TryBecomeAssignerAsync first");
        }
    }

    /// <summary>
    /// A report as the queue keeps it until it is analysed: the fields it was read with, not those computed from them
    /// (its id, a hash of its text, was computed again for every report queued; 0.15 ms a report on Timeline17). The same
    /// JSON property names as a <see cref="SourceReport"/>'s, so that a row queued by an older version reads as one.
    /// </summary>
    private sealed record QueuedSource(string Origin, int? Line, DateOnly Published, string Text, string? Title, string? Url, string? Outlet, string? ExternalId, string? Author, bool Paywalled)
    {
        public static QueuedSource From(SourceReport r) => new(r.Origin, r.Line, r.Published, r.Text, r.Title, r.Url, r.Outlet, r.ExternalId, r.Author, r.Paywalled);

        public SourceReport ToSource() => new(Origin, Line, Published, Text, Title, Url, Outlet, ExternalId, Author, Paywalled);
    }

    /// <summary>An article as the queue keeps it between analysis and assignment.</summary>
    private sealed record QueuedArticle(string Id, string Published, string Body, string? Title, string? Outlet, string? Url, string? Origin, string? Dateline, string? ExternalId, string? Author, bool Paywalled)
    {
        public static QueuedArticle From(Article a) =>
            new(a.Id.Value, DayText.Format(a.Published), a.Body, a.Title, a.Outlet, a.Url, a.Origin, a.Dateline, a.ExternalId, a.Author, a.Paywalled);

        public Article ToArticle() =>
            new(new ArticleId(Id), DayText.Parse(Published), Body, Title, Outlet, Url, Origin, Dateline, ExternalId, Author, Paywalled);
    }
}
