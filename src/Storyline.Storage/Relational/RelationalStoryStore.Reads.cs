using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Relational;

// The read queries both stores answer with the same SQL (the dialect gives the few expressions that differ), and their
// row mappers; the entity queries are in RelationalStoryStore.Entities.cs. Integers are read as 64-bit, which both
// servers return for counts and keys.
public abstract partial class RelationalStoryStore
{
    /// <summary>The article columns <see cref="ReadArticle"/> reads, in its order, from an <c>articles a</c>.</summary>
    protected const string ArticleColumns = "a.id, a.published, a.title, a.outlet, a.url, a.origin, a.dateline, a.body, a.analysis, a.external_id, a.author, a.paywalled";

    /// <summary>How many columns <see cref="ArticleColumns"/> is.</summary>
    protected const int ArticleColumnCount = 12;

    /// <inheritdoc />
    public async Task<ClusteringState> LoadClusteringStateAsync(ClusteringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        long documents = await ScalarAsync("SELECT count(*) FROM story_reports WHERE copy_of IS NULL", cancellationToken).ConfigureAwait(false);
        if (documents == 0)
        {
            return ClusteringState.Empty;
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (DbCommand command = NewCommand("SELECT term, df FROM term_df"))
        await using (DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                df[reader.GetString(0)] = checked((int)reader.GetInt64(1));
            }
        }

        long lastStory = await ScalarAsync("SELECT coalesce(max(id), 0) FROM stories", cancellationToken).ConfigureAwait(false);
        string latest;
        await using (DbCommand command = NewCommand("SELECT max(last_report) FROM stories"))
        {
            latest = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        string since = Day(ParseDay(latest).AddDays(-options.WindowDays));
        var members = new SortedDictionary<long, (string Title, DateOnly Last, List<StoryFeatures> Reports)>();
        await using (DbCommand command = NewCommand(
            """
            SELECT s.id, s.title, a.id, a.published, a.features, s.last_report
            FROM stories s JOIN story_reports r ON r.story_id = s.id JOIN articles a ON a.id = r.article_id
            WHERE s.last_report >= @since AND s.merged_into IS NULL AND r.copy_of IS NULL
            ORDER BY s.id, r.seq
            """))
        {
            Bind(command, "since", since, DbType.String);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using DbCommand command = NewCommand("SELECT id, title, first_report, last_report, report_count FROM stories WHERE merged_into IS NULL ORDER BY last_report DESC, report_count DESC, id");
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using (DbCommand command = NewCommand("SELECT title, first_report, last_report, merged_into FROM stories WHERE id = @id"))
        {
            Bind(command, "id", id.Value, DbType.Int64);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using (DbCommand command = NewCommand("SELECT article_id, copy_of FROM story_reports WHERE story_id = @id ORDER BY seq"))
        {
            Bind(command, "id", id.Value, DbType.Int64);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using DbCommand command = NewCommand(
            """
            SELECT m.from_story, m.into_story, m.at_report, m.published FROM story_merges m JOIN stories s ON s.id = m.from_story
            WHERE s.merged_into = @id ORDER BY m.published, m.from_story
            """);
        Bind(command, "id", into.Value, DbType.Int64);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
        await using DbCommand command = NewCommand($"SELECT {ArticleColumns} FROM articles a JOIN story_reports r ON r.article_id = a.id WHERE r.story_id = @id ORDER BY a.published, r.seq");
        Bind(command, "id", id.Value, DbType.Int64);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reports.Add(ReadArticle(reader));
        }

        return reports;
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

        // Ids are compared byte by byte in both stores: every id with the prefix lies between it and it followed by '~'.
        await using DbCommand command = NewCommand($"SELECT {ArticleColumns}, r.story_id FROM articles a JOIN story_reports r ON r.article_id = a.id WHERE a.id >= @lo AND a.id < @hi ORDER BY a.id LIMIT 2");
        Bind(command, "lo", prefix, DbType.String);
        Bind(command, "hi", prefix + "~", DbType.String);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
    public async Task<ArchiveCounts> CountAsync(CancellationToken cancellationToken = default) => new(
        await ScalarAsync("SELECT count(*) FROM articles", cancellationToken).ConfigureAwait(false),
        await ScalarAsync("SELECT count(*) FROM stories WHERE merged_into IS NULL", cancellationToken).ConfigureAwait(false),
        await ScalarAsync("SELECT count(*) FROM entities", cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredQuote>> ListQuotesAsync(StoryId? story, string? speaker, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        // Rows pick the quotes; the quotes themselves come from each report's stored analysis, which is the record. The
        // speaker is matched with ASCII letters folded (as SQLite's lower() and LIKE do).
        string pattern = "%" + (speaker ?? string.Empty).Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using DbCommand command = NewCommand(
            $"""
            SELECT {ArticleColumns}, r.story_id, q.ordinal, e.name
            FROM quotes q
            JOIN articles a ON a.id = q.article_id
            JOIN story_reports r ON r.article_id = q.article_id
            LEFT JOIN entities e ON e.key = q.speaker_key
            WHERE (@story IS NULL OR r.story_id = @story)
              AND (@speaker IS NULL OR {Dialect.AsciiLower("coalesce(e.name, '')")} LIKE @pattern ESCAPE '\' OR {Dialect.AsciiLower("coalesce(q.speaker_key, '')")} LIKE @pattern ESCAPE '\'
                   OR {Dialect.AsciiLower("coalesce(q.source_text, '')")} LIKE @pattern ESCAPE '\')
            ORDER BY a.published, a.seq, q.content_start, q.ordinal
            LIMIT @limit
            """);
        Bind(command, "story", story?.Value, DbType.Int64);
        Bind(command, "speaker", string.IsNullOrWhiteSpace(speaker) ? null : speaker, DbType.String);
        Bind(command, "pattern", pattern, DbType.String);
        Bind(command, "limit", (long)limit, DbType.Int64);
        var result = new List<StoredQuote>();
        var cache = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
                NullableString(reader, ArticleColumnCount + 2),
                quote.CitedBy is TextSpan via ? report.Text(via) : null,
                quote.Citing is TextSpan citing ? report.Text(citing) : null));
        }

        return result;
    }

    /// <summary>The report a row of <see cref="ArticleColumns"/> holds, analysed as stored (tokens not stored).</summary>
    protected static AnalyzedArticle ReadArticle(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var article = new Article(
            new ArticleId(reader.GetString(0)),
            ParseDay(reader.GetString(1)),
            reader.GetString(7),
            NullableString(reader, 2),
            NullableString(reader, 3),
            NullableString(reader, 4),
            NullableString(reader, 5),
            NullableString(reader, 6),
            NullableString(reader, 9),
            NullableString(reader, 10),
            reader.GetInt64(11) != 0);
        return AnalysisJson.Deserialize(article, reader.GetString(8));
    }

    /// <summary>The text in column <paramref name="ordinal"/>, or null.</summary>
    protected static string? NullableString(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    /// <summary>The number a query of one number gives.</summary>
    protected async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = NewCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
