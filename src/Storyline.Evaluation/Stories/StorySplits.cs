using System.Globalization;

namespace Storyline.Evaluation.Stories;

/// <summary>Which part of a benchmark a run uses.</summary>
public enum StoryHalf
{
    /// <summary>Every report.</summary>
    All,

    /// <summary>The half the merge model may be fitted on.</summary>
    Train,

    /// <summary>The other half: never seen by the fit or by any choice of setting.</summary>
    Test,
}

/// <summary>
/// Fixed halves of the story benchmarks, by gold story, so that a story is wholly in one half: Giveme5W1H by event number
/// (odd: train), ECB+ by topic number (odd: train; both events of a topic go together, so the look-alike pairs stay
/// together), Timeline17 by topic (all test: it is never trained on), Crisis (all train: the timeline stage scores it,
/// the story stage only trains on it). Each half keeps the stream order.
/// </summary>
public static class StorySplits
{
    /// <summary>The reports of <paramref name="stream"/> in <paramref name="half"/>.</summary>
    public static StoryBenchmarkStream Take(StoryBenchmarkStream stream, StoryHalf half)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return half == StoryHalf.All ? stream : stream with { Items = [.. stream.Items.Where(i => HalfOf(stream.Layout, i.Gold) == half)] };
    }

    /// <summary>The half gold story <paramref name="gold"/> of a benchmark of <paramref name="layout"/> is in.</summary>
    public static StoryHalf HalfOf(StoryBenchmarkLayout layout, string gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (layout == StoryBenchmarkLayout.Crisis)
        {
            return StoryHalf.Train;
        }

        string number = layout switch
        {
            StoryBenchmarkLayout.Giveme5W1H => gold,
            StoryBenchmarkLayout.EcbPlus => new string([.. gold.TakeWhile(char.IsAsciiDigit)]),
            _ => string.Empty,
        };
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n % 2 == 1 ? StoryHalf.Train : StoryHalf.Test;
    }
}
