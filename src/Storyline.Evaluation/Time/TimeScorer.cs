namespace Storyline.Evaluation.Time;

/// <summary>
/// TempEval-3 counts for time expressions, summed over documents. Spans match strictly (same characters) or relaxed
/// (any overlap); type and value are judged over relaxed-matched pairs. As TempEval-3 defines them, an attribute's F1
/// is the relaxed span F1 times the attribute's accuracy on the matched pairs.
/// </summary>
/// <param name="Gold">Gold expressions.</param>
/// <param name="System">Predicted expressions.</param>
/// <param name="StrictGold">Gold expressions with a prediction of exactly the same span.</param>
/// <param name="StrictSystem">Predictions with a gold expression of exactly the same span.</param>
/// <param name="RelaxedGold">Gold expressions overlapped by some prediction.</param>
/// <param name="RelaxedSystem">Predictions overlapping some gold expression.</param>
/// <param name="Pairs">Matched pairs (each gold expression with the first prediction overlapping it, one to one).</param>
/// <param name="TypeCorrect">Pairs of the same type.</param>
/// <param name="ValueCorrect">Pairs of the same value.</param>
public sealed record TimeScores(
    int Gold, int System, int StrictGold, int StrictSystem, int RelaxedGold, int RelaxedSystem, int Pairs, int TypeCorrect, int ValueCorrect)
{
    /// <summary>No documents.</summary>
    public static readonly TimeScores Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double StrictPrecision => Ratio(StrictSystem, System);

    public double StrictRecall => Ratio(StrictGold, Gold);

    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    public double RelaxedPrecision => Ratio(RelaxedSystem, System);

    public double RelaxedRecall => Ratio(RelaxedGold, Gold);

    public double RelaxedF1 => F1(RelaxedPrecision, RelaxedRecall);

    public double TypeAccuracy => Ratio(TypeCorrect, Pairs);

    public double ValueAccuracy => Ratio(ValueCorrect, Pairs);

    public double TypeF1 => RelaxedF1 * TypeAccuracy;

    public double ValueF1 => RelaxedF1 * ValueAccuracy;

    public static TimeScores operator +(TimeScores a, TimeScores b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(a.Gold + b.Gold, a.System + b.System, a.StrictGold + b.StrictGold, a.StrictSystem + b.StrictSystem,
            a.RelaxedGold + b.RelaxedGold, a.RelaxedSystem + b.RelaxedSystem, a.Pairs + b.Pairs, a.TypeCorrect + b.TypeCorrect, a.ValueCorrect + b.ValueCorrect);
    }

    /// <summary>Named metrics in print order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Metrics() =>
    [
        new("gold", Gold), new("system", System),
        new("strict P", StrictPrecision), new("strict R", StrictRecall), new("strict F1", StrictF1),
        new("relaxed P", RelaxedPrecision), new("relaxed R", RelaxedRecall), new("relaxed F1", RelaxedF1),
        new("type acc", TypeAccuracy), new("type F1", TypeF1), new("value acc", ValueAccuracy), new("value F1", ValueF1),
    ];

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>Scores one document's predicted TIMEX3 tags against the gold ones.</summary>
public static class TimeScorer
{
    /// <summary>The counts for one document.</summary>
    public static TimeScores Score(IReadOnlyList<Timex> gold, IReadOnlyList<Timex> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        int strictGold = gold.Count(g => system.Any(s => s.Start == g.Start && s.End == g.End));
        int strictSystem = system.Count(s => gold.Any(g => s.Start == g.Start && s.End == g.End));
        int relaxedGold = gold.Count(g => system.Any(s => Overlaps(g, s)));
        int relaxedSystem = system.Count(s => gold.Any(g => Overlaps(g, s)));
        int pairs = 0, type = 0, value = 0;
        var used = new bool[system.Count];
        foreach (Timex g in gold)
        {
            int match = -1;
            for (int i = 0; i < system.Count; i++)
            {
                if (!used[i] && Overlaps(g, system[i]) && (match < 0 || SameSpan(g, system[i])))
                {
                    match = i;
                    if (SameSpan(g, system[i]))
                    {
                        break;
                    }
                }
            }

            if (match < 0)
            {
                continue;
            }

            used[match] = true;
            pairs++;
            type += system[match].Type == g.Type ? 1 : 0;
            value += string.Equals(system[match].Value, g.Value, StringComparison.Ordinal) ? 1 : 0;
        }

        return new TimeScores(gold.Count, system.Count, strictGold, strictSystem, relaxedGold, relaxedSystem, pairs, type, value);
    }

    /// <summary>Whether two spans share at least one character.</summary>
    public static bool Overlaps(Timex a, Timex b) => a.Start < b.End && b.Start < a.End;

    private static bool SameSpan(Timex a, Timex b) => a.Start == b.Start && a.End == b.End;
}
