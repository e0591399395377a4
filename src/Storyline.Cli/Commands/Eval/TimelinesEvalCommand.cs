using System.CommandLine;
using Storyline.Evaluation.Timelines;
using Storyline.Timelines;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline eval timelines --data DIR</c>: builds a timeline per gold timeline of a Timeline17-layout folder (the
/// standard setting: gold number of days and sentences per day) and prints alignment-based ROUGE-1/2 (ROUGE-1.5.5 with
/// stemming and stopwords removed) and date F1.
/// </summary>
internal static class TimelinesEvalCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("A Timeline17-layout folder (topic folders with InputDocs/ and timelines/), one topic folder, or the Crisis folder");
        Option<string?> predictions = EvalOutput.PredictionsOption("Write each predicted timeline to DIR/<topic>/<timeline>.txt in the dataset's format");
        var rougeData = new Option<string?>("--rouge") { Description = "ROUGE-1.5.5's data folder (SMART stopwords, WordNet exceptions); default: the rouge155 folder above --data" };
        var command = new Command("timelines", "Timeline summarisation: alignment-based ROUGE-1/2 F1 (ROUGE-1.5.5 -m -s) and date F1") { data, predictions, rougeData };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Timeline17.IsTimelineFolder(folder) && !Crisis.IsCrisisFolder(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder} is neither a Timeline17-layout folder (topic folders with InputDocs/ and timelines/) nor the Crisis set (gold_timelines/ and dated_sentences_derived/)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string? rougeFolder = parse.GetValue(rougeData) ?? FindRougeData(folder);
            if (rougeFolder is null)
            {
                await env.Error.WriteLineAsync($"error: no rouge155 folder found above {folder}: pass --rouge DIR (../shared/data/rouge155)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (!Rouge155.TryLoad(rougeFolder, out Rouge155? rouge, out string? problem))
            {
                await env.Error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
                return ExitCodes.Error;
            }

            IReadOnlyList<TimelineTopic> topics;
            try
            {
                topics = Crisis.IsCrisisFolder(folder) ? Crisis.Read(folder) : Timeline17.Read(folder);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                await env.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Error;
            }

            var analysed = TimelineEvaluation.AnalyseAll(topics);
            (Func<string, IDateRanker> rankers, string note) = TimelineEvaluation.Rankers(topics, analysed, DateModel.Shipped);
            var results = TimelineEvaluation.Run(topics, analysed, rouge!, TimelineEvaluation.StandardSystems(rankers));
            if (parse.GetValue(predictions) is string path)
            {
                await TimelineEvaluation.WritePredictionsAsync(path, results[TimelineEvaluation.SystemName], cancellationToken).ConfigureAwait(false);
            }

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), TimelineEvaluation.Report(folder, results, [note])).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The nearest folder named rouge155 beside --data or one of its parents (../shared/data/rouge155).</summary>
    public static string? FindRougeData(string folder)
    {
        for (DirectoryInfo? dir = new(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "rouge155");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
