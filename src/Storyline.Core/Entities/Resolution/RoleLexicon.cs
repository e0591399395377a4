using System.Collections.Frozen;

namespace Storyline.Entities.Resolution;

/// <summary>What a role word says about the name it precedes.</summary>
public enum RoleKind
{
    /// <summary>Not a role word.</summary>
    None,

    /// <summary>A word that only qualifies a role ("foreign", "deputy", "chief").</summary>
    Modifier,

    /// <summary>A title, office or rank held by a person ("minister", "spokesperson", "admiral").</summary>
    PersonHead,

    /// <summary>What an organisation is ("agency", "broadcaster").</summary>
    OrganizationHead,
}

/// <summary>
/// The project's lexicon of titles, offices, ranks and their qualifiers, for roles written before a name
/// ("deputy foreign minister Andrei Rudenko") or after it ("Pak Thae Song, chair of …"). Written for this project.
/// </summary>
public static class RoleLexicon
{
    // Titles, offices, ranks and descriptions of people that news text writes before a name.
    private static readonly FrozenSet<string> PersonHeads = FrozenSet.Create(
        StringComparer.Ordinal,
        "president", "vice-president", "premier", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "leader",
        "admiral", "general", "marshal", "colonel", "commander", "chief", "chair", "chairman", "chairwoman", "chairperson",
        "director", "ambassador", "envoy", "official", "diplomat", "governor", "mayor", "senator", "congressman",
        "congresswoman", "lawmaker", "legislator", "representative", "mp", "king", "queen", "prince", "princess", "emperor",
        "pope", "chancellor", "head", "adviser", "advisor", "analyst", "correspondent", "editor", "reporter", "journalist",
        "judge", "prosecutor", "lawyer", "attorney", "professor", "economist", "expert", "captain", "lieutenant", "sergeant",
        "officer", "commissioner", "delegate", "resident", "founder", "ceo", "executive", "deputy", "aide", "negotiator",
        "coach", "author", "activist", "researcher", "scientist", "cardinal", "bishop", "archbishop", "sheikh", "ayatollah",
        "dictator", "counterpart", "premier", "vice", "candidate", "nominee", "speaker", "councillor", "councilor", "mp",
        "militant", "soldier", "pilot", "colonel", "major-general", "lieutenant-general", "brigadier", "chairwoman",
        "superintendent", "inspector", "detective", "sheriff", "warden", "manager", "owner", "billionaire", "tycoon",
        "businessman", "businesswoman", "entrepreneur", "actor", "actress", "singer", "rapper", "star", "striker", "player",
        "defender", "goalkeeper", "midfielder", "chef", "designer", "architect", "artist", "writer", "novelist", "poet",
        "historian", "spokesperson", "regent", "monarch", "crown", "heir", "secretary-general", "director-general");

    // Words that qualify a role but are not one.
    private static readonly FrozenSet<string> Modifiers = FrozenSet.Create(
        StringComparer.Ordinal,
        "foreign", "deputy", "vice", "prime", "chief", "cabinet", "state", "national", "security", "defence", "defense",
        "finance", "interior", "trade", "economy", "economic", "senior", "top", "former", "acting", "interim", "first",
        "assistant", "associate", "executive", "press", "military", "intelligence", "party", "ruling", "supreme", "special",
        "presidential", "affairs", "home", "justice", "health", "education", "energy", "environment", "transport", "culture",
        "agriculture", "labour", "labor", "industry", "communications", "information", "unification", "army", "navy", "air",
        "force", "staff", "joint", "news", "wire", "opposition", "government", "police", "fire", "border", "regional",
        "provincial", "local", "federal", "general", "managing", "political", "policy", "veteran", "retired", "late",
        "former", "then", "outgoing", "incoming", "newly", "elected", "appointed", "cheif", "lead", "principal", "senior",
        "junior", "trade", "union", "embassy", "central", "bank", "communist", "ruling", "workers", "spy", "nuclear", "envoy",
        "science", "technology", "space", "cabinet", "prime", "de", "facto", "self-styled", "prominent", "top-ranking",
        "high-ranking", "two", "three");

    // What an organisation named after it is.
    private static readonly FrozenSet<string> OrganizationHeads = FrozenSet.Create(
        StringComparer.Ordinal,
        "agency", "agencies", "broadcaster", "newspaper", "channel", "outlet", "daily", "network", "tabloid", "magazine",
        "company", "firm", "group", "carmaker", "bank", "lender", "insurer", "airline", "party", "ministry", "militia",
        "broadcasters", "newspapers", "channels", "manufacturer", "maker", "giant", "conglomerate", "operator", "watchdog",
        "website", "publication", "automaker", "utility", "charity", "regulator");

    // Courtesy titles: they mark a person but are not a role.
    private static readonly FrozenSet<string> Honorifics = FrozenSet.Create(
        StringComparer.Ordinal, "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof", "messrs", "lord", "lady");

    /// <summary>What <paramref name="word"/> (any case; a trailing period and a plural "s" are ignored) is as a role word.</summary>
    public static RoleKind Classify(ReadOnlySpan<char> word)
    {
        string lower = word.TrimEnd('.').ToString().ToLowerInvariant();
        if (lower.Length == 0)
        {
            return RoleKind.None;
        }

        if (OrganizationHeads.Contains(lower))
        {
            return RoleKind.OrganizationHead;
        }

        if (PersonHeads.Contains(lower) || (lower.Length > 3 && lower[^1] == 's' && PersonHeads.Contains(lower[..^1])))
        {
            return RoleKind.PersonHead;
        }

        return Modifiers.Contains(lower) ? RoleKind.Modifier : RoleKind.None;
    }

    /// <summary>Whether <paramref name="word"/> is a courtesy title ("Mr", "Mrs.", "Dr").</summary>
    public static bool IsHonorific(ReadOnlySpan<char> word) => Honorifics.Contains(word.TrimEnd('.').ToString().ToLowerInvariant());
}
