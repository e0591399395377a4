using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>
/// The default store: one SQLite file (WAL journal), full-text search with FTS5. One instance is used by one
/// caller at a time; open several for several processes.
/// </summary>
public sealed partial class SqliteStoryStore : IStoryStore
{
    // SQLITE_CONSTRAINT_PRIMARYKEY: an INSERT of a key that is there.
    private const int PrimaryKeyConflict = 1555;
    private readonly SqliteConnection connection;
    private readonly TimeProvider clock;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

    private SqliteStoryStore(SqliteConnection connection, TimeProvider clock)
    {
        this.connection = connection;
        this.clock = clock;
    }

    /// <summary>The path of the database file.</summary>
    public string Path => connection.DataSource;

    /// <summary>Opens (and creates, where missing) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file is not a Storyline database, or is of a newer version.</exception>
    public static async Task<SqliteStoryStore> OpenAsync(string path, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException($"{path}: folder {folder} does not exist");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, path, cancellationToken).ConfigureAwait(false);

            // Only once the file is known to be ours: WAL is written into the file's header, and a file that is
            // refused must be left exactly as it was.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);

            // Bulk writes touch the same index pages (term frequencies, mentions, entity names, the search index) batch
            // after batch: a page cache of 64 MiB (the default is 2 MiB) keeps them in memory instead of reading them back
            // from the operating system, and checkpoints every 8,192 pages of WAL (32 MiB; the default is 1,000) copy a
            // page rewritten by several batches once. Neither changes what a commit guarantees.
            await ExecuteAsync(connection, "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192;", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"{path}: not a usable Storyline database ({ex.Message})", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteStoryStore(connection, clock ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var existing = new HashSet<ArticleId>();
        foreach (ArticleId[] chunk in ids.Distinct().Chunk(500))
        {
            await using SqliteCommand command = connection.CreateCommand();
            var names = new List<string>(chunk.Length);
            for (int i = 0; i < chunk.Length; i++)
            {
                names.Add("$p" + i.ToString(CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue(names[^1], chunk[i].Value);
            }

            command.CommandText = $"SELECT id FROM articles WHERE id IN ({string.Join(',', names)})";
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing.Add(new ArticleId(reader.GetString(0)));
            }
        }

        return existing;
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment, CancellationToken cancellationToken = default) =>
        (await SaveBatchAsync([new ReportToStore(report, features, assignment)], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc />
    public async Task<IReadOnlyList<bool>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken = default)
    {
        ReportToStore.ThrowIfIncomplete(reports);

        var saved = new bool[reports.Count];
        if (reports.Count == 0)
        {
            return saved;
        }

        // What is written of each report as JSON (its analysis, features, mention and quote rows) depends on that report
        // alone: made on every core before the transaction, so that the one writing thread only writes.
        var rows = new ReportRows[reports.Count];
        if (reports.Count == 1)
        {
            rows[0] = ReportRows.Of(reports[0]);
        }
        else
        {
            Parallel.For(0, reports.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = ReportRows.Of(reports[i]));
        }

        // One transaction for the whole batch (BEGIN IMMEDIATE: the write lock from the start): one commit, one WAL
        // append of the pages the batch touched and one FTS5 segment instead of one per report. Nothing of the batch is
        // kept if any of it fails.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        bool[] isNew = await NewReportsAsync(transaction, reports, cancellationToken).ConfigureAwait(false);

        // Rows shared by the batch's reports (entities, their names and places, document frequencies) are written once
        // for the batch, in report order: the same rows as report by report (the first name, type and place seen stay;
        // a document frequency is the number of reports), far fewer statements and index look-ups. Entities go first:
        // the reports' mentions refer to them.
        await SaveSharedRowsAsync(transaction, reports, isNew, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < reports.Count; i++)
        {
            saved[i] = isNew[i] && await SaveOneAsync(transaction, reports[i].Report, reports[i].Assignment, rows[i], cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return saved;
    }

    // Which reports of the batch are to be stored: not in the archive yet, and the first of the batch with their id.
    private async Task<bool[]> NewReportsAsync(SqliteTransaction transaction, IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken)
    {
        string stored = (string?)await ScalarAsync(
            transaction,
            "SELECT coalesce(json_group_array(a.id), '[]') FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids))",
            cancellationToken,
            ("$ids", JsonRows.Write(reports, static (w, r) => w.WriteStringValue(r.Report.Article.Id.Value), flat: true))).ConfigureAwait(false) ?? "[]";
        var skip = new HashSet<string>(JsonSerializer.Deserialize<string[]>(stored) ?? [], StringComparer.Ordinal);
        var isNew = new bool[reports.Count];
        for (int i = 0; i < reports.Count; i++)
        {
            isNew[i] = skip.Add(reports[i].Report.Article.Id.Value);
        }

        return isNew;
    }

    // The entities, entity names and places, and document frequencies of the batch's new reports, each row once.
    private async Task SaveSharedRowsAsync(SqliteTransaction transaction, IReadOnlyList<ReportToStore> reports, bool[] isNew, CancellationToken cancellationToken)
    {
        var entities = new List<Entity>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<(string Key, string Kind, string Name)>();
        var seenNames = new HashSet<(string, string, string)>();
        var places = new List<(string Key, Place Place)>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var termOrder = new List<string>();
        for (int i = 0; i < reports.Count; i++)
        {
            if (!isNew[i])
            {
                continue;
            }

            foreach (Entity entity in reports[i].Report.Entities)
            {
                string key = entity.Key.Value;
                if (keys.Add(key))
                {
                    entities.Add(entity);
                }

                foreach (string alias in entity.Aliases.Prepend(entity.Name))
                {
                    if (seenNames.Add((key, "alias", alias)))
                    {
                        names.Add((key, "alias", alias));
                    }
                }

                foreach (string role in entity.Roles)
                {
                    if (seenNames.Add((key, "role", role)))
                    {
                        names.Add((key, "role", role));
                    }
                }

                if (entity.Place is Place place && placed.Add(key))
                {
                    places.Add((key, place));
                }
            }

            // A near-copy is a source of its story, not a second report: it changes no term frequency.
            if (reports[i].Assignment.CopyOf is null)
            {
                foreach (TermCount term in reports[i].Features.Terms)
                {
                    if (terms.TryGetValue(term.Term, out int count))
                    {
                        terms[term.Term] = count + 1;
                    }
                    else
                    {
                        terms[term.Term] = 1;
                        termOrder.Add(term.Term);
                    }
                }
            }
        }

        if (entities.Count > 0)
        {
            // The first name seen stays; the type is decided from the votes of every mention so far (ArchiveTypes).
            var votes = new Dictionary<string, Entities.TypeVotes>(StringComparer.Ordinal);
            for (int i = 0; i < reports.Count; i++)
            {
                if (isNew[i])
                {
                    foreach (var (key, count) in Entities.ArchiveTypes.Count(reports[i].Report))
                    {
                        votes[key] = votes.GetValueOrDefault(key).Plus(count);
                    }
                }
            }

            string stored = (string?)await ScalarAsync(
                transaction,
                """
                SELECT coalesce(json_group_array(json_array(key, type, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous)), '[]')
                FROM entities WHERE key IN (SELECT value FROM json_each($keys))
                """,
                cancellationToken,
                ("$keys", JsonRows.Write(entities, static (w, e) => w.WriteStringValue(e.Key.Value), flat: true))).ConfigureAwait(false) ?? "[]";
            var before = new Dictionary<string, (EntityType Type, Entities.TypeVotes Votes)>(StringComparer.Ordinal);
            foreach (JsonElement row in JsonDocument.Parse(stored).RootElement.EnumerateArray())
            {
                before[row[0].GetString()!] = (ParseType(row[1].GetString()!), new(row[2].GetInt32(), row[3].GetInt32(), row[4].GetInt32(), row[5].GetInt32()));
            }

            await ExecuteAsync(
                transaction,
                """
                INSERT INTO entities (key, type, name, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous)
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(jsonb($entities)) WHERE true
                ON CONFLICT (key) DO UPDATE SET type = excluded.type, mentions_person = excluded.mentions_person,
                    mentions_organization = excluded.mentions_organization, mentions_location = excluded.mentions_location,
                    mentions_miscellaneous = excluded.mentions_miscellaneous
                """,
                cancellationToken,
                ("$entities", JsonRows.Write(entities, (w, e) =>
                {
                    string key = e.Key.Value;
                    (EntityType first, Entities.TypeVotes old) = before.TryGetValue(key, out var row) ? row : (e.Type, default);
                    Entities.TypeVotes total = old.Plus(votes.GetValueOrDefault(key));
                    w.WriteStringValue(key);
                    w.WriteStringValue(Entities.ArchiveTypes.Decide(key, total, first).ToString());
                    w.WriteStringValue(e.Name);
                    w.WriteNumberValue(total.Person);
                    w.WriteNumberValue(total.Organization);
                    w.WriteNumberValue(total.Location);
                    w.WriteNumberValue(total.Miscellaneous);
                }))).ConfigureAwait(false);
        }

        if (names.Count > 0)
        {
            await ExecuteAsync(
                transaction,
                "INSERT OR IGNORE INTO entity_names (entity_key, kind, name) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(jsonb($names))",
                cancellationToken,
                ("$names", JsonRows.Write(names, static (w, n) =>
                {
                    w.WriteStringValue(n.Key);
                    w.WriteStringValue(n.Kind);
                    w.WriteStringValue(n.Name);
                }))).ConfigureAwait(false);
        }

        foreach ((string key, Place place) in places)
        {
            // Few per batch, and coordinates are bound as doubles, not passed through JSON text.
            await ExecuteAsync(
                transaction,
                """
                INSERT OR IGNORE INTO entity_places (entity_key, geonameid, name, country, latitude, longitude, population, feature_code)
                VALUES ($key, $id, $name, $country, $lat, $lon, $population, $feature)
                """,
                cancellationToken,
                ("$key", key), ("$id", place.GeoNameId), ("$name", place.Name), ("$country", place.CountryCode),
                ("$lat", place.Latitude), ("$lon", place.Longitude), ("$population", place.Population), ("$feature", place.FeatureCode)).ConfigureAwait(false);
        }

        if (termOrder.Count > 0)
        {
            // Hundreds of terms per report, many shared within a batch: one statement over [term, reports], not one per term.
            await ExecuteAsync(
                transaction,
                "INSERT INTO term_df (term, df) SELECT value ->> 0, value ->> 1 FROM json_each(jsonb($terms)) WHERE true ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
                cancellationToken,
                ("$terms", JsonRows.Write(termOrder, (w, t) =>
                {
                    w.WriteStringValue(t);
                    w.WriteNumberValue(terms[t]);
                }))).ConfigureAwait(false);
        }
    }

    // Writes one new report inside the batch's transaction (its shared rows are written for the batch); false (and
    // nothing written) when it is stored after all.
    private async Task<bool> SaveOneAsync(SqliteTransaction transaction, AnalyzedArticle report, StoryAssignment assignment, ReportRows rows, CancellationToken cancellationToken)
    {
        Article article = report.Article;
        object? result = await ScalarAsync(
            transaction,
            """
            INSERT INTO articles (id, published, title, outlet, url, origin, dateline, external_id, body, analysis, analysis_version, features, ingested_at)
            VALUES ($id, $published, $title, $outlet, $url, $origin, $dateline, $external, $body, $analysis, $version, $features, $ingested)
            ON CONFLICT (id) DO NOTHING
            RETURNING seq
            """,
            cancellationToken,
            ("$id", article.Id.Value), ("$published", Day(article.Published)), ("$title", article.Title), ("$outlet", article.Outlet), ("$url", article.Url),
            ("$origin", article.Origin), ("$dateline", article.Dateline), ("$external", article.ExternalId), ("$body", article.Body),
            ("$analysis", rows.Analysis), ("$version", AnalysisJson.Version), ("$features", rows.Features),
            ("$ingested", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture))).ConfigureAwait(false);
        if (result is null or DBNull)
        {
            return false;
        }

        long seq = (long)result;
        await ExecuteAsync(transaction, "INSERT INTO articles_fts (rowid, title, body) VALUES ($seq, $title, $body)", cancellationToken,
            ("$seq", seq), ("$title", article.Title), ("$body", article.Body)).ConfigureAwait(false);

        if (rows.Mentions is not null)
        {
            // One statement over a JSON array of [start, length, entity, sentence, role], in the mentions' order.
            await ExecuteAsync(
                transaction,
                """
                INSERT OR IGNORE INTO mentions (article_id, start, length, entity_key, sentence, role)
                SELECT $a, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(jsonb($mentions))
                """,
                cancellationToken,
                ("$a", article.Id.Value), ("$mentions", rows.Mentions)).ConfigureAwait(false);
        }

        if (rows.Quotes is not null)
        {
            // One statement over [ordinal, kind, sentence, start, length, speaker, source kind, source words].
            await ExecuteAsync(
                transaction,
                """
                INSERT INTO quotes (article_id, ordinal, kind, sentence, content_start, content_length, speaker_key, source_kind, source_text)
                SELECT $a, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(jsonb($quotes))
                """,
                cancellationToken,
                ("$a", article.Id.Value), ("$quotes", rows.Quotes)).ConfigureAwait(false);
        }

        bool copy = assignment.CopyOf is not null;
        string day = Day(article.Published);
        if (assignment.Merged is StoryId merged)
        {
            // The merged-away story's reports move; its row stays and points to the story it became part of.
            await ExecuteAsync(
                transaction,
                """
                UPDATE stories SET
                    report_count = report_count + (SELECT report_count FROM stories WHERE id = $from),
                    first_report = min(first_report, (SELECT first_report FROM stories WHERE id = $from)),
                    last_report = max(last_report, (SELECT last_report FROM stories WHERE id = $from))
                WHERE id = $into;
                UPDATE story_reports SET story_id = $into WHERE story_id = $from;
                UPDATE stories SET merged_into = $into WHERE id = $from OR merged_into = $from;
                INSERT INTO story_merges (from_story, into_story, at_report, published) VALUES ($from, $into, $report, $day);
                """,
                cancellationToken,
                ("$from", merged.Value), ("$into", assignment.Story.Value), ("$report", article.Id.Value), ("$day", day)).ConfigureAwait(false);
        }

        if (assignment.IsNewStory)
        {
            // A story this report starts must not exist yet: where it does, another writer gave out the same number,
            // and adding this report to that story would fuse two stories. The batch is refused whole instead.
            try
            {
                await ExecuteAsync(
                    transaction,
                    "INSERT INTO stories (id, title, first_report, last_report, report_count) VALUES ($id, $title, $day, $day, $count)",
                    cancellationToken,
                    ("$id", assignment.Story.Value), ("$title", assignment.StoryTitle), ("$day", day), ("$count", copy ? 0 : 1)).ConfigureAwait(false);
            }
            catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == PrimaryKeyConflict)
            {
                throw new StoreException(
                    $"{Path}: story {assignment.Story.Value} already exists: another writer numbered stories at the same time; nothing of this batch was stored", ex);
            }
        }
        else
        {
            await ExecuteAsync(
                transaction,
                """
                INSERT INTO stories (id, title, first_report, last_report, report_count) VALUES ($id, $title, $day, $day, $count)
                ON CONFLICT (id) DO UPDATE SET title = $title, report_count = report_count + $count,
                    first_report = min(first_report, $day), last_report = max(last_report, $day)
                """,
                cancellationToken,
                ("$id", assignment.Story.Value), ("$title", assignment.StoryTitle), ("$day", day), ("$count", copy ? 0 : 1)).ConfigureAwait(false);
        }

        await ExecuteAsync(transaction, "INSERT INTO story_reports (article_id, story_id, seq, similarity, copy_of) VALUES ($a, $s, $q, $sim, $copy)", cancellationToken,
            ("$a", article.Id.Value), ("$s", assignment.Story.Value), ("$q", seq), ("$sim", assignment.Similarity), ("$copy", assignment.CopyOf?.Value)).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default) =>
        WriterLockFile.AcquireAsync(System.IO.Path.GetFullPath(Path), cancellationToken);

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
        await using (SqliteCommand command = Command(null, "SELECT term, df FROM term_df"))
        await using (SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                df[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        long lastStory = await ScalarAsync<long>("SELECT coalesce(max(id), 0) FROM stories", cancellationToken).ConfigureAwait(false);
        string latest = await ScalarAsync<string>("SELECT max(last_report) FROM stories", cancellationToken).ConfigureAwait(false);
        string since = Day(ParseDay(latest).AddDays(-options.WindowDays));
        var members = new SortedDictionary<long, (string Title, DateOnly Last, List<StoryFeatures> Reports)>();
        await using (SqliteCommand command = Command(
            null,
            """
            SELECT s.id, s.title, a.id, a.published, a.features, s.last_report
            FROM stories s JOIN story_reports r ON r.story_id = s.id JOIN articles a ON a.id = r.article_id
            WHERE s.last_report >= $since AND s.merged_into IS NULL AND r.copy_of IS NULL
            ORDER BY s.id, r.seq
            """))
        {
            command.Parameters.AddWithValue("$since", since);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using SqliteCommand command = Command(null, "SELECT id, title, first_report, last_report, report_count FROM stories WHERE merged_into IS NULL ORDER BY last_report DESC, report_count DESC, id");
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stories.Add(new StorySummary(new StoryId(reader.GetInt64(0)), reader.GetString(1), ParseDay(reader.GetString(2)), ParseDay(reader.GetString(3)), reader.GetInt32(4)));
        }

        return stories;
    }

    /// <inheritdoc />
    public async Task<Story?> GetStoryAsync(StoryId id, CancellationToken cancellationToken = default)
    {
        string? title = null;
        DateOnly first = default, last = default;
        long? mergedInto = null;
        await using (SqliteCommand command = Command(null, "SELECT title, first_report, last_report, merged_into FROM stories WHERE id = $id"))
        {
            command.Parameters.AddWithValue("$id", id.Value);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using (SqliteCommand command = Command(null, "SELECT article_id, copy_of FROM story_reports WHERE story_id = $id ORDER BY seq"))
        {
            command.Parameters.AddWithValue("$id", id.Value);
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using SqliteCommand command = Command(
            null,
            """
            SELECT m.from_story, m.into_story, m.at_report, m.published FROM story_merges m JOIN stories s ON s.id = m.from_story
            WHERE s.merged_into = $id ORDER BY m.published, m.from_story
            """);
        command.Parameters.AddWithValue("$id", into.Value);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using SqliteCommand command = Command(null, $"SELECT {ArticleColumns} FROM articles a JOIN story_reports r ON r.article_id = a.id WHERE r.story_id = $id ORDER BY a.published, r.seq");
        command.Parameters.AddWithValue("$id", id.Value);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

        await using SqliteCommand command = Command(null, "SELECT key, type FROM entities WHERE key IN (SELECT value FROM json_each($keys))");
        command.Parameters.AddWithValue("$keys", JsonSerializer.Serialize(keys.Select(k => k.Value)));
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

        await using SqliteCommand command = Command(null, $"SELECT {ArticleColumns}, r.story_id FROM articles a JOIN story_reports r ON r.article_id = a.id WHERE a.id >= $lo AND a.id < $hi ORDER BY a.id LIMIT 2");
        command.Parameters.AddWithValue("$lo", prefix);
        command.Parameters.AddWithValue("$hi", prefix + "~");
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        SearchAsync(new SearchFilter(query), limit, cancellationToken); // the unfiltered search (SqliteStoryStore.Views.cs)

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
        string pattern = "%" + (speaker ?? string.Empty).Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using SqliteCommand command = Command(
            null,
            $"""
            SELECT {ArticleColumns}, r.story_id, q.ordinal, e.name
            FROM quotes q
            JOIN articles a ON a.id = q.article_id
            JOIN story_reports r ON r.article_id = q.article_id
            LEFT JOIN entities e ON e.key = q.speaker_key
            WHERE ($story IS NULL OR r.story_id = $story)
              AND ($speaker IS NULL OR lower(coalesce(e.name, '')) LIKE $pattern ESCAPE '\' OR lower(coalesce(q.speaker_key, '')) LIKE $pattern ESCAPE '\'
                   OR lower(coalesce(q.source_text, '')) LIKE $pattern ESCAPE '\')
            ORDER BY a.published, a.seq, q.content_start, q.ordinal
            LIMIT $limit
            """);
        command.Parameters.AddWithValue("$story", story is StoryId id ? id.Value : DBNull.Value);
        command.Parameters.AddWithValue("$speaker", string.IsNullOrWhiteSpace(speaker) ? DBNull.Value : speaker);
        command.Parameters.AddWithValue("$pattern", pattern);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<StoredQuote>();
        var cache = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string articleId = reader.GetString(0);
            if (!cache.TryGetValue(articleId, out AnalyzedArticle? report))
            {
                report = ReadArticle(reader);
                cache[articleId] = report;
            }

            int ordinal = reader.GetInt32(ArticleColumnCount + 1);
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
                NullableString(reader, ArticleColumnCount + 2),
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

        await using SqliteCommand command = Command(
            null,
            $"""
            {EntitySummarySelect}
            WHERE $type IS NULL OR e.type = $type
            GROUP BY e.key
            ORDER BY count(*) DESC, e.name, e.key
            LIMIT $limit
            """);
        command.Parameters.AddWithValue("$type", type is EntityType t ? t.ToString() : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
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
        await using (SqliteCommand find = Command(
            null,
            $"""
            {EntitySummarySelect}
            WHERE e.key IN (
                SELECT key FROM entities WHERE key = $q COLLATE NOCASE OR name = $q COLLATE NOCASE
                UNION SELECT entity_key FROM entity_names WHERE kind = 'alias' AND name = $q COLLATE NOCASE)
            GROUP BY e.key
            ORDER BY e.key = $q COLLATE NOCASE DESC, e.name = $q COLLATE NOCASE DESC, count(*) DESC, e.key
            LIMIT 1
            """))
        {
            find.Parameters.AddWithValue("$q", wanted);
            summary = (await ReadEntitySummariesAsync(find, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        }

        if (summary is null)
        {
            return null;
        }

        string key = summary.Key.Value;
        var aliases = new List<string>();
        var roles = new List<string>();
        await using (SqliteCommand names = Command(null, "SELECT kind, name FROM entity_names WHERE entity_key = $k ORDER BY kind, name"))
        {
            names.Parameters.AddWithValue("$k", key);
            await using SqliteDataReader reader = await names.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using (SqliteCommand where = Command(null, "SELECT geonameid, name, country, latitude, longitude, population, feature_code FROM entity_places WHERE entity_key = $k"))
        {
            where.Parameters.AddWithValue("$k", key);
            await using SqliteDataReader reader = await where.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                place = new Place(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5), reader.GetString(6));
            }
        }

        var stories = new List<EntityStory>();
        await using (SqliteCommand inStories = Command(
            null,
            """
            SELECT s.id, s.title, count(DISTINCT m.article_id), count(*)
            FROM mentions m JOIN story_reports r ON r.article_id = m.article_id JOIN stories s ON s.id = r.story_id
            WHERE m.entity_key = $k
            GROUP BY s.id
            ORDER BY count(*) DESC, s.id
            """))
        {
            inStories.Parameters.AddWithValue("$k", key);
            await using SqliteDataReader reader = await inStories.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stories.Add(new EntityStory(new StoryId(reader.GetInt64(0)), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
            }
        }

        var related = new List<RelatedEntity>();
        await using (SqliteCommand company = Command(
            null,
            """
            SELECT e.key, e.type, e.name, count(DISTINCT o.article_id) AS shared
            FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_key = $k) mine
            JOIN mentions o ON o.article_id = mine.article_id AND o.entity_key <> $k
            JOIN entities e ON e.key = o.entity_key
            GROUP BY e.key
            ORDER BY shared DESC, count(*) DESC, e.name
            LIMIT $limit
            """))
        {
            company.Parameters.AddWithValue("$k", key);
            company.Parameters.AddWithValue("$limit", Math.Max(0, maxRelated));
            await using SqliteDataReader reader = await company.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                related.Add(new RelatedEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        var fuller = new List<RelatedEntity>();
        if (!key.Contains(' ', StringComparison.Ordinal) && !key.Contains(':', StringComparison.Ordinal))
        {
            await using SqliteCommand longer = Command(
                null,
                """
                SELECT e.key, e.type, e.name, count(DISTINCT m.article_id)
                FROM entities e JOIN mentions m ON m.entity_key = e.key
                WHERE e.type = 'Person' AND (substr(e.key, 1, length($k) + 1) = $k || ' ' OR substr(e.key, -length($k) - 1) = ' ' || $k)
                GROUP BY e.key
                ORDER BY count(DISTINCT m.article_id) DESC, e.key
                """);
            longer.Parameters.AddWithValue("$k", key);
            await using SqliteDataReader reader = await longer.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                fuller.Add(new RelatedEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3)));
            }
        }

        return new EntityDetail(summary, [.. aliases], [.. roles], place, stories, related, fuller);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (SqliteCommand command in prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        prepared.Clear();
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private const string EntitySummarySelect = """
        SELECT e.key, e.type, e.name, count(*), count(DISTINCT m.article_id), min(a.published), max(a.published)
        FROM entities e JOIN mentions m ON m.entity_key = e.key JOIN articles a ON a.id = m.article_id
        """;

    private static async Task<IReadOnlyList<EntitySummary>> ReadEntitySummariesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var found = new List<EntitySummary>();
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Turns what a user typed into an FTS5 query (<see cref="SearchTerms"/>): each word is required and matched as typed
    /// (FTS5 operators lose their meaning; punctuation separates words, as the index's tokenizer does), text in double
    /// quotes is a phrase, and a word or phrase given twice is asked for once.
    /// </summary>
    /// <exception cref="ArgumentException">The query holds more than <see cref="SearchTerms.MaxWords"/> distinct words.</exception>
    internal static string ToFtsQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        SearchTerms terms = SearchTerms.Read(query);
        return terms.Problem is string problem
            ? throw new ArgumentException(problem, nameof(query))
            : string.Join(' ', terms.Terms.Select(t => '"' + string.Join(' ', t) + '"'));
    }

    private const string ArticleColumns = "a.id, a.published, a.title, a.outlet, a.url, a.origin, a.dateline, a.body, a.analysis, a.external_id";
    private const int ArticleColumnCount = 10;

    private static AnalyzedArticle ReadArticle(SqliteDataReader reader)
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

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        // Looked at first in a read transaction: an archive whose schema is complete (every opening but the first) is only
        // read, so that opening it never waits for a writer.
        await using (SqliteTransaction read = connection.BeginTransaction(deferred: true))
        {
            if (await IsCurrentAsync(connection, read, path, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        // Checked again and created in ONE transaction that holds the write lock from its start (BEGIN IMMEDIATE): of
        // several processes opening a new file at once, one creates the schema and the others wait and then find all of
        // it, never a part of it.
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        if (!await IsCurrentAsync(connection, transaction, path, cancellationToken).ConfigureAwait(false))
        {
            await using SqliteCommand create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = SqliteSchema.Create + "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" + SqliteSchema.Version.ToString(CultureInfo.InvariantCulture) + "');";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach ((string table, string column, string definition) in SqliteSchema.AddedColumns)
            {
                if (!await HasColumnAsync(connection, transaction, table, column, cancellationToken).ConfigureAwait(false))
                {
                    create.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Whether the file holds this program's whole schema at this version (false for a new, empty file, or an older
    // version to bring up to date); refuses another program's file and a newer version.
    private static async Task<bool> IsCurrentAsync(SqliteConnection connection, SqliteTransaction transaction, string path, CancellationToken cancellationToken)
    {
        await using SqliteCommand check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "SELECT count(*) FILTER (WHERE name = 'meta'), count(*) FROM sqlite_master WHERE type = 'table'";
        bool hasMeta;
        long tables;
        await using (SqliteDataReader reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (hasMeta, tables) = (reader.GetInt64(0) > 0, reader.GetInt64(1));
        }

        if (!hasMeta && tables > 0)
        {
            throw new StoreException($"{path}: this SQLite file is not a Storyline database; nothing was changed");
        }

        if (!hasMeta)
        {
            return false;
        }

        check.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        object? found = await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        int version = found is string s ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        if (version > SqliteSchema.Version)
        {
            throw new StoreException($"{path}: database schema version {version} is newer than this program's ({SqliteSchema.Version}); upgrade Storyline");
        }

        if (version < SqliteSchema.Version)
        {
            return false;
        }

        foreach ((string table, string column, _) in SqliteSchema.AddedColumns)
        {
            if (!await HasColumnAsync(connection, transaction, table, column, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string column, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = Command(null, sql);
        object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The statements run for every report (a dozen per report) are prepared once and kept, instead of a new command
    // parsed and prepared again for every report.
    private async Task ExecuteAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Prepared(transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    private async Task<object?> ScalarAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Prepared(transaction, sql, parameters).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);

    private SqliteCommand Prepared(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        if (!prepared.TryGetValue(sql, out SqliteCommand? command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach ((string name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            prepared[sql] = command;
        }

        command.Transaction = transaction;
        for (int i = 0; i < parameters.Length; i++)
        {
            command.Parameters[parameters[i].Name].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }

    // A report's JSON: its stored analysis and features, and its mention and quote rows (null when it has none).
    private readonly record struct ReportRows(string Analysis, string Features, string? Mentions, string? Quotes)
    {
        public static ReportRows Of(ReportToStore item)
        {
            AnalyzedArticle report = item.Report;
            string? mentions = report.Mentions.Length == 0 ? null : JsonRows.Write(report.Mentions, static (w, m) =>
            {
                w.WriteNumberValue(m.Span.Start);
                w.WriteNumberValue(m.Span.Length);
                w.WriteStringValue(m.Entity.Value);
                w.WriteNumberValue(m.Sentence);
                JsonRows.WriteNullable(w, m.Role);
            });
            string? quotes = report.Quotes.Length == 0 ? null : JsonRows.Write(
                report.Quotes.Select((q, i) => (Quote: q, Ordinal: i, Source: q.Source is TextSpan src ? report.Text(src) : null)),
                static (w, q) =>
                {
                    w.WriteNumberValue(q.Ordinal);
                    w.WriteStringValue(q.Quote.Kind.ToString());
                    w.WriteNumberValue(q.Quote.Sentence);
                    w.WriteNumberValue(q.Quote.Content.Start);
                    w.WriteNumberValue(q.Quote.Content.Length);
                    JsonRows.WriteNullable(w, q.Quote.Speaker?.Value);
                    w.WriteStringValue(q.Quote.SourceKind.ToString());
                    JsonRows.WriteNullable(w, q.Source);
                });
            return new ReportRows(AnalysisJson.Serialize(report), AnalysisJson.SerializeFeatures(item.Features), mentions, quotes);
        }
    }
}
