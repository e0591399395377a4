using System.Data;
using System.Data.Common;
using Storyline.Domain;

namespace Storyline.Storage.Relational;

// The entity queries both stores share: the list, the decided types by key, one entity with its names, place, stories
// and company.
public abstract partial class RelationalStoryStore
{
    private const string EntitySummarySelect = """
        SELECT e.key, e.type, e.name, count(*), count(DISTINCT m.article_id), min(a.published), max(a.published)
        FROM entities e JOIN mentions m ON m.entity_key = e.key JOIN articles a ON a.id = m.article_id
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<EntitySummary>> ListEntitiesAsync(EntityType? type, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            return [];
        }

        await using DbCommand command = NewCommand(
            $"""
            {EntitySummarySelect}
            WHERE @type IS NULL OR e.type = @type
            GROUP BY e.key
            ORDER BY count(*) DESC, e.name, e.key
            LIMIT @limit
            """);
        Bind(command, "type", type?.ToString(), DbType.String);
        Bind(command, "limit", (long)limit, DbType.Int64);
        return await ReadEntitySummariesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, EntityType>> GetEntityTypesAsync(IReadOnlyCollection<EntityKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var types = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (string[] chunk in keys.Select(k => k.Value).Distinct(StringComparer.Ordinal).Chunk(IdsPerQuery))
        {
            await using DbCommand command = NewCommand(string.Empty);
            command.CommandText = $"SELECT key, type FROM entities WHERE key IN ({Parameters(command, chunk)})";
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                types[reader.GetString(0)] = ParseType(reader.GetString(1));
            }
        }

        return types;
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
        await using (DbCommand find = NewCommand(
            $"""
            {EntitySummarySelect}
            WHERE e.key IN (
                SELECT key FROM entities WHERE {Dialect.EqualsIgnoringCase("key", "@q")} OR {Dialect.EqualsIgnoringCase("name", "@q")}
                UNION SELECT entity_key FROM entity_names WHERE kind = 'alias' AND {Dialect.EqualsIgnoringCase("name", "@q")})
            GROUP BY e.key
            ORDER BY {Dialect.EqualsIgnoringCase("e.key", "@q")} DESC, {Dialect.EqualsIgnoringCase("e.name", "@q")} DESC, count(*) DESC, e.key
            LIMIT 1
            """))
        {
            Bind(find, "q", wanted, DbType.String);
            summary = (await ReadEntitySummariesAsync(find, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        }

        if (summary is null)
        {
            return null;
        }

        string key = summary.Key.Value;
        (List<string> aliases, List<string> roles) = await ReadNamesAsync(key, summary.Name, cancellationToken).ConfigureAwait(false);
        Place? place = null;
        await using (DbCommand where = NewCommand("SELECT geonameid, name, country, latitude, longitude, population, feature_code FROM entity_places WHERE entity_key = @k"))
        {
            Bind(where, "k", key, DbType.String);
            await using DbDataReader reader = await where.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                place = new Place(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5), reader.GetString(6));
            }
        }

        var stories = new List<EntityStory>();
        await using (DbCommand inStories = NewCommand(
            """
            SELECT s.id, s.title, count(DISTINCT m.article_id), count(*)
            FROM mentions m JOIN story_reports r ON r.article_id = m.article_id JOIN stories s ON s.id = r.story_id
            WHERE m.entity_key = @k
            GROUP BY s.id
            ORDER BY count(*) DESC, s.id
            """))
        {
            Bind(inStories, "k", key, DbType.String);
            await using DbDataReader reader = await inStories.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stories.Add(new EntityStory(new StoryId(reader.GetInt64(0)), reader.GetString(1), checked((int)reader.GetInt64(2)), checked((int)reader.GetInt64(3))));
            }
        }

        List<RelatedEntity> related = await ReadRelatedAsync(
            """
            SELECT e.key, e.type, e.name, count(DISTINCT o.article_id) AS shared
            FROM (SELECT DISTINCT article_id FROM mentions WHERE entity_key = @k) mine
            JOIN mentions o ON o.article_id = mine.article_id AND o.entity_key <> @k
            JOIN entities e ON e.key = o.entity_key
            GROUP BY e.key
            ORDER BY shared DESC, count(*) DESC, e.name
            LIMIT @limit
            """,
            key,
            Math.Max(0, maxRelated),
            cancellationToken).ConfigureAwait(false);

        // For a one-word key ("putin"): the people whose key begins or ends with it as a word ("vladimir putin").
        List<RelatedEntity> fuller = key.Contains(' ', StringComparison.Ordinal) || key.Contains(':', StringComparison.Ordinal) ? [] : await ReadRelatedAsync(
            """
            SELECT e.key, e.type, e.name, count(DISTINCT m.article_id)
            FROM entities e JOIN mentions m ON m.entity_key = e.key
            WHERE e.type = 'Person' AND length(e.key) > length(@k)
              AND (substr(e.key, 1, length(@k) + 1) = @k || ' ' OR substr(e.key, length(e.key) - length(@k)) = ' ' || @k)
            GROUP BY e.key
            ORDER BY count(DISTINCT m.article_id) DESC, e.key
            """,
            key,
            null,
            cancellationToken).ConfigureAwait(false);

        return new EntityDetail(summary, [.. aliases], [.. roles], place, stories, related, fuller);
    }

    private static async Task<IReadOnlyList<EntitySummary>> ReadEntitySummariesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var found = new List<EntitySummary>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new EntitySummary(
                new EntityKey(reader.GetString(0)),
                ParseType(reader.GetString(1)),
                reader.GetString(2),
                checked((int)reader.GetInt64(3)),
                checked((int)reader.GetInt64(4)),
                ParseDay(reader.GetString(5)),
                ParseDay(reader.GetString(6))));
        }

        return found;
    }

    // An entity's other names (its name left out) and its roles (each once, case ignored), in name order.
    private async Task<(List<string> Aliases, List<string> Roles)> ReadNamesAsync(string key, string name, CancellationToken cancellationToken)
    {
        var aliases = new List<string>();
        var roles = new List<string>();
        await using DbCommand names = NewCommand("SELECT kind, name FROM entity_names WHERE entity_key = @k ORDER BY kind, name");
        Bind(names, "k", key, DbType.String);
        await using DbDataReader reader = await names.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            string text = reader.GetString(1);
            if (reader.GetString(0) == "role")
            {
                if (!roles.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    roles.Add(text);
                }
            }
            else if (!string.Equals(text, name, StringComparison.Ordinal))
            {
                aliases.Add(text);
            }
        }

        return (aliases, roles);
    }

    // Entities as (key, type, name, reports) rows of `sql`, which takes the entity's key as @k and, where given, @limit.
    private async Task<List<RelatedEntity>> ReadRelatedAsync(string sql, string key, int? limit, CancellationToken cancellationToken)
    {
        var related = new List<RelatedEntity>();
        await using DbCommand command = NewCommand(sql);
        Bind(command, "k", key, DbType.String);
        if (limit is int max)
        {
            Bind(command, "limit", (long)max, DbType.Int64);
        }

        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            related.Add(new RelatedEntity(new EntityKey(reader.GetString(0)), ParseType(reader.GetString(1)), reader.GetString(2), checked((int)reader.GetInt64(3))));
        }

        return related;
    }
}
