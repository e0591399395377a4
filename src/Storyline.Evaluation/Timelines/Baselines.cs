using Storyline.Timelines;

namespace Storyline.Evaluation.Timelines;

/// <summary>
/// The days with the most reports published on them first (news-tls's PubCount date ranking; ties go to the earlier
/// day): the baseline every date selection has to beat.
/// </summary>
public sealed class MostReportsRanker : IDateRanker
{
    /// <summary>The one instance.</summary>
    public static MostReportsRanker Instance { get; } = new();

    private MostReportsRanker()
    {
    }

    /// <inheritdoc/>
    public double[] Score(IReadOnlyList<DayEvidence> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.Select(d => (double)d.Published)];
    }
}

/// <summary>Days in a random order, the same for the same seed: the floor of date selection.</summary>
/// <param name="seed">The seed of the draw.</param>
public sealed class RandomDayRanker(int seed) : IDateRanker
{
    /// <inheritdoc/>
    public double[] Score(IReadOnlyList<DayEvidence> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var random = new Random(seed);
        return [.. days.Select(_ => random.NextDouble())];
    }

    /// <summary>A seed that depends only on the text (not on the process, as string hashes do).</summary>
    public static int SeedOf(string text, int draw)
    {
        ArgumentNullException.ThrowIfNull(text);
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)((hash ^ (uint)draw) & 0x7FFFFFFF);
    }
}
