using System.Data.Common;
using Npgsql;
using Storyline.Domain;
using Storyline.Storage.Relational;

namespace Storyline.Storage.Postgres;

// The bulk write: a batch's rows, computed by the relational layer, as PostgreSQL statements over arrays (unnest), sent
// in one round trip.
public sealed partial class PostgresStoryStore
{
    // The articles' columns, as both ways of storing a report (its texts sent, or copied from its queue row) insert them.
    private const string InsertArticle =
        "INSERT INTO articles (id, published, title, outlet, url, origin, dateline, external_id, body, analysis, analysis_version, features, ingested_at, author, paywalled, search)";

    /// <inheritdoc />
    protected override async Task WriteAsync(DbTransaction transaction, BatchRows rows, StoryChanges stories, string ingestedAt, CancellationToken cancellationToken)
    {
        // The whole batch goes to the server in one round trip: a statement per article (numbered in batch order, so each
        // is its own statement), then one statement per kind of row over arrays (unnest), in batch order.
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction);
        foreach (NewReport report in rows.Reports)
        {
            Article article = report.Report.Article;
            (string, object?)[] columns =
            [
                ("id", article.Id.Value), ("published", report.Day), ("title", article.Title), ("outlet", article.Outlet), ("url", article.Url),
                ("origin", article.Origin), ("dateline", article.Dateline), ("external", article.ExternalId), ("body", article.Body),
                ("version", (long)AnalysisJson.Version), ("ingested", ingestedAt), ("author", article.Author), ("paywalled", article.Paywalled ? 1L : 0L),
            ];
            if (report.Prepared.QueueRow is long row)
            {
                // The analysis, features and search text as the worker that analysed the report left them in its queue row:
                // copied on the server, not read by the assigner and sent back (about 40 KB a report each way); the search
                // text as the literal the worker made.
                Batch(
                    batch,
                    $"""
                    {InsertArticle}
                    SELECT @id, @published, @title, @outlet, @url, @origin, @dateline, @external, @body, q.analysis, @version, q.features, @ingested, @author, @paywalled, q.search::tsvector
                    FROM ingest_queue q WHERE q.seq = @row
                    """,
                    [.. columns, ("row", row)]);
            }
            else
            {
                Batch(
                    batch,
                    $"""
                    {InsertArticle}
                    VALUES (@id, @published, @title, @outlet, @url, @origin, @dateline, @external, @body, @analysis, @version, @features, @ingested, @author, @paywalled, @search::tsvector)
                    """,
                    [.. columns, ("analysis", report.Prepared.Analysis), ("features", report.Prepared.Features), ("search", report.Prepared.Search)]);
            }
        }

        if (rows.Entities.Count > 0)
        {
            Batch(
                batch,
                """
                INSERT INTO entities (key, type, name, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous)
                SELECT k, t, n, p, g, l, m FROM unnest(@k::text[], @t::text[], @n::text[], @p::bigint[], @g::bigint[], @l::bigint[], @m::bigint[]) WITH ORDINALITY AS u (k, t, n, p, g, l, m, o)
                ORDER BY o
                ON CONFLICT (key) DO UPDATE SET type = excluded.type, mentions_person = excluded.mentions_person, mentions_organization = excluded.mentions_organization,
                    mentions_location = excluded.mentions_location, mentions_miscellaneous = excluded.mentions_miscellaneous
                """,
                ("k", rows.Entities.Select(e => e.Key).ToArray()), ("t", rows.Entities.Select(e => e.Type).ToArray()), ("n", rows.Entities.Select(e => e.Name).ToArray()),
                ("p", rows.Entities.Select(e => (long)e.Votes.Person).ToArray()), ("g", rows.Entities.Select(e => (long)e.Votes.Organization).ToArray()),
                ("l", rows.Entities.Select(e => (long)e.Votes.Location).ToArray()), ("m", rows.Entities.Select(e => (long)e.Votes.Miscellaneous).ToArray()));
        }

        if (rows.Names.Count > 0)
        {
            Batch(
                batch,
                "INSERT INTO entity_names (entity_key, kind, name) SELECT k, c, n FROM unnest(@k::text[], @c::text[], @n::text[]) AS u (k, c, n) ON CONFLICT DO NOTHING",
                ("k", rows.Names.Select(n => n.Key).ToArray()), ("c", rows.Names.Select(n => n.Kind).ToArray()), ("n", rows.Names.Select(n => n.Name).ToArray()));
        }

