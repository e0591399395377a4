using System.Collections.Immutable;
using System.Text.Json;
using Markdig;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Views;

namespace Storyline.Cli.Tests.Security;

/// <summary>
/// Export injection (issue 23): CSV cells that a spreadsheet would run as formulas, and Markdown that a renderer would
/// pass through as HTML or turn into a javascript: or data: link.
/// </summary>
public sealed class ExportInjectionTests : IDisposable
{
    private static readonly DateOnly Day = new(2023, 9, 12);

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    public static TheoryData<string, string> CsvCells => new()
    {
        { "=HYPERLINK(\"http://evil.example/?x\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example/?x\"\",\"\"Click\"\")\"" }, // a formula, quoted for its quotes
        { "+cmd|'/C calc'!A0", "'+cmd|'/C calc'!A0" },     // DDE through a plus
        { "-2+3+cmd|'/C calc'!A0", "'-2+3+cmd|'/C calc'!A0" }, // through a minus
        { "@SUM(1+1)*cmd|'/C calc'!A0", "'@SUM(1+1)*cmd|'/C calc'!A0" }, // through an at sign
        { "\t=1+1", "' =1+1" },                             // a leading tab (made a space: one line, no control)
        { "\r=1+1", "' =1+1" },                             // a leading carriage return
        { "  =1+1", "'  =1+1" },                            // spaces before the sign
        { "Kim arrived, officials said", "\"Kim arrived, officials said\"" }, // plain text: quoted for its comma only
        { "Kim said \"yes\"", "\"Kim said \"\"yes\"\"\"" },  // quotes doubled
        { "line one\nline two", "line one line two" },      // one line
        { "a\u001B[2Jb", "a[2Jb" },                         // no control character
        { "2023-09-12", "2023-09-12" },                     // untouched
    };

    [Theory]
    [MemberData(nameof(CsvCells))]
    public void A_csv_cell_never_starts_a_formula(string value, string expected) =>
        Assert.Equal(expected, StoryExport.Field(value));

    [Fact]
    public void The_csv_timeline_has_no_cell_a_spreadsheet_would_run()
    {
        // Given a story whose timeline sentences, attributions and expressions start like formulas
        ExportView story = Hostile();

        // When it is written as CSV
        string csv = StoryExport.Csv(story);

        // Then no cell starts with = + - @ (a cell may start with a quote mark that opens a quoted cell)
        string[] rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + story.Timeline.Sum(d => d.Entries.Count), rows.Length);
        foreach (string cell in rows.Skip(1).SelectMany(Cells))
        {
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), cell);
        }
    }

    [Fact]
    public void Markdown_rendered_by_a_commonmark_renderer_has_no_markup_or_script_link_from_a_report()
    {
        // Given a story whose every text holds HTML, Markdown links and images to javascript: and data: addresses
        ExportView story = Hostile();

        // When its Markdown is rendered, raw HTML passed through as CommonMark does, with GitHub's extensions
        string markdown = StoryExport.Markdown(story);
        string html = Markdig.Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        // Then the page holds the words, and no element or link of the report's making
        foreach (string tag in new[] { "<script", "<img", "<svg", "<iframe", "<a " })
        {
            Assert.DoesNotContain(tag, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("javascript:", Links(html), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(2)", html, StringComparison.Ordinal); // shown as text
        // and the entity whose name holds table bars is one row of four cells
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, "<td").Count);
    }

    [Fact]
    public async Task Export_of_a_hostile_story_through_the_command_is_inert()
    {
        // Given a report whose lead sentence is a formula and whose text holds markup and script links
        cli.Write("hostile.jsonl", JsonSerializer.Serialize(new
        {
            date = "2023-09-12",
            title = "<img src=x onerror=alert(1)>Kim arrives",
            source = "[Wire](javascript:alert(3))",
            url = "javascript:alert(4)",
            text = "=HYPERLINK(\"http://evil.example\",\"Click\") was written on the wall in Vladivostok on Tuesday, officials said. "
                + "Kim Jong Un arrived <script>alert(1)</script> by train, said [Dmitry Peskov](javascript:alert(2)), the Kremlin spokesman. "
                + "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) <svg onload=alert(5)> was on the page.",
        }) + "\n");
        Assert.Equal(0, (await cli.RunAsync("ingest", Path.Combine(cli.Folder, "hostile.jsonl"))).ExitCode);

        // When the story is exported as CSV and as Markdown
        CliRun csv = await cli.RunAsync("export", "1", "--format", "csv");
        CliRun markdown = await cli.RunAsync("export", "1", "--format", "markdown");

        // Then no CSV cell starts a formula and the rendered Markdown holds no markup or script link
        Assert.Contains("'=HYPERLINK", csv.Output, StringComparison.Ordinal);
        Assert.All(csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(Cells), cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal), cell));
        string html = Markdig.Markdown.ToHtml(markdown.Output, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Links(html));
        Assert.Contains("Kim arrives", html, StringComparison.Ordinal);
    }

    /// <summary>The href and src values of the rendered page.</summary>
    private static List<string> Links(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value)];

    /// <summary>The cells of one CSV row (RFC 4180 quoting).</summary>
    private static IEnumerable<string> Cells(string row)
    {
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < row.Length; i++)
        {
            char c = row[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < row.Length && row[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        yield return cell.ToString();
    }

    private static ExportView Hostile()
    {
        const string Html = "<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)><iframe src=javascript:alert(1)>";
        const string Links = "[click](javascript:alert(2)) ![x](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(3)> [ref][1]\n\n[1]: javascript:alert(4)";
        var source = new SourceRef("abcdef0123456789", Day, "Title " + Html, "[Outlet](javascript:alert(5))", "javascript:alert(6)");
        TimelineItem Entry(string text, string? attribution, string? expression) =>
            new(Day, "2023-09-12", expression, Day, text, source.Id, [source], Certainty.Reported, 0.5, attribution, attribution is null ? null : SourceKind.NamedPerson);
        return new ExportView(
            7,
            "Story " + Html,
            Day,
            Day,
            [new SummaryItem(Html + " " + Links, source.Id, Day, [source], 1)],
            [
                new TimelineDayItem(Day, 1, [
                    Entry("=HYPERLINK(\"http://evil.example\",\"Click\") " + Html, "+cmd|'/C calc'!A0", "@SUM(1+1)"),
                    Entry("-2+3 " + Links, "| Name | Type |", null),
                    Entry("\t=1+1", null, "=1+1"),
                ]),
            ],
            [new StoryEntityItem("evil", "Evil | <b>x</b> | [x](javascript:alert(7))", EntityType.Person, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, 1, 1)],
            [new QuoteItem(source.Id, Day, 7, QuoteKind.Direct, Html + Links, "**" + Html, null, SourceKind.NamedPerson, null, "[Peskov](javascript:alert(8))", null, null, null)],
            [new ClaimTrackItem("evil <script>|visit", [new ClaimDayItem(Day, [Certainty.Confirmed], Certainty.Confirmed)])],
            [source]);
    }
}
