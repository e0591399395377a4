using System.Text.Json;

namespace Storyline.Cli.Tests.Security;

/// <summary>
/// Terminal escape injection (issue 23): a report's title, outlet or body, a page's &lt;title&gt; or a search query
/// holding escape sequences reaches the terminal with its control characters stripped, from every command.
/// </summary>
public sealed class TerminalInjectionTests : IDisposable
{
    // ESC ]0;…BEL retitles the window; ESC [2J clears the screen; ESC ]52;c;…BEL writes the clipboard; U+009B is the
    // one-character CSI of C1 that some terminals obey; a bare CR returns the cursor to overwrite the line.
    private const string Retitle = "\u001B]0;pwned\u0007";
    private const string Clear = "\u001B[2J";
    private const string Clipboard = "\u001B]52;c;ZXZpbA==\u0007";
    private const string Csi = "\u009B31m";

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<string[], string> Commands => new()
    {
        // Each command, and visible text of the hostile reports that it prints (its control characters dropped).
        { ["stories"], "Kim arrives" },                   // the story's headline (issue 19), from a report title
        { ["stories", "--timelines"], "armoured train on Monday" },
        { ["story", "1"], "]0;pwnedKim heads for Russia[2J" },
        { ["timeline", "1"], "armoured train on Monday" },
        { ["whatsnew", "1", "--since", "2023-09-11"], "The visit is[2J confirmed" },
        { ["search", "armoured"], "armoured" },
        { ["entities"], "Dmitry Peskov" },
        { ["entity", "dmitry peskov"], "Dmitry Peskov" },
        { ["quotes"], "The visit is[2J confirmed" },
        { ["export", "1", "--format", "markdown"], "Kim heads for Russia" },
        { ["export", "1", "--format", "csv"], "armoured train on Monday" },
        { ["export", "1", "--format", "json"], "\\u001B]0;pwned\\u0007Kim heads for Russia" },
        { ["story", "1", "--json"], "\\u001B]0;pwned\\u0007Kim heads for Russia" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task No_control_character_of_a_report_reaches_the_terminal(string[] command, string visible)
    {
        // Given reports whose title, outlet and body hold escape sequences, ingested into one story
        await IngestHostileReportsAsync();

        // When a command prints them
        CliRun run = await cli.RunAsync(command);

        // Then what it prints holds their visible text and no control character but line ends
        Assert.True(run.ExitCode == 0, run.Error);
        AssertNoControlCharacters(run.Output);
        AssertNoControlCharacters(run.Error);
        Assert.Contains(visible, run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Json_keeps_the_control_characters_escaped()
    {
        // Given the hostile reports
        await IngestHostileReportsAsync();

        // When their story is asked for as JSON
        CliRun run = await cli.RunAsync("story", "1", "--json");

        // Then the JSON is the text as stored, its control characters written as \u escapes (so nothing is lost, and
        // nothing reaches the terminal raw)
        AssertNoControlCharacters(run.Output);
        string title = run.ParseJson().GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("title").GetString()).First(t => t!.Contains("pwned", StringComparison.Ordinal))!;
        Assert.Contains(Retitle, title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_does_not_echo_control_characters()
    {
        await IngestHostileReportsAsync();

        CliRun run = await cli.RunAsync("search", "zebra" + Retitle + Clear);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Nothing matches zebra", run.Output, StringComparison.Ordinal);
        AssertNoControlCharacters(run.Output);
    }

    [Theory]
    // Arguments are echoed in error messages: those go to the terminal too.
    [InlineData("entity", "nobody" + Retitle)]
    [InlineData("whatsnew", "1", "--since", "x" + Clear)]
    [InlineData("story", "1" + Clipboard)]
    [InlineData("stories", "--bogus" + Csi)]
    public async Task An_argument_echoed_in_an_error_holds_no_control_character(params string[] command)
    {
        await IngestHostileReportsAsync();

        CliRun run = await cli.RunAsync(command);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        AssertNoControlCharacters(run.Error);
    }

    [Fact]
    public async Task A_page_title_with_escape_entities_is_printed_without_them()
    {
        // Given a web page whose <title> writes ESC and BEL as character references
        string paragraph = "<p>Kim Jong Un arrived in Vladivostok by armoured train on Tuesday, officials in the Russian Far East said, and was met by Russia's natural resources minister at the station.</p>";
        cli.Write("page.html", $"""
            <!DOCTYPE html><html><head><title>&#27;]0;pwned&#7;Kim arrives &#x9b;31m</title>
            <meta property="article:published_time" content="2023-09-12T08:00:00Z"><meta property="og:site_name" content="&#27;[2JDaily"></head>
            <body><article><h1>&#27;]0;pwned&#7;Kim arrives</h1>{paragraph}{paragraph.Replace("Tuesday", "Monday", StringComparison.Ordinal)}{paragraph.Replace("officials", "reporters", StringComparison.Ordinal)}</article></body></html>
            """);
        CliRun ingest = await cli.RunAsync("ingest", Path.Combine(cli.Folder, "page.html"));
        Assert.True(ingest.ExitCode == 0, ingest.Error);

        // When the stories and the story are printed
        CliRun stories = await cli.RunAsync("stories");
        CliRun story = await cli.RunAsync("story", "1");

        // Then the title and the outlet show, without their control characters
        Assert.Contains("]0;pwnedKim arrives", story.Output, StringComparison.Ordinal);
        Assert.Contains("[2JDaily", story.Output, StringComparison.Ordinal);
        AssertNoControlCharacters(stories.Output);
        AssertNoControlCharacters(story.Output);
    }

    /// <summary>Fails on any C0, DEL or C1 character other than a line feed (and a carriage return just before one).</summary>
    internal static void AssertNoControlCharacters(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool lineEnd = c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n');
            Assert.False(char.IsControl(c) && !lineEnd, $"U+{(int)c:X4} at {i}: …{JsonSerializer.Serialize(text.Substring(Math.Max(0, i - 40), Math.Min(80, text.Length - Math.Max(0, i - 40))))}…");
        }
    }

    private async Task IngestHostileReportsAsync()
    {
        string[] lines =
        [
            Line("2023-09-11", $"{Retitle}Kim heads for Russia{Clear}", $"Evil{Clear} News", $"Kim Jong Un left Pyongyang on an armoured train on Monday{Clipboard}, South Korean officials said. \"We expect a visit {Csi}soon,\" said Dmitry Peskov, the Kremlin spokesman.\rNothing else was said."),
            Line("2023-09-12", $"Kim arrives{Csi}", "Wire\u0007", $"Kim Jong Un arrived in Vladivostok by armoured train on Tuesday, officials said.{Retitle} \"The visit is{Clear} confirmed,\" said Dmitry Peskov."),
        ];
        cli.Write("hostile.jsonl", string.Join('\n', lines) + "\n");
        CliRun run = await cli.RunAsync("ingest", Path.Combine(cli.Folder, "hostile.jsonl"));
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private static string Line(string date, string title, string source, string text) =>
        JsonSerializer.Serialize(new { date, title, source, text });
}
