namespace Storyline.Cli.Tests;

/// <summary>
/// Every command, given bad arguments, says what is wrong in one line on standard error and exits 2: no stack trace,
/// no .NET type names, no silent "nothing found".
/// </summary>
public sealed class BadArgumentsTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<string[], string> Cases => new()
    {
        // Each row: the arguments, and words the one error line must hold.
        { ["story", "abc"], "'abc' is not a story number" },                    // was: expected type 'System.Int64'
        { ["story", "0"], "not a story number" },                                // numbers start at 1
        { ["story", "1", "--entities", "-2"], "--entities must be a whole number of at least 0" },
        { ["timeline", "1.5"], "not a story number" },
        { ["whatsnew", "x", "--since", "2023-09-11"], "not a story number" },
        { ["whatsnew", "1"], "--since" },                                        // required option missing
        { ["whatsnew", "1", "--since", "2023-09-11", "--limit", "0"], "--limit must be a whole number of at least 1" },
        { ["export", "abc"], "not a story number" },
        { ["export", "1", "--summary", "-3"], "--summary must be a whole number of at least 0" }, // was: an empty summary, exit 0
        { ["export", "1", "--format", "pdf"], "pdf" },
        { ["export", "1", "--format", "markdown", "--json"], "--json and --format markdown disagree" }, // was: --json ignored
        { ["search", "Peskov", "--limit", "-1"], "--limit must be a whole number of at least 1" }, // was: "Nothing matches", exit 0
        { ["search", "kim", "--bogus"], "unknown option '--bogus'" },            // was: searched for "--bogus"
        { ["search", .. Enumerable.Range(0, 33).Select(i => $"w{i}")], "33 different words; at most 32" }, // was: minutes of FTS5 ranking (issue 23)
        { ["entities", "--limit", "0"], "--limit must be a whole number of at least 1" }, // was: "No entities yet", exit 0
        { ["entities", "--limit", "many"], "--limit must be a whole number" },
        { ["entities", "--type", "planet"], "unknown type 'planet'" },
        { ["entity", "--related", "-1", "Kim"], "--related must be a whole number of at least 0" },
        { ["quotes", "--story", "abc"], "--story must be a story number" },
        { ["quotes", "--limit", "0"], "--limit must be a whole number of at least 1" },
        { ["ingest", "seeds", "--bogus"], "unknown option '--bogus'" },          // was: "--bogus" read as a path
        { ["ingest", "seeds", "--max-file-bytes", "0"], "--max-file-bytes must be a whole number of bytes of at least 1" },
        { ["watch", "inbox", "--interval", "0"], "--interval must be a whole number of at least 1" },
        { ["watch", "inbox", "--interval", "soon"], "--interval must be a whole number" },
        { ["serve", "--port", "http"], "'http' is not a whole number" },         // the parser's own message, in words
        { ["serve", "--host", "::ffff:10.0.0.1", "--port", "0"], "10.0.0.1 is not a loopback address" }, // IPv4 written as IPv6 is that IPv4 address
        { ["migrate", "--from", "a.db"], "--to" },
        { ["migrate", "--from", "a.db", "--to", "b.db", "--db", "c.db"], "--db" }, // migrate has no --db
        { ["stories", "--limit", "3"], "--limit" },                              // stories has no --limit
        { ["bench", "load", "--workers", "many"], "'many' is not a whole number" },
        { ["eval", "stories"], "--data" },                                       // required option missing
        { ["train", "stories", "--data", "data", "--word-idf", "whole-stream"], "whole-stream" }, // only so-far or table
        { ["train", "stories", "--data", "data", "--mean", "--worst-margin"], "--mean and --worst-margin disagree" },
        { ["eval", "planets", "--data", "x"], "planets" },                       // no such task
        { ["train", "stories", "--bogus"], "--bogus" },
        { ["nonsense"], "nonsense" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_arguments_are_one_line_on_standard_error_and_exit_2(string[] args, string words)
    {
        CliRun run = await cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(words, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal); // a stack trace's frames
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    // An export to a place that cannot take a file says so in one line (it used to die with exit 134).
    [InlineData("missing-folder/x.md", "no folder")]
    [InlineData(".", "it is a folder")]
    public async Task Exporting_to_a_place_that_cannot_be_written_is_one_line_and_exit_2(string target, string words)
    {
        await cli.RunWithStdinAsync("date 2023-09-12\n\nKim Jong Un arrived in Russia.", "ingest", "-");
        string path = target == "." ? cli.Folder : Path.Combine(cli.Folder, target);

        CliRun run = await cli.RunAsync("export", "1", "--format", "markdown", "-o", path);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot write", line, StringComparison.Ordinal);
        Assert.Contains(words, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_on_an_address_this_machine_does_not_have_is_one_line_and_exit_2()
    {
        // Given an archive (serve refuses a missing one before it tries to listen)
        await cli.RunWithStdinAsync("date 2023-09-12\n\nKim Jong Un arrived in Russia.", "ingest", "-");

        CliRun run = await cli.RunAsync("serve", "--host", "192.0.2.7", "--allow-remote", "--port", "0");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot listen on 192.0.2.7:0", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_shows_each_default_once()
    {
        CliRun run = await cli.RunAsync("search", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[default: 20]", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(default 20)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_does_not_offer_an_option_it_does_not_use()
    {
        CliRun run = await cli.RunAsync("migrate", "--help");

        Assert.Contains("--from", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--db", run.Output, StringComparison.Ordinal);
    }
}
