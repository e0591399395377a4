using System.Collections.Frozen;

namespace Storyline.Entities.Resolution;

/// <summary>A well-known organisation: the full name every report's mentions are keyed by, and its short forms.</summary>
/// <param name="Name">Its full name ("United Nations").</param>
/// <param name="ShortForms">Acronyms and other names ("UN", "U.N.").</param>
public sealed record KnownOrganization(string Name, IReadOnlyList<string> ShortForms)
{
    /// <summary>The key of every mention of it: the full name's <see cref="NameKey"/>.</summary>
    public string Key => NameKey.Normalize(Name);
}

/// <summary>
/// Organisations a reader expects to see as one entity under any of their names, and the seats of power that news
/// text uses for a government ("the Kremlin said", "the White House"): these are organisations, never towns on the
/// map. A list written for this project; acronyms a report spells out itself ("the United Nations (UN)") are paired
/// by <see cref="Acronyms"/>.
/// </summary>
public static class OrganizationNames
{
    /// <summary>The list.</summary>
    public static IReadOnlyList<KnownOrganization> All { get; } =
    [
        new("United Nations", ["UN", "U.N."]),
        new("World Health Organization", ["WHO", "World Health Organisation"]),
        new("North Atlantic Treaty Organization", ["NATO", "Nato"]),
        new("European Union", ["EU", "E.U."]),
        new("International Monetary Fund", ["IMF"]),
        new("World Bank", []),
        new("International Atomic Energy Agency", ["IAEA"]),
        new("Organization of the Petroleum Exporting Countries", ["OPEC", "Opec"]),
        new("World Trade Organization", ["WTO"]),
        new("International Committee of the Red Cross", ["ICRC"]),
        new("United Nations Children's Fund", ["UNICEF", "Unicef"]),
        new("United Nations High Commissioner for Refugees", ["UNHCR"]),
        new("World Food Programme", ["WFP"]),
        new("International Criminal Court", ["ICC"]),
        new("Association of Southeast Asian Nations", ["ASEAN", "Asean"]),
        new("African Union", []),
        new("European Central Bank", ["ECB"]),
        new("Federal Bureau of Investigation", ["FBI"]),
        new("Central Intelligence Agency", ["CIA"]),
        new("Korean Central News Agency", ["KCNA"]),
        new("United Auto Workers", ["UAW"]),
        new("International Olympic Committee", ["IOC"]),
        new("Federal Reserve", ["Fed"]),
    ];

    // Seats of power named for their government: an organisation, and no town of that name is meant.
    private static readonly FrozenSet<string> Seats = FrozenSet.Create(
        StringComparer.Ordinal,
        "kremlin", "white house", "pentagon", "downing street", "whitehall", "elysee", "elysee palace", "blue house",
        "zhongnanhai", "quai d orsay", "foggy bottom", "holy see", "vatican");

    private static readonly FrozenDictionary<string, KnownOrganization> ByKey = BuildIndex();

    /// <summary>The well-known organisation a name (in <see cref="NameKey"/> form) is, by its full name or a short form.</summary>
    public static KnownOrganization? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>Whether a name (in key form) is a seat of power that stands for a government ("kremlin").</summary>
    public static bool IsSeatOfPower(string key) => Seats.Contains(key);

    private static FrozenDictionary<string, KnownOrganization> BuildIndex()
    {
        var index = new Dictionary<string, KnownOrganization>(StringComparer.Ordinal);
        foreach (KnownOrganization organization in All)
        {
            foreach (string name in organization.ShortForms.Prepend(organization.Name))
            {
                index.TryAdd(NameKey.Normalize(name), organization);
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
