using Spectre.Console;
using Spectre.Console.Rendering;
using Storyline.Cli.Commands;

namespace Storyline.Cli.Tests;

/// <summary>The ingest progress bar shows what it knows: reports done of the total, never "--:--:--" or "**:**:**".</summary>
public sealed class ProgressColumnTests
{
    [Theory]
    // Reading: the total is not known yet (was "0% --:--:--")
    [InlineData(true, 0, 100, false, "…")]
    // Analysing: done of the total, with thousands separators
    [InlineData(false, 412, 1038, false, "412/1,038")]
    // Finished: the whole count (was "100% **:**:**")
    [InlineData(false, 1038, 1038, true, "1,038/1,038")]
    public void The_count_column_shows_reports_done_of_the_total(bool indeterminate, double done, double total, bool finished, string expected)
    {
        var task = new ProgressTask(1, "Analysing", total) { IsIndeterminate = indeterminate, Value = done };
        if (finished)
        {
            task.StopTask();
        }

        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Write(new ReportsDoneColumn().Render(new RenderOptions(console.Profile.Capabilities, new Size(80, 1)), task, TimeSpan.Zero));

        Assert.Equal(expected, output.ToString().Trim());
    }
}
