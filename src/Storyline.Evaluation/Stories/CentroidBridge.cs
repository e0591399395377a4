using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>Where a centroid clusterer's idf comes from.</summary>
public enum BridgeIdf
{
    /// <summary>Over the whole stream, known before the first report (the naive baseline's: not online).</summary>
    Whole,

    /// <summary>Over the reports so far, fixed into a report's weights when it joins (online).</summary>
    SoFarFixed,

    /// <summary>Over the reports so far, applied to the stored term sums when compared (online; the clusterer's way).</summary>
    SoFarNow,

    /// <summary>From a fixed table of document frequencies counted on other, unlabelled news (<see cref="CentroidVariant.Table"/>; online).</summary>
    Table,
}

/// <summary>
/// One step of the bridge between the naive baseline's similarity and the clusterer's body words (docs/QUALITY.md,
/// "Eighth session"): where idf comes from, raw or log counts, whether each report is made unit length before it is
/// summed into its cluster, and whether only the cluster's heaviest terms (by summed weight) are compared.
/// </summary>
/// <param name="Name">How the step is printed.</param>
/// <param name="Idf">Where idf comes from.</param>
/// <param name="LogCounts">1 + ln(count) instead of the count.</param>
/// <param name="Unit">Each report made unit length before it is summed (the baseline's centroid of unit vectors).</param>
/// <param name="TopTerms">Compare only the cluster's this many heaviest terms (0: all).</param>
public sealed record CentroidVariant(string Name, BridgeIdf Idf, bool LogCounts, bool Unit, int TopTerms)
{
    /// <summary>The document frequencies of <see cref="BridgeIdf.Table"/>.</summary>
    public WordIdf? Table { get; init; }

    /// <summary>The steps with idf from <paramref name="table"/>: the baseline's similarity and the body words' cosine.</summary>
    public static IReadOnlyList<CentroidVariant> TableSteps(WordIdf table) =>
    [
        new("idf from unlabelled news, otherwise the baseline", BridgeIdf.Table, false, true, 0) { Table = table },
        new("the body words' cosine with idf from unlabelled news", BridgeIdf.Table, true, false, 200) { Table = table },
    ];

    /// <summary>The naive baseline's similarity (<see cref="TfidfBaseline"/>).</summary>
    public static CentroidVariant Baseline { get; } = new("baseline (idf whole stream, counts, unit centroid, every term)", BridgeIdf.Whole, false, true, 0);

    /// <summary>The steps from the baseline toward the clusterer's body words, one change at a time.</summary>
    public static IReadOnlyList<CentroidVariant> Steps { get; } =
    [
        Baseline,
        new("idf so far, fixed when summed", BridgeIdf.SoFarFixed, false, true, 0),
        new("idf so far, applied when compared", BridgeIdf.SoFarNow, false, true, 0),
        new("+ log counts", BridgeIdf.SoFarNow, true, true, 0),
        new("+ reports summed as they are (not unit)", BridgeIdf.SoFarNow, true, false, 0),
        new("+ the cluster's 200 heaviest terms (the body words' cosine)", BridgeIdf.SoFarNow, true, false, 200),
        new("the body words' cosine with idf over the whole stream instead", BridgeIdf.Whole, true, false, 200),
        new("counts, unit centroid, 200 heaviest terms", BridgeIdf.SoFarNow, false, true, 200),
    ];
}

/// <summary>
/// A single-pass centroid clusterer whose similarity is a <see cref="CentroidVariant"/>: each report joins the most
/// similar cluster so far when the cosine reaches the threshold, and otherwise starts one; no window, no candidates, no
/// copies, no merges. With <see cref="CentroidVariant.Baseline"/> it is the naive baseline, figure for figure.
/// </summary>
public static class CentroidBridge
{
    /// <summary>Clusters <paramref name="stream"/> with <paramref name="variant"/> at <paramref name="threshold"/> and scores it.</summary>
    public static StoryRun Run(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, double threshold, CentroidVariant variant)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(variant);
        List<Dictionary<string, double>?> counts = Counts(features, variant.LogCounts);

