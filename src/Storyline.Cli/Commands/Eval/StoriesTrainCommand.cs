using System.CommandLine;
using Spectre.Console;
using Storyline.Evaluation.Stories;
using Storyline.Stories;

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
        var command = new Command("stories", "Tune the story clusterer's merge-or-new weights") { data, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (await StoryBenchmarkInput.ReadOrExplainAsync(env, folder).ConfigureAwait(false) is not StoryBenchmarkStream stream)
            {
                return ExitCodes.Error;
            }

            IReadOnlyList<StoryFeatures?> features = StoryEvaluation.Analyse(stream);
            TunedModel tuned = StoryTuning.Tune(stream, features, MergeModel.Default, ClusteringOptions.Default.MergeScore);
            string path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, StoryTuning.ToJson(tuned, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))) + "\n", cancellationToken).ConfigureAwait(false);
            env.Console.MarkupLine(Markup.Escape($"BCubed F1 {tuned.F1:F4} on the tuning set; model written to {path}: {tuned.Model}, merge score {tuned.MergeScore}"));
            _ = global;
            return ExitCodes.Ok;
        });
        return command;
    }
}
