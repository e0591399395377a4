using Storyline.Domain;
using Storyline.Evaluation.Quotes;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Quotes;

public sealed class AttributionScoresTests
{
    //          0         1         2         3         4
    //          0123456789012345678901234567890123456789012345
    private const string Text = "He said it rained. \"No,\" she said. Cats fly.";

    private static BratAttribution A(int cs, int ce, int? ss = null, int? se = null) =>
        new(TextSpan.FromBounds(cs, ce), null, ss is int s ? TextSpan.FromBounds(s, se!.Value) : null, false);

    [Fact]
    public void Hand_computed_case()
    {
        // Given two gold attributions: "it rained" (source "He") and "\"No,\"" (source "she")
        BratAttribution[] gold = [A(8, 17, 0, 2), A(19, 24, 26, 29)];

        // And three predictions: "it rained." exactly (edge period ignored) with the right source; "No" overlapping the
        // second with a wrong source ("said"); and "Cats fly" matching nothing, with a source
        BratAttribution[] predicted = [A(8, 18, 0, 2), A(20, 22, 30, 34), A(35, 43, 35, 39)];

        AttributionScores s = AttributionScores.Score(Text, gold, predicted);

        // Then exact: 1 of 3 predicted, 1 of 2 gold; overlap: 2 of 3, 2 of 2; source: 1 correct of 3 predicted, of 2 gold
        Assert.Equal(new Prf(1, 3, 2), s.ContentExact);
        Assert.Equal(new Prf(2, 3, 2), s.ContentOverlap);
        Assert.Equal(new Prf(1, 3, 2), s.Source);
        Assert.Equal(1.0 / 3, s.ContentExact.Precision, 6);
        Assert.Equal(0.5, s.ContentExact.Recall, 6);
        Assert.Equal(0.4, s.ContentExact.F1, 6);
        Assert.Equal(0.8, s.ContentOverlap.F1, 6);
    }

    [Fact]
    public void Matching_is_one_to_one()
    {
        // Given one gold span and two predictions inside it
        BratAttribution[] gold = [A(0, 17)];
        BratAttribution[] predicted = [A(0, 7), A(8, 17)];

        // Then only one prediction counts
        AttributionScores s = AttributionScores.Score(Text, gold, predicted);
        Assert.Equal(new Prf(1, 2, 1), s.ContentOverlap);
    }

    [Fact]
    public void Nothing_predicted_scores_zero_without_dividing_by_zero()
    {
        AttributionScores s = AttributionScores.Score(Text, [A(8, 17)], []);
        Assert.Equal(0, s.ContentOverlap.Precision);
        Assert.Equal(0, s.ContentOverlap.F1);
    }

    [Fact]
    public void Brat_lines_are_read_with_discontinuous_spans_as_their_hull()
    {
        string[] ann =
        [
            "T1\tSource 26 29\tshe",
            "T2\tCue 30 34\tsaid",
            "T3\tContent 19 24;35 39\t\"No,\" Cats",
            "T4\tAttribution 30 34\tsaid",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            "T5\tDiscuss 0 2\tHe",
        ];

        BratAttribution a = Assert.Single(PolnearReader.Parse(Text, ann));

        Assert.Equal(TextSpan.FromBounds(19, 39), a.Content);
        Assert.Equal(TextSpan.FromBounds(26, 29), a.Source);
        Assert.True(a.Direct);
    }

    [Fact]
    public void Predictions_written_as_brat_read_back_the_same()
    {
        BratAttribution[] written = [new(TextSpan.FromBounds(19, 24), TextSpan.FromBounds(30, 34), TextSpan.FromBounds(26, 29), true)];

        IReadOnlyList<BratAttribution> read = PolnearReader.Parse(Text, PolnearReader.Format(Text, written).ToList());

        Assert.Equal(written, read);
    }

    [SharedFact("data/quotes/polnear/dev")]
    public void Smoke_run_on_ten_dev_articles()
    {
        EvalReport report = QuoteEvaluation.Run(Path.Combine(TestPaths.Shared, "data/quotes/polnear/dev"), limit: 10);

        // Loose floors: the full figures are in docs/QUALITY.md
        EvalRow direct = Assert.Single(report.Rows, r => r.Label == "direct quotes");
        EvalRow all = Assert.Single(report.Rows, r => r.Label == "all attributions");
        Assert.True(Metric(direct, "overlap F1") > 0.6, $"direct overlap F1 {Metric(direct, "overlap F1")}");
        Assert.True(Metric(direct, "source F1") > 0.5, $"direct source F1 {Metric(direct, "source F1")}");
        Assert.True(Metric(all, "overlap F1") > 0.45, $"all overlap F1 {Metric(all, "overlap F1")}");
    }

    private static double Metric(EvalRow row, string name) => row.Metrics.Single(m => m.Key == name).Value;
}
