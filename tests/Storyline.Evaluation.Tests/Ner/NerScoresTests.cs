using Storyline.Evaluation.Ner;

namespace Storyline.Evaluation.Tests.Ner;

public sealed class NerScoresTests
{
    [Fact]
    public void Only_exact_span_and_type_count()
    {
        // Given gold: [Kim Jong Un] PER, [Vladivostok] LOC, [Interfax] ORG
        // and predicted: [Kim Jong] PER (wrong span), [Vladivostok] LOC (right), [Interfax] PER (wrong type), [Putin] PER (spurious)
        var scores = new NerScores();
        scores.Add(
            [new(0, 3, "PER"), new(5, 1, "LOC"), new(8, 1, "ORG")],
            [new(0, 2, "PER"), new(5, 1, "LOC"), new(8, 1, "PER"), new(10, 1, "PER")]);

        // Then, by hand: 1 correct of 4 predicted and 3 gold.
        NerCounts overall = scores.Overall;
        Assert.Equal((3, 4, 1), (overall.Gold, overall.Predicted, overall.Correct));
        Assert.Equal(0.25, overall.Precision, 10);
        Assert.Equal(1.0 / 3, overall.Recall, 10);
        Assert.Equal(2 * 0.25 * (1.0 / 3) / (0.25 + (1.0 / 3)), overall.F1, 10);

        var byType = scores.Types.ToDictionary(t => t.Type, t => t.Counts);
        Assert.Equal(new NerCounts(1, 1, 1), byType["LOC"]);
        Assert.Equal(new NerCounts(1, 0, 0), byType["ORG"]);
        Assert.Equal(new NerCounts(1, 3, 0), byType["PER"]);
        Assert.Equal(0, byType["ORG"].Precision);
    }

    [Fact]
    public void Micro_average_sums_counts_over_sentences_and_types()
    {
        var scores = new NerScores();
        scores.Add([new(0, 1, "LOC")], [new(0, 1, "LOC")]);
        scores.Add([new(0, 1, "PER"), new(2, 1, "PER")], [new(0, 1, "PER")]);

        // 2 correct, 2 predicted, 3 gold: P = 1, R = 2/3, F1 = 0.8.
        Assert.Equal(1.0, scores.Overall.Precision, 10);
        Assert.Equal(2.0 / 3, scores.Overall.Recall, 10);
        Assert.Equal(0.8, scores.Overall.F1, 10);
    }

    [Fact]
    public void Nothing_predicted_scores_zero_without_dividing_by_zero()
    {
        var scores = new NerScores();
        scores.Add([new(0, 1, "MISC")], []);
        Assert.Equal(0, scores.Overall.F1);
    }
}
