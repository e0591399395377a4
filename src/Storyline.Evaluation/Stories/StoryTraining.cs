using System.Collections.Concurrent;
using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>A benchmark stream and its reports' features (null where a report could not be analysed).</summary>
/// <param name="Name">The set's name, as reports print it.</param>
/// <param name="Stream">The stream.</param>
/// <param name="Features">The features of each of its items.</param>
public sealed record AnalysedStream(string Name, StoryBenchmarkStream Stream, IReadOnlyList<StoryFeatures?> Features)
{
    /// <summary>The reports of one half (see <see cref="StorySplits"/>), with their features.</summary>
    public AnalysedStream Half(StoryHalf half)
    {
        if (half == StoryHalf.All)
        {
            return this;
        }

        var keep = Enumerable.Range(0, Stream.Items.Count).Where(i => StorySplits.HalfOf(Stream.Layout, Stream.Items[i].Gold) == half).ToList();
        return new AnalysedStream(
            $"{Name} ({half.ToString().ToLowerInvariant()} half)",
            Stream with { Items = [.. keep.Select(i => Stream.Items[i])] },
            [.. keep.Select(i => Features[i])]);
    }

    /// <summary>Clusters the stream with <paramref name="options"/> and scores it.</summary>
    public StoryRun Cluster(ClusteringOptions options) => StoryEvaluation.Cluster(Stream, Features, options);
}

/// <summary>One setting the cross-validation tries.</summary>
/// <param name="WindowDays">How long a story stays open (<see cref="ClusteringOptions.WindowDays"/>).</param>
/// <param name="L2">The fit's penalty.</param>
/// <param name="DecayDays">The recency decay.</param>
/// <param name="Offset">Added to the fitted bias: how willing the clusterer is to join (the pairs' balance is not the stream's).</param>
/// <param name="MergeScore">The merge score (<see cref="ClusteringOptions.MergeScore"/>).</param>
public sealed record TrainingSetting(int WindowDays, double L2, double DecayDays, double Offset, double MergeScore);

/// <summary>The settings the cross-validation tries: every combination of these.</summary>
/// <param name="Windows">Story windows (days).</param>
/// <param name="Penalties">Penalties of the fit.</param>
/// <param name="Decays">Recency decays (days).</param>
/// <param name="Offsets">Bias offsets.</param>
/// <param name="MergeScores">Merge scores.</param>
public sealed record TrainingGrid(IReadOnlyList<int> Windows, IReadOnlyList<double> Penalties, IReadOnlyList<double> Decays, IReadOnlyList<double> Offsets, IReadOnlyList<double> MergeScores)
{
    /// <summary>The evidence the model weighs (names of <see cref="PairFit.Names"/>); null: all of it.</summary>
    public IReadOnlySet<string>? Features { get; init; }

    /// <summary>What the cross-validation maximises (default: the mean held-out score).</summary>
    public SelectionObjective Objective { get; init; }

    /// <summary>Wrong candidates kept per report of a stream (see <see cref="StoryExamples.FromStream"/>); null: all.</summary>
    public int? Negatives { get; init; }

    /// <summary>
    /// The evidence <see cref="StoryTraining.SelectEvidence"/> chose on <see cref="Selection"/> (from the body words
    /// alone; see docs/QUALITY.md): <c>storyline train stories --select-evidence</c> chooses it again.
    /// </summary>
    public static IReadOnlySet<string> SelectedEvidence { get; } = new HashSet<string>(["body"], StringComparer.Ordinal);

    /// <summary>The grid <c>storyline train stories</c> searches, over the selected evidence.</summary>
    public static TrainingGrid Default { get; } = new([30, 90, 365], [0.001, 0.01], [30], [-0.5, 0, 0.5, 1, 1.5, 2], [2, double.PositiveInfinity]) { Features = SelectedEvidence };

    /// <summary>The smaller grid the evidence is selected on (each piece of evidence tried costs a whole cross-validation).</summary>
    public static TrainingGrid Selection { get; } = new([365], [0.001], [30], [0, 0.5, 1, 1.5], [double.PositiveInfinity]);
}

/// <summary>What the leave-one-source-out cross-validation maximises (docs/QUALITY.md, "Eighth session").</summary>
public enum SelectionObjective
{
    /// <summary>The mean over the sources of the held-out score (streams' BCubed F1, the pairs' AUC).</summary>
    Mean,

    /// <summary>
    /// The worst floor margin: the lowest, over the held-out streams that have a floor (<see cref="StoryFloors"/>), of
    /// BCubed F1 less the floor; a setting whose held-out pairs' AUC is below <see cref="StoryFloors.PairAuc"/> is
    /// never chosen (it scores −∞).
    /// </summary>
    WorstMargin,
}

