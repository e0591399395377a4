using Microsoft.Data.Sqlite;
using Storyline.Domain;

namespace Storyline.Storage;

// The queries of the views layer (story cards, filtered search): read from the index tables, never the reports.
public sealed partial class SqliteStoryStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryCard>> ListStoryCardsAsync(int limit, int keyEntities, CancellationToken cancellationToken = default)
    {
        var cards = new List<StoryCard>();
        if (limit <= 0)
        {
            return cards;
        }

        foreach (StorySummary story in (await ListStoriesAsync(cancellationToken).ConfigureAwait(false)).Take(limit))
        {
            int sources;
            await using (SqliteCommand count = Command(null, "SELECT count(*) FROM story_reports WHERE story_id = $story"))
            {
                count.Parameters.AddWithValue("$story", story.Id.Value);
                sources = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            var key = new List<KeyEntity>();
            if (keyEntities > 0)
            {
                await using SqliteCommand command = Command(
                    null,
                    """
                    SELECT e.key, e.type, e.name, count(*) AS n
                    FROM story_reports r JOIN mentions m ON m.article_id = r.article_id JOIN entities e ON e.key = m.entity_key
                    WHERE r.story_id = $story AND r.copy_of IS NULL AND e.type <> 'Miscellaneous'
                    GROUP BY e.key, e.type, e.name
                    ORDER BY n DESC, e.name, e.key
                    LIMIT $limit
                    """);
                command.Parameters.AddWithValue("$story", story.Id.Value);
                command.Parameters.AddWithValue("$limit", keyEntities);
                await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    key.Add(new KeyEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3)));
                }
            }

            cards.Add(new StoryCard(story, sources, key));
        }

        return cards;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchFilter filter, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string match = ToFtsQuery(filter.Query);
        if (match.Length == 0 || limit <= 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        await using SqliteCommand command = Command(
            null,
            """
            SELECT a.id, a.published, a.title, r.story_id, snippet(articles_fts, -1, '«', '»', '…', 24)
            FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid JOIN story_reports r ON r.article_id = a.id
            WHERE articles_fts MATCH $q
              AND ($from IS NULL OR a.published >= $from)
              AND ($to IS NULL OR a.published <= $to)
              AND ($story IS NULL OR r.story_id = $story)
              AND ($entity IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_key = $entity))
            ORDER BY bm25(articles_fts), a.seq
            LIMIT $limit
            """);
        command.Parameters.AddWithValue("$q", match);
        command.Parameters.AddWithValue("$from", filter.From is DateOnly f ? Day(f) : DBNull.Value);
        command.Parameters.AddWithValue("$to", filter.To is DateOnly t ? Day(t) : DBNull.Value);
        command.Parameters.AddWithValue("$story", filter.Story is StoryId s ? s.Value : DBNull.Value);
        command.Parameters.AddWithValue("$entity", filter.Entity is EntityKey k ? k.Value : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(new SearchHit(
                new ArticleId(reader.GetString(0)),
                ParseDay(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                new StoryId(reader.GetInt64(3)),
                reader.GetString(4)));
        }

        return hits;
    }
}
