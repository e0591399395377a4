using Npgsql;
using Storyline.Storage.Relational;

namespace Storyline.Storage.Postgres;

/// <summary>
/// Invariants of a PostgreSQL archive, for load tests and after parallel ingest: every report is in exactly one story,
/// each story's counts and dates are those of its reports, a merged story holds no report, the queue is drained, and every
/// row's references (report, entity, story) are to rows the archive holds.
/// </summary>
public static class ArchiveChecks
{
    private static readonly (string What, string Sql)[] Checks =
    [
        ("reports with no story", "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_reports r WHERE r.article_id = a.id)"),
        ("story rows of no stored report", "SELECT count(*) FROM story_reports r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)"),
        ("story rows whose arrival order is not the report's", "SELECT count(*) FROM story_reports r JOIN articles a ON a.id = r.article_id WHERE r.seq <> a.seq"),
        ("reports in a merged-away story", "SELECT count(*) FROM story_reports r JOIN stories s ON s.id = r.story_id WHERE s.merged_into IS NOT NULL"),
        ("standing stories with no report", "SELECT count(*) FROM stories s WHERE s.merged_into IS NULL AND NOT EXISTS (SELECT 1 FROM story_reports r WHERE r.story_id = s.id)"),
        ("stories whose report count is not their reports' (copies not counted)",
            """
            SELECT count(*) FROM stories s
            WHERE s.merged_into IS NULL AND s.report_count <> (SELECT count(*) FROM story_reports r WHERE r.story_id = s.id AND r.copy_of IS NULL)
            """),
        ("stories whose first or last date is not their reports'",
            """
            SELECT count(*) FROM stories s
            JOIN (SELECT r.story_id, min(a.published) AS first, max(a.published) AS last
                  FROM story_reports r JOIN articles a ON a.id = r.article_id GROUP BY r.story_id) d ON d.story_id = s.id
            WHERE s.first_report <> d.first OR s.last_report <> d.last
            """),
        ("stories merged into a story that is merged itself", "SELECT count(*) FROM stories s JOIN stories t ON t.id = s.merged_into WHERE t.merged_into IS NOT NULL"),
        ("copies of a report that is not stored", "SELECT count(*) FROM story_reports r WHERE r.copy_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.copy_of)"),
        ("reports still queued or analysed", "SELECT count(*) FROM ingest_queue WHERE state IN ('queued', 'analysed')"),
        .. References(),
    ];

    // Every reference the schema declares, checked over the whole archive (the store checks them per batch, not the server
    // per row): rows that refer to a report, entity or story the archive does not hold.
    private static IEnumerable<(string What, string Sql)> References() =>
        from table in ArchiveTables.All
        from column in table.Columns
        where column.References is not null
        let target = column.References!.Split(' ', 2)
        select ($"{table.Name}.{column.Name} not in {target[0]}",
            $"SELECT count(*) FROM {table.Name} x WHERE NOT EXISTS (SELECT 1 FROM {target[0]} t WHERE t.{target[1].Trim('(', ')')} = x.{column.Name})");

    /// <summary>Each invariant broken, with how many rows break it; empty when all hold.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(PostgresStoryStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var broken = new List<string>();
        foreach ((string what, string sql) in Checks)
        {
            await using var command = new NpgsqlCommand(sql, store.Connection);
            long count = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            if (count > 0)
            {
                broken.Add($"{what}: {count}");
            }
        }

        return broken;
    }
}
