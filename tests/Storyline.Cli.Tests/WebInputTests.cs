namespace Storyline.Cli.Tests;

/// <summary>Pages and feeds through the command: ingest reads them, watch polls them and stores each report once.</summary>
public sealed class WebInputTests : IDisposable
{
    private const string Page = """
        <html><head><title>Ferry strike called off</title><meta property="article:published_time" content="2023-07-01T10:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
        <p>Ferry workers called off a planned strike late on Tuesday after the operator agreed to review the new shift pattern, the union said.</p>
        <p>Services between the islands will run as normal this week, although two crossings on Friday may be delayed by maintenance.</p>
        </article></body></html>
        """;

    private const string Feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Island News</title>
        <item><guid>a1</guid><title>Harbour dredging starts</title><pubDate>Mon, 03 Jul 2023 08:00:00 GMT</pubDate>
        <description>Dredging of the harbour mouth began on Monday and will close the northern channel to larger boats for three weeks, the port authority said.</description></item>
        </channel></rss>
        """;

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Ingest_reads_a_saved_page_and_a_feed_file()
    {
        string page = cli.Write("in/strike.html", Page);
        string feed = cli.Write("in/island.rss", Feed);

        CliRun run = await cli.RunAsync("ingest", page, feed);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Read 2 reports: 2 new", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_once_ingests_a_folder_and_a_second_watch_finds_only_duplicates()
    {
        // Given a folder with a page, a feed and a page without a date
        cli.Write("inbox/strike.html", Page);
        cli.Write("inbox/island.xml", Feed);
        cli.Write("inbox/about.html", "<html><body><p>About us: a newsroom on the islands since 1950, with six reporters.</p></body></html>");

        // When it is watched once, twice
        CliRun first = await cli.RunAsync("watch", Path.Combine(cli.Folder, "inbox"), "--once");
        CliRun second = await cli.RunAsync("watch", Path.Combine(cli.Folder, "inbox"), "--once");

        // Then the first stores two reports and names the undated page; the second stores nothing new
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("read 2 reports: 2 new, 0 duplicate, 1 failed", first.Json, StringComparison.Ordinal);
        Assert.Contains("about.html: no publication date", first.Error, StringComparison.Ordinal);
        Assert.Contains("read 2 reports: 0 new, 2 duplicate, 1 failed", second.Json, StringComparison.Ordinal);
    }
}