        if (rows.Places.Count > 0)
        {
            Batch(
                batch,
                """
                INSERT INTO entity_places (entity_key, geonameid, name, country, latitude, longitude, population, feature_code)
                SELECT * FROM unnest(@k::text[], @g::bigint[], @n::text[], @c::text[], @lat::double precision[], @lon::double precision[], @p::bigint[], @f::text[])
                ON CONFLICT DO NOTHING
                """,
                ("k", rows.Places.Select(p => p.Key).ToArray()), ("g", rows.Places.Select(p => p.Place.GeoNameId).ToArray()), ("n", rows.Places.Select(p => p.Place.Name).ToArray()),
                ("c", rows.Places.Select(p => p.Place.CountryCode).ToArray()), ("lat", rows.Places.Select(p => p.Place.Latitude).ToArray()),
                ("lon", rows.Places.Select(p => p.Place.Longitude).ToArray()), ("p", rows.Places.Select(p => p.Place.Population).ToArray()),
                ("f", rows.Places.Select(p => p.Place.FeatureCode).ToArray()));
        }

        if (rows.Terms.Count > 0)
        {
            Batch(
                batch,
                "INSERT INTO term_df (term, df) SELECT t, d FROM unnest(@t::text[], @d::bigint[]) AS u (t, d) ON CONFLICT (term) DO UPDATE SET df = term_df.df + excluded.df",
                ("t", rows.Terms.Select(t => t.Term).ToArray()), ("d", rows.Terms.Select(t => (long)t.Reports).ToArray()));
        }

        if (rows.Mentions.Count > 0)
        {
            Batch(
                batch,
                """
                INSERT INTO mentions (article_id, start, length, entity_key, sentence, role)
                SELECT a, s, l, k, n, r FROM unnest(@a::text[], @s::bigint[], @l::bigint[], @k::text[], @n::bigint[], @r::text[]) WITH ORDINALITY AS u (a, s, l, k, n, r, o)
                ORDER BY o ON CONFLICT DO NOTHING
                """,
                ("a", rows.Mentions.Select(m => m.Article).ToArray()), ("s", rows.Mentions.Select(m => (long)m.Start).ToArray()), ("l", rows.Mentions.Select(m => (long)m.Length).ToArray()),
                ("k", rows.Mentions.Select(m => m.Entity).ToArray()), ("n", rows.Mentions.Select(m => (long)m.Sentence).ToArray()), ("r", rows.Mentions.Select(m => m.Role).ToArray()));
        }

        if (rows.Quotes.Count > 0)
        {
            Batch(
                batch,
                """
                INSERT INTO quotes (article_id, ordinal, kind, sentence, content_start, content_length, speaker_key, source_kind, source_text)
                SELECT * FROM unnest(@a::text[], @o::bigint[], @k::text[], @n::bigint[], @s::bigint[], @l::bigint[], @sp::text[], @sk::text[], @st::text[])
                """,
                ("a", rows.Quotes.Select(q => q.Article).ToArray()), ("o", rows.Quotes.Select(q => (long)q.Ordinal).ToArray()), ("k", rows.Quotes.Select(q => q.Kind).ToArray()),
                ("n", rows.Quotes.Select(q => (long)q.Sentence).ToArray()), ("s", rows.Quotes.Select(q => (long)q.ContentStart).ToArray()),
                ("l", rows.Quotes.Select(q => (long)q.ContentLength).ToArray()), ("sp", rows.Quotes.Select(q => q.Speaker).ToArray()),
                ("sk", rows.Quotes.Select(q => q.SourceKind).ToArray()), ("st", rows.Quotes.Select(q => q.SourceText).ToArray()));
        }

        AddStories(batch, stories);
        AddReferenceCheck(batch, rows, stories);
        string? missing;
        try
        {
            await using NpgsqlDataReader reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            missing = await LastScalarAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "stories_pkey")
        {
            throw new StoreException($"{Name}: a story this batch starts already exists: another writer numbered stories at the same time; nothing of this batch was stored", ex);
        }

