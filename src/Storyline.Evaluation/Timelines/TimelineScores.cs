using System.Collections.Immutable;

namespace Storyline.Evaluation.Timelines;

/// <summary>A timeline as a benchmark gives it or a system writes it: sentences per day.</summary>
/// <param name="Days">Each day's sentences, by day.</param>
public sealed record DatedSummaries(ImmutableSortedDictionary<DateOnly, ImmutableArray<string>> Days)
{
    /// <summary>A timeline from (day, sentences) pairs; sentences of a repeated day are appended.</summary>
    public static DatedSummaries Of(IEnumerable<(DateOnly Date, IEnumerable<string> Sentences)> days)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<DateOnly, ImmutableArray<string>>();
        foreach ((DateOnly date, IEnumerable<string> sentences) in days)
        {
            builder[date] = builder.TryGetValue(date, out ImmutableArray<string> before) ? before.AddRange(sentences) : [.. sentences];
        }

        return new DatedSummaries(builder.ToImmutable());
    }
}

/// <summary>
/// The timeline summarisation metrics of Martschat and Markert (2017, "Improving ROUGE for Timeline Summarization"),
/// as used by news-tls (Ghalandari and Ifrim 2020): alignment-based ROUGE-N with many-to-one date alignment, and date
/// F1. Written from the paper's definitions:
/// <list type="bullet">
/// <item>The cost of aligning a predicted day d with a reference day r is (1 − cos(d, r)) · (|d − r| + 1), where cos is
/// the cosine of the two days' unigram count vectors.</item>
/// <item>Precision: each predicted day is aligned with its cheapest reference day (many predicted days may go to one
/// reference day); its clipped n-gram matches with that day count, weighted by 1 / (|d − r| + 1), over all n-grams of
/// the prediction. Recall: each reference day is aligned with its cheapest predicted day, the same weighted matches over
/// all n-grams of the reference. Both are micro-averaged over the days of one timeline.</item>
/// <item>Date F1: precision and recall of the predicted set of days against the reference set, exact days.</item>
/// </list>
/// Tokens are lower-cased runs of letters and digits (Penn Treebank bracket tokens such as -LRB- dropped), no stemming
/// and no stopword removal; n-grams do not cross sentence boundaries.
/// </summary>
public static class TimelineScores
{
    /// <summary>Alignment-based ROUGE-<paramref name="n"/> (many-to-one) of <paramref name="predicted"/> against <paramref name="reference"/>.</summary>
    public static PrecisionRecall AlignedRouge(DatedSummaries predicted, DatedSummaries reference, int n)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        DateOnly[] predDates = [.. predicted.Days.Keys];
        DateOnly[] refDates = [.. reference.Days.Keys];
        if (predDates.Length == 0 || refDates.Length == 0)
        {
            return new PrecisionRecall(0, 0);
        }

        Dictionary<string, int>[] predUnigrams = [.. predDates.Select(d => NGrams(predicted.Days[d], 1))];
        Dictionary<string, int>[] refUnigrams = [.. refDates.Select(d => NGrams(reference.Days[d], 1))];
        Dictionary<string, int>[] predGrams = n == 1 ? predUnigrams : [.. predDates.Select(d => NGrams(predicted.Days[d], n))];
        Dictionary<string, int>[] refGrams = n == 1 ? refUnigrams : [.. refDates.Select(d => NGrams(reference.Days[d], n))];

        var cost = new double[predDates.Length, refDates.Length];
        for (int i = 0; i < predDates.Length; i++)
        {
            for (int j = 0; j < refDates.Length; j++)
            {
                cost[i, j] = (1 - Cosine(predUnigrams[i], refUnigrams[j])) * (Distance(predDates[i], refDates[j]) + 1);
            }
        }

        double precisionMatches = 0;
        for (int i = 0; i < predDates.Length; i++)
        {
            int j = ArgMin(refDates.Length, k => cost[i, k]);
            precisionMatches += Matches(predGrams[i], refGrams[j]) / (Distance(predDates[i], refDates[j]) + 1.0);
        }

        double recallMatches = 0;
        for (int j = 0; j < refDates.Length; j++)
        {
            int i = ArgMin(predDates.Length, k => cost[k, j]);
            recallMatches += Matches(predGrams[i], refGrams[j]) / (Distance(predDates[i], refDates[j]) + 1.0);
        }

        double predTotal = predGrams.Sum(g => g.Values.Sum());
        double refTotal = refGrams.Sum(g => g.Values.Sum());
        return new PrecisionRecall(predTotal == 0 ? 0 : precisionMatches / predTotal, refTotal == 0 ? 0 : recallMatches / refTotal);
    }

    /// <summary>Precision and recall of the predicted days against the reference days.</summary>
    public static PrecisionRecall DateScores(DatedSummaries predicted, DatedSummaries reference)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(reference);
        int shared = predicted.Days.Keys.Count(reference.Days.ContainsKey);
        return new PrecisionRecall(
            predicted.Days.Count == 0 ? 0 : (double)shared / predicted.Days.Count,
            reference.Days.Count == 0 ? 0 : (double)shared / reference.Days.Count);
    }

    /// <summary>The scoring tokens of a sentence.</summary>
    public static List<string> Tokens(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = new List<string>();
        foreach (string raw in sentence.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw is "-LRB-" or "-RRB-" or "-LSB-" or "-RSB-" or "-LCB-" or "-RCB-")
            {
                continue;
            }

            int i = 0;
            while (i < raw.Length)
            {
                if (!char.IsLetterOrDigit(raw[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < raw.Length && char.IsLetterOrDigit(raw[i]))
                {
                    i++;
                }

                tokens.Add(raw[start..i].ToLowerInvariant());
            }
        }

        return tokens;
    }

    private static Dictionary<string, int> NGrams(IEnumerable<string> sentences, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string sentence in sentences)
        {
            List<string> tokens = Tokens(sentence);
            for (int i = 0; i + n <= tokens.Count; i++)
            {
                string gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
        }

        return counts;
    }

    // Clipped matches: each n-gram counts as often as the rarer side has it.
    private static int Matches(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Sum(p => b.TryGetValue(p.Key, out int other) ? Math.Min(p.Value, other) : 0);

    private static double Cosine(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        double dot = a.Sum(p => b.TryGetValue(p.Key, out int other) ? (double)p.Value * other : 0);
        double norms = Math.Sqrt(a.Values.Sum(v => (double)v * v)) * Math.Sqrt(b.Values.Sum(v => (double)v * v));
        return norms == 0 ? 0 : dot / norms;
    }

    private static int Distance(DateOnly a, DateOnly b) => Math.Abs(a.DayNumber - b.DayNumber);

    // The first index of the smallest value, as numpy's argmin.
    private static int ArgMin(int count, Func<int, double> value)
    {
        int best = 0;
        for (int k = 1; k < count; k++)
        {
            if (value(k) < value(best))
            {
                best = k;
            }
        }

        return best;
    }
}