/// <summary>The issue's floors on the development sets, as <see cref="SelectionObjective.WorstMargin"/> reads them.</summary>
public static class StoryFloors
{
    /// <summary>The least held-out ROC AUC on the pairs a setting may have under <see cref="SelectionObjective.WorstMargin"/>.</summary>
    public const double PairAuc = 0.90;

    /// <summary>The BCubed F1 floor of a stream of <paramref name="layout"/> (Giveme5W1H 0.93, ECB+ 0.88); null for none.</summary>
    public static double? Of(StoryBenchmarkLayout layout) => layout switch
    {
        StoryBenchmarkLayout.Giveme5W1H => 0.93,
        StoryBenchmarkLayout.EcbPlus => 0.88,
        _ => null,
    };

    /// <summary>
    /// The objective's value for held-out scores <paramref name="scores"/>: those of streams of <paramref name="layouts"/>,
    /// then the pairs' AUC.
    /// </summary>
    public static double Value(SelectionObjective objective, IReadOnlyList<StoryBenchmarkLayout> layouts, IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(scores);
        if (objective == SelectionObjective.Mean)
        {
            return scores.Average();
        }

        return scores[layouts.Count] < PairAuc ? double.NegativeInfinity : Worst(layouts, source => scores[source]);
    }

    /// <summary>The lowest margin over the streams of <paramref name="layouts"/> that have a floor, stream i scoring <paramref name="score"/>(i).</summary>
    public static double Worst(IReadOnlyList<StoryBenchmarkLayout> layouts, Func<int, double> score)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(score);
        double worst = double.PositiveInfinity;
        for (int source = 0; source < layouts.Count; source++)
        {
            if (Of(layouts[source]) is double floor)
            {
                worst = Math.Min(worst, score(source) - floor);
            }
        }

        return worst;
    }
}

/// <summary>A held-out score: the set left out and what the model fitted without it scored there.</summary>
/// <param name="Set">The held-out set.</param>
/// <param name="Measure">What was measured ("BCubed F1", "pair AUC").</param>
/// <param name="Score">The score.</param>
public sealed record HeldOutScore(string Set, string Measure, double Score);

/// <summary>What training chose and fitted.</summary>
/// <param name="Setting">The setting with the best mean held-out score.</param>
/// <param name="Model">The merge model fitted on every training source with that setting.</param>
/// <param name="HeldOut">The chosen setting's held-out score on each source (fitted on the others).</param>
/// <param name="MeanHeldOut">Their mean: what chose the setting.</param>
/// <param name="BaselineThreshold">The TF-IDF baseline's threshold chosen on the training streams.</param>
public sealed record TrainedStories(TrainingSetting Setting, MergeModel Model, IReadOnlyList<HeldOutScore> HeldOut, double MeanHeldOut, double BaselineThreshold)
{
    /// <summary>The evidence the model weighs (null: all of <see cref="PairFit.Names"/>).</summary>
    public IReadOnlySet<string>? Evidence { get; init; }

    /// <summary>What chose the setting (the grid's objective).</summary>
    public SelectionObjective Objective { get; init; }

    /// <summary>The objective's value for the chosen setting (the mean held-out score unless the grid says otherwise).</summary>
    public double ObjectiveValue { get; init; }

    /// <summary>The chosen setting's held-out score on each split of <see cref="SelectionSplits"/> (mean over the sources; under <see cref="SelectionObjective.WorstMargin"/>, the worst margin).</summary>
    public IReadOnlyList<double> Splits { get; init; } = [];

    /// <summary>Where the words' idf came from in training (<see cref="ClusteringOptions.WordIdf"/>; null: the reports so far).</summary>
    public WordIdf? WordIdf { get; init; }

    /// <summary>The clustering options of the trained model.</summary>
    public ClusteringOptions Options(ClusteringOptions? start = null) => (start ?? ClusteringOptions.Default) with { Model = Model, MergeScore = Setting.MergeScore, WindowDays = Setting.WindowDays, WordIdf = WordIdf };
}

/// <summary>
/// The decisions training fits on, made once: for each story window and recency decay of a grid, the decisions of each
/// training stream (replayed on its gold stories) and of the pairs.
/// </summary>
public sealed class TrainingData
{
    private readonly Dictionary<(int Window, double Decay), List<IReadOnlyList<StoryDecision>>> decisions = [];
    private readonly Dictionary<(int Window, double Decay), IReadOnlyList<PairExample>> pairExamples = [];

