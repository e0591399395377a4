using System.Collections.Frozen;
using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// Says what kind of source a source phrase is ("unidentified US officials" → anonymous, "state TV" → state media,
/// "Vladivostok resident Fyodor" → a member of the public), from word lists of our own and the entity mentions in it.
/// Stateless and thread-safe.
/// </summary>
public static class SourceClassifier
{
    // Checked in this order: the first that matches wins, so that "unidentified US officials" is anonymous before it
    // is an organisation, and "state news agency TASS" is state media before it is an outlet.
    private static readonly string[] AnonymousPhrases =
    [
        "unidentified", "unnamed", "anonymous", "anonymity", "familiar with", "not to be named", "not be named",
        "not authorized", "not authorised", "a source", "one source", "sources", "a government source", "an official",
        "a senior official", "insider", "a person", "people close to", "a diplomat", "an aide",
        // Unnamed officials, aides and diplomats are unnamed sources, whoever they work for ("US officials said").
        "officials", "aides", "diplomats",
    ];

    private static readonly string[] StateMediaPhrases =
    [
        "state media", "state tv", "state television", "state channel", "state broadcaster", "state news", "state-run",
        "state run", "state-owned", "state owned", "kcna", "korean central news", "rossiya-1", "rossiya 1", "rossiya",
        "xinhua", "ria novosti", "ria", "tass", "cctv", "rodong sinmun", "channel one", "russia today",
    ];

    private static readonly string[] OutletPhrases =
    [
        "news agency", "news agencies", "agency interfax", "interfax", "reuters", "associated press", "afp", "bloomberg",
        "new york times", "washington post", "times", "post", "journal", "cnn", "bbc", "fox news", "nbc", "abc", "cbs",
        "broadcaster", "newspaper", "tabloid", "yonhap", "ytn", "nhk", "kyodo", "guardian", "independent", "politico",
        "media", "reports", "report", "outlet", "television", "tv", "radio", "magazine", "newswire", "website",
        "the hill", "axios", "breitbart", "huffington", "usa today", "daily",
    ];

    private static readonly string[] ExpertPhrases =
    [
        "analyst", "expert", "researcher", "professor", "scholar", "economist", "observer", "specialist", "think tank",
        "strategist", "pollster", "historian", "scientist",
    ];

    private static readonly string[] PublicPhrases =
    [
        "resident", "local", "voter", "witness", "shopper", "passer-by", "passerby", "bystander", "commuter", "villager",
        "supporter", "protester", "russians", "people", "citizen", "man who", "woman who", "onlooker", "worker",
    ];

    private static readonly string[] OrganizationPhrases =
    [
        "kremlin", "white house", "government", "ministry", "department", "agency", "office", "officials", "official",
        "police", "military", "army", "spokesperson", "spokesman", "spokeswoman", "committee", "council", "campaign",
        "administration", "commission", "party", "pentagon", "state department", "embassy", "company", "bureau",
        "court", "congress", "senate", "parliament", "cabinet", "authorities", "service", "democrats", "republicans",
    ];

    private static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "i", "they", "we", "you", "who" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The kind of source <paramref name="sourceText"/> names. <paramref name="hasPerson"/> tells whether a person's
    /// name lies in it; <paramref name="hasOrganization"/> whether an organisation's does.
    /// </summary>
    public static SourceKind Classify(string sourceText, bool hasPerson, bool hasOrganization)
    {
        ArgumentNullException.ThrowIfNull(sourceText);
        string text = " " + sourceText.ToLowerInvariant().Replace('\u2019', '\'').Replace('\n', ' ') + " ";
        if (Pronouns.Contains(text.Trim()))
        {
            return SourceKind.Unknown;
        }

        if (ContainsAny(text, AnonymousPhrases) && !hasPerson)
        {
            return SourceKind.Anonymous;
        }

        if (ContainsAny(text, StateMediaPhrases))
        {
            return SourceKind.StateMedia;
        }

        if (ContainsAny(text, OutletPhrases))
        {
            return SourceKind.NewsOutlet;
        }

        if (ContainsAny(text, ExpertPhrases))
        {
            return SourceKind.Expert;
        }

        if (ContainsAny(text, PublicPhrases))
        {
            return SourceKind.Public;
        }

        if (hasPerson)
        {
            return SourceKind.NamedPerson;
        }

        if (hasOrganization || ContainsAny(text, OrganizationPhrases))
        {
            return SourceKind.Organization;
        }

        return SourceKind.Unknown;
    }

    // Whole-word matches only: "ria" must not match "Korea's" inside "South Korea's".
    private static bool ContainsAny(string paddedLower, string[] phrases)
    {
        foreach (string phrase in phrases)
        {
            int at = 0;
            while ((at = paddedLower.IndexOf(phrase, at, StringComparison.Ordinal)) >= 0)
            {
                char before = paddedLower[at - 1];
                int after = at + phrase.Length;
                // A plural or possessive ending still matches: "analysts", "residents", "agency's".
                while (after < paddedLower.Length && (paddedLower[after] == 's' || paddedLower[after] == '\'') && after - at - phrase.Length < 2)
                {
                    after++;
                }

                if (!char.IsLetterOrDigit(before) && after < paddedLower.Length && !char.IsLetterOrDigit(paddedLower[after]))
                {
                    return true;
                }

                at++;
            }
        }

        return false;
    }
}
