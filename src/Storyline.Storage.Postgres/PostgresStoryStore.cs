using System.Collections.Immutable;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Storyline.Domain;
using Storyline.Entities;
using Storyline.Stories;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The store on a PostgreSQL database, with the SQLite store's behaviour (one contract test suite runs against both):
/// the same tables in the connection's schema, one transaction per report, full-text search on a tsvector with a
/// GIN index. One instance is used by one caller at a time; several processes may open the same database.
/// </summary>
public sealed partial class PostgresStoryStore : IStoryStore
{
    /// <summary>The key of the advisory lock that one writer (or the one assigner of a queued ingest) holds at a time, per schema.</summary>
    internal const string AssignerLock = "hashtext('storyline-assigner:' || current_schema())";

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private readonly NpgsqlConnection connection;
    private readonly TimeProvider clock;

    private PostgresStoryStore(NpgsqlConnection connection, TimeProvider clock, string name, string connectionString)
    {
        this.connection = connection;
        this.clock = clock;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string it was opened with (password included), for more connections to the same schema.</summary>
    internal string ConnectionString { get; }

    /// <summary>How messages name the database (never with its password).</summary>
    public string Name { get; }

    /// <summary>The open connection, for the ingest queue and archive copies that work beside the store.</summary>
    internal NpgsqlConnection Connection => connection;

    /// <summary>
    /// Opens the store in the database that <paramref name="db"/> names (see <see cref="PostgresTarget"/>), creating its
    /// tables where missing (in the first schema of the search path, created too where missing).
    /// </summary>
    /// <exception cref="StoreException">The database cannot be reached, is not a Storyline database, or is of a newer version.</exception>
    public static async Task<PostgresStoryStore> OpenAsync(string db, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder = PostgresTarget.Parse(db);
        string name = PostgresTarget.Describe(builder);
        builder.Pooling = false;
        builder.IncludeErrorDetail = true;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, builder.SearchPath, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"{name}: not a usable Storyline database ({ex.Message})", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresStoryStore(connection, clock ?? TimeProvider.System, name, builder.ConnectionString);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var existing = new HashSet<ArticleId>();
        foreach (ArticleId[] chunk in ids.Distinct().Chunk(5000))
        {
            await using NpgsqlCommand command = Command("SELECT id FROM articles WHERE id = ANY(@ids)");
            command.Parameters.AddWithValue("ids", chunk.Select(i => i.Value).ToArray());
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add(new ArticleId(reader.GetString(0)));
            }
        }

        return existing;
    }

    /// <inheritdoc />
    public Task<bool> SaveAsync(AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment, CancellationToken cancellationToken = default) =>
        SaveAsync(report, features, assignment, null, cancellationToken);

