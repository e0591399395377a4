using Storyline.Domain;
using Storyline.Evaluation.Time;

namespace Storyline.Evaluation.Tests.Time;

public sealed class TimeScorerTests
{
    private static Timex T(int start, int end, string value, TimeType type = TimeType.Date) => new("t", start, end, type, value);

    [Fact]
    public void Hand_computed_case_gives_the_TempEval3_measures()
    {
        // Given three gold expressions and three predictions:
        //   gold [0,6) 2023-09-11   ↔ ours [0,6) same span, same value            (strict + relaxed, value right)
        //   gold [10,25) P17M       ↔ ours [14,25) overlapping, value P17M        (relaxed only, value right)
        //   gold [30,34) 2019       ↔ ours [30,34) same span, value 2018, TIME    (strict + relaxed, type and value wrong)
        //   ours [40,45) extra, gold has nothing there
        Timex[] gold = [T(0, 6, "2023-09-11"), T(10, 25, "P17M", TimeType.Duration), T(30, 34, "2019")];
        Timex[] ours = [T(0, 6, "2023-09-11"), T(14, 25, "P17M", TimeType.Duration), T(30, 34, "2018", TimeType.Time), T(40, 45, "PAST_REF")];

        // When scored
        TimeScores s = TimeScorer.Score(gold, ours);

        // Then strict: 2 of 4 predicted, 2 of 3 gold; relaxed: 3 of 4, 3 of 3; 3 pairs with 2 right types and 2 right values
        Assert.Equal((3, 4, 2, 2, 3, 3, 3, 2, 2), (s.Gold, s.System, s.StrictGold, s.StrictSystem, s.RelaxedGold, s.RelaxedSystem, s.Pairs, s.TypeCorrect, s.ValueCorrect));
        Assert.Equal(0.5, s.StrictPrecision, 6);
        Assert.Equal(2.0 / 3, s.StrictRecall, 6);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + (2.0 / 3)), s.StrictF1, 6); // 4/7
        Assert.Equal(0.75, s.RelaxedPrecision, 6);
        Assert.Equal(1.0, s.RelaxedRecall, 6);
        Assert.Equal(6.0 / 7, s.RelaxedF1, 6);
        Assert.Equal(2.0 / 3, s.ValueAccuracy, 6);
        Assert.Equal(6.0 / 7 * 2 / 3, s.ValueF1, 6); // relaxed F1 × value accuracy = 4/7
        Assert.Equal(6.0 / 7 * 2 / 3, s.TypeF1, 6);
    }

    [Fact]
    public void One_prediction_pairs_with_one_gold_expression_only()
    {
        // A long prediction over two gold expressions overlaps both (relaxed recall 2/2) but pairs with one.
        TimeScores s = TimeScorer.Score([T(0, 5, "2019"), T(6, 10, "2020")], [T(0, 10, "2019")]);
        Assert.Equal((2, 1, 1), (s.RelaxedGold, s.RelaxedSystem, s.Pairs));
        Assert.Equal(1, s.ValueCorrect);
    }

    [Fact]
    public void Counts_add_up_over_documents_and_nothing_scores_zero()
    {
        TimeScores a = TimeScorer.Score([T(0, 4, "2019")], [T(0, 4, "2019")]);
        TimeScores b = TimeScorer.Score([T(0, 4, "2019")], []);
        TimeScores sum = a + b;
        Assert.Equal((2, 1, 1), (sum.Gold, sum.System, sum.ValueCorrect));
        Assert.Equal(0.5, sum.RelaxedRecall, 6);
        Assert.Equal(0, TimeScores.Zero.RelaxedF1);
    }
}
