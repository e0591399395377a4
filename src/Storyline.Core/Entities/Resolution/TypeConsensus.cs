using Storyline.Domain;

namespace Storyline.Entities.Resolution;

/// <summary>
/// One name, one type, in a report: what the name's own words say first (a well-known organisation, a seat of power,
/// a head word such as "Avenue" or "Authority", "a local news website" after it), then acronyms paired with the name
/// they abbreviate, then the majority of the recogniser's types over the name's mentions. Runs before the resolver
/// looks for people and places, so that every mention of "Derna" is looked up the same way.
/// </summary>
internal static class TypeConsensus
{
    /// <summary>Sets each item's <see cref="ResolverItem.Type"/> (and, for acronyms and known organisations, its key).</summary>
    /// <param name="items">The report's mentions, in text order.</param>
    /// <param name="body">The report's text.</param>
    /// <param name="tokens">Its tokens (the items' token indices point into them).</param>
    public static void Apply(List<ResolverItem> items, string body, System.Collections.Immutable.ImmutableArray<Token> tokens)
    {
        foreach (ResolverItem item in items)
        {
            if (item.TypeFixed)
            {
                continue;
            }

            if (OrganizationNames.Find(item.Key) is KnownOrganization known)
            {
                Fix(item, EntityType.Organization);
                item.Key = known.Key;
            }
            else if (OrganizationNames.IsSeatOfPower(item.Key))
            {
                Fix(item, EntityType.Organization);
                item.NotAPlace = true;
            }
            else if (NameHeads.Override(item.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries), item.Type) is EntityType byWords)
            {
                Fix(item, byWords);
            }
            else if (item.Role?.Kind == RoleKind.OrganizationHead && item.Type != EntityType.Location)
            {
                // "the Harbourton Beacon, a local news website"; "news agency Interfax".
                Fix(item, EntityType.Organization);
            }
            else if ((item.Honorific || item.Titled) && item.Type != EntityType.Person)
            {
                // "North Korean leader Kim Jong Un" tagged an organisation, "Queen Victoria" a place: a person's title
                // or a courtesy title before it says person, so that the name counts as a person named in full. (Not a
                // role in apposition after it: "the Russian army in Ukraine, analysts say".)
                Fix(item, EntityType.Person);
            }
        }

        PairAcronyms(items);
        Coordinate(items, body, tokens);
        Vote(items);
    }

    // "General Motors, Ford and Stellantis"; "East Harbourton and Millbrook": a one-word name with nothing of its own
    // to say what it is (no title, no courtesy title) takes the type its coordinated neighbours share.
    private static void Coordinate(List<ResolverItem> items, string body, System.Collections.Immutable.ImmutableArray<Token> tokens)
    {
        var types = new List<EntityType>(2);
        for (int i = 0; i < items.Count; i++)
        {
            ResolverItem item = items[i];
            if (item.TypeFixed || item.Honorific || item.Role is not null || item.Key.Contains(' ', StringComparison.Ordinal)
                || item.Type is EntityType.Location or EntityType.Miscellaneous)
            {
                continue;
            }

            types.Clear();
            if (i > 0 && Coordinated(items[i - 1], item, body, tokens))
            {
                types.Add(items[i - 1].Type);
            }

            if (i + 1 < items.Count && Coordinated(item, items[i + 1], body, tokens))
            {
                types.Add(items[i + 1].Type);
            }

            if (types.Count > 0 && types.All(t => t == types[0]) && types[0] != item.Type && types[0] != EntityType.Miscellaneous)
            {
                Fix(item, types[0]);
            }
        }
    }

    // Whether only commas, "and", "or" or "&" stand between two mentions of one sentence.
    private static bool Coordinated(ResolverItem before, ResolverItem after, string body, System.Collections.Immutable.ImmutableArray<Token> tokens)
    {
        if (before.Mention.Sentence != after.Mention.Sentence || before.LastToken < 0 || after.FirstToken <= before.LastToken + 1)
        {
            return false;
        }

        for (int t = before.LastToken + 1; t < after.FirstToken; t++)
        {
            if (tokens[t].Span.Slice(body) is not ("," or "and" or "or" or "&"))
            {
                return false;
            }
        }

        return true;
    }

    private static void Fix(ResolverItem item, EntityType type)
    {
        item.Type = type;
        item.TypeFixed = true;
    }

    // "United Auto Workers (UAW)", or "UN" and "United Nations" in one report: the acronym is the organisation.
    private static void PairAcronyms(List<ResolverItem> items)
    {
        var organizations = items.Where(i => i.Type == EntityType.Organization && i.Surface.Contains(' ', StringComparison.Ordinal)).ToList();
        if (organizations.Count == 0)
        {
            return;
        }

        foreach (ResolverItem item in items)
        {
            if (item.Surface.Contains(' ', StringComparison.Ordinal) || item.Type is EntityType.Person)
            {
                continue;
            }

            // The nearest spelled-out name before it, else the first after it.
            ResolverItem? full = organizations.LastOrDefault(o => o.Span.Start < item.Span.Start && Acronyms.Abbreviates(item.Surface, o.Surface))
                ?? organizations.FirstOrDefault(o => Acronyms.Abbreviates(item.Surface, o.Surface));
            if (full is not null)
            {
                item.Key = full.Key;
                item.Type = EntityType.Organization;
                item.TypeFixed = true;
            }
        }
    }

    // Ties: a person before a place before an organisation ("Kim Jong Un" typed once each as a person and an
    // organisation is a person; "Millbrook" once each as an organisation and a place is a place).
    private static readonly EntityType[] TiePreference = [EntityType.Person, EntityType.Location, EntityType.Organization, EntityType.Miscellaneous];

    // The types of a name's mentions: a fixed one wins; else the most given, ties by TiePreference.
    private static void Vote(List<ResolverItem> items)
    {
        foreach (IGrouping<string, ResolverItem> name in items.GroupBy(i => i.Key, StringComparer.Ordinal))
        {
            EntityType type;
            if (name.FirstOrDefault(i => i.TypeFixed) is ResolverItem fixedOne)
            {
                type = fixedOne.Type;
            }
            else
            {
                var counts = new int[4];
                foreach (ResolverItem item in name)
                {
                    counts[(int)item.Type]++;
                }

                type = TiePreference[0];
                foreach (EntityType candidate in TiePreference)
                {
                    if (counts[(int)candidate] > counts[(int)type])
                    {
                        type = candidate;
                    }
                }
            }

            foreach (ResolverItem item in name)
            {
                item.Type = type;
            }
        }
    }
}
