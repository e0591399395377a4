using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>
/// The seeded halves the evidence selection scores on, so that a piece of evidence is added only when it gains more
/// than the spread of its gain between splits (see <see cref="EvidenceGain"/> and docs/QUALITY.md). Split 2s + h is
/// half h (0 or 1) of seed s: each held-out stream's gold stories (ECB+ by topic, so that a topic's look-alike events
/// stay together; Crisis, four topics, by topic and month) and the held-out pairs are cut in two by a hash of the seed and the story (or the pair's place in the
/// list). A stream's split score is the BCubed F1 of its held-out clustering restricted to the split's stories; the
/// pairs' is their ROC AUC on the split's pairs; a split's score is the mean over the sources. Deterministic: the hash
/// is FNV-1a over the seed and the text's characters, not the runtime's randomised string hash.
/// </summary>
public static class SelectionSplits
{
    /// <summary>The seeds: each gives two complementary halves.</summary>
    public const int Seeds = 10;

    /// <summary>Number of splits (two halves per seed).</summary>
    public const int Count = 2 * Seeds;

    /// <summary>The half (0 or 1) of seed <paramref name="seed"/> that <paramref name="unit"/> falls in.</summary>
    public static int HalfOf(int seed, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ulong hash = TextHash.Fnv($"{seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{unit}");

        // A final mix, so that the top bit depends on every character.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (int)(hash >> 63);
    }

    /// <summary>
    /// What is cut into halves for report <paramref name="id"/> of gold story <paramref name="gold"/> of a stream of
    /// <paramref name="layout"/>: the story; for ECB+ its topic; for Crisis, whose four stories would make halves of
    /// zero to four stories, the story's month (the report's id is <c>topic/YYYY-MM-DD</c>).
    /// </summary>
    public static string UnitOf(StoryBenchmarkLayout layout, string id, string gold)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(gold);
        return layout switch
        {
            StoryBenchmarkLayout.EcbPlus => new string([.. gold.TakeWhile(char.IsAsciiDigit)]),
            StoryBenchmarkLayout.Crisis => id.Length >= 3 && id[^3] == '-' ? gold + "/" + id[(id.LastIndexOf('/') + 1)..^3] : gold,
            _ => gold,
        };
    }

    /// <summary>The BCubed F1 of <paramref name="run"/> on each split (its items whose unit is in the split's half).</summary>
    public static double[] StreamScores(StoryRun run, StoryBenchmarkLayout layout)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scores = new double[Count];
        for (int split = 0; split < Count; split++)
        {
            int seed = split / 2, half = split % 2;
            var gold = run.Gold.Where(g => HalfOf(seed, UnitOf(layout, g.Key, g.Value)) == half).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
            scores[split] = ClusteringScores.BCubed(gold, run.Predicted).F1;
        }

        return scores;
    }

    /// <summary>The ROC AUC of <paramref name="model"/> on each split of <paramref name="examples"/> (cut by their places in the list).</summary>
    public static double[] PairScores(IReadOnlyList<PairExample> examples, MergeModel model)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var scores = new double[Count];
        for (int split = 0; split < Count; split++)
        {
            int seed = split / 2, half = split % 2;
            scores[split] = PairFit.Quality([.. examples.Where((_, i) => HalfOf(seed, $"pair {i}") == half)], model).Auc;
        }

        return scores;
    }
}

/// <summary>
/// What adding a piece of evidence gains, split by split (<see cref="SelectionSplits"/>): the mean of the paired
/// differences of the split scores, and their standard deviation (the spread between splits).
/// </summary>
/// <param name="Mean">The mean gain over the splits.</param>
/// <param name="Spread">The standard deviation of the gain over the splits.</param>
public sealed record EvidenceGain(double Mean, double Spread)
{
    /// <summary>The gain less its spread: what ranks the candidates that pass.</summary>
    public double Lower => Mean - Spread;

    /// <summary>The gain of <paramref name="with"/> over <paramref name="without"/>, split by split.</summary>
    public static EvidenceGain Of(IReadOnlyList<double> without, IReadOnlyList<double> with)
    {
        ArgumentNullException.ThrowIfNull(without);
        ArgumentNullException.ThrowIfNull(with);
        if (without.Count != with.Count || without.Count < 2)
        {
            throw new ArgumentException("the gain needs the same splits, at least two, on both sides", nameof(with));
        }

        double[] gains = [.. with.Select((w, i) => w - without[i])];
        double mean = gains.Average();
        double variance = gains.Sum(g => (g - mean) * (g - mean)) / (gains.Length - 1);
        return new EvidenceGain(mean, Math.Sqrt(variance));
    }

    /// <summary>
    /// The rule: evidence is added only when its mean gain is at least <paramref name="minGain"/> and at least the
    /// spread of its gain between splits.
    /// </summary>
    public bool Passes(double minGain) => Mean >= minGain && Mean >= Spread;

    /// <summary>
    /// Which of <paramref name="candidates"/> (in the order they were tried) the selection adds: of those that pass,
    /// the one with the highest gain less spread, the first among equals; <see langword="null"/> when none passes.
    /// </summary>
    public static string? Choose(IEnumerable<(string Name, EvidenceGain Gain)> candidates, double minGain)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        (string Name, EvidenceGain Gain)? best = null;
        foreach ((string name, EvidenceGain gain) in candidates)
        {
            if (gain.Passes(minGain) && (best is null || gain.Lower > best.Value.Gain.Lower))
            {
                best = (name, gain);
            }
        }

        return best?.Name;
    }
}
