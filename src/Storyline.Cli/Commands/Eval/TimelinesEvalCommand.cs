using System.CommandLine;
using Storyline.Evaluation.Timelines;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline eval timelines --data DIR</c>: builds a timeline per gold timeline of a Timeline17-layout folder (the
/// standard setting: gold number of days and sentences per day) and prints alignment-based ROUGE-1/2 and date F1.
/// </summary>
internal static class TimelinesEvalCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("A Timeline17-layout folder (topic folders with InputDocs/ and timelines/), or one topic folder");
        Option<string?> predictions = EvalOutput.PredictionsOption("Write each predicted timeline to DIR/<topic>/<timeline>.txt in the dataset's format");
        var command = new Command("timelines", "Timeline summarisation: alignment-based ROUGE-1/2 F1 and date F1") { data, predictions };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Timeline17.IsTimelineFolder(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder} is not a Timeline17-layout folder (topic folders with InputDocs/ and timelines/)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            IReadOnlyList<TimelineScore> scores = TimelineEvaluation.Run(Timeline17.Read(folder));
            if (parse.GetValue(predictions) is string path)
            {
                await TimelineEvaluation.WritePredictionsAsync(path, scores, cancellationToken).ConfigureAwait(false);
            }

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), TimelineEvaluation.Report(folder, scores)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
