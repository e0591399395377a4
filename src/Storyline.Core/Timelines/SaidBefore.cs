using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>
/// The sentences of a story's earlier reports, indexed so that "did any of them say this already?" costs time that does
/// not grow with their number: a sentence is compared (TF-IDF cosine over content words, IDF over the old and the new
/// reports) only with the old sentences that share one of its rarest words, at most <see cref="PostingsRead"/> for each
/// such word. A copy of an old sentence shares all its words, the rarest included.
/// </summary>
internal sealed class SaidBefore
{
    private const int RareWords = 3;
    private const int PostingsRead = 256;
    private const double AlreadySaid = 0.5;

    private readonly Dictionary<string, double> idf;
    private readonly List<TermVector> vectors = [];
    private readonly Dictionary<string, List<int>> postings = new(StringComparer.Ordinal);

    /// <summary>Indexes the sentences of <paramref name="old"/>, weighting words over old and new sentences alike.</summary>
    public SaidBefore(IReadOnlyList<AnalyzedArticle> old, IReadOnlyList<AnalyzedArticle> fresh)
    {
        var oldWords = new List<List<string>>();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int sentences = 0;
        foreach ((AnalyzedArticle report, bool isOld) in old.Select(r => (r, true)).Concat(fresh.Select(r => (r, false))))
        {
            foreach (Sentence sentence in report.Sentences)
            {
                List<string> words = TermVector.ContentWords(report.SentenceText(sentence));
                if (words.Count == 0)
                {
                    continue;
                }

                sentences++;
                foreach (string word in words.Distinct(StringComparer.Ordinal))
                {
                    df[word] = df.GetValueOrDefault(word) + 1;
                }

                if (isOld)
                {
                    oldWords.Add(words);
                }
            }
        }

        idf = df.ToDictionary(p => p.Key, p => Math.Log((sentences + 1.0) / (p.Value + 1)) + 1, StringComparer.Ordinal);
        foreach (List<string> words in oldWords)
        {
            int id = vectors.Count;
            vectors.Add(TermVector.Of(words, idf));
            foreach (string word in words.Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(word, out List<int>? list))
                {
                    postings[word] = list = [];
                }

                list.Add(id);
            }
        }
    }

    /// <summary>Whether an old sentence says about what <paramref name="sentence"/> says.</summary>
    public bool Contains(string sentence)
    {
        List<string> words = TermVector.ContentWords(sentence);
        if (words.Count == 0 || vectors.Count == 0)
        {
            return false;
        }

        TermVector vector = TermVector.Of(words, idf);
        var seen = new HashSet<int>();
        foreach (string word in words.Distinct(StringComparer.Ordinal).OrderByDescending(w => idf.GetValueOrDefault(w, 1.0)).ThenBy(w => w, StringComparer.Ordinal).Take(RareWords))
        {
            if (!postings.TryGetValue(word, out List<int>? list))
            {
                continue;
            }

            // The latest old sentences with the word: the most likely to be repeated.
            for (int i = list.Count - 1; i >= 0 && i >= list.Count - PostingsRead; i--)
            {
                if (seen.Add(list[i]) && vectors[list[i]].Cosine(vector) >= AlreadySaid)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
