using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>An entity as a story sees it: every name and role it had across the story's reports.</summary>
/// <param name="Key">Its identity.</param>
/// <param name="Type">Its type (most frequent across reports).</param>
/// <param name="Name">The fullest name seen.</param>
/// <param name="Aliases">The other names seen.</param>
/// <param name="Roles">Titles and roles seen.</param>
/// <param name="Mentions">Number of mentions across the story.</param>
/// <param name="Reports">Number of reports that mention it.</param>
public sealed record StoryEntity(EntityKey Key, EntityType Type, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Roles, int Mentions, int Reports);

/// <summary>Gathers the entities of a story's reports. Stateless.</summary>
public static class StoryEntities
{
    /// <summary>The story's entities, most mentioned first.</summary>
    public static ImmutableArray<StoryEntity> Gather(IEnumerable<AnalyzedArticle> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var byKey = new Dictionary<EntityKey, (List<Entity> Forms, int Mentions, int Reports)>();
        foreach (AnalyzedArticle report in reports)
        {
            var counts = report.Mentions.GroupBy(m => m.Entity).ToDictionary(g => g.Key, g => g.Count());
            foreach (Entity entity in report.Entities)
            {
                var entry = byKey.GetValueOrDefault(entity.Key, ([], 0, 0));
                entry.Forms.Add(entity);
                byKey[entity.Key] = (entry.Forms, entry.Mentions + counts.GetValueOrDefault(entity.Key), entry.Reports + 1);
            }
        }

        return [.. byKey
            .Select(kv => Merge(kv.Key, kv.Value.Forms, kv.Value.Mentions, kv.Value.Reports))
            .OrderByDescending(e => e.Mentions).ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    private static StoryEntity Merge(EntityKey key, List<Entity> forms, int mentions, int reports)
    {
        var names = forms.SelectMany(f => f.Aliases.Prepend(f.Name)).Distinct(StringComparer.Ordinal).ToList();
        // The name the reports' resolver chose most often (a country's or town's own name, a person's fullest form),
        // then the longest; other forms, demonyms among them, are aliases.
        string name = forms.GroupBy(f => f.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        EntityType type = forms.GroupBy(f => f.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        return new StoryEntity(
            key,
            type,
            name,
            [.. names.Where(n => !string.Equals(n, name, StringComparison.Ordinal)).Order(StringComparer.Ordinal)],
            [.. forms.SelectMany(f => f.Roles).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            mentions,
            reports);
    }
}
