using System.Data.Common;
using Microsoft.Data.Sqlite;
using Storyline.Domain;
using Storyline.Storage.Relational;

namespace Storyline.Storage;

// The bulk write: a batch's rows, computed by the relational layer, as SQLite statements (articles one by one, their
// text bound as it is; every other kind of row one statement over a JSON array for json_each).
public sealed partial class SqliteStoryStore
{
    /// <inheritdoc />
    protected override async Task WriteAsync(DbTransaction transaction, BatchRows rows, StoryChanges stories, string ingestedAt, CancellationToken cancellationToken)
    {
        var tx = (SqliteTransaction)transaction;

        // Articles one statement each, their text bound as it is (no JSON round trip for bodies and analyses), numbered in
        // batch order; each with its search index row.
        var seqs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (NewReport report in rows.Reports)
        {
            Article article = report.Report.Article;
            long seq = (long)(await ScalarAsync(
                tx,
                """
                INSERT INTO articles (id, published, title, outlet, url, origin, dateline, external_id, body, analysis, analysis_version, features, ingested_at, author, paywalled)
                VALUES ($id, $published, $title, $outlet, $url, $origin, $dateline, $external, $body, $analysis, $version, $features, $ingested, $author, $paywalled)
                RETURNING seq
                """,
                cancellationToken,
                ("$id", article.Id.Value), ("$published", report.Day), ("$title", article.Title), ("$outlet", article.Outlet), ("$url", article.Url),
                ("$origin", article.Origin), ("$dateline", article.Dateline), ("$external", article.ExternalId), ("$body", article.Body),
                ("$analysis", report.Prepared.Analysis), ("$version", AnalysisJson.Version), ("$features", report.Prepared.Features), ("$ingested", ingestedAt),
                ("$author", article.Author), ("$paywalled", article.Paywalled ? 1L : 0L)).ConfigureAwait(false))!;
            seqs[article.Id.Value] = seq;
            await ExecuteAsync(tx, "INSERT INTO articles_fts (rowid, title, body) VALUES ($seq, $title, $body)", cancellationToken,
                ("$seq", seq), ("$title", article.Title), ("$body", article.Body)).ConfigureAwait(false);
        }

        // Every other row kind is one statement over a JSON array of rows (json_each), in the batch's order: a key seen
        // twice keeps its first row (an entity stored already keeps its name and takes the batch's type and votes). Entities go first: mentions, names and places refer to them.
        await InsertRowsAsync(
            tx,
            """
            INSERT INTO entities (key, type, name, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(jsonb($rows)) WHERE true
            ON CONFLICT (key) DO UPDATE SET type = excluded.type, mentions_person = excluded.mentions_person, mentions_organization = excluded.mentions_organization,
                mentions_location = excluded.mentions_location, mentions_miscellaneous = excluded.mentions_miscellaneous
            """,
            rows.Entities,
            static (w, e) =>
            {
                w.WriteStringValue(e.Key);
                w.WriteStringValue(e.Type);
                w.WriteStringValue(e.Name);
                w.WriteNumberValue(e.Votes.Person);
                w.WriteNumberValue(e.Votes.Organization);
                w.WriteNumberValue(e.Votes.Location);
                w.WriteNumberValue(e.Votes.Miscellaneous);
            },
            cancellationToken).ConfigureAwait(false);
        await InsertRowsAsync(
            tx,
            "INSERT INTO entity_names (entity_key, kind, name) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(jsonb($rows)) WHERE true ON CONFLICT DO NOTHING",
            rows.Names,
            static (w, n) =>
            {
                w.WriteStringValue(n.Key);
                w.WriteStringValue(n.Kind);
                w.WriteStringValue(n.Name);
            },
            cancellationToken).ConfigureAwait(false);
        foreach ((string key, Place place) in rows.Places)
        {
            // Few per batch, and coordinates are bound as doubles, not passed through JSON text.
            await ExecuteAsync(
                tx,
                """
                INSERT INTO entity_places (entity_key, geonameid, name, country, latitude, longitude, population, feature_code)
                VALUES ($key, $id, $name, $country, $lat, $lon, $population, $feature) ON CONFLICT DO NOTHING
                """,
                cancellationToken,
                ("$key", key), ("$id", place.GeoNameId), ("$name", place.Name), ("$country", place.CountryCode),
                ("$lat", place.Latitude), ("$lon", place.Longitude), ("$population", place.Population), ("$feature", place.FeatureCode)).ConfigureAwait(false);
        }

        // Hundreds of terms per report, many shared within a batch: one statement over [term, reports], not one per term.
        await InsertRowsAsync(
            tx,
            "INSERT INTO term_df (term, df) SELECT value ->> 0, value ->> 1 FROM json_each(jsonb($rows)) WHERE true ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            rows.Terms,
            static (w, t) =>
            {
                w.WriteStringValue(t.Term);
                w.WriteNumberValue(t.Reports);
            },
            cancellationToken).ConfigureAwait(false);
        await InsertRowsAsync(
            tx,
            """
            INSERT INTO mentions (article_id, start, length, entity_key, sentence, role)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(jsonb($rows)) WHERE true ON CONFLICT DO NOTHING
            """,
            rows.Mentions,
            static (w, m) =>
            {
                w.WriteStringValue(m.Article);
                w.WriteNumberValue(m.Start);
                w.WriteNumberValue(m.Length);
                w.WriteStringValue(m.Entity);
                w.WriteNumberValue(m.Sentence);
                JsonRows.WriteNullable(w, m.Role);
            },
            cancellationToken).ConfigureAwait(false);
        await InsertRowsAsync(
            tx,
            """
            INSERT INTO quotes (article_id, ordinal, kind, sentence, content_start, content_length, speaker_key, source_kind, source_text)
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8 FROM json_each(jsonb($rows))
            """,
            rows.Quotes,
            static (w, q) =>
            {
                w.WriteStringValue(q.Article);
                w.WriteNumberValue(q.Ordinal);
                w.WriteStringValue(q.Kind);
                w.WriteNumberValue(q.Sentence);
                w.WriteNumberValue(q.ContentStart);
                w.WriteNumberValue(q.ContentLength);
                JsonRows.WriteNullable(w, q.Speaker);
                w.WriteStringValue(q.SourceKind);
                JsonRows.WriteNullable(w, q.SourceText);
            },
            cancellationToken).ConfigureAwait(false);
        await WriteStoriesAsync(tx, stories, seqs, cancellationToken).ConfigureAwait(false);
    }

