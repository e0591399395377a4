using System.CommandLine;
using Storyline.Evaluation;
using Storyline.Evaluation.Quotes;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline eval quotes --data DIR [--predictions DIR] [--errors FILE]</c>: attribution content and source spans
/// on PolNeAR (brat), or quote precision, recall and speakers on the Gender Gap Tracker layout; the layout is found
/// from the folder.
/// </summary>
internal static class QuotesEval
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption(
            "A PolNeAR split (the folder with text/ and attributions/, e.g. ../shared/data/quotes/polnear/dev) or the Gender Gap Tracker set (annotations.jsonl and rawtext/)");
        var predictions = EvalOutput.PredictionsOption("PolNeAR: write the predicted attributions here, one brat .ann per article");
        var errors = new Option<string?>("--errors") { Description = "Write every false and missed quote (GGT: and every wrong speaker) to this file, one a line" };
        var command = new Command("quotes", "Quotes and attributions: content and source spans on PolNeAR (brat); quote P/R/F1 and speakers on the Gender Gap Tracker set")
        {
            data, predictions, errors,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder}: no such folder").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            bool ggt = GgtReader.IsGgtFolder(folder);
            if (!ggt && !Directory.Exists(Path.Combine(folder, "text")))
            {
                await env.Error.WriteLineAsync($"error: {folder}: neither a PolNeAR split (text/ and attributions/) nor the Gender Gap Tracker layout (annotations.jsonl and rawtext/)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (ggt && parse.GetValue(predictions) is not null)
            {
                await env.Error.WriteLineAsync("error: --predictions writes brat files, for PolNeAR only; use --errors on the Gender Gap Tracker set").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            EvalReport report;
            try
            {
                report = ggt
                    ? GgtEvaluation.Run(folder, parse.GetValue(errors))
                    : QuoteEvaluation.Run(folder, parse.GetValue(predictions), errors: parse.GetValue(errors));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                await env.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Error;
            }

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), report).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
