using System.Collections.Frozen;
using Storyline.Domain;

namespace Storyline.Entities.Resolution;

/// <summary>
/// What a name's own words say it is, whatever the tagger said: a street, a river or a treatment plant's "Point" is a
/// place ("Linden Avenue", "Kestrel Point", "Wadi Derna"); an "Authority", a "Railways" or a newspaper's "Beacon" is an
/// organisation ("Russian Railways", "Harbourton Beacon"). Only names of two words or more, and only against a type
/// the tagger most often gets wrong for them: a person or a miscellaneous name becomes a place or an organisation,
/// a place becomes an organisation; an organisation is left alone ("Fenwick County" may be its government).
/// Word lists written for this project.
/// </summary>
public static class NameHeads
{
    // Last words of places: streets, landforms, waters, districts and sites.
    private static readonly FrozenSet<string> PlaceLast = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "lane", "drive", "square", "plaza", "point", "river", "lake",
        "reservoir", "valley", "bay", "island", "islands", "mountain", "mountains", "hills", "heights", "park", "bridge",
        "beach", "harbour", "harbor", "canyon", "creek", "peninsula", "desert", "strait", "straits", "gulf", "sea", "ocean",
        "coast", "dam", "canal", "falls", "forest", "glacier", "plateau", "province", "oblast", "krai", "prefecture",
        "airport", "peak", "delta", "basin", "highway", "motorway", "crossing", "wharf", "quay", "estuary");

    // First words of places: "Wadi Derna", "Lake Baikal", "Mount Paektu", "Cape Town".
    private static readonly FrozenSet<string> PlaceFirst = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "wadi", "lake", "mount", "mt", "cape", "gulf", "isle", "fort", "port", "sierra", "rio");

    // Last words of organisations: bodies, firms, forces and news outlets.
    private static readonly FrozenSet<string> OrganizationLast = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "authority", "council", "commission", "committee", "company", "co", "corporation", "corp", "inc", "ltd", "plc",
        "group", "agency", "ministry", "department", "bank", "university", "college", "school", "academy", "hospital",
        "party", "union", "association", "federation", "institute", "foundation", "fund", "court", "police", "army",
        "navy", "railways", "railway", "airlines", "airways", "beacon", "herald", "times", "post", "tribune", "gazette",
        "journal", "chronicle", "observer", "telegraph", "inquirer", "courier", "examiner", "network", "broadcasting",
        "television", "radio", "service", "services", "office", "bureau", "board", "assembly", "parliament", "senate",
        "workers", "club", "league", "alliance", "coalition", "movement", "brigade", "brigades", "command", "guard",
        "corps", "museum", "church", "motors", "industries", "holdings", "systems", "technologies", "airline", "press");

    // Words before a named storm: "storm Daniel" is a weather event, not a person.
    private static readonly FrozenSet<string> StormWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "storm", "hurricane", "typhoon", "cyclone", "medicane");

    /// <summary>
    /// The type a name's first or last word gives it, where that overrides <paramref name="tagged"/>; null where the words
    /// say nothing or agree with the tagger.
    /// </summary>
    /// <param name="words">The name's words, as written.</param>
    /// <param name="tagged">The tagger's type.</param>
    public static EntityType? Override(IReadOnlyList<string> words, EntityType tagged)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < 2 || tagged == EntityType.Organization)
        {
            return null;
        }

        string last = words[^1].TrimEnd('.');
        if (OrganizationLast.Contains(last))
        {
            return EntityType.Organization;
        }

        if (tagged != EntityType.Location && (PlaceLast.Contains(last) || PlaceFirst.Contains(words[0].TrimEnd('.'))))
        {
            return EntityType.Location;
        }

        return null;
    }

    /// <summary>Whether <paramref name="word"/> names a kind of storm ("storm", "Hurricane").</summary>
    public static bool IsStormWord(ReadOnlySpan<char> word) => StormWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
