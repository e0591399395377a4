using System.CommandLine;
using Storyline.Evaluation;
using Storyline.Evaluation.Quotes;

namespace Storyline.Cli.Commands.Eval;

/// <summary><c>storyline eval quotes --data DIR</c>: attribution content and source spans on PolNeAR.</summary>
internal static class QuotesEval
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption("A PolNeAR split: the folder with text/ and attributions/ (e.g. ../shared/data/quotes/polnear/dev)");
        var predictions = EvalOutput.PredictionsOption("Write the predicted attributions here, one brat .ann per article");
        var command = new Command("quotes", "Quotes and attributions: content and source spans on PolNeAR (brat)") { data, predictions };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder}: no such folder").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            EvalReport report = QuoteEvaluation.Run(folder, parse.GetValue(predictions));
            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), report).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
