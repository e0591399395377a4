using System.CommandLine;
using Storyline.Evaluation.Time;

namespace Storyline.Cli.Commands.Eval;

/// <summary><c>storyline eval time --data DIR [--predictions DIR] [--errors FILE]</c>: TempEval-3 measures on TimeML.</summary>
internal static class EvalTimeCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("A folder of TimeML (.tml) files, searched recursively");
        Option<string?> predictions = EvalOutput.PredictionsOption("Write TimeML with our TIMEX3 tags here, one file per input, same relative paths");
        var errors = new Option<string?>("--errors") { Description = "Write every miss, extra and wrong value to this file, one a line" };
        var command = new Command("time", "Time expressions: strict and relaxed span P/R/F1, type and value accuracy and F1 (TempEval-3)")
        {
            data, predictions, errors,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder} is not a folder").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            var report = TimeEvaluation.Run(folder, parse.GetValue(predictions), parse.GetValue(errors));
            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), report).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
