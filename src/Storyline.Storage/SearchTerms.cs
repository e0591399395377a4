using System.Globalization;

namespace Storyline.Storage;

/// <summary>
/// What a user typed into a search, read into its terms: each word outside double quotes is required, the words
/// inside a pair of quotes are one phrase. Punctuation separates words, as the index's tokenizer does, so search
/// operators have no meaning. A word or phrase given twice (in any case) is searched for once.
/// <para>
/// The number of distinct words is capped (<see cref="MaxWords"/>): the full-text engines rank and cut snippets at a
/// cost that grows with every term (1,500 repeated words held one request for 54 s, issue 23), so a longer query is
/// refused with <see cref="Problem"/> rather than run. Both stores and both front ends read a query this way.
/// </para>
/// </summary>
public sealed class SearchTerms
{
    /// <summary>The most distinct words a search may hold (a phrase counts its words).</summary>
    public const int MaxWords = 32;

    private SearchTerms(IReadOnlyList<IReadOnlyList<string>> terms, int words)
    {
        Terms = terms;
        WordCount = words;
    }

    /// <summary>
    /// The terms, in the order typed, repeats left out: a phrase of one word for each free word, a phrase of several for
    /// each quoted one. Words are as typed (the store folds case and accents as its index does).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Terms { get; }

    /// <summary>How many distinct words the search holds: its free words, and the words of its distinct phrases.</summary>
    public int WordCount { get; }

    /// <summary>Whether there is nothing to search for (no word at all).</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Why the search cannot be run (too many words), in the user's words; null where it can.</summary>
    public string? Problem => WordCount > MaxWords
        ? string.Create(CultureInfo.InvariantCulture, $"the search has {WordCount} different words; at most {MaxWords} are searched for (a repeated word counts once, a phrase counts its words): leave some out")
        : null;

    /// <summary>The terms as a query again: free words, and phrases in double quotes, repeats left out.</summary>
    public override string ToString() =>
        string.Join(' ', Terms.Select(t => t.Count == 1 ? t[0] : "\"" + string.Join(' ', t) + "\""));

    /// <summary>Reads <paramref name="query"/> (never fails: anything typed is a query, perhaps an empty one).</summary>
    public static SearchTerms Read(string? query)
    {
        var terms = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var freeWords = new HashSet<string>(StringComparer.Ordinal);
        int phraseWords = 0;
        string[] pieces = (query ?? string.Empty).Split('"');
        for (int i = 0; i < pieces.Length; i++)
        {
            string[] words = Words(pieces[i]);
            if (i % 2 == 1)
            {
                // A phrase: the words inside a pair of quotes, in order; one word alone is a word.
                if (words.Length > 0 && seen.Add(Key(words)))
                {
                    terms.Add(words);
                    if (words.Length == 1)
                    {
                        freeWords.Add(Key(words));
                    }
                    else
                    {
                        phraseWords += words.Length;
                    }
                }
            }
            else
            {
                foreach (string word in words)
                {
                    if (seen.Add(Key([word])))
                    {
                        terms.Add([word]);
                        freeWords.Add(Key([word]));
                    }
                }
            }
        }

        return new SearchTerms(terms, freeWords.Count + phraseWords);
    }

    // Punctuation separates words, as FTS5's unicode61 tokenizer does.
    private static string[] Words(string text) =>
        new string([.. text.Select(c => char.IsLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Key(string[] words) => string.Join(' ', words).ToLowerInvariant();
}