    private TrainingData(IReadOnlyList<AnalysedStream> streams, SemEvalTexts pairs, ClusteringOptions start)
    {
        Streams = streams;
        Pairs = pairs;
        Start = start;
    }

    /// <summary>The training streams, each scored as a source when held out.</summary>
    public IReadOnlyList<AnalysedStream> Streams { get; }

    /// <summary>The training pairs, the last source.</summary>
    public SemEvalTexts Pairs { get; }

    /// <summary>The options training starts from.</summary>
    public ClusteringOptions Start { get; }

    /// <summary>Number of sources: the streams and the pairs.</summary>
    public int Sources => Streams.Count + 1;

    /// <summary>Source i's name.</summary>
    public string SourceName(int i) => i < Streams.Count ? Streams[i].Name : Pairs.Name;

    /// <summary>Makes the decisions for every window and decay of <paramref name="grid"/>.</summary>
    public static TrainingData Prepare(IReadOnlyList<AnalysedStream> streams, SemEvalTexts pairs, TrainingGrid grid, ClusteringOptions? start = null, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(grid);
        var data = new TrainingData(streams, pairs, (start ?? ClusteringOptions.Default) with { MeasureAllEvidence = true });
        foreach (int window in grid.Windows)
        {
            foreach (double decay in grid.Decays)
            {
                // Decisions depend on the window and the decay only (candidates and copies do not depend on the model).
                ClusteringOptions options = data.Options(window, decay);
                var perSource = new List<IReadOnlyList<StoryDecision>>();
                foreach (AnalysedStream stream in streams)
                {
                    perSource.Add(StoryExamples.FromStream(stream.Stream, stream.Features, options, grid.Negatives));
                }

                IReadOnlyList<PairExample> examples = pairs.Measure(options);
                perSource.Add([.. examples.Select(StoryDecision.Of)]);
                data.decisions[(window, decay)] = perSource;
                data.pairExamples[(window, decay)] = examples;
                progress?.Invoke($"window {window} days, decay {decay} days: decisions {string.Join(", ", perSource.Select((e, i) => $"{data.SourceName(i)} {e.Count} ({e.Count(x => x.Chosen >= 0)} joining)"))}");
            }
        }

        return data;
    }

    /// <summary>The options of a window and a decay.</summary>
    public ClusteringOptions Options(int window, double decay) => Start with { WindowDays = window, Model = Start.Model with { DecayDays = decay } };

    /// <summary>Every source's decisions but one (-1: all), each source weighing one in total.</summary>
    public List<StoryDecision> Weighted(int window, double decay, int except)
    {
        var all = new List<StoryDecision>();
        List<IReadOnlyList<StoryDecision>> perSource = decisions[(window, decay)];
        for (int i = 0; i < perSource.Count; i++)
        {
            if (i == except || perSource[i].Count == 0)
            {
                continue;
            }

            double weight = 1.0 / perSource[i].Count;
            all.AddRange(perSource[i].Select(e => e with { Weight = weight }));
        }

        return all;
    }

    /// <summary>The pairs measured under a window and a decay.</summary>
    public IReadOnlyList<PairExample> PairExamples(int window, double decay) => pairExamples[(window, decay)];
}

/// <summary>
/// Trains the merge-or-new model on several sources and chooses its settings by leave-one-source-out cross-validation:
/// for each setting (window, penalty, recency decay, bias offset, merge score) and each source, the model is fitted on
/// the decisions of the other sources and scored on the one left out (a stream's BCubed F1; the pairs' ROC AUC, which
/// does not depend on the threshold a stream needs); the
/// setting with the best mean is kept, and the final model is fitted on every source with it. Each source's decisions
/// weigh the same in a fit, whatever their number. Deterministic.
/// </summary>
public static class StoryTraining
{
    /// <summary>Prepares the decisions and trains (see <see cref="Train(TrainingData, TrainingGrid)"/>).</summary>
    public static TrainedStories Train(
        IReadOnlyList<AnalysedStream> streams,
        SemEvalTexts pairs,
        TrainingGrid? grid = null,
        ClusteringOptions? start = null,
        Action<string>? progress = null)
    {
        grid ??= TrainingGrid.Default;
        return Train(TrainingData.Prepare(streams, pairs, grid, start, progress), grid);
    }

