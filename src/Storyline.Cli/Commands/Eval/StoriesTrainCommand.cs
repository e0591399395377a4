using System.CommandLine;
using Storyline.Evaluation.Stories;
using Storyline.Stories;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline train stories --data DIR</c>: fits the story clusterer's merge-or-new model on report-against-story
/// decisions from the training halves of Giveme5W1H and ECB+ and the SemEval-2022 Task 8 English training pairs (with
/// <c>--long-stories</c>, the Crisis topics too: stories that run for months), chooses its settings by
/// leave-one-source-out cross-validation, prints every set's figures (and the TF-IDF baseline's; Crisis and Timeline17
/// scored whole), and writes models/stories/merge-model.json; first it counts the words' document frequencies on the
/// unlabelled Reuters-21578 news and writes them to models/stories/word-idf.tsv (<see cref="WordIdf"/>).
/// </summary>
internal static class StoriesTrainCommand
{
    private const string Reuters = "unlabelled/reuters21578/reuters21578_all.sgm.gz";

    // The shipped table keeps the words in at least two Reuters bodies (a word in one or none weighs nearly the same).
    private const int TableMinDocuments = 2;

    private const string Giveme = "stories/giveme5w1h-newscluster", Ecb = "stories/ecbplus", Pairs = "stories/semeval2022-task8-pairs", Crisis = "timelines/crisis", Timeline17 = "timelines/timeline17";

    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption($"The shared data folder: {Giveme}, {Ecb} and {Pairs} under it are trained on ({Crisis} and {Timeline17} are scored)");
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => Path.Combine("models", "stories", "merge-model.json") };
        var select = new Option<bool>("--select-evidence") { Description = "Choose the evidence again first: forward selection on the same cross-validation, a piece added only when its gain over 20 seeded half-splits is at least 0.002 and at least its spread (a few minutes)" };
        var longStories = new Option<bool>("--long-stories") { Description = $"Train on {Crisis} too, as a fourth source (four topics that run for months; an experiment: its model was not shipped, see docs/QUALITY.md)" };
        var storyMerge = new Option<bool>("--story-merge") { Description = $"Instead, select the story-merge decision (whole stories joined after the fact; needs {Crisis}): every join model with and without it, leave-one-source-out, by the rule in docs/QUALITY.md" };
        var storyMergeOut = new Option<string?>("--story-merge-out") { Description = "Where --story-merge writes the story-merge model the rule picks (or, when it picks none, the best by mean, marked as not picked); nothing is written without it" };
        var bridge = new Option<bool>("--bridge") { Description = "Instead, print the bridge between the naive baseline's centroid cosine and the clusterer's body words, one change at a time, on the training halves of Giveme5W1H and ECB+ (each step's threshold chosen on their mean); writes nothing" };
        var bridgeTable = new Option<bool>("--bridge-idf-table") { Description = "With --bridge: only the baseline and the steps whose idf is a fixed table counted on the unlabelled Reuters-21578 news (unlabelled/reuters21578 under --data; analysed first, a few minutes)" };
        var worstMargin = new Option<bool>("--worst-margin") { Description = "Choose evidence and settings by the worst floor margin (the lowest held-out BCubed F1 less its floor: Giveme5W1H 0.93, ECB+ 0.88; pairs' AUC at least 0.90): the default since the shipped model was chosen so" };
        var mean = new Option<bool>("--mean") { Description = "Choose evidence and settings by the mean held-out score instead of the worst floor margin (as the models before the ninth session were chosen)" };
        var idfOut = new Option<string>("--idf-out") { Description = $"Where to write the words' document frequencies counted on {Reuters} under --data", DefaultValueFactory = _ => Path.Combine("models", "stories", "word-idf.tsv") };
        var wordIdf = new Option<string>("--word-idf") { Description = "Where the words' idf comes from in training and in the model written: 'so-far' (the reports so far) or 'table' (the table --idf-out gets); default: the shipped model's" };
        wordIdf.AcceptOnlyFromAmong("so-far", "table");
        var command = new Command("stories", "Fit the story clusterer's merge-or-new model and choose its settings by cross-validation across sets") { data, output, select, longStories, storyMerge, storyMergeOut, bridge, bridgeTable, worstMargin, mean, idfOut, wordIdf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string root = parse.GetValue(data)!;
            if (parse.GetValue(mean) && parse.GetValue(worstMargin))
            {
                await env.Error.WriteLineAsync("error: --mean and --worst-margin disagree: give one ('storyline train stories --help' shows the usage)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string pairFolder = Path.Combine(root, Pairs);
            bool mergeStories = parse.GetValue(storyMerge);
            bool withCrisis = parse.GetValue(longStories) || mergeStories;
            string reuters = Path.Combine(root, Reuters);
            string[] needs = [Path.Combine(root, Giveme), Path.Combine(root, Ecb), Path.Combine(pairFolder, "training_set.csv"), reuters, .. withCrisis ? [Path.Combine(root, Crisis)] : Array.Empty<string>()];
            foreach (string needed in needs)
            {
                if (!Path.Exists(needed))
                {
                    await env.Error.WriteLineAsync($"error: {needed}: not found ('train stories --data' wants the shared data folder)").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }

            void Say(string line) => env.Screen.Line(line, "  ");
            Say("analysing the sets …");
            var streams = new List<AnalysedStream>();
            foreach (string set in new[] { Giveme, Ecb, Crisis, Timeline17 })
            {
                string folder = Path.Combine(root, set);
                if (StoryBenchmark.Detect(folder) is StoryBenchmarkLayout layout)
                {
                    StoryBenchmarkStream stream = StoryBenchmark.Read(folder, layout);
                    streams.Add(new AnalysedStream(Path.GetFileName(set), stream, StoryEvaluation.Analyse(stream)));
                }
            }

            SemEvalTexts trainPairs = SemEvalTexts.Read(Path.Combine(pairFolder, "training_set.csv"));
            string testFile = Path.Combine(pairFolder, "testing_set.csv");
            SemEvalTexts? testPairs = File.Exists(testFile) ? SemEvalTexts.Read(testFile) : null;
            // The training halves of Giveme5W1H and ECB+, and where asked the whole of Crisis (then never reported as a test).
            AnalysedStream[] training =
            [
                .. streams.Where(s => s.Stream.Layout is StoryBenchmarkLayout.Giveme5W1H or StoryBenchmarkLayout.EcbPlus).Select(s => s.Half(StoryHalf.Train)),
                .. streams.Where(s => withCrisis && s.Stream.Layout == StoryBenchmarkLayout.Crisis),
            ];
            if (parse.GetValue(bridge))
            {
                // The two event-level training halves only: the question is why the baseline keeps ECB+'s events apart.
                AnalysedStream[] halves = [.. training.Where(t => t.Stream.Layout != StoryBenchmarkLayout.Crisis)];
                Say($"bridge on {string.Join(", ", halves.Select(h => h.Name))} (thresholds chosen on their mean)");
                if (!parse.GetValue(bridgeTable))
                {
                    CentroidBridge.Table(halves, ClusteringOptions.Default, Say);
                    return ExitCodes.Ok;
                }

                // Every word the bodies have (one document or more), as the eighth session's figures were made.
                WordIdf table = WordIdf.Count(AnalyseReuters(reuters));
                Say($"idf table: {table.Documents} Reuters-21578 bodies, {table.Words} words");
                CentroidBridge.Table(halves, ClusteringOptions.Default, Say, [CentroidVariant.Baseline, .. CentroidVariant.TableSteps(table)], clusterer: false);
                return ExitCodes.Ok;
            }

            if (mergeStories)
            {
                return await SelectStoryMerge([.. training.Where(t => t.Stream.Layout != StoryBenchmarkLayout.Crisis)], training, trainPairs, parse.GetValue(storyMergeOut), Say, cancellationToken).ConfigureAwait(false);
            }

            // The words' document frequencies on unlabelled news: written byte for byte on every run, and what --word-idf table trains with.
            WordIdf counted = WordIdf.Count(AnalyseReuters(reuters), TableMinDocuments);
            string idfPath = parse.GetValue(idfOut)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(idfPath))!);
            await using (FileStream file = File.Create(idfPath))
            {
                counted.Write(file);
            }

            Say($"word idf: {counted.Documents} Reuters-21578 bodies, {counted.Words} words in at least {TableMinDocuments}, written to {idfPath}");
            bool fromTable = parse.GetValue(wordIdf) is string source ? source == "table" : ClusteringOptions.Default.WordIdf is not null;
            ClusteringOptions start = ClusteringOptions.Default with { WordIdf = fromTable ? counted : null };
            Say($"words' idf: {(fromTable ? "the table" : "the reports so far")}");
            SelectionObjective objective = parse.GetValue(mean) ? SelectionObjective.Mean : SelectionObjective.WorstMargin;
            TrainingGrid grid = TrainingGrid.Default with { Objective = objective };
            if (parse.GetValue(select))
            {
                TrainingData selection = TrainingData.Prepare(training, trainPairs, TrainingGrid.Selection, start, Say);
                IReadOnlySet<string> evidence = StoryTraining.SelectEvidence(selection, TrainingGrid.Selection with { Objective = objective }, ["body"], progress: Say, withheld: withCrisis ? new HashSet<string>() : null).Evidence!;
                Say($"selected evidence: {string.Join(", ", PairFit.Names.Where(evidence.Contains))}");
                grid = grid with { Features = evidence };
            }

            TrainedStories trained = StoryTraining.Train(training, trainPairs, grid, start, Say);

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), StoryTrainingReport.Build(trained, streams, testPairs, start)).ConfigureAwait(false);
            var provenance = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["fittedOn"] = $"{string.Join(", ", training.Select(t => t.Name))}, {trainPairs.Name} (English pairs)",
                ["evidence"] = string.Join(", ", PairFit.Names.Where(n => trained.Evidence?.Contains(n) != false)),
                ["evidenceChosenBy"] = $"forward selection from the body words on the same cross-validation, a piece added only when its mean gain {(objective == SelectionObjective.WorstMargin ? "in the worst floor margin " : string.Empty)}over 20 seeded half-splits of the held-out sources is at least 0.002 and at least its spread between splits (train stories --select-evidence{(objective == SelectionObjective.WorstMargin ? " --worst-margin" : string.Empty)})",
                ["settingsChosenBy"] = objective == SelectionObjective.WorstMargin
                    ? "leave-one-source-out cross-validation over those sources (the worst floor margin: the lowest held-out BCubed F1 less its floor, Giveme5W1H 0.93, ECB+ 0.88, with the pairs' ROC AUC at least 0.90; train stories --worst-margin)"
                    : $"leave-one-source-out cross-validation over those {(withCrisis ? "four" : "three")} sources (mean of the held-out streams' BCubed F1 and the pairs' ROC AUC)",
                ["neverSeen"] = "the test halves of giveme5w1h-newscluster and ecbplus, timeline17, testing_set.csv",
            };
            string path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, MergeModelJson.ToJson(trained, provenance) + "\n", cancellationToken).ConfigureAwait(false);
            Say($"model written to {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    // The Reuters-21578 bodies, analysed as reports are.
    private static IReadOnlyList<StoryFeatures?> AnalyseReuters(string file)
    {
        var day = new DateOnly(1987, 1, 1);
        return StoryEvaluation.Analyse([.. Evaluation.Ner.ReutersCasing.Bodies(file).Select((body, i) => new Domain.SourceReport($"reuters-{i}", null, day, body))]);
    }

    // The story-merge selection (docs/QUALITY.md, "Seventh session"): the join models alone and with the merge
    // decision, scored leave-one-source-out on the story-level sources; what the rule picks is written when it merges.
    private static async Task<int> SelectStoryMerge(AnalysedStream[] joinStreams, AnalysedStream[] storySources, SemEvalTexts pairs, string? output, Action<string> say, CancellationToken cancellationToken)
    {
        TrainingData joinData = TrainingData.Prepare(joinStreams, pairs, TrainingGrid.Selection, progress: say);
        IReadOnlyList<StoryMergeCandidate> candidates = StoryMergeTraining.Select(joinData, storySources, [JoinModel.Body, JoinModel.Gap], say);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        foreach (StoryMergeCandidate candidate in candidates)
        {
            say(string.Create(invariant, $"{candidate.Setting}: mean {candidate.Mean:F4}{(candidate.Admissible ? ", admissible" : string.Empty)}; {string.Join("; ", candidate.Sources.Select(s => $"{s.Source} {s.Score:F4} ({s.Gain.Mean:+0.0000;-0.0000} ± {s.Gain.Spread:F4})"))}"));
        }

        // What the evidence can tell apart in each source, and whether the sources agree (the shipped join model, fitted on all).
        ClusteringOptions shipped = StoryMergeTraining.JoinOptions(joinData, JoinModel.Body, except: -1);
        IReadOnlyList<StoryPairExample>[] pairsOf = [.. storySources.Select(s => StoryMergeTraining.Examples(s, shipped))];
        double[,] cross = StoryMergeTraining.CrossAuc(pairsOf);
        for (int i = 0; i < storySources.Length; i++)
        {
            say(string.Create(invariant, $"story pairs of {storySources[i].Name}: {pairsOf[i].Count} ({pairsOf[i].Count(p => p.Same)} same); merge model fitted on them alone, AUC on {string.Join(", ", storySources.Select((s, j) => $"{s.Name} {cross[i, j]:F4}"))}"));
        }

        StoryMergeCandidate? picked = StoryMergeTraining.Choose(candidates);
        say(picked is null ? "the rule admits no configuration: nothing ships" : $"the rule picks {picked.Setting}");
        StoryMergeCandidate? chosen = picked is { Setting.Offset: not null } ? picked
            : candidates.Where(c => c.Setting.Offset is not null).OrderByDescending(c => Math.Round(c.Mean, 9)).FirstOrDefault();
        if (output is null || chosen is not { Setting.Offset: double offset })
        {
            return ExitCodes.Ok;
        }

        JoinModel join = chosen.Setting.Join == JoinModel.Gap.Name ? JoinModel.Gap : JoinModel.Body;
        ClusteringOptions options = StoryMergeTraining.JoinOptions(joinData, join, except: -1);
        StoryMergeModel model = StoryMergeTraining.Fit([.. storySources.Select(s => StoryMergeTraining.Examples(s, options))], offset);
        var provenance = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fittedOn"] = string.Join(", ", storySources.Select(s => s.Name)),
            ["chosenBy"] = ReferenceEquals(chosen, picked)
                ? $"train stories --story-merge: {chosen.Setting}, picked by the rule of docs/QUALITY.md (Seventh session)"
                : $"train stories --story-merge: {chosen.Setting}, the best story merge by mean held-out score; NOT picked by the rule of docs/QUALITY.md (Seventh session), written for reading only",
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, StoryMergeJson.ToJson(model, join.Name, provenance) + "\n", cancellationToken).ConfigureAwait(false);
        say($"{chosen.Setting}: story-merge model written to {output}");
        return ExitCodes.Ok;
    }
}
