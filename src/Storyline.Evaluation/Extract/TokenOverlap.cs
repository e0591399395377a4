using Storyline.Sources.Html;

namespace Storyline.Evaluation.Extract;

/// <summary>
/// Token-level agreement of an extracted body with the gold text: both are bags of lower-cased word tokens (runs
/// of letters and digits); the overlap of a word is the smaller of its two counts.
/// </summary>
/// <param name="Predicted">Tokens in the extracted text.</param>
/// <param name="Gold">Tokens in the gold text.</param>
/// <param name="Overlap">Tokens in both, counted with multiplicity.</param>
public readonly record struct TokenOverlap(int Predicted, int Gold, int Overlap)
{
    /// <summary>Share of extracted tokens that are gold; 1 when nothing was extracted and nothing was wanted, else 0 for an empty extraction.</summary>
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Overlap / Predicted;

    /// <summary>Share of gold tokens extracted; 1 when the gold is empty.</summary>
    public double Recall => Gold == 0 ? 1 : (double)Overlap / Gold;

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    public static TokenOverlap Of(string predicted, string gold)
    {
        Dictionary<string, int> p = Bag(predicted);
        Dictionary<string, int> g = Bag(gold);
        int overlap = 0;
        foreach ((string word, int count) in p)
        {
            if (g.TryGetValue(word, out int goldCount))
            {
                overlap += Math.Min(count, goldCount);
            }
        }

        return new TokenOverlap(p.Values.Sum(), g.Values.Sum(), overlap);
    }

    /// <summary>The lower-cased word tokens of <paramref name="text"/> with their counts (see <see cref="WordBag"/>).</summary>
    public static Dictionary<string, int> Bag(string text) => WordBag.Of(text);

    /// <summary>Micro totals: the counts of several pages added up.</summary>
    public static TokenOverlap operator +(TokenOverlap a, TokenOverlap b) =>
        new(a.Predicted + b.Predicted, a.Gold + b.Gold, a.Overlap + b.Overlap);
}
