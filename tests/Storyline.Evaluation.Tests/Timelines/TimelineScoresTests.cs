using Storyline.Evaluation.Timelines;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Timelines;

/// <summary>
/// The timeline metrics on cases small enough to compute by hand (the arithmetic is in each test), then a smoke run on
/// one Timeline17 topic.
/// </summary>
public sealed class TimelineScoresTests
{
    private static readonly DateOnly Jan1 = new(2020, 1, 1);
    private static readonly DateOnly Jan2 = new(2020, 1, 2);
    private static readonly DateOnly Jan3 = new(2020, 1, 3);

    private static DatedSummaries Timeline(params (DateOnly Date, string[] Sentences)[] days) =>
        DatedSummaries.Of(days.Select(d => (d.Date, (IEnumerable<string>)d.Sentences)));

    [Fact]
    public void Identical_timelines_score_one()
    {
        DatedSummaries gold = Timeline((Jan1, ["a b c"]), (Jan3, ["d e"]));

        Assert.Equal(1.0, TimelineScores.AlignedRouge(gold, gold, 1).F1, 10);
        Assert.Equal(1.0, TimelineScores.AlignedRouge(gold, gold, 2).F1, 10);
        Assert.Equal(1.0, TimelineScores.DateScores(gold, gold).F1, 10);
    }

    [Fact]
    public void Many_to_one_alignment_weights_matches_by_date_distance()
    {
        // Predicted: Jan 1 "a b c", Jan 3 "x y"; reference: Jan 2 "a b d".
        // Costs (1 - cos) * (|Δ| + 1): Jan 1 → Jan 2: cos(abc, abd) = 2/3, so 1/3 * 2 = 0.667; Jan 3 → Jan 2: 1 * 2 = 2.
        // Precision: both predicted days align with Jan 2. Unigram matches: Jan 1 has a, b = 2, weighted 1/2 → 1;
        // Jan 3 has none. P = 1 / 5 predicted unigrams = 0.2.
        // Recall: Jan 2 aligns with its cheapest predicted day, Jan 1: 2 * 1/2 = 1 over 3 reference unigrams; R = 1/3.
        // F1 = 2 * 0.2 * 1/3 / (0.2 + 1/3) = 0.25.
        // Bigrams: predicted "a b", "b c", "x y" (3); reference "a b", "b d" (2); Jan 1–Jan 2 share "a b": 1 * 1/2.
        // P = 0.5 / 3 = 1/6, R = 0.5 / 2 = 1/4, F1 = 2 * (1/24) / (5/12) = 0.2.
        DatedSummaries predicted = Timeline((Jan1, ["a b c"]), (Jan3, ["x y"]));
        DatedSummaries reference = Timeline((Jan2, ["a b d"]));

        var r1 = TimelineScores.AlignedRouge(predicted, reference, 1);
        var r2 = TimelineScores.AlignedRouge(predicted, reference, 2);

        Assert.Equal(0.2, r1.Precision, 10);
        Assert.Equal(1.0 / 3, r1.Recall, 10);
        Assert.Equal(0.25, r1.F1, 10);
        Assert.Equal(1.0 / 6, r2.Precision, 10);
        Assert.Equal(0.25, r2.Recall, 10);
        Assert.Equal(0.2, r2.F1, 10);
    }

