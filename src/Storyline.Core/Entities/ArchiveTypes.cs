using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Entities.Resolution;

namespace Storyline.Entities;

/// <summary>How many mentions of an entity, over the archive, were typed as each <see cref="EntityType"/>.</summary>
/// <param name="Person">Mentions typed Person.</param>
/// <param name="Organization">Mentions typed Organization.</param>
/// <param name="Location">Mentions typed Location.</param>
/// <param name="Miscellaneous">Mentions typed Miscellaneous.</param>
public readonly record struct TypeVotes(int Person, int Organization, int Location, int Miscellaneous)
{
    /// <summary>The votes for one type.</summary>
    public int this[EntityType type] => type switch
    {
        EntityType.Person => Person,
        EntityType.Organization => Organization,
        EntityType.Location => Location,
        _ => Miscellaneous,
    };

    /// <summary>All votes.</summary>
    public int Total => Person + Organization + Location + Miscellaneous;

    /// <summary>These votes and <paramref name="other"/>'s.</summary>
    public TypeVotes Plus(TypeVotes other) => new(Person + other.Person, Organization + other.Organization, Location + other.Location, Miscellaneous + other.Miscellaneous);

    /// <summary>One vote for <paramref name="type"/>.</summary>
    public static TypeVotes One(EntityType type) => type switch
    {
        EntityType.Person => new(1, 0, 0, 0),
        EntityType.Organization => new(0, 1, 0, 0),
        EntityType.Location => new(0, 0, 1, 0),
        _ => new(0, 0, 0, 1),
    };
}

/// <summary>
/// One entity, one type, across the archive: the type of an entity key is decided from all its mentions in every
/// report (<see cref="Decide"/>), and the stored analyses a view reads are given that type (<see cref="Apply"/>), so
/// that no story view shows a name under another type than the entity list. Pure functions; the stores keep the
/// votes and call them.
/// </summary>
public static class ArchiveTypes
{
    /// <summary>Every report's votes for each of its entity keys: its mentions' types (a demonym, a Miscellaneous
    /// mention of its country, does not vote).</summary>
    public static IReadOnlyDictionary<string, TypeVotes> Count(AnalyzedArticle report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var votes = new Dictionary<string, TypeVotes>(StringComparer.Ordinal);
        foreach (Mention mention in report.Mentions)
        {
            if (mention.Role == EntityResolver.DemonymRole)
            {
                continue;
            }

            votes[mention.Entity.Value] = votes.GetValueOrDefault(mention.Entity.Value).Plus(TypeVotes.One(mention.Type));
        }

        // An entity with no voting mention (a dateline's town, a country named only by its demonym) votes its own type.
        foreach (Entity entity in report.Entities)
        {
            if (!votes.ContainsKey(entity.Key.Value))
            {
                votes[entity.Key.Value] = TypeVotes.One(entity.Type);
            }
        }

        return votes;
    }

    /// <summary>
    /// The type of an entity key over the archive: a town or a country is a place and a well-known organisation an
    /// organisation whatever the votes; otherwise the type most of its mentions had, ties going to the type first
    /// stored (<paramref name="first"/>), then to the order of <see cref="EntityType"/>.
    /// </summary>
    /// <param name="key">The entity key.</param>
    /// <param name="votes">Its mentions' types over the archive.</param>
    /// <param name="first">The type it was first stored with.</param>
    public static EntityType Decide(string key, TypeVotes votes, EntityType first)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith("place:", StringComparison.Ordinal) || key.StartsWith("country:", StringComparison.Ordinal))
        {
            return EntityType.Location;
        }

        if (OrganizationNames.Find(key) is not null || OrganizationNames.IsSeatOfPower(key))
        {
            return EntityType.Organization;
        }

        EntityType best = first;
        foreach (EntityType type in Enum.GetValues<EntityType>())
        {
            if (votes[type] > votes[best])
            {
                best = type;
            }
        }

        return best;
    }

    /// <summary>
    /// The report with each entity, and each mention of it, given the archive's type for its key (a key the
    /// archive does not know, and a demonym's mention, keep theirs).
    /// </summary>
    public static AnalyzedArticle Apply(AnalyzedArticle report, IReadOnlyDictionary<string, EntityType> types)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(types);
        bool changes = report.Entities.Any(e => types.TryGetValue(e.Key.Value, out EntityType t) && t != e.Type)
            || report.Mentions.Any(m => m.Role != EntityResolver.DemonymRole && types.TryGetValue(m.Entity.Value, out EntityType t) && t != m.Type);
        if (!changes)
        {
            return report;
        }

        ImmutableArray<Entity> entities = [.. report.Entities.Select(e => types.TryGetValue(e.Key.Value, out EntityType t) ? e with { Type = t } : e)];
        ImmutableArray<Mention> mentions = [.. report.Mentions.Select(m => m.Role != EntityResolver.DemonymRole && types.TryGetValue(m.Entity.Value, out EntityType t) ? m with { Type = t } : m)];
        return report with { Entities = entities, Mentions = mentions };
    }
}