        // A fixed idf (the whole stream's, counted before the first report, or a table's), or one counted as reports come.
        WordIdf? fixedIdf = variant.Idf == BridgeIdf.Whole ? WordIdf.Count(features) : variant.Table;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int documents = 0;
        var clusters = new List<Dictionary<string, double>>();
        var norms = new List<double>();
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal);
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        int failed = 0;
        for (int i = 0; i < stream.Items.Count; i++)
        {
            if (counts[i] is not Dictionary<string, double> tf)
            {
                failed++;
                continue;
            }

            if (variant.Idf is BridgeIdf.SoFarFixed or BridgeIdf.SoFarNow)
            {
                documents++;
                foreach (string term in tf.Keys)
                {
                    df[term] = df.GetValueOrDefault(term) + 1;
                }
            }

            double Idf(string term) => fixedIdf is { } table
                ? table.Idf(term)
                : Math.Log((1.0 + documents) / (1.0 + df[term])) + 1;
            var vector = new Dictionary<string, double>(tf.Count, StringComparer.Ordinal);
            foreach ((string term, double count) in tf)
            {
                vector[term] = count * Idf(term);
            }

            double norm = Math.Sqrt(vector.Values.Sum(v => v * v));
            if (variant.Unit)
            {
                foreach (string term in tf.Keys)
                {
                    vector[term] /= norm;
                }
            }

            // The report's length once made unit (1, by construction), or as it is.
            double length = variant.Unit ? 1 : norm;
            int best = -1;
            double bestCosine = double.NegativeInfinity;
            for (int c = 0; c < clusters.Count; c++)
            {
                double cosine = norms[c] == 0 ? 0
                    : variant.Idf == BridgeIdf.SoFarNow || variant.TopTerms > 0 ? CosineNow(vector, length, clusters[c], variant, Idf)
                    : Dot(vector, clusters[c]) / length / Math.Sqrt(norms[c]);
                if (cosine > bestCosine)
                {
                    (best, bestCosine) = (c, cosine);
                }
            }

            if (best < 0 || bestCosine < threshold)
            {
                clusters.Add(new Dictionary<string, double>(StringComparer.Ordinal));
                norms.Add(0);
                best = clusters.Count - 1;
            }

            // What is summed: the weights as fixed now, or (idf applied when compared) the counts, scaled as the weights were.
            Dictionary<string, double> cluster = clusters[best];
            foreach ((string term, double weight) in vector)
            {
                double value = variant.Idf != BridgeIdf.SoFarNow ? weight : variant.Unit ? tf[term] / norm : tf[term];
                cluster[term] = cluster.GetValueOrDefault(term) + value;
            }

            norms[best] = cluster.Values.Sum(v => v * v);
            predicted[stream.Items[i].Id] = best + 1;
            gold[stream.Items[i].Id] = stream.Items[i].Gold;
        }

        return new StoryRun(predicted, gold, ClusteringScores.BCubed(gold, predicted), ClusteringScores.Pairwise(gold, predicted), 0, 0, failed);
    }

    /// <summary>The threshold of <see cref="TfidfBaseline.Grid"/> with the best mean BCubed F1 over <paramref name="sets"/> (the lowest of equals).</summary>
    public static double Choose(IReadOnlyList<(StoryBenchmarkStream Stream, IReadOnlyList<StoryFeatures?> Features)> sets, CentroidVariant variant)
    {
        ArgumentNullException.ThrowIfNull(sets);
        double best = TfidfBaseline.Grid[0], bestF1 = double.NegativeInfinity;
        foreach (double threshold in TfidfBaseline.Grid)
        {
            double f1 = sets.Average(s => Run(s.Stream, s.Features, threshold, variant).BCubed.F1);
            if (f1 > bestF1 + 1e-12)
            {
                (best, bestF1) = (threshold, f1);
            }
        }

        return best;
    }

    /// <summary>
    /// The bridge on <paramref name="sets"/> (training data only): each step of <see cref="CentroidVariant.Steps"/>, then
    /// the clusterer itself one change at a time back from the shipped model (<paramref name="shipped"/>): without its
    /// story merges, without near-copies, and its body-word cosine alone at a threshold (a model of bias −t and body
    /// weight 1). Every row's threshold is chosen as the baseline's is, on the mean over the sets; one row per step.
    /// </summary>
    public static IReadOnlyList<BridgeRow> Table(IReadOnlyList<AnalysedStream> sets, ClusteringOptions shipped, Action<string>? progress = null, IReadOnlyList<CentroidVariant>? steps = null, bool clusterer = true)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(shipped);
        var rows = new List<BridgeRow>();
        foreach (CentroidVariant variant in steps ?? CentroidVariant.Steps)
        {
            double threshold = Choose([.. sets.Select(s => (s.Stream, s.Features))], variant);
            rows.Add(new BridgeRow(variant.Name, threshold, [.. sets.Select(s => Run(s.Stream, s.Features, threshold, variant))]));
            progress?.Invoke(rows[^1].ToString());
        }

        void Clusterer(string name, ClusteringOptions options, double? threshold)
        {
            rows.Add(new BridgeRow(name, threshold, [.. sets.Select(s => s.Cluster(options))]));
            progress?.Invoke(rows[^1].ToString());
        }

        if (!clusterer)
        {
            return rows;
        }

        Clusterer("the clusterer as shipped", shipped, null);
        ClusteringOptions noMerges = shipped with { MergeScore = double.PositiveInfinity };
        Clusterer("  without story merges", noMerges, null);
        ClusteringOptions noCopies = noMerges with { CopyThreshold = double.PositiveInfinity };
        Clusterer("  and without near-copies", noCopies, null);
        ClusteringOptions Cut(double t) => noCopies with { Model = new MergeModel(-t, 1, 0, 0, 0, 0, shipped.Model.DecayDays) };
        double cut = TfidfBaseline.Grid.OrderByDescending(t => Math.Round(sets.Average(s => s.Cluster(Cut(t)).BCubed.F1), 9)).ThenBy(t => t).First();
        Clusterer("  its body-word cosine alone at a threshold", Cut(cut), cut);
        return rows;
    }

    private static double Dot(Dictionary<string, double> vector, Dictionary<string, double> cluster)
    {
        double dot = 0;
        foreach ((string term, double weight) in vector)
        {
            dot += cluster.TryGetValue(term, out double sum) ? weight * sum : 0;
        }

        return dot;
    }

    // The cosine with the cluster's (heaviest) terms, the cluster's sums weighted now: times idf when the sums are counts.
    private static double CosineNow(Dictionary<string, double> vector, double length, Dictionary<string, double> cluster, CentroidVariant variant, Func<string, double> idf)
    {
        IEnumerable<KeyValuePair<string, double>> terms = variant.TopTerms > 0
            ? cluster.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(variant.TopTerms)
            : cluster;
        double dot = 0, clusterNorm = 0;
        foreach ((string term, double sum) in terms)
        {
            double weight = variant.Idf == BridgeIdf.SoFarNow ? sum * idf(term) : sum;
            clusterNorm += weight * weight;
            dot += vector.TryGetValue(term, out double w) ? w * weight : 0;
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(clusterNorm) / length;
    }

    // Each report's words (names left out, as the baseline leaves them) with their counts or log counts.
    private static List<Dictionary<string, double>?> Counts(IReadOnlyList<StoryFeatures?> features, bool log)
    {
        var all = new List<Dictionary<string, double>?>(features.Count);
        foreach (StoryFeatures? report in features)
        {
            Dictionary<string, double>? terms = null;
            foreach (TermCount term in report?.Terms ?? [])
            {
                if (!term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
                {
                    terms ??= new Dictionary<string, double>(StringComparer.Ordinal);
                    terms[term.Term] = log ? 1 + Math.Log(term.Count) : term.Count;
                }
            }

            all.Add(terms);
        }

        return all;
    }
}

/// <summary>One row of the bridge: a similarity, the threshold chosen for it (null: the model's own decision), and its run on each set.</summary>
/// <param name="Name">The step.</param>
/// <param name="Threshold">The threshold chosen on the sets' mean BCubed F1.</param>
/// <param name="Runs">Its run on each set.</param>
public sealed record BridgeRow(string Name, double? Threshold, IReadOnlyList<StoryRun> Runs)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Name}{(Threshold is double t ? $" at {t:0.00}" : string.Empty)}: {string.Join("; ", Runs.Select(r => $"{r.BCubed.F1:F4} (P {r.BCubed.Precision:F4} / R {r.BCubed.Recall:F4}, {r.Predicted.Values.Distinct().Count()} stories)"))}");
}
