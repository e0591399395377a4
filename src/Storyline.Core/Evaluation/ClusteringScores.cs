namespace Storyline.Evaluation;

/// <summary>Precision, recall and F1 of a clustering against a gold one.</summary>
/// <param name="Precision">Precision in [0, 1].</param>
/// <param name="Recall">Recall in [0, 1].</param>
public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    /// <summary>Harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Clustering metrics over items labelled with a gold and a predicted cluster.</summary>
public static class ClusteringScores
{
    /// <summary>
    /// BCubed precision and recall (Bagga and Baldwin 1998; Amigó et al. 2009): for each item, the share of the items
    /// in its predicted cluster that share its gold cluster (precision) and the share of its gold cluster that share its
    /// predicted cluster (recall), averaged over items. Items are those present in both maps.
    /// </summary>
    public static PrecisionRecall BCubed<TItem, TGold, TPredicted>(
        IReadOnlyDictionary<TItem, TGold> gold,
        IReadOnlyDictionary<TItem, TPredicted> predicted)
        where TItem : notnull
        where TGold : notnull
        where TPredicted : notnull
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var items = gold.Keys.Where(predicted.ContainsKey).ToList();
        if (items.Count == 0)
        {
            return new PrecisionRecall(0, 0);
        }

        // Count (gold, predicted) pairs once, so that the cost is linear in the items, not quadratic.
        var both = new Dictionary<(TGold, TPredicted), int>();
        var goldSize = new Dictionary<TGold, int>();
        var predictedSize = new Dictionary<TPredicted, int>();
        foreach (TItem item in items)
        {
            var key = (gold[item], predicted[item]);
            both[key] = both.GetValueOrDefault(key) + 1;
            goldSize[key.Item1] = goldSize.GetValueOrDefault(key.Item1) + 1;
            predictedSize[key.Item2] = predictedSize.GetValueOrDefault(key.Item2) + 1;
        }

        double precision = 0;
        double recall = 0;
        foreach (((TGold g, TPredicted p), int shared) in both)
        {
            // Each of the `shared` items in this cell has `shared` same-cell partners.
            precision += (double)shared * shared / predictedSize[p];
            recall += (double)shared * shared / goldSize[g];
        }

        return new PrecisionRecall(precision / items.Count, recall / items.Count);
    }

    /// <summary>Pairwise precision and recall: over all pairs of items, whether they are put together.</summary>
    public static PrecisionRecall Pairwise<TItem, TGold, TPredicted>(
        IReadOnlyDictionary<TItem, TGold> gold,
        IReadOnlyDictionary<TItem, TPredicted> predicted)
        where TItem : notnull
        where TGold : notnull
        where TPredicted : notnull
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var items = gold.Keys.Where(predicted.ContainsKey).ToList();
        static double Pairs(long n) => n * (n - 1) / 2.0;
        double sharedPairs = items.GroupBy(i => (gold[i], predicted[i])).Sum(g => Pairs(g.Count()));
        double predictedPairs = items.GroupBy(i => predicted[i]).Sum(g => Pairs(g.Count()));
        double goldPairs = items.GroupBy(i => gold[i]).Sum(g => Pairs(g.Count()));
        return new PrecisionRecall(
            predictedPairs == 0 ? 1 : sharedPairs / predictedPairs,
            goldPairs == 0 ? 1 : sharedPairs / goldPairs);
    }
}
