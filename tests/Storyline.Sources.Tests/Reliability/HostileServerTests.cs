using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Storyline.Sources.Web;
using Storyline.Testing;

namespace Storyline.Sources.Tests.Reliability;

/// <summary>
/// Servers that try to hold a reader forever or fill its memory: a feed that never ends, one that trickles, a server
/// that answers one byte a second, a compression bomb. All on 127.0.0.1; each ends in a failure that names the
/// address and the limit, within the time the limits allow.
/// </summary>
public sealed class HostileServerTests : IDisposable
{
    private const string FeedStart = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Endless</title>";

    private static readonly ReaderOptions Options = new() { Clock = FixedClock.Today };

    private static readonly FetchOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(30),
        TotalTimeout = TimeSpan.FromSeconds(2),
        Retries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        PerHostInterval = TimeSpan.Zero,
        MaxResponseBytes = 1024 * 1024,
    };

    // For the tests of a limit other than time: the overall deadline cannot be what stops them.
    private static readonly FetchOptions Unhurried = Fast with { TotalTimeout = TimeSpan.FromSeconds(60) };

    private readonly LocalServer server = new();

    public void Dispose() => server.Dispose();

    private static async Task<(List<ReadResult> Results, TimeSpan Took)> ReadAsync(Uri address, FetchOptions? fetch = null)
    {
        using var fetcher = new PoliteFetcher(fetch ?? Fast);
        var reader = new WebReader(Options, fetcher);
        var results = new List<ReadResult>();
        var clock = Stopwatch.StartNew();
        await foreach (ReadResult result in reader.ReadAddressAsync(address.ToString()))
        {
            results.Add(result);
        }

        return (results, clock.Elapsed);
    }

    private static byte[] Item(int i) => Encoding.UTF8.GetBytes(
        $"<item><title>Item {i}</title><pubDate>Tue, 12 Sep 2023 10:00:00 GMT</pubDate><description>Kim arrived, report {i}.</description></item>");

    [Fact]
    public async Task A_feed_that_never_ends_is_cut_off_at_the_size_limit()
    {
        // Given a server that streams feed items as fast as it can, for ever
        server.Map("/endless.rss", async (c, _) =>
        {
            c.Response.ContentType = "application/rss+xml";
            c.Response.SendChunked = true;
            await c.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(FeedStart));
            for (int i = 0; ; i++)
            {
                await c.Response.OutputStream.WriteAsync(Item(i));
            }
        });

        // (with time enough that only the size limit can stop it, however loaded the machine: 2 s was not, under load 20)
        (List<ReadResult> results, TimeSpan took) = await ReadAsync(server.Url("/endless.rss"), Unhurried);

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal(server.Url("/endless.rss").ToString(), failed.Origin);
        Assert.Equal("response is over the limit of 1,048,576 bytes", failed.Reason);
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took}");
    }

    [Fact]
    public async Task A_feed_that_trickles_for_ever_is_stopped_by_the_overall_deadline()
    {
        // Given a server that sends a small item every 50 ms, for ever: never idle, never large
        server.Map("/trickle.rss", async (c, _) =>
        {
            c.Response.ContentType = "application/rss+xml";
            c.Response.SendChunked = true;
            await c.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(FeedStart));
            for (int i = 0; ; i++)
            {
                await c.Response.OutputStream.WriteAsync(Item(i));
                await c.Response.OutputStream.FlushAsync();
                await Task.Delay(50);
            }
        });

        (List<ReadResult> results, TimeSpan took) = await ReadAsync(server.Url("/trickle.rss"));

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal("gave up after 2 s in all (FetchOptions.TotalTimeout)", failed.Reason);
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_server_that_answers_one_byte_a_second_is_stopped_by_the_overall_deadline(bool dripHeaders)
    {
        // Given a server that sends its answer one byte a second (from the status line, or after prompt headers),
        // and a per-attempt timeout of 30 s that such a server never trips on its own
        using var drip = new DripServer(dripHeaders);

        (List<ReadResult> results, TimeSpan took) = await ReadAsync(drip.Address);

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal("gave up after 2 s in all (FetchOptions.TotalTimeout)", failed.Reason);
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took}");
    }

    [Fact]
    public async Task A_compression_bomb_from_a_server_is_stopped_at_the_size_limit()
    {
        // Given a page of 64 MiB of spaces sent gzip-compressed (about 64 KB on the wire, within every size check)
        byte[] bomb = GzipSpaces(64 * 1024 * 1024);
        server.Map("/bomb.html", async (c, _) =>
        {
            c.Response.ContentType = "text/html";
            c.Response.AddHeader("Content-Encoding", "gzip");
            c.Response.ContentLength64 = bomb.Length;
            await c.Response.OutputStream.WriteAsync(bomb);
            c.Response.Close();
        });

        (List<ReadResult> results, _) = await ReadAsync(server.Url("/bomb.html"));

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal("response is over the limit of 1,048,576 bytes", failed.Reason);
    }

    [Fact]
    public async Task A_feed_with_too_many_items_is_read_up_to_the_limit()
    {
        var feed = new StringBuilder(FeedStart);
        for (int i = 0; i < 30; i++)
        {
            feed.Append(Encoding.UTF8.GetString(Item(i)));
        }

        server.MapText("/long.rss", "application/rss+xml", feed.Append("</channel></rss>").ToString());
        using var fetcher = new PoliteFetcher(Fast);
        var reader = new WebReader(Options with { MaxFeedItems = 25 }, fetcher);

        var results = new List<ReadResult>();
        await foreach (ReadResult result in reader.ReadAddressAsync(server.Url("/long.rss").ToString()))
        {
            results.Add(result);
        }

        Assert.Equal(25, results.OfType<ReportRead>().Count());
        Assert.Equal("feed has 30 items; only the first 25 were read (ReaderOptions.MaxFeedItems)", Assert.IsType<ReadFailed>(results[^1]).Reason);
    }

    [Fact]
    public async Task A_page_nested_100000_levels_deep_from_a_server_is_refused()
    {
        var html = new StringBuilder("<html><body>").Insert(12, "<div>", 100_000).Append("<p>Kim arrived.</p></body></html>");
        server.MapText("/deep.html", "text/html", html.ToString());

        (List<ReadResult> results, TimeSpan took) = await ReadAsync(server.Url("/deep.html"), Unhurried with { MaxResponseBytes = 8 * 1024 * 1024 });

        Assert.StartsWith("page nests elements more than 512 levels deep", Assert.IsType<ReadFailed>(Assert.Single(results)).Reason, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(15), $"took {took}");
    }

    private static byte[] GzipSpaces(int count)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            byte[] spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            for (int written = 0; written < count; written += spaces.Length)
            {
                gzip.Write(spaces);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A raw TCP server on 127.0.0.1 that answers every connection one byte a second.</summary>
    private sealed class DripServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        public DripServer(bool dripHeaders)
        {
            listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/feed.rss");
            _ = Task.Run(() => AcceptAsync(dripHeaders));
        }

        public Uri Address { get; }

        private async Task AcceptAsync(bool dripHeaders)
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => DripAsync(client, dripHeaders));
            }
        }

        private async Task DripAsync(TcpClient client, bool dripHeaders)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    byte[] headers = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n");
                    byte[] body = Encoding.ASCII.GetBytes(FeedStart + new string(' ', 100_000));
                    if (!dripHeaders)
                    {
                        await stream.WriteAsync(headers, stop.Token);
                    }

                    foreach (byte b in dripHeaders ? [.. headers, .. body] : body)
                    {
                        await stream.WriteAsync(new[] { b }, stop.Token);
                        await Task.Delay(1000, stop.Token);
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
                {
                    // The client gave up, or the test ended.
                }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }
    }
}
