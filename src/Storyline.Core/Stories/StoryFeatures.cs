using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Storyline.Domain;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>A term of a report's vector and how often it occurs. Entity terms are "@" + the entity key.</summary>
public readonly record struct TermCount(string Term, int Count);

/// <summary>What the story clusterer knows of one report: its date, its terms and its entities' display names.</summary>
/// <param name="Id">The report.</param>
/// <param name="Published">Its publication date.</param>
/// <param name="Terms">Content-word and entity terms with counts, sorted by term.</param>
/// <param name="EntityNames">Display name of each entity term, for story titles.</param>
public sealed record StoryFeatures(ArticleId Id, DateOnly Published, ImmutableArray<TermCount> Terms, ImmutableDictionary<string, string> EntityNames)
{
    /// <summary>Prefix of entity terms.</summary>
    public const string EntityPrefix = "@";

    /// <summary>
    /// Content words of the headline (or, where there is none, of the first sentence): distinct, sorted. Empty for
    /// features made before headlines were kept.
    /// </summary>
    public ImmutableArray<string> HeadTerms { get; init; } = [];

    /// <summary>The entity terms (of <see cref="Terms"/>) that name places, sorted; the others are people, organisations and other names.</summary>
    public ImmutableArray<string> PlaceTerms { get; init; } = [];

    /// <summary>MinHash signature of the body's word shingles (see <see cref="MinHash"/>); empty for very short bodies.</summary>
    public ImmutableArray<uint> Signature { get; init; } = [];

    /// <summary>The entity terms (of <see cref="Terms"/>) that name people, sorted; empty for features made before types were kept.</summary>
    public ImmutableArray<string> PeopleTerms { get; init; } = [];

    /// <summary>
    /// The calendar dates the report mentions, as TIMEX3 values cut to their precision: a day ("2023-09-12"), a month
    /// ("2023-09") or a year ("2019"); distinct, sorted. Relative expressions count as resolved against the
    /// publication date ("Tuesday morning" → "2023-09-12").
    /// </summary>
    public ImmutableArray<string> DateTerms { get; init; } = [];

    /// <summary>
    /// The numbers the body gives that can tell one event from another of its kind — a toll, a magnitude, an amount
    /// ("527", "6.4", "143") — without separators or units, distinct, sorted; whole numbers under 10 and years
    /// (1900–2100) are left out.
    /// </summary>
    public ImmutableArray<string> NumberTerms { get; init; } = [];

    /// <summary>The report's headline (<see cref="Stories.Headline.Of"/>): its title, else its lead cut short; empty when unknown.</summary>
    public string Headline { get; init; } = string.Empty;

