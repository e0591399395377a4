using Storyline.Evaluation;

namespace Storyline.Core.Tests.Evaluation;

public sealed class ClusteringScoresTests
{
    [Fact]
    public void BCubed_of_a_perfect_clustering_is_one()
    {
        var gold = new Dictionary<int, string> { [1] = "a", [2] = "a", [3] = "b" };
        var predicted = new Dictionary<int, int> { [1] = 7, [2] = 7, [3] = 9 };
        PrecisionRecall score = ClusteringScores.BCubed(gold, predicted);
        Assert.Equal(1.0, score.Precision, 10);
        Assert.Equal(1.0, score.Recall, 10);
        Assert.Equal(1.0, score.F1, 10);
    }

    [Fact]
    public void BCubed_matches_a_hand_computed_case()
    {
        // Gold: {1,2,3} {4,5}. Predicted: {1,2} {3,4,5}.
        // Precision per item: 1: 2/2, 2: 2/2, 3: 1/3, 4: 2/3, 5: 2/3 → (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15.
        // Recall per item:    1: 2/3, 2: 2/3, 3: 1/3, 4: 2/2, 5: 2/2 → (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15.
        var gold = new Dictionary<int, char> { [1] = 'a', [2] = 'a', [3] = 'a', [4] = 'b', [5] = 'b' };
        var predicted = new Dictionary<int, char> { [1] = 'x', [2] = 'x', [3] = 'y', [4] = 'y', [5] = 'y' };
        PrecisionRecall score = ClusteringScores.BCubed(gold, predicted);
        Assert.Equal(11.0 / 15, score.Precision, 10);
        Assert.Equal(11.0 / 15, score.Recall, 10);
    }

    [Fact]
    public void BCubed_of_all_in_one_cluster_has_full_recall_and_low_precision()
    {
        // Gold: four singletons. Predicted: one cluster. Precision = 1/4 for every item.
        var gold = new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 3, [4] = 4 };
        var predicted = new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0, [4] = 0 };
        PrecisionRecall score = ClusteringScores.BCubed(gold, predicted);
        Assert.Equal(0.25, score.Precision, 10);
        Assert.Equal(1.0, score.Recall, 10);
        Assert.Equal(0.4, score.F1, 10);
    }

    [Fact]
    public void Pairwise_matches_a_hand_computed_case()
    {
        // Gold: {1,2,3} {4,5} → gold pairs 12 13 23 45. Predicted: {1,2} {3,4,5} → 12 34 35 45.
        // Shared: 12, 45 → precision 2/4, recall 2/4.
        var gold = new Dictionary<int, char> { [1] = 'a', [2] = 'a', [3] = 'a', [4] = 'b', [5] = 'b' };
        var predicted = new Dictionary<int, char> { [1] = 'x', [2] = 'x', [3] = 'y', [4] = 'y', [5] = 'y' };
        PrecisionRecall score = ClusteringScores.Pairwise(gold, predicted);
        Assert.Equal(0.5, score.Precision, 10);
        Assert.Equal(0.5, score.Recall, 10);
    }
}
