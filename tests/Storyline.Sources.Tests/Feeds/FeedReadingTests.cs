using Storyline.Sources.Feeds;
using Storyline.Sources.Web;
using Storyline.Testing;

namespace Storyline.Sources.Tests.Feeds;

public sealed class FeedReadingTests : IDisposable
{
    private static readonly string LongText = string.Join(" ", Enumerable.Repeat("The council met again on Monday to discuss the plan.", 20));

    private static readonly string Rss = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Valley Post</title><link>https://valley.example/</link>
        <item><title>Council backs the plan</title><link>https://valley.example/council</link><guid>council-1</guid>
          <pubDate>Tue, 12 Sep 2023 09:00:00 GMT</pubDate><dc:creator>Ann Lee</dc:creator>
          <description>Short summary.</description>
          <content:encoded><![CDATA[<p>{LongText}</p><p>A second paragraph.</p>]]></content:encoded></item>
        <item><title>Undated item</title><link>https://valley.example/undated</link><description>{LongText}</description></item>
        </channel></rss>
        """;

    private static readonly string Atom = $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Watch</title>
        <entry><id>tag:harbour,2023:1</id><title>Bridge reopens</title><link rel="alternate" href="https://harbour.example/bridge"/>
          <published>2023-09-12T07:30:00+02:00</published><updated>2023-09-14T08:00:00Z</updated>
          <author><name>Mira Okafor</name></author><content type="html">&lt;p&gt;{LongText}&lt;/p&gt;</content></entry>
        </feed>
        """;

    private readonly LocalServer server = new();

    public void Dispose() => server.Dispose();

    private static async Task<List<ReadResult>> ReadAsync(WebReader reader, string xml)
    {
        var results = new List<ReadResult>();
        await foreach (ReadResult r in reader.ReadFeedAsync("feed.xml", xml))
        {
            results.Add(r);
        }

        return results;
    }

    [Fact]
    public async Task Rss_items_become_reports_with_title_link_date_author_and_full_text()
    {
        List<ReadResult> results = await ReadAsync(new WebReader(new ReaderOptions { Clock = FixedClock.Today }), Rss);

        var report = Assert.IsType<ReportRead>(results[0]).Report;
        Assert.Equal("Council backs the plan", report.Title);
        Assert.Equal("https://valley.example/council", report.Url);
        Assert.Equal(new DateOnly(2023, 9, 12), report.Published);
        Assert.Equal("Ann Lee", report.Author);
        Assert.Equal("Valley Post", report.Outlet);
        Assert.Equal("council-1", report.ExternalId);
        Assert.EndsWith("A second paragraph.", report.Text, StringComparison.Ordinal);

        var undated = Assert.IsType<ReadFailed>(results[1]);
        Assert.Equal("feed.xml item 2", undated.Origin);
        Assert.Contains("no publication date", undated.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atom_entries_take_the_published_date_not_the_update()
    {
        var report = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(new WebReader(new ReaderOptions { Clock = FixedClock.Today }), Atom))).Report;

        Assert.Equal(new DateOnly(2023, 9, 12), report.Published);
        Assert.Equal("Mira Okafor", report.Author);
        Assert.Equal("https://harbour.example/bridge", report.Url);
    }

