using System.Text;

namespace Storyline.Cli.Tests;

/// <summary>Hostile files through the whole command: one error line each, naming the file; the good reports stored.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Hostile_files_are_each_one_error_line_and_the_good_report_is_stored()
    {
        // Given a good report beside a binary file, a page nested 100,000 deep, a too-long JSON line and a file whose
        // name holds a newline and an escape sequence
        cli.Write("in/good.txt", "date 2023-09-12\n\nKim Jong Un arrived in Russia on Tuesday, officials said.");
        File.WriteAllBytes(Path.Combine(cli.Folder, "in", "photo.txt"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]);
        cli.Write("in/deep.html", "<html><body>" + new StringBuilder().Insert(0, "<div>", 100_000) + "<p>Kim.</p></body></html>");
        cli.Write("in/long.jsonl", "{\"date\":\"2023-09-12\",\"text\":\"" + new string('a', 4_100_000) + "\"}\n");
        cli.Write("in/bad\nname\u001B[2J.txt", "no date here");

        // When the folder is ingested
        CliRun run = await cli.RunAsync("ingest", Path.Combine(cli.Folder, "in"));

        // Then each bad file is one line on standard error with its reason, and the good one is stored
        Assert.Equal(1, run.ExitCode);
        string[] errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, e => e.Contains("photo.txt: binary file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("deep.html: page nests elements more than 512 levels deep", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("long.jsonl:1: line is ", StringComparison.Ordinal) && e.Contains("(ReaderOptions.MaxLineCharacters)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("bad\\nname\\u001B[2J.txt: no date", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001B', run.Error);
        Assert.Contains("Read 1 report: 1 new, 0 duplicate, 4 failed", run.Output, StringComparison.Ordinal);
    }
}
