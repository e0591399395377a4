using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Evaluation.Stories;
using Storyline.Stories;

namespace Storyline.Evaluation.Tests.Stories;

public sealed class CentroidBridgeTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public void Idf_over_the_whole_stream_keeps_apart_two_reports_that_idf_so_far_joins()
    {
        // r1 and r2 share "a", which every later report has too: over the whole stream "a" is the commonest word
        // (cosine 0.165), while when r2 arrives it is as common as "c" (cosine 0.41).
        (StoryBenchmarkStream stream, List<StoryFeatures?> features) = Stream(
            ("a b", "x"), ("a c", "x"), ("a d", "y"), ("a e", "z"), ("a f", "v"), ("a g", "w"));
        var soFar = new CentroidVariant("so far", BridgeIdf.SoFarFixed, false, true, 0);

        StoryRun whole = CentroidBridge.Run(stream, features, 0.3, CentroidVariant.Baseline);
        StoryRun online = CentroidBridge.Run(stream, features, 0.3, soFar);

        Assert.NotEqual(whole.Predicted["r0"], whole.Predicted["r1"]);
        Assert.Equal(online.Predicted["r0"], online.Predicted["r1"]);
    }

    [Fact]
    public void Comparing_only_the_clusters_heaviest_terms_misses_a_report_that_shares_a_light_one()
    {
        // The first report says "a" three times and "b" once; the second says only "b" (cosine 0.23 with every term).
        (StoryBenchmarkStream stream, List<StoryFeatures?> features) = Stream(("a a a b", "x"), ("b", "x"));
        var every = new CentroidVariant("every term", BridgeIdf.SoFarNow, false, false, 0);
        var heaviest = every with { TopTerms = 1 };

        Assert.Single(CentroidBridge.Run(stream, features, 0.2, every).Predicted.Values.Distinct());
        Assert.Equal(2, CentroidBridge.Run(stream, features, 0.2, heaviest).Predicted.Values.Distinct().Count());
    }

    [Fact]
    public void The_baseline_is_the_bridges_first_step()
    {
        (StoryBenchmarkStream stream, List<StoryFeatures?> features) = Stream(("a b", "x"), ("a c", "x"), ("d e", "y"), ("d f e", "y"));

        StoryRun baseline = TfidfBaseline.Run(stream, features, 0.22);

        Assert.Same(CentroidVariant.Baseline, CentroidVariant.Steps[0]);
        Assert.Equal(CentroidBridge.Run(stream, features, 0.22, CentroidVariant.Steps[0]).Predicted, baseline.Predicted);
        Assert.Equal(1.0, baseline.BCubed.F1, 12);
    }

    [Fact]
    public void The_worst_margin_is_the_lowest_floored_score_less_its_floor_and_a_pair_collapse_is_never_chosen()
    {
        StoryBenchmarkLayout[] layouts = [StoryBenchmarkLayout.Giveme5W1H, StoryBenchmarkLayout.EcbPlus];

        Assert.Equal(0.8496 - 0.88, StoryFloors.Value(SelectionObjective.WorstMargin, layouts, [0.9299, 0.8496, 0.9276]), 12);
        Assert.Equal(0.8984 - 0.93, StoryFloors.Value(SelectionObjective.WorstMargin, layouts, [0.8984, 0.9255, 0.9276]), 12);
        Assert.Equal(double.NegativeInfinity, StoryFloors.Value(SelectionObjective.WorstMargin, layouts, [0.99, 0.99, 0.85]));
        Assert.Equal((0.9299 + 0.8496 + 0.9276) / 3, StoryFloors.Value(SelectionObjective.Mean, layouts, [0.9299, 0.8496, 0.9276]), 12);
    }

    // A stream of reports with the given words (one count per occurrence) and gold stories, ids r0, r1, …
    private static (StoryBenchmarkStream, List<StoryFeatures?>) Stream(params (string Words, string Gold)[] reports)
    {
        var items = new List<StoryBenchmarkItem>();
        var features = new List<StoryFeatures?>();
        for (int i = 0; i < reports.Length; i++)
        {
            ImmutableArray<TermCount> terms = [.. reports[i].Words.Split(' ').GroupBy(w => w).Select(g => new TermCount(g.Key, g.Count()))];
            var report = new SourceReport($"r{i}", null, Day, reports[i].Words);
            items.Add(new StoryBenchmarkItem($"r{i}", report, reports[i].Gold));
            features.Add(new StoryFeatures(report.Id, Day, terms, ImmutableDictionary<string, string>.Empty));
        }

        return (new StoryBenchmarkStream(StoryBenchmarkLayout.Giveme5W1H, items, 0), features);
    }
}
