using System.Data;
using System.Data.Common;
using Storyline.Domain;

namespace Storyline.Storage;

// The search of the views layer, SQLite's half: FTS5 matches, ranks (bm25) and cuts the snippet; the filter is the
// relational layer's (the story cards are wholly there).
public sealed partial class SqliteStoryStore
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string match = ToFtsQuery(filter.Query);
        if (match.Length == 0 || limit <= 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        await using DbCommand command = NewCommand(
            $"""
            SELECT a.id, a.published, a.title, r.story_id, snippet(articles_fts, -1, '«', '»', '…', 24)
            FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid JOIN story_reports r ON r.article_id = a.id
            WHERE articles_fts MATCH @q AND {SearchFilterConditions}
            ORDER BY bm25(articles_fts), a.seq
            LIMIT @limit
            """);
        Bind(command, "q", match, DbType.String);
        BindSearchFilter(command, filter);
        Bind(command, "limit", (long)limit, DbType.Int64);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new SearchHit(
                new ArticleId(reader.GetString(0)),
                ParseDay(reader.GetString(1)),
                NullableString(reader, 2),
                new StoryId(reader.GetInt64(3)),
                reader.GetString(4)));
        }

        return hits;
    }
}