    [Fact]
    public void Recall_aligns_each_reference_day_with_its_cheapest_predicted_day()
    {
        // Predicted: Jan 1 "a b", Jan 2 "c d"; reference: Jan 2 "a b", Jan 3 "c d".
        // Costs: Jan1→Jan2: cos 1 → 0; Jan1→Jan3: cos 0 → 3; Jan2→Jan2: cos 0 → 1; Jan2→Jan3: cos 1 → 0.
        // Precision: Jan 1 → Jan 2 (2 matches, 1/2 → 1), Jan 2 → Jan 3 (2 matches, 1/2 → 1): P = 2 / 4 = 0.5.
        // Recall: Jan 2 → Jan 1 (1), Jan 3 → Jan 2 (1): R = 2 / 4 = 0.5. Days: only Jan 2 shared, P = R = 1/2.
        DatedSummaries predicted = Timeline((Jan1, ["a b"]), (Jan2, ["c d"]));
        DatedSummaries reference = Timeline((Jan2, ["a b"]), (Jan3, ["c d"]));

        var r1 = TimelineScores.AlignedRouge(predicted, reference, 1);
        var dates = TimelineScores.DateScores(predicted, reference);

        Assert.Equal(0.5, r1.Precision, 10);
        Assert.Equal(0.5, r1.Recall, 10);
        Assert.Equal(0.5, dates.Precision, 10);
        Assert.Equal(0.5, dates.Recall, 10);
    }

    [Fact]
    public void Counts_are_clipped_and_bigrams_stay_inside_sentences()
    {
        // Predicted "a a b" and "c": unigrams a×2, b, c; bigrams "a a", "a b" (none across the two sentences).
        // Reference "a b c": a, b, c; bigrams "a b", "b c". Same day, weight 1.
        // Unigram matches: min(2,1) + 1 + 1 = 3: P = 3/4, R = 3/3. Bigram matches: "a b" = 1: P = 1/2, R = 1/2.
        DatedSummaries predicted = Timeline((Jan1, ["a a b", "c"]));
        DatedSummaries reference = Timeline((Jan1, ["a b c"]));

        Assert.Equal(0.75, TimelineScores.AlignedRouge(predicted, reference, 1).Precision, 10);
        Assert.Equal(1.0, TimelineScores.AlignedRouge(predicted, reference, 1).Recall, 10);
        Assert.Equal(0.5, TimelineScores.AlignedRouge(predicted, reference, 2).Precision, 10);
        Assert.Equal(0.5, TimelineScores.AlignedRouge(predicted, reference, 2).Recall, 10);
    }

    [Fact]
    public void Tokens_are_lower_case_words_without_treebank_brackets()
    {
        Assert.Equal(["the", "cost", "is", "6", "1", "bn", "says", "bp"], TimelineScores.Tokens("The cost -LRB- is -RRB- $ 6.1 bn , says BP ."));
    }

    [Fact]
    public void The_text_format_reads_back_what_it_writes()
    {
        DatedSummaries timeline = Timeline((Jan1, ["First thing ."]), (Jan3, ["Second thing .", "Third ."]));

        string text = Timeline17.Format(timeline);

        Assert.StartsWith("2020-01-03\nSecond thing .\nThird .\n--------------------------------\n", text, StringComparison.Ordinal);
        Assert.Equal(timeline.Days.Keys, Timeline17.Parse(text).Days.Keys);
        Assert.Equal(["Second thing .", "Third ."], Timeline17.Parse(text).Days[Jan3].ToArray());
    }

    [SharedFact("data/timelines/timeline17/H1N1_guardian")]
    public void Smoke_run_on_one_topic_beats_the_floors()
    {
        string folder = Path.Combine(TestPaths.Shared, "data", "timelines", "timeline17", "H1N1_guardian");
        TimelineTopic topic = Assert.Single(Timeline17.Read(folder));
        GoldTimeline gold = Assert.Single(topic.Timelines);

        TimelineScore score = Assert.Single(TimelineEvaluation.Run([topic]));

        // The standard setting: as many days as the gold timeline, all within its span.
        Assert.Equal(gold.Summaries.Days.Count, score.Predicted.Days.Count);
        Assert.True(score.Predicted.Days.Keys.All(d => d >= gold.Summaries.Days.Keys.First() && d <= gold.Summaries.Days.Keys.Last()));
        Assert.True(score.Rouge1.F1 >= 0.12, $"AR-1 F1 {score.Rouge1.F1:F3}");
        Assert.True(score.Dates.F1 >= 0.4, $"date F1 {score.Dates.F1:F3}");
    }
}
