using Storyline.Domain;

namespace Storyline.Evaluation.Quotes;

/// <summary>Precision, recall and F1 from counts.</summary>
/// <param name="Correct">Matched predictions.</param>
/// <param name="Predicted">All predictions.</param>
/// <param name="Gold">All gold items.</param>
public readonly record struct Prf(int Correct, int Predicted, int Gold)
{
    /// <summary>Correct over predicted; 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct over gold; 0 when there is no gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts added.</summary>
    public static Prf operator +(Prf a, Prf b) => new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>The attribution scores of one slice (direct quotes, or all attributions).</summary>
/// <param name="ContentExact">Content spans equal (white space and a final period at the edges ignored).</param>
/// <param name="ContentOverlap">Content spans sharing at least one character.</param>
/// <param name="Source">Sources: a prediction whose content overlaps a gold content, with source spans that overlap.</param>
/// <param name="SourceExact">As <paramref name="Source"/>, with source spans equal.</param>
public readonly record struct AttributionScores(Prf ContentExact, Prf ContentOverlap, Prf Source, Prf SourceExact)
{
    /// <summary>Counts added.</summary>
    public static AttributionScores operator +(AttributionScores a, AttributionScores b) =>
        new(a.ContentExact + b.ContentExact, a.ContentOverlap + b.ContentOverlap, a.Source + b.Source, a.SourceExact + b.SourceExact);

    /// <summary>
    /// Scores one document. Matching is one to one: each gold attribution is matched to at most one prediction, greedily
    /// by the largest content overlap (for exact, only equal spans match). Source counts take only attributions that
    /// have a source, on both sides.
    /// </summary>
    public static AttributionScores Score(string text, IReadOnlyList<BratAttribution> gold, IReadOnlyList<BratAttribution> predicted)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var goldContent = gold.Where(g => g.Content is not null).ToList();
        var predContent = predicted.Where(p => p.Content is not null).ToList();
        int exact = Match(goldContent, predContent, (g, p) => Trim(text, g.Content!.Value) == Trim(text, p.Content!.Value) ? 1 : 0).Count;
        var overlapPairs = Match(goldContent, predContent, (g, p) => Overlap(g.Content!.Value, p.Content!.Value));
        int sourceOk = overlapPairs.Count(m => m.Gold.Source is TextSpan gs && m.Predicted.Source is TextSpan ps && gs.Overlaps(ps));
        int sourceExact = overlapPairs.Count(m => m.Gold.Source is TextSpan gs && m.Predicted.Source is TextSpan ps && Trim(text, gs) == Trim(text, ps));
        int goldSources = goldContent.Count(g => g.Source is not null);
        int predSources = predContent.Count(p => p.Source is not null);
        return new AttributionScores(
            new Prf(exact, predContent.Count, goldContent.Count),
            new Prf(overlapPairs.Count, predContent.Count, goldContent.Count),
            new Prf(sourceOk, predSources, goldSources),
            new Prf(sourceExact, predSources, goldSources));
    }

    /// <summary>
    /// The gold attributions no prediction overlaps and the predictions that overlap no gold attribution, under the
    /// one-to-one matching of <see cref="Score"/> (content overlap).
    /// </summary>
    public static (IReadOnlyList<BratAttribution> Missed, IReadOnlyList<BratAttribution> False) Unmatched(
        IReadOnlyList<BratAttribution> gold, IReadOnlyList<BratAttribution> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var goldContent = gold.Where(g => g.Content is not null).ToList();
        var predContent = predicted.Where(p => p.Content is not null).ToList();
        var pairs = Match(goldContent, predContent, (g, p) => Overlap(g.Content!.Value, p.Content!.Value));
        var matchedGold = pairs.Select(p => p.Gold).ToHashSet(ReferenceEqualityComparer.Instance);
        var matchedPredicted = pairs.Select(p => p.Predicted).ToHashSet(ReferenceEqualityComparer.Instance);
        return ([.. goldContent.Where(g => !matchedGold.Contains(g))], [.. predContent.Where(p => !matchedPredicted.Contains(p))]);
    }

    private static int Overlap(TextSpan a, TextSpan b) => Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));

    // Edges that annotators treat differently: white space, and closing punctuation outside the words.
    private static TextSpan Trim(string text, TextSpan span)
    {
        int start = span.Start, end = Math.Min(span.End, text.Length);
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ','))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    private static List<(BratAttribution Gold, BratAttribution Predicted)> Match(
        List<BratAttribution> gold, List<BratAttribution> predicted, Func<BratAttribution, BratAttribution, int> weight)
    {
        var candidates = new List<(int G, int P, int W)>();
        for (int g = 0; g < gold.Count; g++)
        {
            for (int p = 0; p < predicted.Count; p++)
            {
                int w = weight(gold[g], predicted[p]);
                if (w > 0)
                {
                    candidates.Add((g, p, w));
                }
            }
        }

        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        var pairs = new List<(BratAttribution, BratAttribution)>();
        foreach ((int g, int p, int _) in candidates.OrderByDescending(c => c.W).ThenBy(c => c.G).ThenBy(c => c.P))
        {
            if (usedGold.Add(g))
            {
                if (usedPredicted.Add(p))
                {
                    pairs.Add((gold[g], predicted[p]));
                }
                else
                {
                    usedGold.Remove(g);
                }
            }
        }

        return pairs;
    }
}