        if (missing is not null)
        {
            throw new StoreException($"{Name}: this batch refers to {missing}, which the archive does not hold (a broken analysis); nothing of this batch was stored");
        }
    }

    /// <summary>
    /// The references the schema declares (<see cref="ArchiveColumn.References"/>) that this store checks once per batch
    /// instead of as foreign keys (which the server checks with a query and a row lock for each row: about 150 a report):
    /// each column, the table and key it refers to. Every reference of <see cref="ArchiveTables"/> is here.
    /// </summary>
    internal static IReadOnlyList<(string Table, string Column, string Target)> CheckedReferences { get; } =
    [
        ("story_reports", "article_id", "articles (id)"), ("story_reports", "story_id", "stories (id)"),
        ("mentions", "article_id", "articles (id)"), ("mentions", "entity_key", "entities (key)"),
        ("entity_names", "entity_key", "entities (key)"), ("entity_places", "entity_key", "entities (key)"),
        ("quotes", "article_id", "articles (id)"),
        ("story_merges", "from_story", "stories (id)"), ("story_merges", "into_story", "stories (id)"), ("story_merges", "at_report", "articles (id)"),
    ];

    // After the batch's statements, in its transaction: the first value its rows refer to (as CheckedReferences lists
    // them; a merge's final story too, which story rows are moved to) that the archive does not hold, or no row. Each
    // distinct value is looked up once, in one statement: what the foreign keys checked row by row. The assigner is the
    // archive's one writer and nothing deletes from it, so what is there at the end of the batch stays there.
    private static void AddReferenceCheck(NpgsqlBatch batch, BatchRows rows, StoryChanges stories)
    {
        string[] articles =
        [
            .. rows.Mentions.Select(m => m.Article).Concat(rows.Quotes.Select(q => q.Article)).Concat(stories.Reports.Select(r => r.Article))
                .Concat(stories.Merges.Select(m => m.AtReport)).Distinct(StringComparer.Ordinal),
        ];
        string[] entities = [.. rows.Mentions.Select(m => m.Entity).Concat(rows.Names.Select(n => n.Key)).Concat(rows.Places.Select(p => p.Key)).Distinct(StringComparer.Ordinal)];
        long[] storyIds = [.. stories.Reports.Select(r => r.Story).Concat(stories.Merges.SelectMany(m => new[] { m.From, m.Into, m.Final })).Distinct()];
        Batch(
            batch,
            """
            SELECT missing FROM (
                SELECT 'report ' || v AS missing FROM unnest(@a::text[]) AS u (v) WHERE NOT EXISTS (SELECT 1 FROM articles t WHERE t.id = u.v)
                UNION ALL
                SELECT 'entity ' || v FROM unnest(@e::text[]) AS u (v) WHERE NOT EXISTS (SELECT 1 FROM entities t WHERE t.key = u.v)
                UNION ALL
                SELECT 'story ' || v FROM unnest(@s::bigint[]) AS u (v) WHERE NOT EXISTS (SELECT 1 FROM stories t WHERE t.id = u.v)
            ) x LIMIT 1
            """,
            ("a", articles), ("e", entities), ("s", storyIds));
    }

    // The first column of the first row of the reader's last result (the batch's statements before it return none), or null.
    private static async Task<string?> LastScalarAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        string? value = null;
        do
        {
            value = reader.FieldCount > 0 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(0) : null;
        }
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

        return value;
    }

    // The stories as the batch leaves them (a story it starts is inserted without ON CONFLICT: never fused with one another
    // writer started), each merge's moves and marks, the reports' story rows with their articles' arrival order, the merges.
    private static void AddStories(NpgsqlBatch batch, StoryChanges stories)
    {
        if (stories.Created.Count > 0)
        {
            Batch(
                batch,
                "INSERT INTO stories (id, title, first_report, last_report, report_count) SELECT * FROM unnest(@id::bigint[], @t::text[], @f::text[], @l::text[], @c::bigint[])",
                StoryArrays(stories.Created));
        }

        if (stories.Updated.Count > 0)
        {
            Batch(
                batch,
                """
                UPDATE stories s SET title = u.t, first_report = u.f, last_report = u.l, report_count = u.c
                FROM unnest(@id::bigint[], @t::text[], @f::text[], @l::text[], @c::bigint[]) AS u (id, t, f, l, c) WHERE s.id = u.id
                """,
                StoryArrays(stories.Updated));
        }

        foreach (MergeRow merge in stories.Merges)
        {
            Batch(batch, "UPDATE story_reports SET story_id = @final WHERE story_id = @from", ("from", merge.From), ("final", merge.Final));
            Batch(batch, "UPDATE stories SET merged_into = @final WHERE id = @from OR merged_into = @from", ("from", merge.From), ("final", merge.Final));
        }

        Batch(
            batch,
            """
            INSERT INTO story_reports (article_id, story_id, seq, similarity, copy_of)
            SELECT u.a, u.s, a.seq, u.sim, u.copy FROM unnest(@a::text[], @s::bigint[], @sim::double precision[], @copy::text[]) AS u (a, s, sim, copy)
            JOIN articles a ON a.id = u.a
            """,
            ("a", stories.Reports.Select(r => r.Article).ToArray()), ("s", stories.Reports.Select(r => r.Story).ToArray()),
            ("sim", stories.Reports.Select(r => r.Similarity).ToArray()), ("copy", stories.Reports.Select(r => r.CopyOf).ToArray()));
        foreach (MergeRow merge in stories.Merges)
        {
            Batch(batch, "INSERT INTO story_merges (from_story, into_story, at_report, published) VALUES (@from, @into, @report, @day)",
                ("from", merge.From), ("into", merge.Into), ("report", merge.AtReport), ("day", merge.Day));
        }
    }

    private static (string, object?)[] StoryArrays(IReadOnlyList<StoryRow> rows) =>
    [
        ("id", rows.Select(s => s.Id).ToArray()), ("t", rows.Select(s => s.Title).ToArray()), ("f", rows.Select(s => s.First).ToArray()),
        ("l", rows.Select(s => s.Last).ToArray()), ("c", rows.Select(s => s.Count).ToArray()),
    ];
}
