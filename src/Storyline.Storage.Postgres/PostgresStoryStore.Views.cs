using System.Data;
using System.Data.Common;
using Storyline.Domain;

namespace Storyline.Storage.Postgres;

// The search of the views layer, PostgreSQL's half: the tsvector matches, ts_rank ranks, SearchText cuts the snippet
// as FTS5 does; the filter is the relational layer's (the story cards are wholly there).
public sealed partial class PostgresStoryStore
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<string[]> phrases = SearchText.Phrases(filter.Query);
        if (phrases.Count == 0 || limit <= 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        await using DbCommand command = NewCommand(
            $"""
            SELECT a.id, a.published, a.title, r.story_id, a.body
            FROM articles a JOIN story_reports r ON r.article_id = a.id
            WHERE a.search @@ @q::tsquery AND {SearchFilterConditions}
            ORDER BY ts_rank(a.search, @q::tsquery) DESC, a.seq
            LIMIT @limit
            """);
        Bind(command, "q", SearchText.ToTsQuery(phrases), DbType.String);
        BindSearchFilter(command, filter);
        Bind(command, "limit", (long)limit, DbType.Int64);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? title = NullableString(reader, 2);
            hits.Add(new SearchHit(
                new ArticleId(reader.GetString(0)),
                ParseDay(reader.GetString(1)),
                title,
                new StoryId(reader.GetInt64(3)),
                SearchText.Snippet(title, reader.GetString(4), phrases)));
        }

        return hits;
    }
}
