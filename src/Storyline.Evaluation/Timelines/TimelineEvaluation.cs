using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Timelines;

namespace Storyline.Evaluation.Timelines;

/// <summary>The scores of one predicted timeline against its gold one.</summary>
/// <param name="Topic">The topic folder.</param>
/// <param name="Timeline">The gold timeline's file name.</param>
/// <param name="Predicted">What was predicted.</param>
/// <param name="Rouge1">Alignment-based ROUGE-1 (many-to-one).</param>
/// <param name="Rouge2">Alignment-based ROUGE-2 (many-to-one).</param>
/// <param name="Dates">Date precision and recall.</param>
public sealed record TimelineScore(string Topic, string Timeline, DatedSummaries Predicted, PrecisionRecall Rouge1, PrecisionRecall Rouge2, PrecisionRecall Dates);

/// <summary>
/// The standard Timeline17 run (as in news-tls): each topic's articles are analysed (text and time stages only); for
/// each of its gold timelines a timeline is built with the gold number of days and the gold mean number of sentences
/// per day (rounded), its days within the gold timeline's first and last day, then scored with
/// <see cref="TimelineScores"/>. Scores are averaged over timelines.
/// </summary>
public static class TimelineEvaluation
{
    private static readonly AnalysisPipeline Pipeline = new PipelineBuilder().UseText().UseTime().Build();

    /// <summary>The options of a run for one gold timeline: its number of days, sentences per day and span.</summary>
    public static TimelineOptions OptionsFor(DatedSummaries gold, TimelineOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        int sentences = gold.Days.Values.Sum(s => s.Length);
        return (baseOptions ?? Defaults) with
        {
            MaxDates = gold.Days.Count,
            EntriesPerDate = Math.Max(1, (int)Math.Round((double)sentences / Math.Max(1, gold.Days.Count), MidpointRounding.AwayFromZero)),
            Start = gold.Days.Keys.First(),
            End = gold.Days.Keys.Last(),
        };
    }

    /// <summary>The options of the benchmark runs: those of a story's timeline (the standard setting's limits come on top).</summary>
    public static TimelineOptions Defaults => TimelineOptions.Story;

    /// <summary>The system (with <paramref name="rankers"/>' date ranker for each topic) and the two baselines of date selection.</summary>
    public static IReadOnlyList<TimelineSystem> StandardSystems(Func<string, IDateRanker> rankers) =>
    [
        new(SystemName, (topic, _, _) => rankers(topic)),
        new(RandomName, (topic, timeline, draw) => new RandomDayRanker(RandomDayRanker.SeedOf(topic + "/" + timeline, draw)), RandomDraws),
        new(MostReportsName, (_, _, _) => MostReportsRanker.Instance),
    ];

    /// <summary>The name of the system's rows.</summary>
    public const string SystemName = "storyline";

    /// <summary>The name of the random-days baseline's row.</summary>
    public const string RandomName = "random days";

    /// <summary>The name of the most-reports baseline's row.</summary>
    public const string MostReportsName = "days with the most reports";

    /// <summary>How many random draws the random baseline averages.</summary>
    public const int RandomDraws = 5;

    /// <summary>Every topic's articles through the text and time stages, by topic name.</summary>
    public static IReadOnlyDictionary<string, AnalyzedArticle[]> AnalyseAll(IReadOnlyList<TimelineTopic> topics, int? maxArticles = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return topics.ToDictionary(t => t.Name, t => Analyse(t, maxArticles), StringComparer.Ordinal);
    }

    /// <summary>
    /// The date ranker for each topic: <paramref name="model"/> for a topic it was not trained on; for a topic of a story
    /// it was trained on, a model trained on the other stories among <paramref name="topics"/> (leave one topic out), so
    /// that no figure is measured on data that chose it. The second value says which.
    /// </summary>
    public static (Func<string, IDateRanker> Rankers, string Note) Rankers(
        IReadOnlyList<TimelineTopic> topics, IReadOnlyDictionary<string, AnalyzedArticle[]> analysed, DateModel? model, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(analysed);
        if (model is null)
        {
            return (_ => CandidateWeightRanker.Instance, "Date ranking: no date model in this build; days are ranked by their candidate sentences.");
        }

        var trainedStories = model.TrainedOn.Select(DateModelTraining.StoryOf).ToHashSet(StringComparer.Ordinal);
        if (!topics.Any(t => trainedStories.Contains(DateModelTraining.StoryOf(t.Name))))
        {
            return (_ => model, $"Date ranking: the shipped date model (trained on {string.Join(", ", model.TrainedOn)}), none of whose stories is here.");
        }

        DateExamples[] examples = [.. topics.SelectMany(t => t.Timelines.Select(g => DateModelTraining.Examples(t.Name, g, analysed[t.Name], options ?? Defaults)))];
        IReadOnlyDictionary<string, DateModel> folds = DateModelTraining.LeaveOneTopicOut(examples);
        return (
            topic => trainedStories.Contains(DateModelTraining.StoryOf(topic)) ? folds[DateModelTraining.StoryOf(topic)] : model,
            "Date ranking: leave one topic out (each story's timelines ranked by a date model trained on the other stories here), since the shipped model was trained on them.");
    }

