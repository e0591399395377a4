using System.CommandLine;
using Storyline.Evaluation.Stories;
using Storyline.Stories;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline eval stories --data DIR</c>: streams a story benchmark (Giveme5W1H news-cluster, ECB+, Timeline17 or Crisis,
/// found from the folder's layout) through the real flow in date order and prints BCubed and pairwise scores; with
/// <c>--baseline tfidf</c>, the naive TF-IDF centroid clusterer's instead.
/// </summary>
internal static class StoriesEvalCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("A Giveme5W1H news-cluster, ECB+, Timeline17 or Crisis folder (the layout is detected)");
        Option<string?> predictions = EvalOutput.PredictionsOption("Write 'article<TAB>story' lines here");
        var model = new Option<string?>("--model") { Description = "A merge model written by 'train stories' (default: the shipped models/stories/merge-model.json)" };
        var storyMerge = new Option<string?>("--story-merge") { Description = "Add the story-merge decision written by 'train stories --story-merge' (off by default)" };
        var baseline = new Option<string?>("--baseline") { Description = "Score the naive single-pass TF-IDF centroid clusterer instead: 'tfidf'" };
        baseline.AcceptOnlyFromAmong("tfidf");
        var threshold = new Option<double?>("--threshold") { Description = $"The baseline's cosine threshold (default {TfidfBaseline.Threshold}, chosen by 'train stories' on the training halves)" };
        var half = new Option<StoryHalf>("--half") { Description = "Score one half only: train (what 'train stories' fits on) or test (never seen by it); default all", DefaultValueFactory = _ => StoryHalf.All };
        var command = new Command("stories", "Online story clustering: BCubed and pairwise precision, recall and F1") { data, predictions, model, storyMerge, baseline, threshold, half };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (await StoryBenchmarkInput.ReadOrExplainAsync(env, folder).ConfigureAwait(false) is not StoryBenchmarkStream whole)
            {
                return ExitCodes.Error;
            }

            ClusteringOptions options = ClusteringOptions.Default;
            if (parse.GetValue(model) is string modelFile)
            {
                try
                {
                    options = MergeModelJson.FromJson(await File.ReadAllTextAsync(modelFile, cancellationToken).ConfigureAwait(false)).Options();
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    await env.Error.WriteLineAsync($"error: {modelFile}: not a merge model ({e.Message})").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }

            if (parse.GetValue(storyMerge) is string mergeFile)
            {
                try
                {
                    options = options with { StoryMerge = StoryMergeJson.FromJson(await File.ReadAllTextAsync(mergeFile, cancellationToken).ConfigureAwait(false)) };
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    await env.Error.WriteLineAsync($"error: {mergeFile}: not a story-merge model ({e.Message})").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }

            StoryBenchmarkStream stream = StorySplits.Take(whole, parse.GetValue(half));
            double cut = parse.GetValue(threshold) ?? TfidfBaseline.Threshold;
            bool naive = parse.GetValue(baseline) is not null;
            StoryRun run = naive ? TfidfBaseline.Run(stream, StoryEvaluation.Analyse(stream), cut) : StoryEvaluation.Run(stream, options);
            if (parse.GetValue(predictions) is string path)
            {
                await StoryEvaluation.WritePredictionsAsync(path, stream, run, cancellationToken).ConfigureAwait(false);
            }

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), StoryEvaluation.Report(folder, stream, run, naive ? $"TF-IDF baseline at {cut}" : null)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