    /// <summary>Chooses the setting of <paramref name="grid"/> by cross-validation and fits the final model with it.</summary>
    public static TrainedStories Train(TrainingData data, TrainingGrid grid)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(grid);
        int sources = data.Sources;
        var results = new ConcurrentDictionary<TrainingSetting, double[]>();
        var runs = new ConcurrentDictionary<(TrainingSetting Setting, int Source), StoryRun>();
        var pairModels = new Dictionary<(int Window, double Decay, double L2), MergeModel>();
        foreach (int window in grid.Windows)
        {
            foreach (double decay in grid.Decays)
            {
                ClusteringOptions options = data.Options(window, decay);
                foreach (double l2 in grid.Penalties)
                {
                    for (int heldOut = 0; heldOut < sources; heldOut++)
                    {
                        MergeModel fitted = PairFit.Fit(data.Weighted(window, decay, except: heldOut), l2, decay, grid.Features);
                        int source = heldOut;
                        bool stream = source < data.Streams.Count;
                        if (!stream)
                        {
                            pairModels[(window, decay, l2)] = fitted; // the pairs' AUC does not depend on the offset
                        }

                        var settings = grid.Offsets.SelectMany(offset => (stream ? grid.MergeScores : [double.PositiveInfinity]).Select(merge => (offset, merge))).ToList();
                        Parallel.ForEach(settings, setting =>
                        {
                            MergeModel model = fitted with { Bias = fitted.Bias + setting.offset };
                            double score;
                            if (stream)
                            {
                                StoryRun run = data.Streams[source].Cluster(options with { Model = model, MergeScore = setting.merge });
                                runs[(new TrainingSetting(window, l2, decay, setting.offset, setting.merge), source)] = run;
                                score = run.BCubed.F1;
                            }
                            else
                            {
                                score = PairFit.Quality(data.PairExamples(window, decay), model).Auc;
                            }

                            foreach (double merge in stream ? [setting.merge] : grid.MergeScores)
                            {
                                results.GetOrAdd(new TrainingSetting(window, l2, decay, setting.offset, merge), _ => new double[sources])[source] = score;
                            }
                        });
                    }
                }
            }
        }

        // The best mean; among equals, the first in the order of the grids (shortest window, smallest penalty, decay,
        // offset nearest 0, merge).
        StoryBenchmarkLayout[] layouts = [.. data.Streams.Select(s => s.Stream.Layout)];
        TrainingSetting best = results
            .OrderByDescending(r => Math.Round(StoryFloors.Value(grid.Objective, layouts, r.Value), 9))
            .ThenBy(r => r.Key.WindowDays).ThenBy(r => r.Key.L2).ThenBy(r => r.Key.DecayDays).ThenBy(r => Math.Abs(r.Key.Offset)).ThenBy(r => r.Key.Offset).ThenBy(r => r.Key.MergeScore)
            .First().Key;
        double[] scores = results[best];
        MergeModel final = PairFit.Fit(data.Weighted(best.WindowDays, best.DecayDays, except: -1), best.L2, best.DecayDays, grid.Features);
        final = final with { Bias = Math.Round(final.Bias + best.Offset, 3) };
        IReadOnlyList<HeldOutScore> held = [.. Enumerable.Range(0, sources).Select(i => new HeldOutScore(data.SourceName(i), i < data.Streams.Count ? "BCubed F1" : "pair AUC", scores[i]))];
        // The naive baseline's threshold is chosen on the training halves of Giveme5W1H and ECB+ as before Crisis became a
        // source, so that its rows stay comparable with every earlier table (docs/QUALITY.md, sixth session).
        double baseline = TfidfBaseline.Choose([.. data.Streams.Where(s => s.Stream.Layout != StoryBenchmarkLayout.Crisis).Select(s => (s.Stream, s.Features))]);
        double[][] perSource = new double[sources][];
        for (int source = 0; source < sources; source++)
        {
            perSource[source] = source < data.Streams.Count
                ? SelectionSplits.StreamScores(runs[(best, source)], data.Streams[source].Stream.Layout)
                : SelectionSplits.PairScores(data.PairExamples(best.WindowDays, best.DecayDays), pairModels[(best.WindowDays, best.DecayDays, best.L2)]);
        }

        double[] splits = new double[SelectionSplits.Count];
        for (int split = 0; split < splits.Length; split++)
        {
            if (grid.Objective == SelectionObjective.WorstMargin)
            {
                splits[split] = StoryFloors.Worst(layouts, source => perSource[source][split]);
                continue;
            }

            for (int source = 0; source < sources; source++)
            {
                splits[split] += perSource[source][split] / sources;
            }
        }