    /// <summary>
    /// For each gold timeline of the analysed topics, builds and scores a timeline with each of
    /// <paramref name="systems"/>; the scores of each system by its name, in topic and timeline order.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TimelineScore>> Run(
        IReadOnlyList<TimelineTopic> topics, IReadOnlyDictionary<string, AnalyzedArticle[]> analysed, Rouge155 rouge, IReadOnlyList<TimelineSystem> systems, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(analysed);
        ArgumentNullException.ThrowIfNull(rouge);
        ArgumentNullException.ThrowIfNull(systems);
        var scores = systems.ToDictionary(s => s.Name, _ => new List<TimelineScore>(), StringComparer.Ordinal);
        var summarizer = new TimelineSummarizer();
        foreach (TimelineTopic topic in topics)
        {
            AnalyzedArticle[] reports = analysed[topic.Name];
            foreach (GoldTimeline gold in topic.Timelines)
            {
                TimelineOptions settings = OptionsFor(gold.Summaries, options);
                AnalyzedArticle[] input = InSpan(reports, settings);
                foreach (TimelineSystem system in systems)
                {
                    TimelineScore[] draws =
                    [
                        .. Enumerable.Range(0, system.Draws).Select(draw =>
                        {
                            IDateRanker ranker = system.Ranker(topic.Name, gold.Name, draw);
                            return Score(topic.Name, gold, Predict(summarizer, input, settings with { DateRanker = ranker }), rouge);
                        }),
                    ];
                    scores[system.Name].Add(draws.Length == 1 ? draws[0] : Average(draws));
                }
            }
        }

        return scores.ToDictionary(p => p.Key, p => (IReadOnlyList<TimelineScore>)p.Value, StringComparer.Ordinal);
    }

    // Several draws of one timeline as one score: the mean of each precision and recall (the first draw's prediction).
    private static TimelineScore Average(TimelineScore[] draws) => draws[0] with
    {
        Rouge1 = new PrecisionRecall(draws.Average(d => d.Rouge1.Precision), draws.Average(d => d.Rouge1.Recall)),
        Rouge2 = new PrecisionRecall(draws.Average(d => d.Rouge2.Precision), draws.Average(d => d.Rouge2.Recall)),
        Dates = new PrecisionRecall(draws.Average(d => d.Dates.Precision), draws.Average(d => d.Dates.Recall)),
    };

    /// <summary>The reports published within the options' span: the input of the standard setting (as news-tls reads a collection).</summary>
    public static AnalyzedArticle[] InSpan(IEnumerable<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        return [.. reports.Where(r => (options.Start is not DateOnly start || r.Article.Published >= start) && (options.End is not DateOnly end || r.Article.Published <= end))];
    }

    /// <summary>The topic's articles through the text and time stages, in parallel.</summary>
    public static AnalyzedArticle[] Analyse(TimelineTopic topic, int? maxArticles = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        TimelineArticle[] articles = [.. topic.Articles.Take(maxArticles ?? int.MaxValue)];
        var reports = new AnalyzedArticle[articles.Length];
        Parallel.For(0, articles.Length, i => reports[i] = Pipeline.Analyze(Timeline17.ToArticle(topic, articles[i])));
        return reports;
    }

    /// <summary>A timeline built from <paramref name="reports"/> as sentences per day.</summary>
    public static DatedSummaries Predict(TimelineSummarizer summarizer, IReadOnlyList<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(summarizer);
        return DatedSummaries.Of(summarizer.Summarize(reports, options).Select(d => (d.Date, d.Entries.Select(e => e.Text))));
    }

    /// <summary>Scores a prediction against a gold timeline.</summary>
    public static TimelineScore Score(string topic, GoldTimeline gold, DatedSummaries predicted, Rouge155 rouge)
    {
        ArgumentNullException.ThrowIfNull(gold);
        AlignedRouge aligned = TimelineScores.Aligned(predicted, gold.Summaries, rouge);
        return new TimelineScore(topic, gold.Name, predicted, aligned.Rouge1, aligned.Rouge2, TimelineScores.DateScores(predicted, gold.Summaries));
    }

    /// <summary>Writes each prediction as <c>DIR/topic/timeline.txt</c> in the dataset's format.</summary>
    public static async Task WritePredictionsAsync(string folder, IEnumerable<TimelineScore> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        foreach (TimelineScore score in scores)
        {
            string dir = Path.Combine(folder, score.Topic);
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, score.Timeline), Timeline17.Format(score.Predicted), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The report: a row per timeline of the system, then, for the system and each baseline, the mean over timelines as
    /// news-tls averages (F1 of the mean precision and the mean recall) and the mean of the timelines' F1s.
    /// </summary>
    public static EvalReport Report(string data, IReadOnlyDictionary<string, IReadOnlyList<TimelineScore>> results, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        IReadOnlyList<TimelineScore> system = results[SystemName];
        var rows = new List<EvalRow>();
        rows.AddRange(system.Select(s => new EvalRow(
            s.Topic + (s.Timeline == "timeline.txt" ? string.Empty : "/" + Path.GetFileNameWithoutExtension(s.Timeline)),
            [
                new("AR-1 P", s.Rouge1.Precision),
                new("AR-1 R", s.Rouge1.Recall),
                new("AR-1 F1", s.Rouge1.F1),
                new("AR-2 F1", s.Rouge2.F1),
                new("date F1", s.Dates.F1),
            ])));
        foreach ((string name, IReadOnlyList<TimelineScore> scores) in results)
        {
            if (scores.Count == 0)
            {
                continue;
            }

            TimelineMean mean = TimelineMean.Of(scores);
            rows.Add(new EvalRow(
                $"{name}: mean of {scores.Count} (F1 of mean P, R)",
                [
                    new("AR-1 P", mean.Rouge1.Precision),
                    new("AR-1 R", mean.Rouge1.Recall),
                    new("AR-1 F1", mean.Rouge1.F1),
                    new("AR-2 F1", mean.Rouge2.F1),
                    new("date F1", mean.Dates.F1),
                ]));
            rows.Add(new EvalRow(
                $"{name}: mean of {scores.Count} F1s",
                [new("AR-1 F1", mean.Rouge1MeanF1), new("AR-2 F1", mean.Rouge2MeanF1), new("date F1", mean.DatesMeanF1)]));
        }

        return new EvalReport(
            "timelines",
            data,
            rows,
            [
                "AR-1, AR-2: alignment-based ROUGE with many-to-one date alignment (Martschat & Markert 2017, tilse's align+ m:1), ROUGE-1.5.5 -m -s; date: date F1.",
                "Standard setting: gold number of days and of sentences per day (mean, rounded), days within the gold timeline's span.",
                $"Baselines choose the days and leave the rest to the system: {RandomName} (uniform over the candidate days, mean of {RandomDraws} seeded draws), {MostReportsName} (news-tls's PubCount).",
                .. notes ?? [],
            ]);
    }
}

