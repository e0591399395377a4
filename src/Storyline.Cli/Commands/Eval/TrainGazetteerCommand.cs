using System.CommandLine;
using System.Globalization;
using Storyline.Evaluation.Gazetteer;

using Storyline.Cli.Output;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline train gazetteer --data ../shared/data/places</c>: rebuilds models/gazetteer/places.tsv.gz, the
/// committed table of countries and towns the resolver geocodes with (embedded in Core at the next build).
/// </summary>
internal static class TrainGazetteerCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption("The places folder: geonames/ (cities1000, countryInfo) and mledoze-countries/");
        var output = new Option<string>("--output")
        {
            Description = "Where to write it",
            DefaultValueFactory = _ => Path.Combine("models", "gazetteer", "places.tsv.gz"),
        };
        var command = new Command("gazetteer", "Build the compact gazetteer of countries and towns from GeoNames and mledoze/countries") { data, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Directory.Exists(Path.Combine(folder, "geonames")) || !Directory.Exists(Path.Combine(folder, "mledoze-countries")))
            {
                await env.Error.WriteLineAsync($"error: {folder}: expected geonames/ and mledoze-countries/ inside").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string target = parse.GetValue(output)!;
            GazetteerBuildSummary summary = GazetteerBuilder.Build(folder, target);
            string text = string.Create(
                CultureInfo.InvariantCulture,
                $"Wrote {target}: {summary.Countries} countries, {summary.Places} towns, {summary.AlternateNames} alternate names, {summary.Bytes / 1024.0 / 1024.0:0.00} MB");
            if (parse.GetValue(global.Json))
            {
                await Output.Json.WriteAsync(env.Out, summary).ConfigureAwait(false);
            }
            else
            {
                env.Screen.Line(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
