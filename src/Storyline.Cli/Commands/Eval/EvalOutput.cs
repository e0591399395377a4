using System.CommandLine;
using System.Globalization;
using Storyline.Cli.Output;
using Storyline.Evaluation;

namespace Storyline.Cli.Commands.Eval;

/// <summary>The options every eval task has, and how its report is printed.</summary>
internal static class EvalOutput
{
    public static Option<string> DataOption(string description) => new("--data") { Description = description, Required = true };

    public static Option<string?> PredictionsOption(string description) => new("--predictions") { Description = description };

    /// <summary>Prints the report as a table (metrics as fractions with 4 digits) or as JSON.</summary>
    public static async Task WriteAsync(CliEnvironment env, bool json, EvalReport report)
    {
        if (json)
        {
            await Json.WriteAsync(env.Out, new
            {
                report.Task,
                report.Data,
                Rows = report.Rows.Select(r => new { r.Label, Metrics = r.Metrics.ToDictionary(m => m.Key, m => Math.Round(m.Value, 4)) }),
                report.Notes,
            }).ConfigureAwait(false);
            return;
        }

        var names = report.Rows.SelectMany(r => r.Metrics.Select(m => m.Key)).Distinct(StringComparer.Ordinal).ToList();
        var table = new TextTable($"eval {report.Task} on {report.Data}").Column(string.Empty, Cell.Prose);
        foreach (string name in names)
        {
            table.Column(name, Cell.Number);
        }

        foreach (EvalRow row in report.Rows)
        {
            var values = row.Metrics.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
            table.Row([row.Label, .. names.Select(n => values.TryGetValue(n, out double v) ? Format(v) : string.Empty)]);
        }

        Screen screen = env.Screen;
        screen.Write(table);
        foreach (string note in report.Notes)
        {
            screen.Line(note, "  ");
        }
    }

    private static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) >= 1 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
