using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Claims;

/// <summary>
/// The claims stage: each sentence that reports something (it has an attribution, a certainty cue, or an event word)
/// is a claim, with a status from the cues in it and its attribution, computed by <see cref="ClaimStatus.OfSentence"/>:
/// a cue first (a denial beats everything; "neither confirmed nor denied" is unconfirmed); then an unhedged statement
/// on the record ("Interfax reported") is confirmed and any other attribution reported; then an unhedged past-tense
/// event stated by the writer is confirmed.
/// Each claim gets a key (its entities by name and its event group: "kim jong un|visit", "khasan|cross", never a code or
/// a place number) to follow it across reports.
/// Runs after <see cref="Quotes.QuoteFinder"/>. Holds no state: thread-safe.
/// </summary>
public sealed class ClaimDetector : IAnalysisStage
{

    /// <inheritdoc />
    public string Name => "claims";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var claims = ImmutableArray.CreateBuilder<Claim>();
        var index = new SpanIndex(article);
        foreach (Sentence sentence in article.Sentences)
        {
            if (Detect(article, sentence, index) is Claim claim)
            {
                claims.Add(claim);
            }
        }

        return article with { Claims = claims.ToImmutable() };
    }

    /// <summary>The claim a sentence makes, or null when it makes none that this stage can see.</summary>
    public static Claim? Detect(AnalyzedArticle article, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Detect(article, sentence, new SpanIndex(article));
    }

    private static Claim? Detect(AnalyzedArticle article, Sentence sentence, SpanIndex index)
    {
        string text = article.SentenceText(sentence);
        string lower = Normalize(text);
        Quote? attribution = index.AttributionsIn(sentence.Span)
            .Where(q => q.Source is not null && q.Cue is TextSpan cue && sentence.Span.Contains(cue))
            .OrderBy(q => q.Kind == QuoteKind.Indirect ? 0 : 1)
            .FirstOrDefault();

        (Certainty Status, int At, int Length)? cue = null;
        Span<bool> present = stackalloc bool[CueWords.Count];
        MarkCueWords(lower, present);
        foreach ((Certainty status, string[] cues, int[] words) in Cues)
        {
            if (Find(lower, cues, words, present, status) is (int at, int length))
            {
                cue = (status, at, length);
                break;
            }
        }

        // What the claim is about: the reported clause when attributed, else the sentence.
        TextSpan about = attribution?.Kind == QuoteKind.Indirect ? attribution.Content : sentence.Span;
        (string Group, bool Past, int At)? evt = FirstEvent(article, about);
        if (ClaimStatus.OfSentence(cue?.Status, attribution, evt is (_, true, _)) is not Certainty resolved)
        {
            return null;
        }

        string? key = evt is (string group, _, _) ? Key(index, about, attribution?.Source, group) : null;
        TextSpan? cueSpan = cue is (_, int a, int l) ? new TextSpan(sentence.Span.Start + a, l) : null;
        return new Claim(ClaimSpan(article, sentence, attribution), sentence.Index, resolved, attribution?.Source, attribution?.SourceKind ?? SourceKind.Unknown, key, cueSpan);
    }

    // The claim's words: its sentence, from the opening mark of a direct quote that began in an earlier sentence
    // ("Both countries show teeth … So, there is something in common," said Fyodor: not "So, there is …" alone).
    private static TextSpan ClaimSpan(AnalyzedArticle article, Sentence sentence, Quote? attribution)
    {
        if (attribution is not { Kind: QuoteKind.Direct } || attribution.Content.Start >= sentence.Span.Start)
        {
            return sentence.Span;
        }

        int start = attribution.Content.Start;
        if (start > 0 && IsQuoteMark(article.Body[start - 1]))
        {
            start--;
        }

        return new TextSpan(start, sentence.Span.End - start);
    }

    private static bool IsQuoteMark(char c) => c is '"' or '\u201C' or '\u201D' or '\u00AB' or '\'' or '\u2018';

    // Curly apostrophes as straight ones, so that cue phrases match either.
    private static string Normalize(string text) => text.ToLowerInvariant().Replace('\u2019', '\'').Replace('\u2018', '\'');

    // The first words of the cues ("could" of "could not be confirmed"), numbered.
    private static readonly FrozenDictionary<string, int> CueWords = CertaintyCues.ByPrecedence
        .SelectMany(list => list.Cues)
        .Select(LeadingLetters)
        .Where(word => word.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .Select((word, i) => (word, i))
        .ToFrozenDictionary(p => p.word, p => p.i, StringComparer.Ordinal);

    // The cue lists by precedence, each cue with the number of its first word in CueWords (−1: it does not start
    // with a letter). After CueWords, which it reads as it is made.
    private static readonly (Certainty Status, string[] Cues, int[] FirstWords)[] Cues = [.. CertaintyCues.ByPrecedence
        .Select(list => (list.Status, list.Cues, list.Cues.Select(FirstWord).ToArray()))];

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> CueWordsBySpan =
        CueWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string LeadingLetters(string cue)
    {
        int n = 0;
        while (n < cue.Length && char.IsLetter(cue[n]))
        {
            n++;
        }

        return cue[..n];
    }

    private static int FirstWord(string cue) => CueWords.TryGetValue(LeadingLetters(cue), out int id) ? id : -1;

    // Which cue first words the sentence has as whole words (runs of letters). A cue matches only where it starts a
    // whole word, so its leading letters are then that whole word: a cue whose first word the sentence lacks cannot
    // match, and is not searched for.
    private static void MarkCueWords(string lower, Span<bool> present)
    {
        int i = 0;
        while (i < lower.Length)
        {
            if (!char.IsLetter(lower[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < lower.Length && char.IsLetter(lower[i]))
            {
                i++;
            }

            if (CueWordsBySpan.TryGetValue(lower.AsSpan(start, i - start), out int id))
            {
                present[id] = true;
            }
        }
    }

    private static (int At, int Length)? Find(string lower, string[] cues, int[] firstWords, ReadOnlySpan<bool> present, Certainty status)
    {
        for (int c = 0; c < cues.Length; c++)
        {
            if (firstWords[c] >= 0 && !present[firstWords[c]])
            {
                continue;
            }

            string cue = cues[c];
            int at = 0;
            while ((at = lower.IndexOf(cue, at, StringComparison.Ordinal)) >= 0)
            {
                int end = at + cue.Length;
                bool whole = (at == 0 || !char.IsLetter(lower[at - 1])) && (end >= lower.Length || !char.IsLetter(lower[end]));
                if (whole && Allowed(lower, at, status))
                {
                    return (at, cue.Length);
                }

                at = end;
            }
        }

        return null;
    }

    // "confirmed" after "not"/"un" is not a confirmation; "the unconfirmed list" is handled by the list order.
    private static bool Allowed(string lower, int at, Certainty status)
    {
        if (status != Certainty.Confirmed)
        {
            return true;
        }

        // A span, not a substring: a long sentence full of cues must not cost the square of its length.
        ReadOnlySpan<char> before = lower.AsSpan(0, at).TrimEnd();
        return !(before.EndsWith("not", StringComparison.Ordinal) || before.EndsWith("n't", StringComparison.Ordinal) || before.EndsWith("no", StringComparison.Ordinal));
    }

    private static (string Group, bool Past, int At)? FirstEvent(AnalyzedArticle article, TextSpan span)
    {
        string body = article.Body;
        int i = span.Start;
        while (i < span.End)
        {
            while (i < span.End && !char.IsLetter(body[i]))
            {
                i++;
            }

            int start = i;
            while (i < span.End && (char.IsLetter(body[i]) || body[i] == '-'))
            {
                i++;
            }

            if (i > start && EventAt(body.AsSpan(start, i - start)) is (string group, bool past))
            {
                return (group, past, start);
            }
        }

        return null;
    }

    // The event a word names, looked up lower-cased without making a string of it.
    private static (string Group, bool Past)? EventAt(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        return CertaintyCues.Event(lower);
    }

    // Key: the entities the claim is about (people first, then organisations and places; not its source) and the
    // event group. A meeting is about both sides, sorted, so "Kim and Putin may meet" and "Putin and Kim will meet" match.
    private static string? Key(SpanIndex index, TextSpan about, TextSpan? source, string group)
    {
        var inside = index.MentionsIn(about)
            .Where(m => about.Contains(m.Span) && !(source is TextSpan s && s.Overlaps(m.Span)))
            .ToList();
        var people = inside.Where(m => m.Type == EntityType.Person).Select(m => KeyPart(index.Entity(m.Entity), m.Entity)).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        List<string> parts = people.Count > 0
            ? people
            : inside.Where(m => m.Type is EntityType.Organization or EntityType.Location).Select(m => KeyPart(index.Entity(m.Entity), m.Entity)).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        IEnumerable<string> chosen = group == "meet" ? parts.Take(2).Order(StringComparer.Ordinal) : parts.Take(1);
        return string.Join('+', chosen) + "|" + group;
    }

    /// <summary>
    /// An entity as a part of a claim key, in words a reader knows and every report shares: a person's or an
    /// organisation's key is already its name ("kim jong un"); a country or a geocoded place ("country:kp",
    /// "place:524901") goes by its gazetteer name ("north korea", "moscow"), never by a code or a number. Reduced to
    /// lower-case letters, digits and single spaces ("kim jong-un" = "kim jong un"); empty when no letter is left.
    /// </summary>
    internal static string KeyPart(Entity? entity, EntityKey key)
    {
        string words = key.Value;
        if (words.Contains(':', StringComparison.Ordinal))
        {
            words = entity is null ? string.Empty : entity.Place?.Name ?? entity.Name;
        }

        var sb = new StringBuilder(words.Length);
        foreach (char c in words.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        string part = sb.ToString().Trim();
        return part.Any(char.IsLetter) ? part : string.Empty;
    }

    /// <summary>
    /// The quotes (by their cue) and mentions of an article sorted by where they start, so that each sentence looks
    /// only at its own: scanning all of them for every sentence cost sentences × quotes, minutes for a long report
    /// full of quotes. What a lookup gives is in the article's own order, as a scan would give it.
    /// </summary>
    private sealed class SpanIndex
    {
        private readonly Quote[] quotes;
        private readonly int[] quoteStarts;
        private readonly int[] quoteOrder;
        private readonly Mention[] mentions;
        private readonly int[] mentionStarts;
        private readonly int[] mentionOrder;
        private readonly Dictionary<EntityKey, Entity> entities;

        public SpanIndex(AnalyzedArticle article)
        {
            entities = article.Entities.DistinctBy(e => e.Key).ToDictionary(e => e.Key);
            quotes = [.. article.Quotes];
            (quoteStarts, quoteOrder) = Sorted(quotes.Select(q => q.Cue?.Start ?? -1).ToArray());
            mentions = [.. article.Mentions];
            (mentionStarts, mentionOrder) = Sorted(mentions.Select(m => m.Span.Start).ToArray());
        }

        public IEnumerable<Quote> AttributionsIn(TextSpan span) => Range(quoteStarts, quoteOrder, span).Select(i => quotes[i]);

        public Entity? Entity(EntityKey key) => entities.GetValueOrDefault(key);

        public IEnumerable<Mention> MentionsIn(TextSpan span) => Range(mentionStarts, mentionOrder, span).Select(i => mentions[i]);

        private static (int[] Starts, int[] Order) Sorted(int[] starts)
        {
            int[] order = [.. Enumerable.Range(0, starts.Length)];
            int[] keys = [.. starts];
            Array.Sort(keys, order);
            return (keys, order);
        }

        // The items that start inside the span, in their original order.
        private static List<int> Range(int[] starts, int[] order, TextSpan span)
        {
            int lo = 0;
            int hi = starts.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < span.Start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var found = new List<int>();
            for (int i = lo; i < starts.Length && starts[i] <= span.End; i++)
            {
                found.Add(order[i]);
            }

            found.Sort();
            return found;
        }
    }
}
