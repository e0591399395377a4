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
        var examples = new List<PairExample>();
        for (int i = 0; i < 20; i++)
        {
            examples.Add(new PairExample(new StorySimilarities(0.6 + (i % 4 * 0.05), 0.5, 0.5, 0.5, 1), true));
            examples.Add(new PairExample(new StorySimilarities(0.1 + (i % 3 * 0.05), 0, 0, 0, 1) { EntityConflict = 1 }, false));
        }

        MergeModel model = PairFit.Fit(examples, MergeModel.Default);
        PairQuality quality = PairFit.Quality(examples, model);

        Assert.True(model.Body > 0);
        Assert.True(model.EntityConflict < 0);
        Assert.Equal(MergeModel.Default.DecayDays, model.DecayDays);
        Assert.Equal(1.0, quality.Accuracy);
        Assert.Equal(1.0, quality.Scores.F1);
    }

    [Fact]
    public void A_model_round_trips_through_its_json()
    {
        var tuned = new TunedModel(MergeModel.Default with { EntityConflict = -1.5, PlaceConflict = -0.25 }, 2, 0.9) { StartedFrom = "pairs" };

        (MergeModel model, double mergeScore) = StoryTuning.FromJson(StoryTuning.ToJson(tuned, "giveme"));

        Assert.Equal(tuned.Model, model);
        Assert.Equal(2, mergeScore);
        Assert.Equal(double.PositiveInfinity, StoryTuning.FromJson(StoryTuning.ToJson(tuned with { MergeScore = double.PositiveInfinity }, "g")).MergeScore);
    }
}
