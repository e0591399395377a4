using System.Globalization;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>Two open stories compared as wholes, and whether their gold stories are the same.</summary>
/// <param name="Similarities">The two stories against each other.</param>
/// <param name="Same">Whether the two stories' majority gold stories are one.</param>
public sealed record StoryPairExample(StoryPairSimilarities Similarities, bool Same);

/// <summary>One configuration the story-merge selection tries: a join model and the merge model's bias offset.</summary>
/// <param name="Join">The join model's name ("body" or "gap").</param>
/// <param name="Offset">Added to the fitted merge bias; null: no story merges (the join model alone).</param>
public sealed record StoryMergeSetting(string Join, double? Offset)
{
    /// <inheritdoc/>
    public override string ToString() => Offset is double o ? string.Create(CultureInfo.InvariantCulture, $"{Join} + story merge (offset {o:+0.#;-0.#;0})") : $"{Join} alone";
}

/// <summary>A join model the selection can pair with the story-merge decision, as shipped: its evidence and setting.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Evidence">The evidence it weighs (names of <see cref="PairFit.Names"/>).</param>
/// <param name="L2">Its penalty.</param>
/// <param name="Offset">Its bias offset.</param>
/// <param name="MergeScore">Its report-level merge score.</param>
public sealed record JoinModel(string Name, IReadOnlySet<string> Evidence, double L2, double Offset, double MergeScore)
{
    /// <summary>The shipped model: body words alone (window 365, penalty 0.001, offset +1, merge score 2).</summary>
    public static JoinModel Body { get; } = new("body", new HashSet<string>(["body"], StringComparer.Ordinal), 0.001, 1, 2);

    /// <summary>The fifth session's model: body words and the headline-meaning gap (offset +0.5, no merges).</summary>
    public static JoinModel Gap { get; } = new("gap", new HashSet<string>(["body", "headMeaningGap"], StringComparer.Ordinal), 0.001, 0.5, double.PositiveInfinity);
}

/// <summary>What a configuration scored on one held-out source, split by split, and its gain over the baseline.</summary>
/// <param name="Source">The source.</param>
/// <param name="Score">The held-out BCubed F1 (pairs: ROC AUC).</param>
/// <param name="Splits">Its score on each of <see cref="SelectionSplits"/>.</param>
/// <param name="Gain">Its gain over the baseline, split by split.</param>
public sealed record SourceGain(string Source, double Score, IReadOnlyList<double> Splits, EvidenceGain Gain);

/// <summary>A configuration's held-out figures and whether the rule admits it.</summary>
/// <param name="Setting">The configuration.</param>
/// <param name="Sources">Each story-level source (and the pairs where the join model changes).</param>
public sealed record StoryMergeCandidate(StoryMergeSetting Setting, IReadOnlyList<SourceGain> Sources)
{
    /// <summary>
    /// The rule: no source (the pairs included) loses more than its own spread, and at least one story-level source gains
    /// at least 0.002 and at least its spread.
    /// </summary>
    public bool Admissible =>
        Sources.All(s => s.Gain.Mean >= -s.Gain.Spread) && Sources.Any(s => s.Source != PairsSource && s.Gain.Passes(0.002));

    /// <summary>The mean held-out score over the story-level sources.</summary>
    public double Mean => Sources.Where(s => s.Source != PairsSource).Average(s => s.Score);

    /// <summary>The name the pairs go by among the sources.</summary>
    public const string PairsSource = "pairs";
}

/// <summary>
/// The story-merge decision's training and selection (docs/QUALITY.md, "Seventh session"). Examples are the story pairs
/// the clusterer compares after each report (its story against the report's best other candidates), from a run of the
/// training streams under a join model, labelled by the stories' majority gold. The merge model is a logistic regression
/// over <see cref="StoryPairSimilarities"/>, each source weighing one. Configurations (join model × merge offset, and
/// each join model alone) are scored leave-one-source-out on the story-level sources: held-out source s is clustered
/// with the join model fitted without s and the merge model fitted on the other story-level sources' examples.
/// </summary>
public static class StoryMergeTraining
{
    /// <summary>The merge model's penalty.</summary>
    public const double Penalty = 0.01;

    /// <summary>The merge bias offsets tried.</summary>
    public static IReadOnlyList<double> Offsets { get; } = [-1, 0, 1, 2];

