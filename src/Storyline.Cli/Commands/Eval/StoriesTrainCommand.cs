using System.CommandLine;
using Storyline.Evaluation.Stories;
using Storyline.Stories;

using Storyline.Cli.Output;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline train stories --data DIR</c>: tunes the merge-or-new weights of the story clusterer on a story
/// benchmark (Giveme5W1H news-cluster) and writes them to models/stories/merge-model.json.
/// </summary>
internal static class StoriesTrainCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("The tuning set: a Giveme5W1H news-cluster folder (or any layout 'eval stories' reads)");
        var output = new Option<string>("--out") { Description = "Where to write the model", DefaultValueFactory = _ => Path.Combine("models", "stories", "merge-model.json") };
        var pairs = new Option<string?>("--pairs")
        {
            Description = "SemEval-2022 Task 8 pairs folder: fit the content weights on its English training pairs first (logistic regression), then tune on --data",
        };
        var command = new Command("stories", "Tune the story clusterer's merge-or-new weights") { data, output, pairs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (await StoryBenchmarkInput.ReadOrExplainAsync(env, folder).ConfigureAwait(false) is not StoryBenchmarkStream stream)
            {
                return ExitCodes.Error;
            }

            MergeModel start = MergeModel.Default with { EntityConflict = 0, PlaceConflict = 0 };
            string? startedFrom = null;
            MergeModel? pairFit = null;
            if (parse.GetValue(pairs) is string pairFolder)
            {
                string train = Path.Combine(pairFolder, "training_set.csv"), test = Path.Combine(pairFolder, "testing_set.csv");
                if (!File.Exists(train))
                {
                    env.Error.WriteLine($"storyline: {train}: not found (--pairs wants the SemEval-2022 Task 8 folder)");
                    return ExitCodes.Error;
                }

                IReadOnlyList<PairExample> trainPairs = PairFit.Measure(SemEvalPairs.ReadEnglish(train));
                MergeModel pairModel = PairFit.Fit(trainPairs, MergeModel.Default);
                PairQuality fitted = PairFit.Quality(trainPairs, pairModel);
                env.Screen.Line($"Pairs fit on {fitted.Pairs} training pairs: {pairModel}; accuracy {fitted.Accuracy:F3}, F1 {fitted.Scores.F1:F3}");
                if (File.Exists(test))
                {
                    PairQuality held = PairFit.Quality(PairFit.Measure(SemEvalPairs.ReadEnglish(test)), pairModel);
                    env.Screen.Line($"Held-out pairs ({held.Pairs}, testing_set.csv): accuracy {held.Accuracy:F3}, P {held.Scores.Precision:F3} R {held.Scores.Recall:F3} F1 {held.Scores.F1:F3}, log loss {held.LogLoss:F3}");
                }

                pairFit = pairModel;
                startedFrom = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(pairFolder))}/training_set.csv (English pairs)";
            }

            IReadOnlyList<StoryFeatures?> features = StoryEvaluation.Analyse(stream);
            TunedModel tuned = StoryTuning.Tune(stream, features, start, ClusteringOptions.Default.MergeScore, tuneConflicts: pairFit is null);
            if (pairFit is not null)
            {
                // The stream has few reports that look alike but are about different actors, so it cannot weigh the
                // conflict evidence: its direction and the entity/place ratio come from the pairs, and its strength is
                // the largest that costs the stream at most ConflictTolerance of its F1.
                tuned = StoryTuning.AddConflicts(stream, features, tuned, pairFit) with
                {
                    StartedFrom = $"conflict direction fitted on {startedFrom}; strength: the largest costing the tuning stream at most {StoryTuning.ConflictTolerance} F1",
                };
            }

            string path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, StoryTuning.ToJson(tuned, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))) + "\n", cancellationToken).ConfigureAwait(false);
            env.Screen.Line($"BCubed F1 {tuned.F1:F4} on the tuning set; model written to {path}: {tuned.Model}, merge score {tuned.MergeScore}");
            _ = global;
            return ExitCodes.Ok;
        });
        return command;
    }
}
