using Storyline.Evaluation.Stories;
using Storyline.Stories;

namespace Storyline.Evaluation.Tests.Stories;

public sealed class PairFitTests
{
    [Fact]
    public void The_pair_file_reader_keeps_english_pairs_with_quoted_commas_newlines_and_quotes()
    {
        string file = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file,
            ",pair_id,lang1,lang2,text1,text2,Geography,Entities,Time,Narrative,Overall,Style,Tone\n"
            + "0,1_2,en,en,\"Quake, a big one\nhits\",\"He said \"\"no\"\"\",1,1,1,1,1.0,1,1\n"
            + "1,3_4,de,en,Beben,Quake,1,1,1,1,1.0,1,1\n"
            + "2,5_6,en,en,Rates rise,Storm nears,4,4,4,4,3.6666666666666665,4,4\r\n");
        try
        {
            IReadOnlyList<SemEvalPair> pairs = SemEvalPairs.ReadEnglish(file);

            Assert.Equal(2, pairs.Count);
            Assert.Equal(new SemEvalPair("1_2", "Quake, a big one\nhits", "He said \"no\"", 1.0), pairs[0]);
            Assert.True(pairs[0].Same);
            Assert.Equal("Storm nears", pairs[1].Text2);
            Assert.False(pairs[1].Same);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_column_missing_is_named_with_the_file()
    {
        string file = Path.Combine(Path.GetTempPath(), $"pairs-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "pair_id,lang1,lang2,text1,text2\n1_2,en,en,a,b\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => SemEvalPairs.ReadEnglish(file));
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains("Overall", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_fit_weighs_evidence_for_and_against_as_the_labels_say()
    {
        // Same-story pairs share their words; the others share few words and have conflicting actors.
        var decisions = new List<StoryDecision>();
        for (int i = 0; i < 20; i++)
        {
            decisions.Add(StoryDecision.Of(new PairExample(new StorySimilarities(0.6 + (i % 4 * 0.05), 0.5, 0.5, 0.5, 1), true)));
            decisions.Add(StoryDecision.Of(new PairExample(new StorySimilarities(0.1 + (i % 3 * 0.05), 0, 0, 0, 1) { EntityConflict = 1 }, false)));
        }

        MergeModel model = PairFit.Fit(decisions, l2: 0.01, decayDays: 14);
        PairQuality quality = PairFit.Quality([.. decisions.SelectMany(d => d.Pairs)], model);

        Assert.True(model.Body > 0);
        Assert.True(model.EntityConflict < 0);
        Assert.Equal(14, model.DecayDays);
        Assert.Equal(1.0, quality.Accuracy);
        Assert.Equal(1.0, quality.Scores.F1);
    }

    [Fact]
    public void A_decision_among_candidates_learns_to_prefer_the_right_one_and_to_start_a_story_when_none_is()
    {
        // Given reports that each face a close story (body 0.5) and a far one (body 0.1), half of them belonging to the
        // close one and half to none: the threshold must fall between what joins and what does not
        var decisions = new List<StoryDecision>();
        for (int i = 0; i < 30; i++)
        {
            var near = new StorySimilarities(0.5 + (i % 5 * 0.05), 0, 0, 0, 1);
            var far = new StorySimilarities(0.1, 0, 0, 0, 1);
            var nearButWrong = new StorySimilarities(0.25 + (i % 5 * 0.02), 0, 0, 0, 1);
            decisions.Add(new StoryDecision([near, far], 0));
            decisions.Add(new StoryDecision([nearButWrong, far], -1));
        }

        // When the model is fitted on the decisions
        MergeModel model = PairFit.Fit(decisions, l2: 0.001, decayDays: 30, use: new HashSet<string> { "body" });

        // Then only the body counts, the right story scores above 0 and the wrong ones below
        Assert.True(model.Body > 0);
        Assert.Equal(0, model.Head);
        Assert.True(model.Score(new StorySimilarities(0.5, 0, 0, 0, 1)) > 0);
        Assert.True(model.Score(new StorySimilarities(0.33, 0, 0, 0, 1)) < 0);
    }

    [Fact]
    public void A_model_round_trips_through_its_json()
    {
        // Given a trained model with every weight set and merges off
        MergeModel model = PairFit.Model(-2.5, [.. Enumerable.Range(1, PairFit.Names.Count).Select(i => i * 0.25)], 30);
        var trained = new TrainedStories(new TrainingSetting(90, 0.01, 30, 0.5, double.PositiveInfinity), model, [new HeldOutScore("giveme", "BCubed F1", 0.9)], 0.9, 0.22);

        // When it is written and read back
        StoredMergeModel back = MergeModelJson.FromJson(MergeModelJson.ToJson(trained, new Dictionary<string, string> { ["fittedOn"] = "x" }));

        // Then the weights and the settings are the same
        Assert.Equal(model, back.Model);
        Assert.Equal(double.PositiveInfinity, back.MergeScore);
        Assert.Equal(90, back.WindowDays);
    }

    [Fact]
    public void A_model_written_before_the_later_weights_reads_them_as_0_and_any_other_missing_weight_is_an_error()
    {
        // Given a model file as train stories wrote it before body × headline meaning, the town and day conflicts and
        // the headline-meaning gap were candidates
        MergeModel model = PairFit.Model(-2.5, [.. Enumerable.Range(1, PairFit.Names.Count).Select(i => i * 0.25)], 30);
        var trained = new TrainedStories(new TrainingSetting(90, 0.01, 30, 0.5, 2), model, [new HeldOutScore("giveme", "BCubed F1", 0.9)], 0.9, 0.22);
        var json = System.Text.Json.Nodes.JsonNode.Parse(MergeModelJson.ToJson(trained, new Dictionary<string, string>()))!;
        foreach (string later in new[] { "bodyHeadMeaning", "townConflict", "dayConflict", "headMeaningGap" })
        {
            json["weights"]!.AsObject().Remove(later);
        }

        // When it is read, those weigh nothing and the rest is as written
        StoredMergeModel back = MergeModelJson.FromJson(json.ToJsonString());
        Assert.Equal(model with { BodyHeadMeaning = 0, TownConflict = 0, DayConflict = 0, HeadMeaningGap = 0 }, back.Model);
        Assert.Equal(2, back.MergeScore);

        // And a file without another weight is refused
        json["weights"]!.AsObject().Remove("numberMatch");
        Assert.Throws<KeyNotFoundException>(() => MergeModelJson.FromJson(json.ToJsonString()));
    }
}
