namespace Storyline.Evaluation.Ner;

/// <summary>Counts for one type: names in the gold data, names predicted, and predicted names that match exactly.</summary>
/// <param name="Gold">Names in the gold data.</param>
/// <param name="Predicted">Names predicted.</param>
/// <param name="Correct">Predicted names with the same span and type as a gold name.</param>
public readonly record struct NerCounts(int Gold, int Predicted, int Correct)
{
    /// <summary>Correct over predicted (0 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct over gold (0 when there is no gold name).</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// The conlleval score: a predicted name counts only with exactly the gold span and type; precision, recall and
/// F1 per type and micro-averaged over all names.
/// </summary>
public sealed class NerScores
{
    private readonly SortedDictionary<string, (int Gold, int Predicted, int Correct)> byType = new(StringComparer.Ordinal);

    /// <summary>Adds one sentence's gold and predicted names.</summary>
    public void Add(IReadOnlyList<NerChunk> gold, IReadOnlyList<NerChunk> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var goldSet = new HashSet<NerChunk>(gold);
        foreach (NerChunk g in gold)
        {
            Bump(g.Type, 1, 0, 0);
        }

        foreach (NerChunk p in predicted)
        {
            Bump(p.Type, 0, 1, goldSet.Contains(p) ? 1 : 0);
        }
    }

    /// <summary>Counts per type, in ordinal order of the type names.</summary>
    public IReadOnlyList<(string Type, NerCounts Counts)> Types =>
        [.. byType.Select(kv => (kv.Key, new NerCounts(kv.Value.Gold, kv.Value.Predicted, kv.Value.Correct)))];

    /// <summary>Counts over all types (micro average).</summary>
    public NerCounts Overall => new(byType.Values.Sum(v => v.Gold), byType.Values.Sum(v => v.Predicted), byType.Values.Sum(v => v.Correct));

    private void Bump(string type, int gold, int predicted, int correct)
    {
        var v = byType.GetValueOrDefault(type);
        byType[type] = (v.Gold + gold, v.Predicted + predicted, v.Correct + correct);
    }
}