    /// <summary>The story pairs of <paramref name="stream"/> clustered with <paramref name="options"/> (its join model; no story merges).</summary>
    public static IReadOnlyList<StoryPairExample> Examples(AnalysedStream stream, ClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var clusterer = new OnlineStoryClusterer(options with { StoryMerge = null, MeasureStoryPairs = true }, ClusteringState.Empty);
        var golds = new Dictionary<long, Dictionary<string, int>>();
        var examples = new List<StoryPairExample>();
        for (int i = 0; i < stream.Stream.Items.Count; i++)
        {
            if (stream.Features[i] is not StoryFeatures report)
            {
                continue;
            }

            StoryAssignment assignment = clusterer.Assign(report);
            Dictionary<string, int> counts = GoldOf(golds, assignment.Story.Value);
            if (assignment.Merged is StoryId gone && golds.Remove(gone.Value, out Dictionary<string, int>? moved))
            {
                foreach ((string gold, int count) in moved)
                {
                    counts[gold] = counts.GetValueOrDefault(gold) + count;
                }
            }

            string mine = stream.Stream.Items[i].Gold;
            counts[mine] = counts.GetValueOrDefault(mine) + 1;
            string majority = Majority(counts);
            foreach (StoryPairCandidate pair in clusterer.LastStoryPairs)
            {
                examples.Add(new StoryPairExample(pair.Similarities, string.Equals(majority, Majority(GoldOf(golds, pair.Story.Value)), StringComparison.Ordinal)));
            }
        }

        return examples;
    }

    /// <summary>The merge model fitted on <paramref name="sources"/> (each weighing one), its bias moved by <paramref name="offset"/>; weights rounded to 0.001.</summary>
    public static StoryMergeModel Fit(IReadOnlyList<IReadOnlyList<StoryPairExample>> sources, double offset, double l2 = Penalty)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var x = new List<double[][]>();
        var answers = new List<int>();
        var weights = new List<double>();
        foreach (IReadOnlyList<StoryPairExample> source in sources.Where(s => s.Count > 0))
        {
            foreach (StoryPairExample example in source)
            {
                x.Add([[.. example.Similarities.Vector(), 1.0]]);
                answers.Add(example.Same ? 0 : -1);
                weights.Add(1.0 / source.Count);
            }
        }

        if (x.Count == 0)
        {
            throw new ArgumentException("no story pairs to fit on", nameof(sources));
        }