/// <summary>A way of building timelines that the run scores: a name and the date ranker to use for a gold timeline.</summary>
/// <param name="Name">Its name in the report.</param>
/// <param name="Ranker">The ranker for a topic, a gold timeline and a draw (a date model trained without that topic, a seeded draw).</param>
/// <param name="Draws">How many draws to average (for a random ranker).</param>
public sealed record TimelineSystem(string Name, Func<string, string, int, IDateRanker> Ranker, int Draws = 1);

/// <summary>Scores averaged over timelines, both ways the literature does.</summary>
/// <param name="Rouge1">Mean AR-1 precision and recall (F1 of the two means, as news-tls reports).</param>
/// <param name="Rouge2">Mean AR-2 precision and recall.</param>
/// <param name="Dates">Mean date precision and recall.</param>
/// <param name="Rouge1MeanF1">The mean of the timelines' AR-1 F1.</param>
/// <param name="Rouge2MeanF1">The mean of the timelines' AR-2 F1.</param>
/// <param name="DatesMeanF1">The mean of the timelines' date F1.</param>
public sealed record TimelineMean(PrecisionRecall Rouge1, PrecisionRecall Rouge2, PrecisionRecall Dates, double Rouge1MeanF1, double Rouge2MeanF1, double DatesMeanF1)
{
    /// <summary>The means of <paramref name="scores"/> (at least one).</summary>
    public static TimelineMean Of(IReadOnlyList<TimelineScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfZero(scores.Count);
        return new TimelineMean(
            new PrecisionRecall(scores.Average(s => s.Rouge1.Precision), scores.Average(s => s.Rouge1.Recall)),
            new PrecisionRecall(scores.Average(s => s.Rouge2.Precision), scores.Average(s => s.Rouge2.Recall)),
            new PrecisionRecall(scores.Average(s => s.Dates.Precision), scores.Average(s => s.Dates.Recall)),
            scores.Average(s => s.Rouge1.F1),
            scores.Average(s => s.Rouge2.F1),
            scores.Average(s => s.Dates.F1));
    }
}
