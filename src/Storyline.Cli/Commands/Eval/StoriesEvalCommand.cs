using System.CommandLine;
using Storyline.Evaluation.Stories;
using Storyline.Stories;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline eval stories --data DIR</c>: streams a story benchmark (Giveme5W1H news-cluster, ECB+ or Timeline17,
/// found from the folder's layout) through the real flow in date order and prints BCubed and pairwise scores.
/// </summary>
internal static class StoriesEvalCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("A Giveme5W1H news-cluster, ECB+ or Timeline17 folder (the layout is detected)");
        Option<string?> predictions = EvalOutput.PredictionsOption("Write 'article<TAB>story' lines here");
        var model = new Option<string?>("--model") { Description = "A merge model written by 'train stories' (default: the shipped models/stories/merge-model.json)" };
        var command = new Command("stories", "Online story clustering: BCubed and pairwise precision, recall and F1") { data, predictions, model };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (await StoryBenchmarkInput.ReadOrExplainAsync(env, folder).ConfigureAwait(false) is not StoryBenchmarkStream stream)
            {
                return ExitCodes.Error;
            }

            ClusteringOptions options = ClusteringOptions.Default;
            if (parse.GetValue(model) is string modelFile)
            {
                try
                {
                    (MergeModel merge, double mergeScore) = StoryTuning.FromJson(await File.ReadAllTextAsync(modelFile, cancellationToken).ConfigureAwait(false));
                    options = options with { Model = merge, MergeScore = mergeScore };
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    await env.Error.WriteLineAsync($"storyline: {modelFile}: not a merge model ({e.Message})").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }

            StoryRun run = StoryEvaluation.Run(stream, options);
            if (parse.GetValue(predictions) is string path)
            {
                await StoryEvaluation.WritePredictionsAsync(path, stream, run, cancellationToken).ConfigureAwait(false);
            }

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), StoryEvaluation.Report(folder, stream, run)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
