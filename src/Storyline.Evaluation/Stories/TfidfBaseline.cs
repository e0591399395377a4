using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>
/// The naive single-pass clusterer every story figure is compared with: each report is a TF-IDF vector of its words
/// (raw counts, smoothed idf ln((1 + N) / (1 + df)) + 1 over the whole stream, unit length), compared by cosine with the
/// centroid (sum of unit vectors) of every cluster so far; it joins the most similar when that cosine reaches the
/// threshold, and otherwise starts a cluster. No entities, no time, no window, no copies, no merges.
/// </summary>
public static class TfidfBaseline
{
    /// <summary>
    /// The threshold chosen by <c>storyline train stories</c>: the best mean BCubed F1 over the training halves of
    /// Giveme5W1H and ECB+ (a grid of 0.02), as it chose the merge model's settings; see docs/QUALITY.md.
    /// </summary>
    public const double Threshold = 0.22;

    /// <summary>The thresholds tried when one is chosen.</summary>
    public static IReadOnlyList<double> Grid { get; } = [.. Enumerable.Range(2, 34).Select(i => i * 0.02)];

    /// <summary>Clusters <paramref name="stream"/> at <paramref name="threshold"/> and scores it.</summary>
    public static StoryRun Run(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, double threshold)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        List<Dictionary<string, double>?> vectors = Vectors(features);
        var centroids = new List<Dictionary<string, double>>();
        var centroidNorms = new List<double>();
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal);
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        int failed = 0;
        for (int i = 0; i < stream.Items.Count; i++)
        {
            if (vectors[i] is not Dictionary<string, double> vector)
            {
                failed++;
                continue;
            }

            int best = -1;
            double bestCosine = double.NegativeInfinity;
            for (int c = 0; c < centroids.Count; c++)
            {
                double dot = 0;
                foreach ((string term, double weight) in vector)
                {
                    dot += centroids[c].TryGetValue(term, out double sum) ? weight * sum : 0;
                }

                double cosine = centroidNorms[c] == 0 ? 0 : dot / Math.Sqrt(centroidNorms[c]);
                if (cosine > bestCosine)
                {
                    (best, bestCosine) = (c, cosine);
                }
            }

            if (best < 0 || bestCosine < threshold)
            {
                centroids.Add([]);
                centroidNorms.Add(0);
                best = centroids.Count - 1;
            }

            Dictionary<string, double> centroid = centroids[best];
            foreach ((string term, double weight) in vector)
            {
                centroid[term] = centroid.GetValueOrDefault(term) + weight;
            }

            centroidNorms[best] = centroid.Values.Sum(v => v * v);
            predicted[stream.Items[i].Id] = best + 1;
            gold[stream.Items[i].Id] = stream.Items[i].Gold;
        }

        return new StoryRun(predicted, gold, ClusteringScores.BCubed(gold, predicted), ClusteringScores.Pairwise(gold, predicted), 0, 0, failed);
    }

    /// <summary>The threshold of <see cref="Grid"/> with the best mean BCubed F1 over <paramref name="sets"/> (the lowest of equals).</summary>
    public static double Choose(IReadOnlyList<(StoryBenchmarkStream Stream, IReadOnlyList<StoryFeatures?> Features)> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        double best = Grid[0], bestF1 = double.NegativeInfinity;
        foreach (double threshold in Grid)
        {
            double f1 = sets.Average(s => Run(s.Stream, s.Features, threshold).BCubed.F1);
            if (f1 > bestF1 + 1e-12)
            {
                (best, bestF1) = (threshold, f1);
            }
        }

        return best;
    }

    // Unit TF-IDF vectors of the reports' words, idf over the whole stream.
    private static List<Dictionary<string, double>?> Vectors(IReadOnlyList<StoryFeatures?> features)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int documents = 0;
        foreach (StoryFeatures? report in features)
        {
            if (report is null)
            {
                continue;
            }

            documents++;
            foreach (TermCount term in report.Terms)
            {
                if (!term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
                {
                    df[term.Term] = df.GetValueOrDefault(term.Term) + 1;
                }
            }
        }

        var vectors = new List<Dictionary<string, double>?>(features.Count);
        foreach (StoryFeatures? report in features)
        {
            if (report is null)
            {
                vectors.Add(null);
                continue;
            }

            var vector = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (TermCount term in report.Terms)
            {
                if (!term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
                {
                    vector[term.Term] = term.Count * (Math.Log((1.0 + documents) / (1.0 + df[term.Term])) + 1);
                }
            }

            double norm = Math.Sqrt(vector.Values.Sum(v => v * v));
            foreach (string term in vector.Keys.ToList())
            {
                vector[term] /= norm;
            }

            vectors.Add(vector.Count == 0 ? null : vector);
        }

        return vectors;
    }
}