    /// <summary>
    /// The features of an analysed report: lower-cased content words (no stopwords, numbers or one-letter words;
    /// possessive "'s" removed; headline words count twice) and one "@key" term per entity mention.
    /// </summary>
    public static StoryFeatures From(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        // About one distinct term for every three tokens of news text: sized once rather than grown through rehashes.
        var counts = new Dictionary<string, int>(article.Tokens.Length / 3, StringComparer.Ordinal);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> countsBySpan = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        string body = article.Body;

        // The lower-cased words and numbers of the body, one after the other in one buffer (lower-casing keeps the
        // length), for the near-copy signature; a word's string is made only the first time it is counted.
        char[] lowered = ArrayPool<char>.Shared.Rent(Math.Max(body.Length, 1));
        int[] wordEnds = ArrayPool<int>.Shared.Rent(Math.Max(article.Tokens.Length, 1));

        // Lower-casing is one character at a time except for surrogate pairs, so a body without any is lower-cased
        // whole, once, and each token's lower case is copied from it: the same characters as lower-casing each token.
        char[]? bodyLower = null;
        if (body.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            bodyLower = ArrayPool<char>.Shared.Rent(Math.Max(body.Length, 1));
            body.AsSpan().ToLowerInvariant(bodyLower);
        }

        try
        {
            int used = 0, words = 0;
            foreach (Token token in article.Tokens)
            {
                if (token.Kind is not (TokenKind.Word or TokenKind.Number))
                {
                    continue;
                }

                ReadOnlySpan<char> text = token.Span.Slice(body);
                Span<char> lower = lowered.AsSpan(used, text.Length);
                if (bodyLower is not null)
                {
                    bodyLower.AsSpan(token.Span.Start, token.Span.Length).CopyTo(lower);
                }
                else
                {
                    text.ToLowerInvariant(lower);
                }

                used += text.Length;
                wordEnds[words++] = used;
                if (token.Kind == TokenKind.Word)
                {
                    AddWord(countsBySpan, text, lower, 1);
                }
            }

            var head = new Dictionary<string, int>(StringComparer.Ordinal);
            Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> headBySpan = head.GetAlternateLookup<ReadOnlySpan<char>>();
            if (article.Article.Title is { Length: > 0 } title)
            {
                foreach (Token token in new Tokenizer().Tokenize(title))
                {
                    if (token.Kind == TokenKind.Word)
                    {
                        ReadOnlySpan<char> word = token.Span.Slice(title);
                        ReadOnlySpan<char> lower = Lower(word, ref lowered, used);
                        AddWord(countsBySpan, word, lower, 2);
                        AddWord(headBySpan, word, lower, 1);
                    }
                }
            }
            else if (article.Sentences.Length > 0)
            {
                // No headline: the lead sentence says what the report is about.
                Sentence lead = article.Sentences[0];
                for (int i = lead.FirstToken; i < lead.FirstToken + lead.TokenCount && i < article.Tokens.Length; i++)
                {
                    if (article.Tokens[i].Kind == TokenKind.Word)
                    {
                        ReadOnlySpan<char> word = article.Tokens[i].Span.Slice(body);
                        AddWord(headBySpan, word, Lower(word, ref lowered, used), 1);
                    }
                }
            }

            Span<char> entityTerm = stackalloc char[128];
            foreach (Mention mention in article.Mentions)
            {
                string key = mention.Entity.Value;
                if (key.Length < entityTerm.Length)
                {
                    entityTerm[0] = EntityPrefix[0];
                    key.CopyTo(entityTerm[1..]);
                    CollectionsMarshal.GetValueRefOrAddDefault(countsBySpan, entityTerm[..(key.Length + 1)], out _)++;
                }
                else
                {
                    string term = EntityPrefix + key;
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }
            }

            var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var places = new SortedSet<string>(StringComparer.Ordinal);
            var people = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Entity entity in article.Entities)
            {
                string term = EntityPrefix + entity.Key.Value;
                names[term] = entity.Name;
                if (entity.Type == EntityType.Location)
                {
                    places.Add(term);
                }
                else if (entity.Type == EntityType.Person)
                {
                    people.Add(term);
                }
            }

            var order = new (ulong Prefix, TermCount Term)[counts.Count];
            int n = 0;
            foreach ((string term, int count) in counts)
            {
                order[n++] = (Prefix(term), new TermCount(term, count));
            }

            order.AsSpan().Sort(default(OrdinalByPrefix));
            var terms = new TermCount[order.Length];
            for (int i = 0; i < terms.Length; i++)
            {
                terms[i] = order[i].Term;
            }

            return new StoryFeatures(article.Article.Id, article.Article.Published, ImmutableCollectionsMarshal.AsImmutableArray(terms), names.ToImmutable())
            {
                HeadTerms = [.. head.Keys.Order(StringComparer.Ordinal)],
                PlaceTerms = [.. places.Where(counts.ContainsKey)],
                PeopleTerms = [.. people.Where(counts.ContainsKey)],
                DateTerms = DatesOf(article.Times),
                NumberTerms = NumbersOf(article),
                Headline = Stories.Headline.Of(article),
                Signature = MinHash.Sign(lowered.AsSpan(0, used), wordEnds.AsSpan(0, words)),
            };
        }
        finally
        {
            if (bodyLower is not null)
            {
                ArrayPool<char>.Shared.Return(bodyLower);
            }

            ArrayPool<char>.Shared.Return(lowered);
            ArrayPool<int>.Shared.Return(wordEnds);
        }
    }

    // The body's numbers as plain digits ("6,500km" → "6500", "6.4" stays), whole numbers under 10 and years left out.
    private static ImmutableArray<string> NumbersOf(AnalyzedArticle article)
    {
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        Span<char> digits = stackalloc char[32];
        foreach (Token token in article.Tokens)
        {
            if (token.Kind != TokenKind.Number || token.Span.Length > digits.Length)
            {
                continue;
            }

            int n = 0;
            bool point = false;
            foreach (char c in token.Span.Slice(article.Body))
            {
                if (char.IsAsciiDigit(c))
                {
                    digits[n++] = c;
                }
                else if (c == '.' && !point && n > 0)
                {
                    digits[n++] = c;
                    point = true;
                }
                else if (c != ',')
                {
                    break;
                }
            }

            ReadOnlySpan<char> number = digits[..n].TrimEnd('.');
            if (number.Length == 0 || number[0] == '.')
            {
                continue;
            }

            bool whole = !number.Contains('.');
            bool small = whole && number.Length == 1;
            bool year = whole && number.Length == 4 && int.Parse(number, CultureInfo.InvariantCulture) is >= 1900 and <= 2100;
            if (!small && !year)
            {
                numbers.Add(number.ToString());
            }
        }

        return [.. numbers];
    }

    // Calendar dates and times cut to day, month or year ("2023-09-12TMO" → "2023-09-12"); durations, sets and values
    // that name no calendar period ("PRESENT_REF", "2023-W37") are left out.
    private static ImmutableArray<string> DatesOf(ImmutableArray<TimeExpression> times)
    {
        if (times.IsDefaultOrEmpty)
        {
            return [];
        }

        var dates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TimeExpression time in times)
        {
            if (time.Type is not (TimeType.Date or TimeType.Time))
            {
                continue;
            }

            string value = time.Value;
            int length = Digits(value, 0, 4) && value.Length >= 4 ? 4 : 0;
            if (length == 4 && value.Length >= 7 && value[4] == '-' && Digits(value, 5, 2))
            {
                length = value.Length >= 10 && value[7] == '-' && Digits(value, 8, 2) ? 10 : 7;
            }

            if (length > 0 && (value.Length == length || !char.IsDigit(value[length])))
            {
                dates.Add(value[..length]);
            }
        }

        return [.. dates];
    }

    private static bool Digits(string value, int start, int count)
    {
        if (value.Length < start + count)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    // The first four UTF-16 units of a term (zero where it is shorter), packed so that comparing two prefixes orders
    // the terms as ordinal comparison does whenever the prefixes differ.
    private static ulong Prefix(string term)
    {
        ulong prefix = 0;
        for (int i = 0; i < 4; i++)
        {
            prefix = (prefix << 16) | (i < term.Length ? term[i] : 0u);
        }

        return prefix;
    }

    // Ordinal order of the terms, deciding by the packed prefixes where they differ (most pairs) and by the strings
    // where they are equal.
    private readonly struct OrdinalByPrefix : IComparer<(ulong Prefix, TermCount Term)>
    {
        public int Compare((ulong Prefix, TermCount Term) x, (ulong Prefix, TermCount Term) y) =>
            x.Prefix != y.Prefix ? x.Prefix.CompareTo(y.Prefix) : string.CompareOrdinal(x.Term.Term, y.Term.Term);
    }

    // The word lower-cased on its own (as string.ToLowerInvariant does it), in the buffer after its first `used` chars.
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, ref char[] buffer, int used)
    {
        if (buffer.Length < used + word.Length)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(used + word.Length);
            buffer.AsSpan(0, used).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        Span<char> lower = buffer.AsSpan(used, word.Length);
        word.ToLowerInvariant(lower);
        return lower;
    }

    // word is the token as written (its possessive and first letter are judged there, as they always were), lower the
    // same characters lower-cased.
    private static void AddWord(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> counts, ReadOnlySpan<char> word, ReadOnlySpan<char> lower, int weight)
    {
        if (Text.Possessive.EndsWith(word))
        {
            word = word[..^2];
            lower = lower[..^2];
        }

        if (word.Length < 2 || !char.IsLetter(word[0]) || Stopwords.Contains(lower))
        {
            return;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(counts, lower, out _) += weight;
    }
}
