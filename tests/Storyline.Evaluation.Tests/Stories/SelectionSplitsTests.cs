using Storyline.Evaluation.Stories;

namespace Storyline.Evaluation.Tests.Stories;

public sealed class SelectionSplitsTests
{
    public static TheoryData<double[], double[], bool> Gains => new()
    {
        // A gain of 0.01 on every split: no spread, passes.
        { [0.90, 0.91, 0.92, 0.93], [0.91, 0.92, 0.93, 0.94], true },

        // A mean gain of 0.003 that is +0.03 on one split and -0.006 on the others: the spread (0.018) is larger, fails.
        { [0.90, 0.90, 0.90, 0.90], [0.93, 0.894, 0.894, 0.894], false },

        // A steady gain below the floor of 0.002: fails however small the spread.
        { [0.90, 0.90, 0.90, 0.90], [0.901, 0.901, 0.901, 0.901], false },

        // A loss: fails.
        { [0.90, 0.91, 0.92, 0.93], [0.89, 0.90, 0.91, 0.92], false },
    };

    [Theory]
    [MemberData(nameof(Gains))]
    public void Evidence_passes_only_when_its_gain_exceeds_the_floor_and_its_spread_between_splits(double[] without, double[] with, bool passes)
    {
        EvidenceGain gain = EvidenceGain.Of(without, with);

        Assert.Equal(passes, gain.Passes(0.002));
    }

    [Fact]
    public void The_gain_is_the_mean_paired_difference_and_its_sample_deviation()
    {
        EvidenceGain gain = EvidenceGain.Of([0.5, 0.5, 0.5], [0.51, 0.52, 0.53]);

        Assert.Equal(0.02, gain.Mean, 12);
        Assert.Equal(0.01, gain.Spread, 12);
        Assert.Equal(0.01, gain.Lower, 12);
    }

    public static TheoryData<string, (string Name, double Mean, double Spread)[], string?> Choices => new()
    {
        // what the case shows, the candidates in the order tried (name, mean gain, spread), what is added
        { "none passes: the search stops", [("head", 0.008, 0.021), ("places", 0.0003, 0.007)], null },
        { "a gain below the floor does not pass however steady", [("head", 0.0019, 0.0001)], null },
        { "exactly at its spread and at the floor passes", [("head", 0.002, 0.002)], "head" },
        { "ranked by gain less spread, not by gain", [("head", 0.010, 0.008), ("places", 0.006, 0.001)], "places" },
        { "among equals the first tried wins", [("head", 0.006, 0.002), ("places", 0.006, 0.002)], "head" },
        { "a failing candidate with a higher gain is passed over", [("head", 0.05, 0.06), ("numbers", 0.003, 0.001)], "numbers" },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void The_selection_adds_the_passing_candidate_with_the_highest_gain_less_spread(string why, (string Name, double Mean, double Spread)[] candidates, string? added)
    {
        Assert.True(added == EvidenceGain.Choose(candidates.Select(c => (c.Name, new EvidenceGain(c.Mean, c.Spread))), 0.002), why);
    }

    [Fact]
    public void Gains_need_the_same_splits_on_both_sides()
    {
        Assert.Throws<ArgumentException>(() => EvidenceGain.Of([0.5, 0.5], [0.5, 0.5, 0.5]));
    }

    [Fact]
    public void Each_seed_cuts_the_stories_into_two_halves_that_differ_between_seeds()
    {
        string[] stories = [.. Enumerable.Range(1, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

        int[] first = [.. stories.Select(s => SelectionSplits.HalfOf(0, s))];
        int[] second = [.. stories.Select(s => SelectionSplits.HalfOf(1, s))];

        Assert.InRange(first.Count(h => h == 1), 70, 130);
        Assert.InRange(second.Count(h => h == 1), 70, 130);
        Assert.InRange(first.Zip(second).Count(p => p.First != p.Second), 60, 140);
        Assert.Equal(first, stories.Select(s => SelectionSplits.HalfOf(0, s)));
    }

    [Theory]
    [InlineData(0, "0001000011011110")]
    [InlineData(1, "0101101100101111")]
    [InlineData(7, "0100000000100101")]
    public void The_halves_are_the_same_on_every_machine_and_every_version(int seed, string halvesOfStories1To16)
    {
        // The halves decide which evidence the selection keeps, so the shipped model depends on them: these are pinned
        // (computed once, independently of this code), and a change to the hash must be a deliberate one.
        string halves = string.Concat(Enumerable.Range(1, 16).Select(i => SelectionSplits.HalfOf(seed, i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(halvesOfStories1To16, halves);
    }

    [Theory]
    [InlineData(StoryBenchmarkLayout.EcbPlus, "12_3ecb.xml", "12_3ecb", "12")] // both events of an ECB+ topic go to the same half
    [InlineData(StoryBenchmarkLayout.Giveme5W1H, "a.json", "63", "63")]
    [InlineData(StoryBenchmarkLayout.Crisis, "syria/2012-03-14", "syria", "syria/2012-03")] // four long stories: cut by month
    [InlineData(StoryBenchmarkLayout.Crisis, "syria/2012-03-31", "syria", "syria/2012-03")]
    public void A_story_is_cut_with_its_unit(StoryBenchmarkLayout layout, string id, string gold, string unit)
    {
        Assert.Equal(unit, SelectionSplits.UnitOf(layout, id, gold));
    }

    [Fact]
    public void A_stream_scores_each_half_on_its_own_stories()
    {
        // Stories 1 and 2: story 1's reports are split, story 2's are together. Each split scores only its half's reports.
        var gold = new Dictionary<string, string>(StringComparer.Ordinal) { ["a"] = "1", ["b"] = "1", ["c"] = "2", ["d"] = "2" };
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2, ["c"] = 3, ["d"] = 3 };
        var run = new StoryRun(predicted, gold, ClusteringScores.BCubed(gold, predicted), ClusteringScores.Pairwise(gold, predicted), 0, 0, 0);

        double[] scores = SelectionSplits.StreamScores(run, StoryBenchmarkLayout.Giveme5W1H);

        Assert.Equal(SelectionSplits.Count, scores.Length);
        for (int split = 0; split < scores.Length; split++)
        {
            int seed = split / 2, half = split % 2;
            bool one = SelectionSplits.HalfOf(seed, "1") == half, two = SelectionSplits.HalfOf(seed, "2") == half;
            double expected = (one, two) switch
            {
                (true, true) => ClusteringScores.BCubed(gold, predicted).F1,
                (true, false) => 2 * 1 * 0.5 / 1.5, // story 1 alone: P 1, R 0.5
                (false, true) => 1,
                _ => 0,
            };
            Assert.Equal(expected, scores[split], 12);
        }
    }
}