        int k = StoryPairSimilarities.Names.Count + 1;
        double[] beta = PairFit.Newton([.. x], k, answers, weights, l2);
        return new StoryMergeModel(Math.Round(beta[k - 1] + offset, 3), [.. beta[..^1].Select(b => Math.Round(b, 3))]);
    }

    /// <summary>
    /// Scores every configuration (each join model alone and with each merge offset) leave-one-source-out against the
    /// baseline (the first join model alone) and applies the rule written before the run (docs/QUALITY.md).
    /// </summary>
    /// <param name="joinData">The join model's decisions (the story streams but Crisis, and the pairs) at the 365-day window.</param>
    /// <param name="storySources">The story-level sources: the streams of <paramref name="joinData"/> and the long-story streams.</param>
    /// <param name="joins">The join models; the first alone is the baseline.</param>
    /// <param name="progress">Log lines.</param>
    public static IReadOnlyList<StoryMergeCandidate> Select(TrainingData joinData, IReadOnlyList<AnalysedStream> storySources, IReadOnlyList<JoinModel> joins, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(joinData);
        ArgumentNullException.ThrowIfNull(storySources);
        ArgumentNullException.ThrowIfNull(joins);
        const int window = 365;
        const double decay = 30;
        var results = new List<(StoryMergeSetting Setting, List<(string Source, double Score, double[] Splits)> Scores)>();
        foreach (JoinModel join in joins)
        {
            var alone = new List<(string, double, double[])>();
            var merged = Offsets.Select(_ => new List<(string, double, double[])>()).ToList();
            for (int s = 0; s < storySources.Count; s++)
            {
                // The join model fitted without s where s is one of its sources (Crisis never is).
                int joinIndex = Index(joinData, storySources[s]);
                ClusteringOptions options = JoinOptions(joinData, join, joinIndex, window, decay);
                var others = new List<IReadOnlyList<StoryPairExample>>();
                for (int t = 0; t < storySources.Count; t++)
                {
                    if (t != s)
                    {
                        others.Add(Examples(storySources[t], options));
                    }
                }

                AnalysedStream held = storySources[s];
                StoryRun baseRun = held.Cluster(options);
                alone.Add((held.Name, baseRun.BCubed.F1, SelectionSplits.StreamScores(baseRun, held.Stream.Layout)));
                for (int o = 0; o < Offsets.Count; o++)
                {
                    StoryMergeModel model = Fit(others, Offsets[o]);
                    StoryRun run = held.Cluster(options with { StoryMerge = model });
                    merged[o].Add((held.Name, run.BCubed.F1, SelectionSplits.StreamScores(run, held.Stream.Layout)));
                    progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"  {join.Name}, merge offset {Offsets[o]:+0;-0;0}, held out {held.Name}: {run.BCubed.F1:F4} ({run.Predicted.Values.Distinct().Count()} stories, {run.Merges} merges; alone {baseRun.BCubed.F1:F4}); merge model bias {model.Bias}, weights {string.Join(" ", model.Weights.Select((w, i) => $"{StoryPairSimilarities.Names[i]} {w}"))}"));
                }
            }

            // The pairs: the join model fitted without them (the merge decision never sees a pair).
            int pairs = joinData.Sources - 1;
            MergeModel pairModel = JoinOptions(joinData, join, pairs, window, decay).Model;
            IReadOnlyList<PairExample> examples = joinData.PairExamples(window, decay);
            var pairScore = (CandidatePairs: StoryMergeCandidate.PairsSource, PairFit.Quality(examples, pairModel).Auc, SelectionSplits.PairScores(examples, pairModel));
            alone.Add(pairScore);
            results.Add((new StoryMergeSetting(join.Name, null), alone));
            for (int o = 0; o < Offsets.Count; o++)
            {
                merged[o].Add(pairScore);
                results.Add((new StoryMergeSetting(join.Name, Offsets[o]), merged[o]));
            }
        }

        var baseline = results[0].Scores;
        return [.. results.Select(r =>
        {
            var sources = r.Scores.Select((x, i) => new SourceGain(x.Source, x.Score, x.Splits, EvidenceGain.Of(baseline[i].Splits, x.Splits))).ToList();
            return new StoryMergeCandidate(r.Setting, sources);
        })];
    }

    /// <summary>
    /// What the rule ships: among the admissible configurations, the highest mean held-out score over the story-level
    /// sources (among equals, the first tried: the shipped join model first, the lowest offset first); null when none is.
    /// </summary>
    public static StoryMergeCandidate? Choose(IReadOnlyList<StoryMergeCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        StoryMergeCandidate? best = null;
        foreach (StoryMergeCandidate candidate in candidates.Where(c => c.Admissible))
        {
            if (best is null || Math.Round(candidate.Mean, 9) > Math.Round(best.Mean, 9))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// How well the story-level evidence separates one source's pairs when fitted on another's: [i, j] is the ROC AUC on
    /// source j's pairs of the merge model fitted on source i's alone (the diagonal is in-sample). Where the sources'
    /// gold agree on what a story is, a model fitted on one ranks the other's pairs well.
    /// </summary>
    public static double[,] CrossAuc(IReadOnlyList<IReadOnlyList<StoryPairExample>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var auc = new double[sources.Count, sources.Count];
        for (int i = 0; i < sources.Count; i++)
        {
            StoryMergeModel model = Fit([sources[i]], offset: 0);
            for (int j = 0; j < sources.Count; j++)
            {
                auc[i, j] = PairFit.Auc(sources[j].Select(e => (model.Score(e.Similarities), e.Same)));
            }
        }

        return auc;
    }

    /// <summary>The options of <paramref name="join"/> fitted on every source of <paramref name="data"/> but <paramref name="except"/> (-1: all).</summary>
    public static ClusteringOptions JoinOptions(TrainingData data, JoinModel join, int except, int window = 365, double decay = 30)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(join);
        MergeModel fitted = PairFit.Fit(data.Weighted(window, decay, except), join.L2, decay, join.Evidence);
        double bias = except < 0 ? Math.Round(fitted.Bias + join.Offset, 3) : fitted.Bias + join.Offset; // as train stories' final fit and its folds
        return data.Options(window, decay) with { Model = fitted with { Bias = bias }, MergeScore = join.MergeScore, MeasureAllEvidence = false };
    }

    private static int Index(TrainingData data, AnalysedStream stream)
    {
        for (int i = 0; i < data.Streams.Count; i++)
        {
            if (ReferenceEquals(data.Streams[i], stream))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, int> GoldOf(Dictionary<long, Dictionary<string, int>> golds, long story)
    {
        if (!golds.TryGetValue(story, out Dictionary<string, int>? counts))
        {
            counts = new Dictionary<string, int>(StringComparer.Ordinal);
            golds[story] = counts;
        }

        return counts;
    }

    // The most frequent gold; among equals, the first in ordinal order.
    private static string Majority(Dictionary<string, int> counts) =>
        counts.Count == 0 ? string.Empty : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
}
