using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Entities;

/// <summary>
/// The stand-in entity stage: runs of capitalised words are names, typed by the words around them (a title makes a
/// person, an organisation word an organisation, "in"/"to" a place). It only finds and types spans: each mention's
/// key is its own lower-cased surface form, and <see cref="EntityResolver"/> merges aliases, finds roles and places.
/// The trained tagger replaces it.
/// </summary>
public sealed class CapitalizedNameRecognizer : IAnalysisStage
{
    private static readonly FrozenSet<string> PersonTitles = new[]
    {
        "mr", "mrs", "ms", "dr", "president", "prime", "minister", "leader", "spokesperson", "spokesman", "spokeswoman",
        "secretary", "senator", "sen", "gov", "governor", "mayor", "general", "gen", "admiral", "marshal", "chancellor",
        "king", "queen", "prince", "pope", "chair", "chairman", "chairwoman", "director", "chief", "resident", "judge", "officer",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OrganizationWords = new[]
    {
        "agency", "ministry", "council", "times", "news", "party", "army", "navy", "bank", "committee", "corporation",
        "company", "inc", "ltd", "union", "office", "kremlin", "reuters", "interfax", "tass", "ytn", "department", "forces",
        "association", "institute", "university", "court", "parliament", "assembly", "commission", "group", "railways",
        "service", "post", "guardian", "independent", "channel", "tv", "broadcaster", "nations", "organization", "organisation",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PlacePrepositions = new[] { "in", "to", "from", "near", "at", "across", "into" }
        .ToFrozenSet(StringComparer.Ordinal);

    // Lower-case words that may sit inside a name: "Democratic People's Republic of Korea", "Osama bin Laden".
    private static readonly FrozenSet<string> Connectors = new[] { "of", "de", "bin", "al", "van", "von", "da", "la", "del" }
        .ToFrozenSet(StringComparer.Ordinal);

    // Capitalised words that are not names on their own.
    private static readonly FrozenSet<string> NotNames = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "but", "and", "the", "a", "an", "in", "on", "at", "if", "it",
        "he", "she", "they", "we", "i", "his", "her", "their", "its", "this", "that", "these", "those", "meanwhile", "also",
        "others", "other", "there", "here", "so", "when", "while", "after", "before", "as", "according", "one", "two", "some",
        "many", "experts", "analysts", "officials", "residents", "thanks", "please", "read", "sign", "for", "with", "from",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "entities";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        string body = article.Body;
        var found = new List<(TextSpan Span, string Name, EntityType? Cue, string? Role, int Sentence)>();
        foreach (Sentence sentence in article.Sentences)
        {
            FindNames(body, article.Tokens, sentence, found);
        }

        // Each mention keyed by its own surface form; which mentions are one entity is the resolver's job
        // (EntityResolver), and so are roles.
        var mentions = ImmutableArray.CreateBuilder<Mention>(found.Count);
        foreach (var (span, name, cue, _, sentenceIndex) in found)
        {
            EntityType type = cue ?? (name.Contains(' ', StringComparison.Ordinal) ? EntityType.Person : EntityType.Miscellaneous);
            mentions.Add(new Mention(span, type, new EntityKey(Normalize(name)), sentenceIndex));
        }

        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return article with { Mentions = mentions.ToImmutable(), Entities = [] };
    }

    private static void FindNames(string body, ImmutableArray<Token> tokens, Sentence sentence, List<(TextSpan, string, EntityType?, string?, int)> found)
    {
        int end = sentence.FirstToken + sentence.TokenCount;
        int t = sentence.FirstToken;
        while (t < end)
        {
            if (!IsCapitalizedWord(body, tokens[t]))
            {
                t++;
                continue;
            }

            int first = t;
            int last = t;
            int k = t + 1;
            while (k < end)
            {
                // A possessive ends a name ("Russia’s Far East"), except inside "Korean People’s Army".
                if (IsPossessive(tokens[k - 1].Span.Slice(body)) && !IsPeoples(body, tokens[k - 1]))
                {
                    break;
                }

                if (IsCapitalizedWord(body, tokens[k]))
                {
                    last = k;
                    k++;
                }
                else if (k + 1 < end && tokens[k].Kind == TokenKind.Word && Connectors.Contains(Lower(body, tokens[k])) && IsCapitalizedWord(body, tokens[k + 1]))
                {
                    k++;
                }
                else
                {
                    break;
                }
            }

            t = last + 1;

            // Leading titles are the role, not the name: "President Vladimir Putin", "Mr Kim".
            string? role = null;
            EntityType? cue = null;
            while (first < last && PersonTitles.Contains(Lower(body, tokens[first]).TrimEnd('.')))
            {
                role = role is null ? TokenText(body, tokens[first]) : role + " " + TokenText(body, tokens[first]);
                cue = EntityType.Person;
                first++;
            }

            if (first > sentence.FirstToken && PersonTitles.Contains(Lower(body, tokens[first - 1]).TrimEnd('.')))
            {
                cue = EntityType.Person;
                role ??= TokenText(body, tokens[first - 1]);
            }

            // "In Russia", "But Mr Kim": a capitalised function word opening a clause is not part of the name.
            while (first < last && IsNotName(Lower(body, tokens[first])))
            {
                first++;
            }

            if (first == last && IsNotName(Lower(body, tokens[first])))
            {
                continue;
            }

            var span = TextSpan.FromBounds(tokens[first].Span.Start, StripPossessive(body, tokens[last].Span));
            if (span.Slice(body).TrimEnd('.').Length <= 1)
            {
                // A lone initial ("E." of "E. coli") is not a name.
                continue;
            }

            string lowerLast = Lower(body, tokens[last]);
            if (OrganizationWords.Contains(StripPossessiveLower(lowerLast)))
            {
                cue = EntityType.Organization;
            }
            else if (cue is null && first > sentence.FirstToken && PlacePrepositions.Contains(Lower(body, tokens[first - 1])))
            {
                cue = EntityType.Location;
            }

            found.Add((span, span.ToString(body), cue, role, sentence.Index));
        }
    }

    private static bool IsPeoples(string body, Token token) =>
        token.Span.Slice(body)[..^2].Equals("People", StringComparison.OrdinalIgnoreCase);

    private static bool IsNotName(string lower) => NotNames.Contains(lower) || Text.Stopwords.Contains(lower);

    private static bool IsCapitalizedWord(string body, Token token) =>
        token.Kind == TokenKind.Word && char.IsUpper(body[token.Span.Start]);

    private static string Lower(string body, Token token) => token.Span.ToString(body).ToLowerInvariant();

    private static string TokenText(string body, Token token) => token.Span.ToString(body);

    private static int StripPossessive(string body, TextSpan span)
    {
        ReadOnlySpan<char> text = span.Slice(body);
        return IsPossessive(text) ? span.End - 2 : span.End;
    }

    private static string StripPossessiveLower(string word) => IsPossessive(word) ? word[..^2] : word;

    // News text writes the possessive with ', ’ and, in one seed, ‘.
    internal static bool IsPossessive(ReadOnlySpan<char> word) => Text.Possessive.EndsWith(word);

    /// <summary>The key form of a name: lower case, hyphens and apostrophes as spaces, one space between words.</summary>
    internal static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            char mapped = c is '-' or '\u2010' or '\u2011' ? ' ' : char.ToLowerInvariant(c);
            if (mapped == ' ' && (sb.Length == 0 || sb[^1] == ' '))
            {
                continue;
            }

            sb.Append(mapped);
        }

        return sb.ToString().TrimEnd();
    }
}
