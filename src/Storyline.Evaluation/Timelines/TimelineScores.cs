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

/// <summary>Alignment-based ROUGE-1 and ROUGE-2 of one predicted timeline.</summary>
/// <param name="Rouge1">ROUGE-1 precision and recall.</param>
/// <param name="Rouge2">ROUGE-2 precision and recall.</param>
public readonly record struct AlignedRouge(PrecisionRecall Rouge1, PrecisionRecall Rouge2);

/// <summary>
/// The timeline summarisation metrics as tilse computes them for news-tls (Martschat and Markert 2017, "Improving ROUGE
/// for Timeline Summarization"; Ghalandari and Ifrim 2020): alignment-based ROUGE-N with many-to-one date alignment
/// ("align+ m:1"), and date F1. Written from the paper and tilse's description:
/// <list type="bullet">
/// <item>The cost of aligning a predicted day d with a reference day r is (1 − 1 / (|d − r| + 1)) · (1 − F), where F is an
/// approximate ROUGE-1 F1 of the two days' whitespace tokens (as written, case kept, single punctuation tokens left
/// out). An exact date therefore costs 0; ties go to the earliest day.</item>
/// <item>Precision: each predicted day is aligned with its cheapest reference day (many predicted days may go to one
/// reference day); the ROUGE-1.5.5 n-gram hits of that pair (<see cref="Rouge155"/>, clipped counts), weighted by
/// 1 / (|d − r| + 1), are summed over the predicted days and divided by all the prediction's n-grams. Recall: each
/// reference day is aligned with its cheapest predicted day, and the weighted hits are divided by all the reference's
/// n-grams.</item>
/// <item>Date precision and recall: of the predicted set of days against the reference set, exact days.</item>
/// </list>
/// </summary>
public static class TimelineScores
{
    /// <summary>Alignment-based ROUGE-1 and ROUGE-2 (many-to-one) of <paramref name="predicted"/> against <paramref name="reference"/>.</summary>
    public static AlignedRouge Aligned(DatedSummaries predicted, DatedSummaries reference, Rouge155 rouge)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(rouge);
        Day[] pred = [.. predicted.Days.Select(p => new Day(p.Key, p.Value, rouge))];
        Day[] refs = [.. reference.Days.Select(p => new Day(p.Key, p.Value, rouge))];
        if (pred.Length == 0 || refs.Length == 0)
        {
            return default;
        }

        var cost = new double[pred.Length, refs.Length];
        for (int i = 0; i < pred.Length; i++)
        {
            for (int j = 0; j < refs.Length; j++)
            {
                double dateFactor = 1 - (1.0 / (Distance(pred[i].Date, refs[j].Date) + 1));
                cost[i, j] = dateFactor * (1 - ApproximateRouge1(pred[i].Words, refs[j].Words));
            }
        }

        var precision = new Sums();
        foreach (int i in Enumerable.Range(0, pred.Length))
        {
            int j = ArgMin(refs.Length, k => cost[i, k]);
            precision.Add(pred[i], refs[j], forPrecision: true);
        }

        var recall = new Sums();
        foreach (int j in Enumerable.Range(0, refs.Length))
        {
            int i = ArgMin(pred.Length, k => cost[k, j]);
            recall.Add(pred[i], refs[j], forPrecision: false);
        }

        return new AlignedRouge(
            new PrecisionRecall(precision.Ratio(1), recall.Ratio(1)),
            new PrecisionRecall(precision.Ratio(2), recall.Ratio(2)));
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

    /// <summary>
    /// tilse's stand-in for ROUGE-1 F1 in the alignment cost: whitespace tokens as written, without tokens that are a
    /// run of punctuation characters in ASCII order (".", ",", "()"), clipped unigram matches.
    /// </summary>
    public static double ApproximateRouge1(IReadOnlyDictionary<string, int> predicted, IReadOnlyDictionary<string, int> reference)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(reference);
        double match = Matches(predicted, reference);
        double p = Total(predicted) == 0 ? 0 : match / Total(predicted);
        double r = Total(reference) == 0 ? 0 : match / Total(reference);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>The whitespace tokens of sentences as the alignment cost counts them (see <see cref="ApproximateRouge1"/>).</summary>
    public static Dictionary<string, int> WhitespaceTokens(IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string sentence in sentences)
        {
            foreach (string token in sentence.Split([' ', '\t', '\n', '\r', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries))
            {
                // Python's `token in string.punctuation` is a substring test against the punctuation characters in
                // ASCII order.
                if (!Punctuation.Contains(token, StringComparison.Ordinal))
                {
                    counts[token] = counts.GetValueOrDefault(token) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>The n-grams of a token sequence with their counts.</summary>
    public static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            string gram = n == 1 ? tokens[i] : string.Join(' ', tokens.Skip(i).Take(n));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }

    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    // Clipped matches: each n-gram counts as often as the rarer side has it.
    private static int Matches(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Sum(p => b.TryGetValue(p.Key, out int other) ? Math.Min(p.Value, other) : 0);

    private static int Total(IReadOnlyDictionary<string, int> counts) => counts.Values.Sum();

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

    private sealed class Day(DateOnly date, ImmutableArray<string> sentences, Rouge155 rouge)
    {
        private readonly List<string> tokens = rouge.Tokens(sentences);

        public DateOnly Date { get; } = date;

        public Dictionary<string, int> Words { get; } = WhitespaceTokens(sentences);

        private Dictionary<string, int>? unigrams;
        private Dictionary<string, int>? bigrams;

        public Dictionary<string, int> Grams(int n) => n == 1 ? unigrams ??= NGrams(tokens, 1) : bigrams ??= NGrams(tokens, 2);
    }

    // Weighted hits and n-gram totals of one direction, for ROUGE-1 and ROUGE-2.
    private sealed class Sums
    {
        private readonly double[] hits = new double[3];
        private readonly double[] totals = new double[3];

        public void Add(Day predicted, Day reference, bool forPrecision)
        {
            double weight = 1.0 / (Distance(predicted.Date, reference.Date) + 1);
            for (int n = 1; n <= 2; n++)
            {
                hits[n] += weight * Matches(predicted.Grams(n), reference.Grams(n));
                totals[n] += Total(forPrecision ? predicted.Grams(n) : reference.Grams(n));
            }
        }

        public double Ratio(int n) => totals[n] == 0 ? 0 : hits[n] / totals[n];
    }
}
