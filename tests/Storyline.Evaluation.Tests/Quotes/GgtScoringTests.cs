using Storyline.Domain;
using Storyline.Evaluation;
using Storyline.Evaluation.Quotes;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Quotes;

public sealed class GgtScoringTests
{
    //                           0         1         2         3         4         5
    //                           012345678901234567890123456789012345678901234567890123456
    private const string Text = "\"We won,\" she said. He said it rained. \"More,\" she added.";

    private static PlacedGgtQuote Gold(int start, int end, string speaker = "", int? speakerStart = null) =>
        new(new GgtQuote(Text[start..end], speaker, speaker, -1, -1), TextSpan.FromBounds(start, end), speakerStart is int s ? new TextSpan(s, speaker.Length) : null);

    private static GgtPrediction Predicted(int start, int end, int? speakerStart = null, int speakerLength = 0, bool floating = false, string? name = null) =>
        new(TextSpan.FromBounds(start, end), speakerStart is int s ? new TextSpan(s, speakerLength) : null, floating, name);

    [Fact]
    public void Hand_computed_case()
    {
        // Given three gold quotes: "We won," (she), "it rained" (He) and "More," (floating: no speaker of its own)
        PlacedGgtQuote[] gold = [Gold(0, 9, "she", 10), Gold(28, 37, "He", 20), Gold(39, 46)];

        // And four predictions: the first quote with its speaker; a third of the second (not more than 30 %); the third
        // quote with a speaker carried over; and "she added" matching nothing
        GgtPrediction[] predicted =
        [
            Predicted(0, 9, 10, 3),
            Predicted(29, 31, 20, 2),
            Predicted(39, 46, 10, 3, floating: true),
            Predicted(47, 56),
        ];

        GgtScore score = GgtScoring.Score(gold, predicted, 0.3);

        // Then two found of four predicted and three gold, both speakers right (one by overlap, one floating on both sides)
        Assert.Equal(new GgtCounts(2, 4, 3, 2, 0), score.Counts);
        Assert.Equal(0.5, score.Counts.Precision, 6);
        Assert.Equal(2.0 / 3, score.Counts.Recall, 6);
        Assert.Equal(4.0 / 7, score.Counts.F1, 6);
        Assert.Equal(1.0, score.Counts.SpeakerAccuracy, 6);
        Assert.Null(score.Matches[1].Predicted);
        Assert.Equal(2, score.Unmatched.Count);
    }

    [Fact]
    public void The_threshold_is_a_share_of_the_gold_quote_and_strict()
    {
        // Given a gold quote of 10 characters and a prediction covering exactly 3 of them
        PlacedGgtQuote[] gold = [Gold(20, 30)];
        GgtPrediction[] predicted = [Predicted(27, 40)];

        // Then 30 % is not more than 30 %; at 0.2 it is found; a prediction far longer than the gold still finds it
        Assert.Equal(0, GgtScoring.Score(gold, predicted, 0.3).Counts.Found);
        Assert.Equal(1, GgtScoring.Score(gold, predicted, 0.2).Counts.Found);
        Assert.Equal(1, GgtScoring.Score(gold, [Predicted(0, 56)], 0.8).Counts.Found);
    }

    [Fact]
    public void Each_prediction_finds_one_gold_quote_in_gold_order()
    {
        // Given two gold quotes that one long prediction covers
        PlacedGgtQuote[] gold = [Gold(0, 9), Gold(10, 18)];
        GgtPrediction[] predicted = [Predicted(0, 18)];

        // Then only the first gold quote is found
        GgtScore score = GgtScoring.Score(gold, predicted, 0.3);
        Assert.Equal(1, score.Counts.Found);
        Assert.NotNull(score.Matches[0].Predicted);
        Assert.Null(score.Matches[1].Predicted);
    }

