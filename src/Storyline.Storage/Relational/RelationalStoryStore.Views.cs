using System.Data;
using System.Data.Common;
using Storyline.Domain;

namespace Storyline.Storage.Relational;

// The queries of the views layer (story cards, filtered search), read from the index tables, never the reports: the
// cards are one piece of SQL for both stores; the search's filter is shared, its matching and ranking are each store's.
public abstract partial class RelationalStoryStore
{
    /// <summary>
    /// The conditions a search hit passes for a <see cref="SearchFilter"/>, over its report <c>a</c> (articles) and its
    /// story row <c>r</c> (story_reports); <see cref="BindSearchFilter"/> binds them.
    /// </summary>
    protected const string SearchFilterConditions = """
        (@from IS NULL OR a.published >= @from)
          AND (@to IS NULL OR a.published <= @to)
          AND (@story IS NULL OR r.story_id = @story)
          AND (@entity IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_key = @entity))
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryCard>> ListStoryCardsAsync(int limit, int keyEntities, CancellationToken cancellationToken = default)
    {
        var cards = new List<StoryCard>();
        if (limit <= 0)
        {
            return cards;
        }

        List<StorySummary> stories = [.. (await ListStoriesAsync(cancellationToken).ConfigureAwait(false)).Take(limit)];
        var sources = new Dictionary<long, int>();
        foreach (long[] chunk in stories.Select(s => s.Id.Value).Chunk(IdsPerQuery))
        {
            await using DbCommand count = NewCommand(string.Empty);
            count.CommandText = $"SELECT story_id, count(*) FROM story_reports WHERE story_id IN ({Parameters(count, chunk)}) GROUP BY story_id";
            await using DbDataReader reader = await count.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sources[reader.GetInt64(0)] = checked((int)reader.GetInt64(1));
            }
        }

        foreach (StorySummary story in stories)
        {
            var key = new List<KeyEntity>();
            if (keyEntities > 0)
            {
                await using DbCommand command = NewCommand(
                    """
                    SELECT e.key, e.type, e.name, count(*) AS n
                    FROM story_reports r JOIN mentions m ON m.article_id = r.article_id JOIN entities e ON e.key = m.entity_key
                    WHERE r.story_id = @story AND r.copy_of IS NULL AND e.type <> 'Miscellaneous'
                    GROUP BY e.key, e.type, e.name
                    ORDER BY n DESC, e.name, e.key
                    LIMIT @limit
                    """);
                Bind(command, "story", story.Id.Value, DbType.Int64);
                Bind(command, "limit", (long)keyEntities, DbType.Int64);
                await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    key.Add(new KeyEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), checked((int)reader.GetInt64(3))));
                }
            }

            cards.Add(new StoryCard(story, sources.GetValueOrDefault(story.Id.Value), key));
        }

        return cards;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) =>
        SearchAsync(new SearchFilter(query), limit, cancellationToken);

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<SearchHit>> SearchAsync(SearchFilter filter, int limit, CancellationToken cancellationToken = default);

    /// <summary>Binds <see cref="SearchFilterConditions"/>' parameters to <paramref name="filter"/>'s dates, story and entity (null where it has none).</summary>
    protected static void BindSearchFilter(DbCommand command, SearchFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Bind(command, "from", filter.From is DateOnly from ? Day(from) : null, DbType.String);
        Bind(command, "to", filter.To is DateOnly to ? Day(to) : null, DbType.String);
        Bind(command, "story", filter.Story?.Value, DbType.Int64);
        Bind(command, "entity", filter.Entity?.Value, DbType.String);
    }
}