    [Theory]
    [InlineData("<rss><channel><item><title>x</title></channel></rss>", "malformed feed XML")] // unclosed item
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"boom\">]><rss><channel/></rss>", "malformed feed XML")] // DTDs are refused
    [InlineData("<html><body>not a feed</body></html>", "not a feed")]
    public void Broken_feeds_fail_with_a_clear_reason(string xml, string expected)
    {
        Assert.False(FeedParser.TryParse(xml, out _, out string reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_only_item_is_followed_to_its_page()
    {
        // Given a feed served locally whose item has only a one-line summary, and the item's page
        string page = $"<html><head><meta property=\"article:published_time\" content=\"2023-09-10\"></head><body><article><p>{LongText}</p></article></body></html>";
        server.MapText("/story", "text/html", page);
        string feed = $"<rss version=\"2.0\"><channel><title>Local</title><item><title>Story</title><link>{server.Url("/story")}</link><description>Just a teaser.</description></item></channel></rss>";
        server.MapText("/feed", "application/rss+xml", feed);
        using var fetcher = new PoliteFetcher(new FetchOptions { PerHostInterval = TimeSpan.Zero, RetryDelay = TimeSpan.FromMilliseconds(10) });
        var reader = new WebReader(new ReaderOptions { Clock = FixedClock.Today }, fetcher);

        // When the feed's address is read
        var results = new List<ReadResult>();
        await foreach (ReadResult r in reader.ReadAddressAsync(server.Url("/feed").ToString()))
        {
            results.Add(r);
        }

        // Then the report has the page's full text and, the item having none, the page's date
        var report = Assert.IsType<ReportRead>(Assert.Single(results)).Report;
        Assert.StartsWith("The council met again", report.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 9, 10), report.Published);
        Assert.Equal(1, server.Count("/story"));
    }

    [Fact]
    public async Task A_broken_feed_at_an_address_is_a_failure_naming_it()
    {
        server.MapText("/broken", "application/rss+xml", "<rss><channel><item>");
        using var fetcher = new PoliteFetcher(new FetchOptions { PerHostInterval = TimeSpan.Zero });
        var source = new ReportSource(new ReaderOptions { Clock = FixedClock.Today }, fetcher: fetcher);

        var results = new List<ReadResult>();
        await foreach (ReadResult r in source.ReadAsync([server.Url("/broken").ToString()]))
        {
            results.Add(r);
        }

        var failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal(server.Url("/broken").ToString(), failed.Origin);
        Assert.Contains("malformed feed XML", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watcher_reads_only_new_items_and_nothing_when_the_feed_is_unchanged()
    {
        // Given a feed with an ETag that gains an item between the second and third polls
        int items = 1;
        server.Map("/watched", async (c, _) =>
        {
            string etag = $"\"{items}\"";
            if (c.Request.Headers["If-None-Match"] == etag)
            {
                c.Response.StatusCode = 304;
                c.Response.Close();
                return;
            }

            c.Response.Headers["ETag"] = etag;
            string entries = string.Concat(Enumerable.Range(1, items).Select(i =>
                $"<item><guid>g{i}</guid><title>Item {i}</title><pubDate>Tue, 12 Sep 2023 09:00:00 GMT</pubDate><description>{LongText} {i}</description></item>"));
            await LocalServer.WriteAsync(c, 200, "application/rss+xml", $"<rss version=\"2.0\"><channel><title>W</title>{entries}</channel></rss>");
        });
        using var fetcher = new PoliteFetcher(new FetchOptions { PerHostInterval = TimeSpan.Zero });
        var watcher = new SourceWatcher([server.Url("/watched").ToString(), "/no/such/folder"], new ReportSource(new ReaderOptions { Clock = FixedClock.Today }, fetcher: fetcher));

        // When it is polled three times
        List<ReadResult> first = await PollAsync(watcher);
        List<ReadResult> second = await PollAsync(watcher);
        items = 2;
        List<ReadResult> third = await PollAsync(watcher);

        // Then each poll reports the missing folder and goes on; the feed gives its item, nothing, then the new item
        Assert.Single(first.OfType<ReportRead>());
        Assert.Empty(second.OfType<ReportRead>());
        Assert.Equal("Item 2", Assert.Single(third.OfType<ReportRead>()).Report.Title);
        Assert.All([first, second, third], poll => Assert.Contains(poll, r => r is ReadFailed f && f.Origin == "/no/such/folder"));
    }

    private static async Task<List<ReadResult>> PollAsync(SourceWatcher watcher)
    {
        var results = new List<ReadResult>();
        await foreach (ReadResult r in watcher.PollAsync())
        {
            results.Add(r);
        }

        return results;
    }
}
