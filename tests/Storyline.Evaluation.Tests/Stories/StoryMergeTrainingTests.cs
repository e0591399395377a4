using Storyline.Evaluation.Stories;
using Storyline.Stories;

namespace Storyline.Evaluation.Tests.Stories;

/// <summary>The story-merge decision's fit, its file, and the rule that picks a configuration.</summary>
public sealed class StoryMergeTrainingTests
{
    private static StoryPairExample Pair(double words, double placeConflict, bool same) =>
        new(new StoryPairSimilarities(words, 0, 0, 0, 0, 0, placeConflict, 0, 1), same);

    [Fact]
    public void The_fit_learns_that_shared_words_join_and_a_place_conflict_keeps_apart()
    {
        // Given two sources: one where stories with shared words are one, one where a place conflict says they are not
        IReadOnlyList<StoryPairExample> words = [Pair(0.8, 0, true), Pair(0.7, 0, true), Pair(0.1, 0, false), Pair(0.2, 0, false), Pair(0.75, 0, false), Pair(0.15, 0, true)];
        IReadOnlyList<StoryPairExample> places = [Pair(0.6, 1, false), Pair(0.7, 1, false), Pair(0.6, 0, true), Pair(0.7, 0, true)];

        // When the merge model is fitted on both
        StoryMergeModel model = StoryMergeTraining.Fit([words, places], offset: 0);

        // Then shared words count for a merge and a place conflict against it
        Assert.True(model.Weights[0] > 0, $"words weight {model.Weights[0]}");
        Assert.True(model.Weights[6] < 0, $"place conflict weight {model.Weights[6]}");
        Assert.True(model.Score(Pair(0.7, 0, true).Similarities) > model.Score(Pair(0.7, 1, false).Similarities));

        // And the offset moves the bias alone
        StoryMergeModel looser = StoryMergeTraining.Fit([words, places], offset: 1);
        Assert.Equal(model.Bias + 1, looser.Bias, 9);
        Assert.Equal(model.Weights, looser.Weights);
    }

    [Fact]
    public void Sources_whose_gold_disagree_rank_each_other_s_pairs_backwards()
    {
        // Given a source where shared words mean one story, and one where they mean two (its gold the other way round)
        IReadOnlyList<StoryPairExample> agree = [Pair(0.9, 0, true), Pair(0.8, 0, true), Pair(0.2, 0, false), Pair(0.1, 0, false)];
        IReadOnlyList<StoryPairExample> disagree = [Pair(0.9, 0, false), Pair(0.8, 0, false), Pair(0.2, 0, true), Pair(0.1, 0, true)];

        // When each source's model ranks both sources' pairs
        double[,] auc = StoryMergeTraining.CrossAuc([agree, disagree]);

        // Then each ranks its own pairs perfectly and the other's backwards
        Assert.Equal(1.0, auc[0, 0]);
        Assert.Equal(1.0, auc[1, 1]);
        Assert.Equal(0.0, auc[0, 1]);
        Assert.Equal(0.0, auc[1, 0]);
    }

    [Fact]
    public void A_story_merge_model_reads_back_as_written()
    {
        var model = new StoryMergeModel(-1.5, [2, 0.5, 0.25, 1, 0, 0.75, -3, -1, 0.125]) { Candidates = 4 };

        StoryMergeModel back = StoryMergeJson.FromJson(StoryMergeJson.ToJson(model, "body", new Dictionary<string, string>()));

        Assert.Equal(model.Bias, back.Bias);
        Assert.Equal(model.Weights, back.Weights);
        Assert.Equal(4, back.Candidates);
    }

    private static SourceGain Source(string name, double score, double gain, double spread) =>
        new(name, score, [], new EvidenceGain(gain, spread));

    [Fact]
    public void The_rule_picks_the_best_mean_among_configurations_that_lose_nowhere_more_than_their_spread()
    {
        // Given a configuration that gains much on one source but loses more than its spread on another, one that gains
        // a little without losing, and one that gains nothing
        static StoryMergeCandidate Candidate(double? offset, params SourceGain[] sources) => new(new StoryMergeSetting("body", offset), sources);
        StoryMergeCandidate buys = Candidate(2, Source("a", 0.80, -0.05, 0.01), Source("b", 0.95, 0.3, 0.05), Source(StoryMergeCandidate.PairsSource, 0.9, 0, 0));
        StoryMergeCandidate small = Candidate(0, Source("a", 0.851, 0.001, 0.002), Source("b", 0.70, 0.05, 0.01), Source(StoryMergeCandidate.PairsSource, 0.9, 0, 0));
        StoryMergeCandidate nothing = Candidate(null, Source("a", 0.85, 0, 0), Source("b", 0.65, 0, 0), Source(StoryMergeCandidate.PairsSource, 0.9, 0, 0));

        // When the rule chooses
        StoryMergeCandidate? chosen = StoryMergeTraining.Choose([nothing, buys, small]);

        // Then the one that buys a gain with a loss is not admissible, whatever its mean, and the small gain is chosen
        Assert.False(buys.Admissible);
        Assert.False(nothing.Admissible);
        Assert.Same(small, chosen);
        Assert.Equal((0.851 + 0.70) / 2, small.Mean, 9);
        Assert.Null(StoryMergeTraining.Choose([nothing, buys]));
    }
}
