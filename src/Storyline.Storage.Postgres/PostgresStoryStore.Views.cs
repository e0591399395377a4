using Npgsql;
using NpgsqlTypes;
using Storyline.Domain;

namespace Storyline.Storage.Postgres;

// The queries of the views layer (story cards, filtered search): read from the index tables, never the reports.
public sealed partial class PostgresStoryStore
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
            await using (NpgsqlCommand count = Command("SELECT count(*) FROM story_reports WHERE story_id = @story"))
            {
                Add(count, "story", story.Id.Value);
                sources = checked((int)(long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
            }

            var key = new List<KeyEntity>();
            if (keyEntities > 0)
            {
                await using NpgsqlCommand command = Command(
                    """
                    SELECT e.key, e.type, e.name, count(*) AS n
                    FROM story_reports r JOIN mentions m ON m.article_id = r.article_id JOIN entities e ON e.key = m.entity_key
                    WHERE r.story_id = @story AND r.copy_of IS NULL AND e.type <> 'Miscellaneous'
                    GROUP BY e.key, e.type, e.name
                    ORDER BY n DESC, e.name, e.key
                    LIMIT @limit
                    """);
                Add(command, "story", story.Id.Value);
                Add(command, "limit", (long)keyEntities);
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    key.Add(new KeyEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), checked((int)reader.GetInt64(3))));
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
        List<string[]> phrases = SearchText.Phrases(filter.Query);
        if (phrases.Count == 0 || limit <= 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        await using NpgsqlCommand command = Command(
            """
            SELECT a.id, a.published, a.title, r.story_id, a.body
            FROM articles a JOIN story_reports r ON r.article_id = a.id
            WHERE a.search @@ @q::tsquery
              AND (@from::text IS NULL OR a.published >= @from::text)
              AND (@to::text IS NULL OR a.published <= @to::text)
              AND (@story::bigint IS NULL OR r.story_id = @story::bigint)
              AND (@entity::text IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_key = @entity::text))
            ORDER BY ts_rank(a.search, @q::tsquery) DESC, a.seq
            LIMIT @limit
            """);
        Add(command, "q", SearchText.ToTsQuery(phrases));
        Add(command, "from", filter.From is DateOnly f ? Day(f) : null, NpgsqlDbType.Text);
        Add(command, "to", filter.To is DateOnly t ? Day(t) : null, NpgsqlDbType.Text);
        Add(command, "story", filter.Story is StoryId s ? s.Value : null, NpgsqlDbType.Bigint);
        Add(command, "entity", filter.Entity is EntityKey k ? k.Value : null, NpgsqlDbType.Text);
        Add(command, "limit", (long)limit);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string? title = reader.IsDBNull(2) ? null : reader.GetString(2);
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
