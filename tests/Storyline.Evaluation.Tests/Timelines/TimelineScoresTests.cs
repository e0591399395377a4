using Storyline.Evaluation.Timelines;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Timelines;

/// <summary>
/// The timeline metrics on cases small enough to compute by hand (the arithmetic is in each test), with a reader that
/// has no stopwords unless a test gives some; then ROUGE-1.5.5's data files on a sentence, and a smoke run on one
/// Timeline17 topic.
/// </summary>
public sealed class TimelineScoresTests
{
    private static readonly DateOnly Jan1 = new(2020, 1, 1);
    private static readonly DateOnly Jan2 = new(2020, 1, 2);
    private static readonly DateOnly Jan3 = new(2020, 1, 3);

    // Words of three letters or fewer are neither stemmed nor looked up: the hand-computed cases use them.
    private static readonly Rouge155 Plain = new([], []);

    private static DatedSummaries Timeline(params (DateOnly Date, string[] Sentences)[] days) =>
        DatedSummaries.Of(days.Select(d => (d.Date, (IEnumerable<string>)d.Sentences)));

    [Fact]
    public void Identical_timelines_score_one()
    {
        DatedSummaries gold = Timeline((Jan1, ["a b c"]), (Jan3, ["d e"]));

        AlignedRouge scores = TimelineScores.Aligned(gold, gold, Plain);

        Assert.Equal(1.0, scores.Rouge1.F1, 10);
        Assert.Equal(1.0, scores.Rouge2.F1, 10);
        Assert.Equal(1.0, TimelineScores.DateScores(gold, gold).F1, 10);
    }

    [Fact]
    public void Many_to_one_alignment_weights_hits_by_date_distance()
    {
        // Predicted: Jan 1 "a b c", Jan 3 "x y"; reference: Jan 2 "a b d".
        // Costs (1 − 1/(|Δ| + 1)) · (1 − approximate ROUGE-1 F1): Jan 1 → Jan 2: 1/2 · (1 − 2/3) = 1/6; Jan 3 → Jan 2:
        // 1/2 · 1 = 1/2. Precision: both predicted days go to the only reference day. Unigram hits: Jan 1 has a, b = 2,
        // weighted 1/2 → 1; Jan 3 none. P = 1 / 5 predicted unigrams. Recall: Jan 2 goes to its cheapest predicted day,
        // Jan 1: 2 · 1/2 = 1 over 3 reference unigrams. F1 = 2 · 1/5 · 1/3 / (1/5 + 1/3) = 1/4.
        // Bigrams: predicted "a b", "b c", "x y" (3); reference "a b", "b d" (2); Jan 1–Jan 2 share "a b": 1 · 1/2.
        // P = 0.5 / 3 = 1/6, R = 0.5 / 2 = 1/4, F1 = 2 · (1/24) / (5/12) = 0.2.
        DatedSummaries predicted = Timeline((Jan1, ["a b c"]), (Jan3, ["x y"]));
        DatedSummaries reference = Timeline((Jan2, ["a b d"]));

        AlignedRouge scores = TimelineScores.Aligned(predicted, reference, Plain);

        Assert.Equal(0.2, scores.Rouge1.Precision, 10);
        Assert.Equal(1.0 / 3, scores.Rouge1.Recall, 10);
        Assert.Equal(0.25, scores.Rouge1.F1, 10);
        Assert.Equal(1.0 / 6, scores.Rouge2.Precision, 10);
        Assert.Equal(0.25, scores.Rouge2.Recall, 10);
        Assert.Equal(0.2, scores.Rouge2.F1, 10);
    }

    [Fact]
    public void An_exact_date_costs_nothing_and_ties_go_to_the_earliest_day()
    {
        // Predicted: Jan 1 "x y", Jan 2 "a b"; reference: Jan 1 "a b".
        // Costs: Jan 1 → Jan 1 is the same day: 0, whatever the words. Jan 2 → Jan 1: 1/2 · (1 − 1) = 0 as well.
        // Precision: Jan 1 → Jan 1, no hits; Jan 2 → Jan 1, 2 hits · 1/2 = 1. P = 1 / 4.
        // Recall: Jan 1 ties between the two predicted days and takes the earlier, Jan 1, with no hits: R = 0.
        DatedSummaries predicted = Timeline((Jan1, ["x y"]), (Jan2, ["a b"]));
        DatedSummaries reference = Timeline((Jan1, ["a b"]));

        AlignedRouge scores = TimelineScores.Aligned(predicted, reference, Plain);

        Assert.Equal(0.25, scores.Rouge1.Precision, 10);
        Assert.Equal(0.0, scores.Rouge1.Recall, 10);
    }

