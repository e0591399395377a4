using System.CommandLine;
using Storyline.Evaluation;
using Storyline.Evaluation.Extract;
using Storyline.Sources.Html;

namespace Storyline.Cli.Commands.Eval;

/// <summary><c>storyline eval extract --data DIR [--extractor NAME] [--predictions DIR]</c>: article extraction against gold text.</summary>
internal static class ExtractEvalCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption("A benchmark folder with input/ and GoldStandard/ (L3S-GN1 annotated HTML, or CleanEval text)");
        var predictions = EvalOutput.PredictionsOption("Write each page's extracted body to this folder as <id>.txt");
        var limit = new Option<int?>("--limit") { Description = "Score only the first N pages" };
        var extractor = new Option<string>("--extractor")
        {
            Description = "How the body is found: ensemble (the default: SmartReader and our own scorer combined), own, or smartreader",
            DefaultValueFactory = _ => "ensemble",
        };
        extractor.AcceptOnlyFromAmong("ensemble", "own", "smartreader");
        var command = new Command("extract", "Token precision, recall and F1 of the extracted article body against the gold text") { data, predictions, limit, extractor };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder}: no such folder").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            EvalReport report;
            try
            {
                BodyExtraction body = parse.GetValue(extractor) switch
                {
                    "own" => BodyExtraction.Own,
                    "smartreader" => BodyExtraction.Readability,
                    _ => BodyExtraction.Ensemble,
                };
                report = ExtractEvaluation.Run(folder, parse.GetValue(predictions), parse.GetValue(limit), body);
            }
            catch (DirectoryNotFoundException ex)
            {
                await env.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.Error;
            }

            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), report).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
