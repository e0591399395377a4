using System.Net;
using System.Text;
using Storyline.Sources.Web;
using Storyline.Testing;

namespace Storyline.Sources.Tests.Web;

public sealed class PoliteFetcherTests : IDisposable
{
    private const string Page = "<html><head><title>t</title></head><body><p>Hello.</p></body></html>";

    private static readonly FetchOptions Fast = new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        Retries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        PerHostInterval = TimeSpan.Zero,
    };

    private readonly LocalServer server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task A_page_is_fetched_with_a_clear_user_agent()
    {
        server.MapText("/page", "text/html; charset=utf-8", Page);
        using var fetcher = new PoliteFetcher(Fast);

        var fetched = Assert.IsType<Fetched>(await fetcher.FetchAsync(server.Url("/page")));

        Assert.Equal("text/html", fetched.MediaType);
        Assert.Equal("utf-8", fetched.Charset);
        Assert.Equal(Page, Encoding.UTF8.GetString(fetched.Body));
        Assert.StartsWith("Storyline/", Assert.Single(server.Requests).UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_server_times_out()
    {
        server.Map("/slow", async (c, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            await LocalServer.WriteAsync(c, 200, "text/html", Page);
        });
        using var fetcher = new PoliteFetcher(Fast with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 1 });

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/slow")));

        Assert.Contains("timed out", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("2 attempts", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_is_retried_until_it_succeeds()
    {
        server.Map("/flaky", (c, n) => n < 3 ? LocalServer.WriteAsync(c, 500, "text/plain", "oops") : LocalServer.WriteAsync(c, 200, "text/html", Page));
        using var fetcher = new PoliteFetcher(Fast);

        Assert.IsType<Fetched>(await fetcher.FetchAsync(server.Url("/flaky")));
        Assert.Equal(3, server.Count("/flaky"));
    }

    [Fact]
    public async Task A_server_error_that_lasts_fails_naming_the_status()
    {
        server.Map("/down", (c, _) => LocalServer.WriteAsync(c, 503, "text/plain", "down"));
        using var fetcher = new PoliteFetcher(Fast);

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/down")));

        Assert.Contains("503", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(3, server.Count("/down"));
    }

    [Fact]
    public async Task A_missing_page_is_not_retried()
    {
        using var fetcher = new PoliteFetcher(Fast);

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/nothing")));

        Assert.Contains("404", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("/nothing"));
    }

    [Fact]
    public async Task A_huge_response_is_refused_by_its_length()
    {
        server.MapText("/huge", "text/html", new string('x', 5000));
        using var fetcher = new PoliteFetcher(Fast with { MaxResponseBytes = 1000 });

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/huge")));

        Assert.Contains("over the limit", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_response_without_a_length_is_cut_off_at_the_limit()
    {
        server.Map("/stream", async (c, _) =>
        {
            c.Response.StatusCode = 200;
            c.Response.ContentType = "text/html";
            c.Response.SendChunked = true;
            byte[] chunk = Encoding.UTF8.GetBytes(new string('y', 1000));
            for (int i = 0; i < 20; i++)
            {
                await c.Response.OutputStream.WriteAsync(chunk);
            }

            c.Response.Close();
        });
        using var fetcher = new PoliteFetcher(Fast with { MaxResponseBytes = 4000 });

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/stream")));

        Assert.Contains("over the limit", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_followed()
    {
        server.Map("/old", (c, _) => Redirect(c, "/new"));
        server.MapText("/new", "text/html", Page);
        using var fetcher = new PoliteFetcher(Fast);

        var fetched = Assert.IsType<Fetched>(await fetcher.FetchAsync(server.Url("/old")));

        Assert.Equal(server.Url("/new"), fetched.Address);
    }

    [Fact]
    public async Task A_redirect_loop_is_refused()
    {
        server.Map("/a", (c, _) => Redirect(c, "/b"));
        server.Map("/b", (c, _) => Redirect(c, "/a"));
        using var fetcher = new PoliteFetcher(Fast);

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/a")));

        Assert.Contains("redirect loop", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_redirects_are_refused()
    {
        for (int i = 0; i < 4; i++)
        {
            int next = i + 1;
            server.Map($"/hop{i}", (c, _) => Redirect(c, $"/hop{next}"));
        }

        using var fetcher = new PoliteFetcher(Fast with { MaxRedirects = 2 });

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/hop0")));

        Assert.Contains("more than 2 redirects", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_type_that_is_not_a_page_or_feed_is_refused()
    {
        server.MapText("/image", "image/png", "not really a png");
        using var fetcher = new PoliteFetcher(Fast);

        var failed = Assert.IsType<FetchFailed>(await fetcher.FetchAsync(server.Url("/image")));

        Assert.Contains("image/png", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unchanged_page_answers_304_to_its_etag_and_date()
    {
        // Given a server that gives an ETag and a Last-Modified date, and answers 304 when both are sent back
        DateTimeOffset modified = new(2024, 1, 10, 8, 0, 0, TimeSpan.Zero);
        server.Map("/feed", async (c, _) =>
        {
            if (c.Request.Headers["If-None-Match"] == "\"v1\"")
            {
                c.Response.StatusCode = 304;
                c.Response.Close();
                return;
            }

            c.Response.Headers["ETag"] = "\"v1\"";
            c.Response.Headers["Last-Modified"] = modified.ToString("R");
            await LocalServer.WriteAsync(c, 200, "application/rss+xml", "<rss/>");
        });
        using var fetcher = new PoliteFetcher(Fast);

        // When it is fetched twice, the second time conditionally
        Assert.IsType<Fetched>(await fetcher.FetchAsync(server.Url("/feed"), conditional: true));
        Assert.IsType<NotModified>(await fetcher.FetchAsync(server.Url("/feed"), conditional: true));

        // Then the second request carried the validators
        var second = server.Requests.Single(r => r.IfNoneMatch is not null);
        Assert.Equal("\"v1\"", second.IfNoneMatch);
        Assert.Equal(modified, DateTimeOffset.Parse(second.IfModifiedSince!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_validator_cache_survives_a_save_and_load()
    {
        string path = Path.Combine(Path.GetTempPath(), $"storyline-cache-{Guid.NewGuid():N}.json");
        try
        {
            var cache = new ValidatorCache();
            cache.Remember(new Uri("http://127.0.0.1/feed"), "\"abc\"", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
            cache.Save(path);

            Assert.True(ValidatorCache.Load(path).TryGet(new Uri("http://127.0.0.1/feed"), out CachedValidators v));
            Assert.Equal("\"abc\"", v.ETag);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_out()
    {
        server.MapText("/p", "text/html", Page);
        using var fetcher = new PoliteFetcher(Fast with { PerHostInterval = TimeSpan.FromMilliseconds(300) });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        for (int i = 0; i < 3; i++)
        {
            Assert.IsType<Fetched>(await fetcher.FetchAsync(server.Url("/p")));
        }

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(550), $"three requests took only {watch.Elapsed}");
    }

    private static Task Redirect(HttpListenerContext c, string to)
    {
        c.Response.StatusCode = (int)HttpStatusCode.Found;
        c.Response.RedirectLocation = to;
        c.Response.Close();
        return Task.CompletedTask;
    }
}