    [Fact]
    public void Recall_aligns_each_reference_day_with_its_cheapest_predicted_day()
    {
        // Predicted: Jan 1 "a b", Jan 2 "c d"; reference: Jan 2 "a b", Jan 3 "c d".
        // Costs: Jan1→Jan2: 1/2 · 0 = 0; Jan1→Jan3: 2/3 · 1; Jan2→Jan2: exact, 0; Jan2→Jan3: 1/2 · 0 = 0.
        // Precision: Jan 1 → Jan 2 (2 hits · 1/2 = 1), Jan 2 → Jan 2 (tie with Jan 3, the earlier wins; no hits):
        // P = 1 / 4. Recall: Jan 2 → Jan 1 (tie with Jan 2, the earlier wins: 1), Jan 3 → Jan 2 (1): R = 2 / 4.
        // Days: only Jan 2 is shared, P = R = 1/2.
        DatedSummaries predicted = Timeline((Jan1, ["a b"]), (Jan2, ["c d"]));
        DatedSummaries reference = Timeline((Jan2, ["a b"]), (Jan3, ["c d"]));

        AlignedRouge scores = TimelineScores.Aligned(predicted, reference, Plain);
        var dates = TimelineScores.DateScores(predicted, reference);

        Assert.Equal(0.25, scores.Rouge1.Precision, 10);
        Assert.Equal(0.5, scores.Rouge1.Recall, 10);
        Assert.Equal(0.5, dates.Precision, 10);
        Assert.Equal(0.5, dates.Recall, 10);
    }

    [Fact]
    public void Counts_are_clipped_and_bigrams_run_across_a_days_sentences()
    {
        // ROUGE-1.5.5 joins a summary's sentences into one text before it counts n-grams.
        // Predicted "a a b" and "c": unigrams a×2, b, c; bigrams "a a", "a b", "b c" (across the two sentences).
        // Reference "a b c": a, b, c; bigrams "a b", "b c". Same day, weight 1.
        // Unigram hits: min(2,1) + 1 + 1 = 3: P = 3/4, R = 3/3. Bigram hits: "a b", "b c" = 2: P = 2/3, R = 2/2.
        DatedSummaries predicted = Timeline((Jan1, ["a a b", "c"]));
        DatedSummaries reference = Timeline((Jan1, ["a b c"]));

        AlignedRouge scores = TimelineScores.Aligned(predicted, reference, Plain);

        Assert.Equal(0.75, scores.Rouge1.Precision, 10);
        Assert.Equal(1.0, scores.Rouge1.Recall, 10);
        Assert.Equal(2.0 / 3, scores.Rouge2.Precision, 10);
        Assert.Equal(1.0, scores.Rouge2.Recall, 10);
    }

    [Fact]
    public void Stemming_and_stopwords_decide_what_matches()
    {
        // With "the" and "were" as stopwords: "The protesters were running" → protest, run (protesters → protester →
        // protest in step 4; running → runn → run); "Protester runs" → protest, run. Two of two on each side.
        // Without stemming nothing matches: "protesters" ≠ "protester", "running" ≠ "runs".
        var rouge = new Rouge155(["the", "were"], []);
        DatedSummaries predicted = Timeline((Jan1, ["The protesters were running"]));
        DatedSummaries reference = Timeline((Jan1, ["Protester runs"]));

        Assert.Equal(["protest", "run"], rouge.Tokens(["The protesters were running"]));
        Assert.Equal(1.0, TimelineScores.Aligned(predicted, reference, rouge).Rouge1.F1, 10);
        Assert.Equal(1.0, TimelineScores.Aligned(predicted, reference, rouge).Rouge2.F1, 10);
        Assert.Equal(0.0, ExactWordsF1(predicted, reference), 10);
    }

    [Fact]
    public void Tokens_follow_rouge_155_reading()
    {
        // Lower-cased; "-" splits and is dropped; "$", "," and "." only separate; "the" is a stopword; words longer than
        // three letters take their WordNet base form ("better" → "good") or their stem ("cuts" → "cut"); shorter ones
        // stay ("bn"); a '<' ends what ROUGE reads of the sentence; '^' is read as "circ".
        var rouge = new Rouge155(["the"], [new("better", "good")]);

        Assert.Equal(
            ["good", "cut", "well", "known", "6", "1", "bn", "circ", "next"],
            rouge.Tokens(["The BETTER cuts: well-known $ 6.1 bn^", "next <b>ignored</b>"]));
    }

    [Fact]
    public void Means_are_reported_as_news_tls_averages_and_as_mean_f1()
    {
        // Timeline 1: P 1, R 0.5 (F1 2/3); timeline 2: P 0, R 0.5 (F1 0).
        // news-tls: mean P 0.5, mean R 0.5, F1 of those 0.5; the mean of F1s is 1/3.
        var one = new TimelineScore("a", "a.txt", Timeline(), new PrecisionRecall(1, 0.5), new PrecisionRecall(1, 0.5), new PrecisionRecall(1, 0.5));
        var two = new TimelineScore("b", "b.txt", Timeline(), new PrecisionRecall(0, 0.5), new PrecisionRecall(0, 0.5), new PrecisionRecall(0, 0.5));

        TimelineMean mean = TimelineMean.Of([one, two]);

        Assert.Equal(0.5, mean.Rouge1.F1, 10);
        Assert.Equal(1.0 / 3, mean.Rouge1MeanF1, 10);
        Assert.Equal(0.5, mean.Dates.F1, 10);
    }

