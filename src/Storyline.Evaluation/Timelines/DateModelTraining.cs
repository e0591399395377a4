using Storyline.Domain;
using Storyline.Timelines;

namespace Storyline.Evaluation.Timelines;

/// <summary>The candidate days of one gold timeline: their features and whether the editors kept each.</summary>
/// <param name="Topic">The topic folder.</param>
/// <param name="Timeline">The gold timeline.</param>
/// <param name="Features">Each candidate day's features (<see cref="DateModel.Features"/>).</param>
/// <param name="Labels">Whether each day is in the gold timeline.</param>
/// <param name="GoldDays">How many days the gold timeline has (some may have no candidate sentence).</param>
public sealed record DateExamples(string Topic, string Timeline, double[][] Features, bool[] Labels, int GoldDays);

/// <summary>
/// Trains <see cref="DateModel"/>: every weight vector of a small grid (each weight 0, ½, 1, 2 or 4) is tried, and the
/// one whose best-scored days give the highest mean date F1 over the gold timelines (each timeline weighing the same)
/// is kept, the first in grid order on a tie: deterministic, and fitted to the measure that counts rather than to a
/// likelihood that a few days of hundreds of mentions would dominate. Also the leave-one-topic-out folds of a
/// development set, where a topic is every folder of one news story (bpoil_bbc and bpoil_reuters are one topic), so
/// that no model is scored on a story it was trained on.
/// </summary>
public static class DateModelTraining
{
    /// <summary>The values each weight may take.</summary>
    public static readonly IReadOnlyList<double> GridValues = [0, 0.5, 1, 2, 4];

    /// <summary>The story a topic folder belongs to: its name up to the first '_' ("bpoil_bbc" → "bpoil").</summary>
    public static string StoryOf(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        int cut = topic.IndexOf('_', StringComparison.Ordinal);
        return cut < 0 ? topic : topic[..cut];
    }

    /// <summary>The candidate days of a gold timeline in the standard setting, with their labels.</summary>
    public static DateExamples Examples(string topic, GoldTimeline gold, IReadOnlyList<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(reports);
        TimelineOptions settings = TimelineEvaluation.OptionsFor(gold.Summaries, options);
        IReadOnlyList<DayEvidence> days = new TimelineSummarizer().Evidence(TimelineEvaluation.InSpan(reports, settings), settings);
        return new DateExamples(topic, gold.Name, DateModel.Features(days), [.. days.Select(d => gold.Summaries.Days.ContainsKey(d.Date))], gold.Summaries.Days.Count);
    }

    /// <summary>The grid's best model for <paramref name="examples"/>, naming the topics it saw.</summary>
    public static DateModel Fit(IReadOnlyList<DateExamples> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        DateExamples[] usable = [.. examples.Where(e => e.Labels.Any(l => l))];
        int features = DateModel.FeatureNames.Length;
        double[] weights = new double[features];
        double[] best = [.. Enumerable.Repeat(GridValues[^1], features)];
        double bestScore = -1;
        int combinations = (int)Math.Pow(GridValues.Count, features);
        for (int combination = 0; combination < combinations; combination++)
        {
            int rest = combination;
            for (int f = 0; f < features; f++)
            {
                weights[f] = GridValues[rest % GridValues.Count];
                rest /= GridValues.Count;
            }

            if (weights.All(w => w == 0))
            {
                continue;
            }

            double score = usable.Length == 0 ? 0 : usable.Average(e => DateF1(e, weights));
            if (score > bestScore + 1e-12)
            {
                bestScore = score;
                best = [.. weights];
            }
        }

        return new DateModel([.. best], [.. examples.Select(e => e.Topic).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The date F1 of the timeline's best-scored days under <paramref name="weights"/>, as many as it has gold days.</summary>
    public static double DateF1(DateExamples timeline, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(weights);
        int gold = timeline.Labels.Count(l => l);
        if (gold == 0 || timeline.Labels.Length == 0)
        {
            return 0;
        }

        var scores = new double[timeline.Labels.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            for (int f = 0; f < weights.Count; f++)
            {
                scores[i] += weights[f] * timeline.Features[i][f];
            }
        }

        // The days the summariser would keep: best score first, the earlier day on a tie.
        int kept = Math.Min(timeline.GoldDays, scores.Length);
        int hits = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(kept).Count(i => timeline.Labels[i]);
        return 2.0 * hits / (kept + timeline.GoldDays);
    }

    /// <summary>
    /// The leave-one-topic-out models of <paramref name="examples"/>: for each story, a model fitted to the others'
    /// timelines, by story.
    /// </summary>
    public static IReadOnlyDictionary<string, DateModel> LeaveOneTopicOut(IReadOnlyList<DateExamples> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return examples.Select(e => StoryOf(e.Topic)).Distinct(StringComparer.Ordinal).ToDictionary(
            story => story,
            story => Fit([.. examples.Where(e => !string.Equals(StoryOf(e.Topic), story, StringComparison.Ordinal))]),
            StringComparer.Ordinal);
    }
}