    [Fact]
    public void A_wrong_speaker_and_a_speaker_carried_over_to_a_quote_that_has_its_own_are_wrong()
    {
        PlacedGgtQuote[] gold = [Gold(0, 9, "she", 10)];

        Assert.Equal(0, GgtScoring.Score(gold, [Predicted(0, 9, 20, 2)], 0.3).Counts.SpeakerRight);
        Assert.Equal(0, GgtScoring.Score(gold, [Predicted(0, 9, 20, 2, floating: true)], 0.3).Counts.SpeakerRight);
        Assert.Equal(0, GgtScoring.Score(gold, [Predicted(0, 9)], 0.3).Counts.SpeakerRight);
    }

    public static TheoryData<string, string?, bool> Names => new()
    {
        // The same last name, another first form
        { "Justin Trudeau", "Trudeau", true },
        // Case does not matter
        { "Doug Ford", "doug ford", true },
        // Another person
        { "Doug Ford", "Justin Trudeau", false },
        // Nothing resolved
        { "Doug Ford", null, false },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_resolved_name_matches_the_reference_by_its_last_word(string reference, string? name, bool same)
    {
        Assert.Equal(same, GgtScoring.SameName(reference, name));
    }

    [Fact]
    public void Gold_quotes_are_placed_by_their_words_near_the_annotated_offset()
    {
        // Given an article whose text repeats a quote, annotated with offsets into a slightly longer version of the text
        const string text = "\"Go,\" he said. Then: \"Go,\" Ann said.";
        var article = new GgtArticle("x", "outlet", text, text.Length + 2,
        [
            new GgtQuote("\"Go,\"", "Ann", "Ann Lee", 24, 30),
            new GgtQuote("\"Go,\"", "he", "Bob Lee", 0, 6),
        ]);

        IReadOnlyList<PlacedGgtQuote> placed = GgtReader.Place(article, text);

        // Then each quote takes the occurrence nearest its hint, and each speaker the whole word nearest to it ("he",
        // not the "he" inside another word)
        Assert.Equal(21, placed[0].Span!.Value.Start);
        Assert.Equal("Ann", placed[0].SpeakerSpan!.Value.ToString(text));
        Assert.Equal(0, placed[1].Span!.Value.Start);
        Assert.Equal(6, placed[1].SpeakerSpan!.Value.Start);
    }

    [Fact]
    public void A_quote_whose_words_are_not_in_the_text_is_unplaced_and_missed()
    {
        var article = new GgtArticle("x", "outlet", Text, Text.Length, [new GgtQuote("not there", "she", "She", 0, 0)]);

        IReadOnlyList<PlacedGgtQuote> placed = GgtReader.Place(article, Text);

        Assert.Null(placed[0].Span);
        Assert.Equal(0, GgtScoring.Score(placed, [Predicted(0, 56)], 0.3).Counts.Found);
    }

    [Fact]
    public void A_line_that_is_not_an_article_is_refused_with_the_file_and_line()
    {
        // Given a folder whose annotations have a broken second line
        string folder = Directory.CreateTempSubdirectory("ggt").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "rawtext"));
            File.WriteAllText(Path.Combine(folder, "rawtext", "a.txt"), "Text.");
            File.WriteAllLines(Path.Combine(folder, "annotations.jsonl"), ["{\"_id\": \"a\", \"quotations\": []}", "{\"_id\": 3"]);

            // Then reading it fails with the file and the line
            InvalidDataException e = Assert.Throws<InvalidDataException>(() => GgtReader.ReadFolder(folder));
            Assert.Contains("annotations.jsonl:2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SharedFact("data/quotes/gendergaptracker-dev")]
    public void Smoke_run_on_the_development_set()
    {
        EvalReport report = GgtEvaluation.Run(Path.Combine(TestPaths.Shared, "data/quotes/gendergaptracker-dev"));

        // Loose floors: the figures are in docs/QUALITY.md
        EvalRow row = Assert.Single(report.Rows, r => r.Label == "@0.3");
        Assert.Equal(612, Metric(row, "gold"));
        Assert.True(Metric(row, "F1") > 0.7, $"F1 {Metric(row, "F1")}");
        Assert.True(Metric(row, "speaker") > 0.7, $"speaker {Metric(row, "speaker")}");
    }

    private static double Metric(EvalRow row, string name) => row.Metrics.Single(m => m.Key == name).Value;
}