    /// <summary>
    /// <see cref="SaveAsync(AnalyzedArticle, StoryFeatures, StoryAssignment, CancellationToken)"/>, with more statements
    /// (<paramref name="also"/>, told whether the report was new) run in the same transaction.
    /// </summary>
    internal async Task<bool> SaveAsync(AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment, Action<NpgsqlBatch, bool>? also, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(assignment);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        bool saved = await SaveOneAsync(transaction, report, features, assignment, also, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<bool>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken = default)
    {
        ReportToStore.ThrowIfIncomplete(reports);

        var saved = new bool[reports.Count];
        if (reports.Count == 0)
        {
            return saved;
        }

        // One transaction for the whole batch: one commit (one WAL flush) instead of one per report.
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < reports.Count; i++)
        {
            saved[i] = await SaveOneAsync(transaction, reports[i].Report, reports[i].Features, reports[i].Assignment, null, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    // Writes one report, and the statements of also, inside transaction; false (and the report not written) when it is already stored.
    private async Task<bool> SaveOneAsync(NpgsqlTransaction transaction, AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment, Action<NpgsqlBatch, bool>? also, CancellationToken cancellationToken)
    {
        Article article = report.Article;
        long seq;
        await using (NpgsqlCommand insert = Command(
            """
            INSERT INTO articles (id, published, title, outlet, url, origin, dateline, external_id, body, analysis, analysis_version, features, ingested_at, search)
            VALUES (@id, @published, @title, @outlet, @url, @origin, @dateline, @external, @body, @analysis, @version, @features, @ingested, @search::tsvector)
            ON CONFLICT (id) DO NOTHING
            RETURNING seq
            """,
            transaction))
        {
            Add(insert, "id", article.Id.Value);
            Add(insert, "published", Day(article.Published));
            Add(insert, "title", article.Title);
            Add(insert, "outlet", article.Outlet);
            Add(insert, "url", article.Url);
            Add(insert, "origin", article.Origin);
            Add(insert, "dateline", article.Dateline);
            Add(insert, "external", article.ExternalId);
            Add(insert, "body", article.Body);
            Add(insert, "analysis", AnalysisJson.Serialize(report));
            Add(insert, "version", (long)AnalysisJson.Version);
            Add(insert, "features", AnalysisJson.SerializeFeatures(features));
            Add(insert, "ingested", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            Add(insert, "search", SearchText.ToTsVector(article.Title, article.Body));
            object? result = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (result is null or DBNull)
            {
                if (also is not null)
                {
                    await using NpgsqlBatch extra = new(connection, transaction);
                    also(extra, false);
                    await extra.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return false;
            }

            seq = (long)result;
        }

        // The entities' votes so far: each one's type is decided from every mention of it (ArchiveTypes).
        var before = new Dictionary<string, (EntityType Type, TypeVotes Votes)>(StringComparer.Ordinal);
        if (report.Entities.Length > 0)
        {
            await using NpgsqlCommand stored = Command("SELECT key, type, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous FROM entities WHERE key = ANY(@keys)", transaction);
            Add(stored, "keys", report.Entities.Select(e => e.Key.Value).ToArray());
            await using NpgsqlDataReader reader = await stored.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                before[reader.GetString(0)] = (ParseType(reader.GetString(1)), new((int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5)));
            }
        }

        IReadOnlyDictionary<string, TypeVotes> votes = ArchiveTypes.Count(report);

        // Everything else of the report goes to the server in one round trip.
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (Entity entity in report.Entities.OrderBy(e => e.Key.Value, StringComparer.Ordinal))
        {
            // The first name seen stays, the type follows the votes; later reports add mentions, aliases and roles.
            string key = entity.Key.Value;
            (EntityType first, TypeVotes old) = before.TryGetValue(key, out var row) ? row : (entity.Type, default);
            TypeVotes total = old.Plus(votes.GetValueOrDefault(key));
            Batch(
                batch,
                """
                INSERT INTO entities (key, type, name, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous)
                VALUES (@key, @type, @name, @p, @o, @l, @m)
                ON CONFLICT (key) DO UPDATE SET type = excluded.type, mentions_person = excluded.mentions_person,
                    mentions_organization = excluded.mentions_organization, mentions_location = excluded.mentions_location,
                    mentions_miscellaneous = excluded.mentions_miscellaneous
                """,
                ("key", key), ("type", ArchiveTypes.Decide(key, total, first).ToString()), ("name", entity.Name),
                ("p", (long)total.Person), ("o", (long)total.Organization), ("l", (long)total.Location), ("m", (long)total.Miscellaneous));
            foreach ((string kind, string name) in entity.Aliases.Prepend(entity.Name).Select(a => ("alias", a)).Concat(entity.Roles.Select(r => ("role", r))))
            {
                Batch(batch, "INSERT INTO entity_names (entity_key, kind, name) VALUES (@key, @kind, @name) ON CONFLICT DO NOTHING",
                    ("key", entity.Key.Value), ("kind", kind), ("name", name));
            }

            if (entity.Place is Place place)
            {
                Batch(
                    batch,
                    """
                    INSERT INTO entity_places (entity_key, geonameid, name, country, latitude, longitude, population, feature_code)
                    VALUES (@key, @id, @name, @country, @lat, @lon, @population, @feature) ON CONFLICT DO NOTHING
                    """,
                    ("key", entity.Key.Value), ("id", place.GeoNameId), ("name", place.Name), ("country", place.CountryCode),
                    ("lat", place.Latitude), ("lon", place.Longitude), ("population", place.Population), ("feature", place.FeatureCode));
            }
        }

        if (report.Mentions.Length > 0)
        {
            Batch(
                batch,
                """
                INSERT INTO mentions (article_id, start, length, entity_key, sentence, role)
                SELECT @a, s, l, k, n, r FROM unnest(@s::bigint[], @l::bigint[], @k::text[], @n::bigint[], @r::text[]) AS m (s, l, k, n, r)
                ON CONFLICT DO NOTHING
                """,
                ("a", article.Id.Value),
                ("s", report.Mentions.Select(m => (long)m.Span.Start).ToArray()),
                ("l", report.Mentions.Select(m => (long)m.Span.Length).ToArray()),
                ("k", report.Mentions.Select(m => m.Entity.Value).ToArray()),
                ("n", report.Mentions.Select(m => (long)m.Sentence).ToArray()),
                ("r", report.Mentions.Select(m => m.Role).ToArray()));
        }

        for (int q = 0; q < report.Quotes.Length; q++)
        {
            Quote quote = report.Quotes[q];
            Batch(batch, "INSERT INTO quotes (article_id, ordinal, kind, sentence, content_start, content_length, speaker_key, source_kind, source_text) VALUES (@a, @o, @k, @n, @s, @l, @sp, @sk, @st)",
                ("a", article.Id.Value), ("o", (long)q), ("k", quote.Kind.ToString()), ("n", (long)quote.Sentence), ("s", (long)quote.Content.Start), ("l", (long)quote.Content.Length),
                ("sp", quote.Speaker?.Value), ("sk", quote.SourceKind.ToString()), ("st", quote.Source is TextSpan src ? report.Text(src) : null));
        }

        // A near-copy is a source of its story, not a second report: it changes no term frequency and no report count.
        bool copy = assignment.CopyOf is not null;
        if (!copy && features.Terms.Length > 0)
        {
            Batch(batch, "INSERT INTO term_df (term, df) SELECT t, count(*) FROM unnest(@t::text[]) AS u (t) GROUP BY t ORDER BY t ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
                ("t", features.Terms.Select(t => t.Term).ToArray()));
        }

        string day = Day(article.Published);
        if (assignment.Merged is StoryId merged)
        {
            // The merged-away story's reports move; its row stays and points to the story it became part of.
            (string, object?)[] ids = [("from", merged.Value), ("into", assignment.Story.Value)];
            Batch(
                batch,
                """
                UPDATE stories SET
                    report_count = report_count + (SELECT report_count FROM stories WHERE id = @from),
                    first_report = least(first_report, (SELECT first_report FROM stories WHERE id = @from)),
                    last_report = greatest(last_report, (SELECT last_report FROM stories WHERE id = @from))
                WHERE id = @into
                """,
                ids);
            Batch(batch, "UPDATE story_reports SET story_id = @into WHERE story_id = @from", ids);
            Batch(batch, "UPDATE stories SET merged_into = @into WHERE id = @from OR merged_into = @from", ids);
            Batch(batch, "INSERT INTO story_merges (from_story, into_story, at_report, published) VALUES (@from, @into, @report, @day)",
                ("from", merged.Value), ("into", assignment.Story.Value), ("report", article.Id.Value), ("day", day));
        }

        // A story this report starts must not exist yet: where it does, another writer gave out the same number, and
        // adding this report to that story would fuse two stories. The transaction is refused whole instead.
        Batch(
            batch,
            assignment.IsNewStory
                ? "INSERT INTO stories (id, title, first_report, last_report, report_count) VALUES (@id, @title, @day, @day, @count)"
                : """
                INSERT INTO stories (id, title, first_report, last_report, report_count) VALUES (@id, @title, @day, @day, @count)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, report_count = stories.report_count + excluded.report_count,
                    first_report = least(stories.first_report, excluded.first_report), last_report = greatest(stories.last_report, excluded.last_report)
                """,
            ("id", assignment.Story.Value), ("title", assignment.StoryTitle), ("day", day), ("count", copy ? 0L : 1L));
        Batch(batch, "INSERT INTO story_reports (article_id, story_id, seq, similarity, copy_of) VALUES (@a, @s, @q, @sim, @copy)",
            ("a", article.Id.Value), ("s", assignment.Story.Value), ("q", seq), ("sim", assignment.Similarity), ("copy", assignment.CopyOf?.Value));
        also?.Invoke(batch, true);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "stories_pkey")
        {
            throw new StoreException($"{Name}: story {assignment.Story.Value} already exists: another writer numbered stories at the same time; nothing of this batch was stored", ex);
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A session advisory lock, the one the queued ingest's assigner holds (<see cref="IngestQueue"/>): a writer that
    /// holds it and the one assigner of a queued ingest exclude each other. It is taken on this store's connection and
    /// given up when the connection closes, as when the process dies.
    /// </remarks>
    public async Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default)
    {
        TimeSpan wait = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            await using (NpgsqlCommand take = Command($"SELECT pg_try_advisory_lock({AssignerLock})"))
            {
                if ((bool)(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    return new AdvisoryLock(connection, AssignerLock);
                }
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    /// <inheritdoc />
    public async Task<ClusteringState> LoadClusteringStateAsync(ClusteringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        long documents = await ScalarAsync<long>("SELECT count(*) FROM story_reports WHERE copy_of IS NULL", cancellationToken).ConfigureAwait(false);
        if (documents == 0)
        {
            return ClusteringState.Empty;
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (NpgsqlCommand command = Command("SELECT term, df FROM term_df"))
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                df[reader.GetString(0)] = checked((int)reader.GetInt64(1));
            }
        }

        long lastStory = await ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM stories", cancellationToken).ConfigureAwait(false);
        string latest = await ScalarAsync<string>("SELECT max(last_report) FROM stories", cancellationToken).ConfigureAwait(false);
        string since = Day(ParseDay(latest).AddDays(-options.WindowDays));
        var members = new SortedDictionary<long, (string Title, DateOnly Last, List<StoryFeatures> Reports)>();
        await using (NpgsqlCommand command = Command(
            """
            SELECT s.id, s.title, a.id, a.published, a.features, s.last_report
            FROM stories s JOIN story_reports r ON r.story_id = s.id JOIN articles a ON a.id = r.article_id
            WHERE s.last_report >= @since AND s.merged_into IS NULL AND r.copy_of IS NULL
            ORDER BY s.id, r.seq
            """))
        {
            Add(command, "since", since);
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                long story = reader.GetInt64(0);
                if (!members.TryGetValue(story, out var entry))
                {
                    entry = (reader.GetString(1), ParseDay(reader.GetString(5)), []);
                    members[story] = entry;
                }

                entry.Reports.Add(AnalysisJson.DeserializeFeatures(new ArticleId(reader.GetString(2)), ParseDay(reader.GetString(3)), reader.GetString(4)));
            }
        }

        return new ClusteringState(
            documents,
            df,
            lastStory,
            [.. members.Select(m => new ClusteringState.StoryMembers(new StoryId(m.Key), m.Value.Title, [.. m.Value.Reports]) { LastReport = m.Value.Last })]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StorySummary>> ListStoriesAsync(CancellationToken cancellationToken = default)
    {
        var stories = new List<StorySummary>();
        await using NpgsqlCommand command = Command("SELECT id, title, first_report, last_report, report_count FROM stories WHERE merged_into IS NULL ORDER BY last_report DESC, report_count DESC, id");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stories.Add(new StorySummary(new StoryId(reader.GetInt64(0)), reader.GetString(1), ParseDay(reader.GetString(2)), ParseDay(reader.GetString(3)), checked((int)reader.GetInt64(4))));
        }

        return stories;
    }

    /// <inheritdoc />
    public async Task<Story?> GetStoryAsync(StoryId id, CancellationToken cancellationToken = default)
    {
        string title;
        DateOnly first, last;
        long? mergedInto;
        await using (NpgsqlCommand command = Command("SELECT title, first_report, last_report, merged_into FROM stories WHERE id = @id"))
        {
            Add(command, "id", id.Value);
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            (title, first, last) = (reader.GetString(0), ParseDay(reader.GetString(1)), ParseDay(reader.GetString(2)));
            mergedInto = reader.IsDBNull(3) ? null : reader.GetInt64(3);
        }

        if (mergedInto is long into)
        {
            // Merged away: the story now lives on in another one; its reports are listed there.
            return new Story(id, title, first, last, []) { MergedInto = new StoryId(into) };
        }

        var reports = new List<ArticleId>();
        var copies = ImmutableDictionary.CreateBuilder<ArticleId, ArticleId>();
        await using (NpgsqlCommand command = Command("SELECT article_id, copy_of FROM story_reports WHERE story_id = @id ORDER BY seq"))
        {
            Add(command, "id", id.Value);
            await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                reports.Add(new ArticleId(reader.GetString(0)));
                if (!reader.IsDBNull(1))
                {
                    copies[reports[^1]] = new ArticleId(reader.GetString(1));
                }
            }
        }

        return reports.Count == 0 ? null : new Story(id, title, first, last, [.. reports]) { Copies = copies.ToImmutable() };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryMerge>> GetMergesAsync(StoryId into, CancellationToken cancellationToken = default)
    {
        var merges = new List<StoryMerge>();
        await using NpgsqlCommand command = Command(
            """
            SELECT m.from_story, m.into_story, m.at_report, m.published FROM story_merges m JOIN stories s ON s.id = m.from_story
            WHERE s.merged_into = @id ORDER BY m.published, m.from_story
            """);
        Add(command, "id", into.Value);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            merges.Add(new StoryMerge(new StoryId(reader.GetInt64(0)), new StoryId(reader.GetInt64(1)), new ArticleId(reader.GetString(2)), ParseDay(reader.GetString(3))));
        }

        return merges;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AnalyzedArticle>> GetStoryReportsAsync(StoryId id, CancellationToken cancellationToken = default)
    {
        var reports = new List<AnalyzedArticle>();
        await using NpgsqlCommand command = Command($"SELECT {ArticleColumns} FROM articles a JOIN story_reports r ON r.article_id = a.id WHERE r.story_id = @id ORDER BY a.published, r.seq");
        Add(command, "id", id.Value);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reports.Add(ReadArticle(reader));
        }

        return reports;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, EntityType>> GetEntityTypesAsync(IReadOnlyCollection<EntityKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var types = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return types;
        }

        await using NpgsqlCommand command = Command("SELECT key, type FROM entities WHERE key = ANY(@keys)");
        Add(command, "keys", keys.Select(k => k.Value).ToArray());
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            types[reader.GetString(0)] = ParseType(reader.GetString(1));
        }

        return types;
    }

    /// <inheritdoc />
    public async Task<StoredReport?> GetReportAsync(string idOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        string prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length == 0 || !prefix.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        await using NpgsqlCommand command = Command($"SELECT {ArticleColumns}, r.story_id FROM articles a JOIN story_reports r ON r.article_id = a.id WHERE a.id >= @lo AND a.id < @hi ORDER BY a.id LIMIT 2");
        Add(command, "lo", prefix);
        Add(command, "hi", prefix + "~");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        StoredReport? found = null;
        int count = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            count++;
            found = new StoredReport(ReadArticle(reader), new StoryId(reader.GetInt64(ArticleColumnCount)));
        }

        return count == 1 ? found : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) =>
        SearchAsync(new SearchFilter(query), limit, cancellationToken); // the unfiltered search (PostgresStoryStore.Views.cs)

    /// <inheritdoc />
    public async Task<ArchiveCounts> CountAsync(CancellationToken cancellationToken = default) => new(
        await ScalarAsync<long>("SELECT count(*) FROM articles", cancellationToken).ConfigureAwait(false),
        await ScalarAsync<long>("SELECT count(*) FROM stories WHERE merged_into IS NULL", cancellationToken).ConfigureAwait(false),
        await ScalarAsync<long>("SELECT count(*) FROM entities", cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredQuote>> ListQuotesAsync(StoryId? story, string? speaker, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        // Rows pick the quotes; the quotes themselves come from each report's stored analysis, which is the record.
        // SQLite's lower() and LIKE fold ASCII letters only; translate() does the same here.
        string pattern = "%" + (speaker ?? string.Empty).Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using NpgsqlCommand command = Command(
            $"""
            SELECT {ArticleColumns}, r.story_id, q.ordinal, e.name
            FROM quotes q
            JOIN articles a ON a.id = q.article_id
            JOIN story_reports r ON r.article_id = q.article_id
            LEFT JOIN entities e ON e.key = q.speaker_key
            WHERE (@story::bigint IS NULL OR r.story_id = @story::bigint)
              AND (@speaker::text IS NULL OR {AsciiLower("coalesce(e.name, '')")} LIKE @pattern ESCAPE '\' OR {AsciiLower("coalesce(q.speaker_key, '')")} LIKE @pattern ESCAPE '\'
                   OR {AsciiLower("coalesce(q.source_text, '')")} LIKE @pattern ESCAPE '\')
            ORDER BY a.published, a.seq, q.content_start, q.ordinal
            LIMIT @limit
            """);
        Add(command, "story", story?.Value, NpgsqlDbType.Bigint);
        Add(command, "speaker", string.IsNullOrWhiteSpace(speaker) ? null : speaker, NpgsqlDbType.Text);
        Add(command, "pattern", pattern);
        Add(command, "limit", (long)limit);
        var result = new List<StoredQuote>();
        var cache = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string articleId = reader.GetString(0);
            if (!cache.TryGetValue(articleId, out AnalyzedArticle? report))
            {
                report = ReadArticle(reader);
                cache[articleId] = report;
            }

            int ordinal = checked((int)reader.GetInt64(ArticleColumnCount + 1));
            if (ordinal >= report.Quotes.Length)
            {
                continue; // an analysis rewritten since: its rows no longer match
            }

            Quote quote = report.Quotes[ordinal];
            result.Add(new StoredQuote(
                report.Article.Id,
                report.Article.Published,
                new StoryId(reader.GetInt64(ArticleColumnCount)),
                quote,
                report.Text(quote.Content),
                quote.Source is TextSpan source ? report.Text(source) : null,
                quote.Cue is TextSpan cue ? report.Text(cue) : null,
                reader.IsDBNull(ArticleColumnCount + 2) ? null : reader.GetString(ArticleColumnCount + 2),
                quote.CitedBy is TextSpan via ? report.Text(via) : null,
                quote.Citing is TextSpan citing ? report.Text(citing) : null));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityType? type, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using NpgsqlCommand command = Command(
            $"""
            {EntitySummarySelect}
            WHERE @type::text IS NULL OR e.type = @type::text
            GROUP BY e.key
            ORDER BY count(*) DESC, e.name, e.key
            LIMIT @limit
            """);
        Add(command, "type", type is EntityType t ? t.ToString() : null, NpgsqlDbType.Text);
        Add(command, "limit", (long)limit);
        return await ReadEntitySummariesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<EntityDetail?> GetEntityAsync(string nameOrKey, int maxRelated = 15, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameOrKey);
        string wanted = nameOrKey.Trim();
        if (wanted.Length == 0)
        {
            return null;
        }

        EntitySummary? summary;
        await using (NpgsqlCommand find = Command(
            $"""
            {EntitySummarySelect}
            WHERE e.key IN (
                SELECT key FROM entities WHERE {AsciiLower("key")} = {AsciiLower("@q")} OR {AsciiLower("name")} = {AsciiLower("@q")}
                UNION SELECT entity_key FROM entity_names WHERE kind = 'alias' AND {AsciiLower("name")} = {AsciiLower("@q")})
            GROUP BY e.key
            ORDER BY {AsciiLower("e.key")} = {AsciiLower("@q")} DESC, {AsciiLower("e.name")} = {AsciiLower("@q")} DESC, count(*) DESC, e.key
            LIMIT 1
            """))
        {
            Add(find, "q", wanted);
            summary = (await ReadEntitySummariesAsync(find, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        }

        if (summary is null)
        {
            return null;
        }

        string key = summary.Key.Value;
        var aliases = new List<string>();
        var roles = new List<string>();
        await using (NpgsqlCommand names = Command("SELECT kind, name FROM entity_names WHERE entity_key = @k ORDER BY kind, name"))
        {
            Add(names, "k", key);
            await using NpgsqlDataReader reader = await names.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string name = reader.GetString(1);
                if (reader.GetString(0) == "role")
                {
                    if (!roles.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        roles.Add(name);
                    }
                }
                else if (!string.Equals(name, summary.Name, StringComparison.Ordinal))
                {
                    aliases.Add(name);
                }
            }
        }

        Place? place = null;
        await using (NpgsqlCommand where = Command("SELECT geonameid, name, country, latitude, longitude, population, feature_code FROM entity_places WHERE entity_key = @k"))
        {
            Add(where, "k", key);
            await using NpgsqlDataReader reader = await where.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                place = new Place(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5), reader.GetString(6));
            }
        }

        var stories = new List<EntityStory>();
        await using (NpgsqlCommand inStories = Command(
            """
            SELECT s.id, s.title, count(DISTINCT m.article_id)::int, count(*)::int
            FROM mentions m JOIN story_reports r ON r.article_id = m.article_id JOIN stories s ON s.id = r.story_id
            WHERE m.entity_key = @k
            GROUP BY s.id
            ORDER BY count(*) DESC, s.id
            """))
        {
            Add(inStories, "k", key);
            await using NpgsqlDataReader reader = await inStories.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stories.Add(new EntityStory(new StoryId(reader.GetInt64(0)), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }

        var related = new List<RelatedEntity>();
        await using (NpgsqlCommand company = Command(
            """
            SELECT e.key, e.type, e.name, count(DISTINCT o.article_id)::int AS shared
            FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_key = @k) mine
            JOIN mentions o ON o.article_id = mine.article_id AND o.entity_key <> @k
            JOIN entities e ON e.key = o.entity_key
            GROUP BY e.key
            ORDER BY shared DESC, count(*) DESC, e.name
            LIMIT @limit
            """))
        {
            Add(company, "k", key);
            Add(company, "limit", (long)Math.Max(0, maxRelated));
            await using NpgsqlDataReader reader = await company.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                related.Add(new RelatedEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        var fuller = new List<RelatedEntity>();
        if (!key.Contains(' ', StringComparison.Ordinal) && !key.Contains(':', StringComparison.Ordinal))
        {
            await using NpgsqlCommand longer = Command(
                """
                SELECT e.key, e.type, e.name, count(DISTINCT m.article_id)::int
                FROM entities e JOIN mentions m ON m.entity_key = e.key
                WHERE e.type = 'Person' AND (left(e.key, length(@k) + 1) = @k || ' ' OR right(e.key, length(@k) + 1) = ' ' || @k)
                GROUP BY e.key
                ORDER BY count(DISTINCT m.article_id) DESC, e.key
                """);
            Add(longer, "k", key);
            await using NpgsqlDataReader reader = await longer.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                fuller.Add(new RelatedEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        return new EntityDetail(summary, [.. aliases], [.. roles], place, stories, related, fuller);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private const string EntitySummarySelect = """
        SELECT e.key, e.type, e.name, count(*)::int, count(DISTINCT m.article_id)::int, min(a.published), max(a.published)
        FROM entities e JOIN mentions m ON m.entity_key = e.key JOIN articles a ON a.id = m.article_id
        """;

    private const string ArticleColumns = "a.id, a.published, a.title, a.outlet, a.url, a.origin, a.dateline, a.body, a.analysis, a.external_id";
    private const int ArticleColumnCount = 10;

    private static string AsciiLower(string expression) => $"translate({expression}, '{Upper}', '{Lower}')";

    private static async Task<IReadOnlyList<EntitySummary>> ReadEntitySummariesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var found = new List<EntitySummary>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new EntitySummary(
                new EntityKey(reader.GetString(0)),
                ParseType(reader.GetString(1)),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                ParseDay(reader.GetString(5)),
                ParseDay(reader.GetString(6))));
        }

        return found;
    }

    private static EntityType ParseType(string text) => Enum.TryParse(text, out EntityType type) ? type : EntityType.Miscellaneous;

    private static AnalyzedArticle ReadArticle(NpgsqlDataReader reader)
    {
        var article = new Article(
            new ArticleId(reader.GetString(0)),
            ParseDay(reader.GetString(1)),
            reader.GetString(7),
            NullableString(reader, 2),
            NullableString(reader, 3),
            NullableString(reader, 4),
            NullableString(reader, 5),
            NullableString(reader, 6),
            NullableString(reader, 9));
        return AnalysisJson.Deserialize(article, reader.GetString(8));
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task MigrateAsync(NpgsqlConnection connection, string? searchPath, string name, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string? schema = searchPath?.Split(',')[0].Trim().Trim('"');
        if (!string.IsNullOrEmpty(schema) && !schema.StartsWith('$'))
        {
            await using NpgsqlCommand create = new("CREATE SCHEMA IF NOT EXISTS \"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", connection, transaction);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another process created it at the same moment: it is there.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await MigrateAsync(connection, searchPath, name, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // One process creates the tables at a time (two creating them at once would clash in the catalogue).
        await using (NpgsqlCommand lockSchema = new("SELECT pg_advisory_xact_lock(hashtext('storyline-schema:' || current_schema()))", connection, transaction))
        {
            await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (NpgsqlCommand check = new(
            """
            SELECT count(*) FILTER (WHERE table_name = 'meta'), count(*)
            FROM information_schema.tables WHERE table_schema = current_schema()
            """,
            connection,
            transaction))
        await using (NpgsqlDataReader reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            bool hasMeta = reader.GetInt64(0) > 0;
            long tables = reader.GetInt64(1);
            await reader.CloseAsync().ConfigureAwait(false);
            if (!hasMeta && tables > 0)
            {
                throw new StoreException($"{name}: this PostgreSQL schema holds tables of another program, not a Storyline database; nothing was changed");
            }

            if (hasMeta)
            {
                await using NpgsqlCommand version = new("SELECT value FROM meta WHERE key = 'schema_version'", connection, transaction);
                object? found = await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                int number = found is string s ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
                if (number > PostgresSchema.Version)
                {
                    throw new StoreException($"{name}: database schema version {number} is newer than this program's ({PostgresSchema.Version}); upgrade Storyline");
                }
            }
        }

        await using (NpgsqlCommand create = new(
            PostgresSchema.Create + "INSERT INTO meta (key, value) VALUES ('schema_version', '" + PostgresSchema.Version.ToString(CultureInfo.InvariantCulture) + "') ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, NpgsqlTransaction? transaction = null) => new(sql, connection, transaction);

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = Command(sql);
        object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)!;
    }

    private static void Add(NpgsqlCommand command, string name, object? value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter(name, value ?? DBNull.Value);
        if (type is NpgsqlDbType t)
        {
            parameter.NpgsqlDbType = t;
        }

        command.Parameters.Add(parameter);
    }

    // A session advisory lock held until disposed (or until its connection closes).
    private sealed class AdvisoryLock(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", connection);
                await release.ExecuteScalarAsync().ConfigureAwait(false);
            }
        }
    }

    internal static void Batch(NpgsqlBatch batch, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        batch.BatchCommands.Add(command);
    }
}
