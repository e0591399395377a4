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
    public static StoryRun Run(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, double threshold) =>
        CentroidBridge.Run(stream, features, threshold, CentroidVariant.Baseline);

    /// <summary>The threshold of <see cref="Grid"/> with the best mean BCubed F1 over <paramref name="sets"/> (the lowest of equals).</summary>
    public static double Choose(IReadOnlyList<(StoryBenchmarkStream Stream, IReadOnlyList<StoryFeatures?> Features)> sets)
    {
        return CentroidBridge.Choose(sets, CentroidVariant.Baseline);
    }
}