    [Theory]
    [MemberData(nameof(Stems))]
    public void Porter_stemmer_as_rouge_155_runs_it(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }

    /// <summary>Words and their stems: Porter's own examples, with ROUGE-1.5.5's departures marked.</summary>
    public static TheoryData<string, string> Stems => new()
    {
        { "caresses", "caress" }, // step 1a: sses → ss
        { "ponies", "poni" }, // ies → i
        { "cats", "cat" }, // a final s goes
        { "caress", "caress" }, // but not after s
        { "feed", "feed" }, // eed stays where m = 0
        { "agreed", "agre" }, // eed → ee where m > 0, then step 5 drops the e
        { "plastered", "plaster" }, // ed goes where the rest has a vowel
        { "sing", "sing" }, // …and stays where it has none
        { "conflated", "conflat" }, // at → ate in step 1b, ate goes in step 4
        { "sized", "size" }, // iz → ize
        { "hopping", "hop" }, // a double consonant is undone
        { "falling", "fall" }, // but not l, s or z
        { "filing", "file" }, // a short syllable word gets its e back
        { "happy", "happi" }, // step 1c: y → i after a vowel
        { "relational", "relat" }, // step 2 ational → ate, step 4 ate goes
        { "rational", "ration" }, // tional → tion (m = 1 keeps tion in step 4)
        { "generalizations", "gener" }, // ization → ize, alize → al, al goes
        { "electricity", "electr" }, // step 3 iciti → ic, step 4 ic goes
        { "hopeful", "hope" }, // ful goes
        { "goodness", "good" }, // ness goes
        { "adoption", "adopt" }, // tion loses ion where m > 1
        { "controlling", "control" }, // ll → l where m > 1
        { "agreement", "agreem" }, // ROUGE: "ement" and "ment" need m > 1 of what stays, then "ent" goes from "agreement"
        { "replacement", "replac" }, // ROUGE: "ement" goes as one suffix
        { "adjustment", "adjust" }, // ment goes
        { "dependent", "depend" }, // ent goes
        { "yelling", "yell" }, // a leading y is a consonant
        { "ate", "at" }, // the stemmer takes words of three letters; ROUGE only hands it longer ones (see the next test)
    };

    [SharedFact("data/rouge155")]
    public void The_shared_data_files_load_with_the_database_answers()
    {
        Assert.True(Rouge155.TryLoad(Path.Combine(TestPaths.Shared, "data", "rouge155"), out Rouge155? rouge, out string? error), error);

        // The SMART list's 598 lines hold 596 words ("may" and "would" twice); "best" is "good" in adj.exc and "well" in adv.exc: ROUGE's database says "well".
        Assert.Equal(596, rouge!.StopwordCount);
        Assert.Equal("ate", rouge.Normalise("ate"));
        Assert.Equal("well", rouge.Normalise("best"));
        Assert.Equal(["kim", "putin", "meet", "vladivostok", "peskov"], rouge.Tokens(["Kim and Putin will meet in Vladivostok, Peskov said."]));
    }

    [Fact]
    public void A_missing_data_folder_is_named_in_the_error()
    {
        Assert.False(Rouge155.TryLoad("/nonexistent/rouge155", out _, out string? error));
        Assert.Contains("/nonexistent/rouge155", error, StringComparison.Ordinal);
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
        Assert.True(Rouge155.TryLoad(Path.Combine(TestPaths.Shared, "data", "rouge155"), out Rouge155? rouge, out string? error), error);

        var analysed = TimelineEvaluation.AnalyseAll([topic]);
        var systems = TimelineEvaluation.StandardSystems(TimelineEvaluation.Rankers([topic], analysed, Storyline.Timelines.DateModel.Shipped).Rankers);
        TimelineScore score = Assert.Single(TimelineEvaluation.Run([topic], analysed, rouge!, systems)[TimelineEvaluation.SystemName]);

        // The standard setting: as many days as the gold timeline, all within its span.
        Assert.Equal(gold.Summaries.Days.Count, score.Predicted.Days.Count);
        Assert.True(score.Predicted.Days.Keys.All(d => d >= gold.Summaries.Days.Keys.First() && d <= gold.Summaries.Days.Keys.Last()));
        Assert.True(score.Rouge1.F1 >= 0.12, $"AR-1 F1 {score.Rouge1.F1:F3}");
        Assert.True(score.Dates.F1 >= 0.4, $"date F1 {score.Dates.F1:F3}");
    }

    // Exact lower-cased words, no stemming: what the same-day pair scores without ROUGE's normalisation.
    private static double ExactWordsF1(DatedSummaries predicted, DatedSummaries reference)
    {
        var words = new Rouge155(["the", "were"], [.. new[] { "protesters", "running", "protester", "runs" }.Select(w => new KeyValuePair<string, string>(w, w))]);
        return TimelineScores.Aligned(predicted, reference, words).Rouge1.F1;
    }
}
