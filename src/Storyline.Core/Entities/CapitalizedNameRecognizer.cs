using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Entities;

/// <summary>
/// The stand-in entity stage: runs of capitalised words are names, typed by the words around them (a title makes a
/// person, an organisation word an organisation, "in"/"to" a place), and a one-word name that repeats the first or
/// last word of a fuller name in the same report is that name. The trained tagger replaces it.
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

        // Resolve: full names first, then one-word names to the fullest name that starts or ends with them.
        var entities = new Dictionary<string, EntityBuilder>(StringComparer.Ordinal);
        var keys = new string[found.Count];
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < found.Count; i++)
            {
                string normalized = Normalize(found[i].Name);
                bool single = !normalized.Contains(' ', StringComparison.Ordinal);
                if ((pass == 0) == single)
                {
                    continue;
                }

                string key = single ? ResolveShortName(normalized, entities) ?? normalized : normalized;
                keys[i] = key;
                if (!entities.TryGetValue(key, out EntityBuilder? entity))
                {
                    entity = new EntityBuilder(key, found[i].Span.Start);
                    entities[key] = entity;
                }

                entity.Add(found[i].Name, found[i].Cue, found[i].Role);
            }
        }

        var mentions = ImmutableArray.CreateBuilder<Mention>(found.Count);
        for (int i = 0; i < found.Count; i++)
        {
            EntityBuilder entity = entities[keys[i]];
            mentions.Add(new Mention(found[i].Span, entity.Type, new EntityKey(entity.Key), found[i].Sentence, found[i].Role));
        }

        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return article with
        {
            Mentions = mentions.ToImmutable(),
            Entities = [.. entities.Values.OrderBy(e => e.FirstSeen).Select(e => e.Build())],
        };
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

    private static bool IsNotName(string lower) => NotNames.Contains(lower) || Text.Stopwords.Contains(lower);

    private static string? ResolveShortName(string name, Dictionary<string, EntityBuilder> entities)
    {
        EntityBuilder? best = null;
        foreach (EntityBuilder candidate in entities.Values)
        {
            string key = candidate.Key;
            // Only people are called by one of their names ("Putin", "Kim"); "Russian" is not "Russian Railways".
            bool matches = candidate.Type == EntityType.Person
                && (key.StartsWith(name + " ", StringComparison.Ordinal) || key.EndsWith(" " + name, StringComparison.Ordinal));
            if (matches && (best is null || candidate.Count > best.Count))
            {
                best = candidate;
            }
        }

        return best?.Key;
    }

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
    internal static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.Length > 2 && (word[^1] is 's' or 'S') && word[^2] is '\'' or '\u2019' or '\u2018';

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

    private sealed class EntityBuilder(string key, int firstSeen)
    {
        private readonly Dictionary<EntityType, int> votes = [];
        private readonly List<string> aliases = [];
        private readonly List<string> roles = [];

        public string Key { get; } = key;

        public int Count { get; private set; }

        public int FirstSeen { get; } = firstSeen;

        public EntityType Type => votes.Count == 0 ? EntityType.Miscellaneous : votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;

        public void Add(string name, EntityType? cue, string? role)
        {
            Count++;
            if (cue is EntityType type)
            {
                votes[type] = votes.GetValueOrDefault(type) + 1;
            }
            else if (name.Contains(' ', StringComparison.Ordinal))
            {
                // An unmarked multi-word capitalised name is most often a person in news text.
                votes[EntityType.Person] = votes.GetValueOrDefault(EntityType.Person);
            }

            if (!aliases.Contains(name, StringComparer.Ordinal))
            {
                aliases.Add(name);
            }

            if (role is not null && !roles.Contains(role, StringComparer.Ordinal))
            {
                roles.Add(role);
            }
        }

        public Entity Build()
        {
            // The fullest form seen is the display name; the others are aliases.
            string name = aliases.OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).First();
            return new(new EntityKey(Key), Type, name, [.. aliases.Where(a => !string.Equals(a, name, StringComparison.Ordinal))], [.. roles]);
        }
    }
}
