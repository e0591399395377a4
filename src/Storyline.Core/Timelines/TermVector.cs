using System.Collections.Frozen;
using Storyline.Text;

namespace Storyline.Timelines;

/// <summary>
/// A sentence as a unit-length TF-IDF vector of its content words (lower-cased letter and digit runs, stopwords and
/// Penn Treebank bracket tokens left out), for centrality and redundancy. Immutable.
/// </summary>
internal sealed class TermVector
{
    private static readonly FrozenSet<string> Brackets = new[] { "lrb", "rrb", "lsb", "rsb", "lcb", "rcb" }.ToFrozenSet(StringComparer.Ordinal);

    private TermVector(Dictionary<string, double> weights) => this.weights = weights;

    private readonly Dictionary<string, double> weights;

    /// <summary>The vector of no words.</summary>
    public static TermVector Empty { get; } = new(new Dictionary<string, double>(StringComparer.Ordinal));

    /// <summary>Term → weight; the squares sum to 1 (or the vector is empty).</summary>
    public IReadOnlyDictionary<string, double> Weights => weights;

    /// <summary>The content words of <paramref name="text"/>, in order, repeats kept.</summary>
    public static List<string> ContentWords(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            string word = text[start..i].ToLowerInvariant();
            if (!Stopwords.Contains(word) && !Brackets.Contains(word) && (word.Length > 1 || char.IsDigit(word[0])))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>The vector of <paramref name="words"/> weighted by <paramref name="idf"/> (a missing word weighs 1).</summary>
    public static TermVector Of(IEnumerable<string> words, IReadOnlyDictionary<string, double> idf)
    {
        var tf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string word in words)
        {
            tf[word] = tf.GetValueOrDefault(word) + 1;
        }

        return Normalised(tf.ToDictionary(p => p.Key, p => (1 + Math.Log(p.Value)) * idf.GetValueOrDefault(p.Key, 1.0), StringComparer.Ordinal));
    }

    /// <summary>The normalised sum of <paramref name="vectors"/>: their centroid's direction.</summary>
    public static TermVector Centroid(IEnumerable<TermVector> vectors)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (TermVector vector in vectors)
        {
            foreach ((string term, double weight) in vector.Weights)
            {
                sum[term] = sum.GetValueOrDefault(term) + weight;
            }
        }

        return Normalised(sum);
    }

    /// <summary>Cosine similarity with another vector (both are unit length).</summary>
    public double Cosine(TermVector other)
    {
        (TermVector small, TermVector large) = Weights.Count <= other.Weights.Count ? (this, other) : (other, this);
        double dot = 0;
        foreach ((string term, double weight) in small.weights)
        {
            if (large.weights.TryGetValue(term, out double w))
            {
                dot += weight * w;
            }
        }

        return dot;
    }

    private static TermVector Normalised(Dictionary<string, double> weights)
    {
        double norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
        {
            foreach (string term in weights.Keys.ToList())
            {
                weights[term] /= norm;
            }
        }

        return new TermVector(weights);
    }
}