        return new TrainedStories(best, final, held, scores.Average(), baseline) { Evidence = grid.Features, Splits = splits, WordIdf = data.Start.WordIdf, Objective = grid.Objective, ObjectiveValue = StoryFloors.Value(grid.Objective, layouts, scores) };
    }

    /// <summary>
    /// Chooses the evidence by forward selection on the same cross-validation, made stable by splits: from
    /// <paramref name="first"/>, each piece of evidence of <see cref="PairFit.Names"/> not yet chosen (and not
    /// <paramref name="withheld"/>, by default <see cref="PairFit.Withheld"/>) is tried, and its
    /// gain is measured split by split (<see cref="SelectionSplits"/>, <see cref="EvidenceGain"/>); a piece passes when
    /// its mean gain is at least <paramref name="minGain"/> and at least the spread of its gain between splits. Of those
    /// that pass, the one with the highest gain less spread is added (the first in <see cref="PairFit.Names"/> among
    /// equals), and the search goes on; it stops when none passes. Returns the training with the chosen evidence.
    /// </summary>
    public static TrainedStories SelectEvidence(TrainingData data, TrainingGrid grid, IReadOnlyList<string> first, double minGain = 0.002, Action<string>? progress = null, IReadOnlySet<string>? withheld = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(first);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var chosen = new List<string>(first);
        TrainedStories best = Train(data, grid with { Features = chosen.ToHashSet(StringComparer.Ordinal) });
        progress?.Invoke($"evidence {string.Join(", ", chosen)}: {Describe(best)}");
        while (true)
        {
            var tried = new Dictionary<string, TrainedStories>(StringComparer.Ordinal);
            var gains = new List<(string Name, EvidenceGain Gain)>();
            withheld ??= PairFit.Withheld;
            foreach (string name in PairFit.Names.Where(n => !chosen.Contains(n) && !withheld.Contains(n)))
            {
                TrainedStories training = Train(data, grid with { Features = chosen.Append(name).ToHashSet(StringComparer.Ordinal) });
                EvidenceGain gain = EvidenceGain.Of(best.Splits, training.Splits);
                progress?.Invoke(string.Create(invariant, $"  + {name}: {Describe(training)} ({string.Join(", ", training.HeldOut.Select(h => h.Score.ToString("F4", invariant)))}); gain over splits {gain.Mean:+0.0000;-0.0000} ± {gain.Spread:F4}{(gain.Passes(minGain) ? ", passes" : string.Empty)}"));
                tried[name] = training;
                if (!double.IsNegativeInfinity(training.ObjectiveValue))
                {
                    gains.Add((name, gain)); // under the worst margin, a candidate whose pairs' AUC is below the floor is not added
                }
            }

            if (EvidenceGain.Choose(gains, minGain) is not string added)
            {
                return best;
            }

            chosen.Add(added);
            best = tried[added];
            progress?.Invoke($"evidence {string.Join(", ", chosen)}: {Describe(best)}");
        }
    }

    // The mean held-out score, and the objective when it is another.
    private static string Describe(TrainedStories training) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{training.MeanHeldOut:F4}{(training.Objective == SelectionObjective.WorstMargin ? $", worst margin {training.ObjectiveValue:+0.0000;-0.0000}" : string.Empty)}");
}

/// <summary>SemEval pairs with their texts analysed once, to be measured under any clustering options.</summary>
/// <param name="Name">The file's name.</param>
/// <param name="Pairs">The pairs.</param>
/// <param name="Texts">The distinct texts.</param>
/// <param name="Features">Their features.</param>
public sealed record SemEvalTexts(string Name, IReadOnlyList<SemEvalPair> Pairs, IReadOnlyList<string> Texts, IReadOnlyList<StoryFeatures?> Features)
{
    /// <summary>Reads and analyses the English pairs of <paramref name="file"/>.</summary>
    public static SemEvalTexts Read(string file)
    {
        IReadOnlyList<SemEvalPair> pairs = SemEvalPairs.ReadEnglish(file);
        var texts = pairs.SelectMany(p => new[] { p.Text1, p.Text2 }).Distinct(StringComparer.Ordinal).ToList();
        var day = new DateOnly(2020, 1, 1);
        IReadOnlyList<StoryFeatures?> features = StoryEvaluation.Analyse([.. texts.Select((text, i) => new Domain.SourceReport($"pair-text-{i}", null, day, text))]);
        return new SemEvalTexts(Path.GetFileName(file), pairs, texts, features);
    }

    /// <summary>The pairs measured under <paramref name="options"/>.</summary>
    public IReadOnlyList<PairExample> Measure(ClusteringOptions options) => PairFit.Measure(Pairs, Texts, Features, options);
}