    // One statement over `rows` as a JSON array ($rows), each row written by `write`; none where there are no rows.
    private Task InsertRowsAsync<T>(SqliteTransaction tx, string sql, IReadOnlyList<T> rows, Action<System.Text.Json.Utf8JsonWriter, T> write, CancellationToken cancellationToken) =>
        rows.Count == 0 ? Task.CompletedTask : ExecuteAsync(tx, sql, cancellationToken, ("$rows", JsonRows.Write(rows, write)));

    // The stories as the batch leaves them, each merge's moves and marks, the reports' story rows, the merge records.
    private async Task WriteStoriesAsync(SqliteTransaction tx, StoryChanges stories, Dictionary<string, long> seqs, CancellationToken cancellationToken)
    {
        foreach (StoryRow story in stories.Created)
        {
            await ExecuteAsync(tx, "INSERT INTO stories (id, title, first_report, last_report, report_count) VALUES ($id, $title, $first, $last, $count)", cancellationToken,
                ("$id", story.Id), ("$title", story.Title), ("$first", story.First), ("$last", story.Last), ("$count", story.Count)).ConfigureAwait(false);
        }

        foreach (StoryRow story in stories.Updated)
        {
            await ExecuteAsync(tx, "UPDATE stories SET title = $title, first_report = $first, last_report = $last, report_count = $count WHERE id = $id", cancellationToken,
                ("$id", story.Id), ("$title", story.Title), ("$first", story.First), ("$last", story.Last), ("$count", story.Count)).ConfigureAwait(false);
        }

        // A merged-away story's reports move (those of this batch are in their final story already); its row stays and
        // points to the story it became part of, as do the stories merged into it before.
        foreach (MergeRow merge in stories.Merges)
        {
            await ExecuteAsync(tx, "UPDATE story_reports SET story_id = $final WHERE story_id = $from; UPDATE stories SET merged_into = $final WHERE id = $from OR merged_into = $from", cancellationToken,
                ("$from", merge.From), ("$final", merge.Final)).ConfigureAwait(false);
        }

        foreach (StoryReportRow row in stories.Reports)
        {
            await ExecuteAsync(tx, "INSERT INTO story_reports (article_id, story_id, seq, similarity, copy_of) VALUES ($a, $s, $q, $sim, $copy)", cancellationToken,
                ("$a", row.Article), ("$s", row.Story), ("$q", seqs[row.Article]), ("$sim", row.Similarity), ("$copy", row.CopyOf)).ConfigureAwait(false);
        }

        foreach (MergeRow merge in stories.Merges)
        {
            await ExecuteAsync(tx, "INSERT INTO story_merges (from_story, into_story, at_report, published) VALUES ($from, $into, $report, $day)", cancellationToken,
                ("$from", merge.From), ("$into", merge.Into), ("$report", merge.AtReport), ("$day", merge.Day)).ConfigureAwait(false);
        }
    }
}
