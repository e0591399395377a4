using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Storyline.Web.Tests;

/// <summary>
/// A fact that drives a real browser: Debian's chromium at <see cref="BrowserFixture.Chromium"/>. Skipped with a
/// message where it is not installed; under CI (CI=true) it runs and fails instead (.ci/chromium.sh installs it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        bool onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(BrowserFixture.Chromium) && !onCi)
        {
            Skip = $"{BrowserFixture.Chromium} is missing: install Debian's chromium (.ci/chromium.sh) to run the browser tests.";
        }
    }
}

/// <summary>
/// The sample archive (plus one report full of markup) served by the real server on loopback, and a headless
/// chromium driven by Playwright. Playwright never downloads a browser: it is given the system one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public const string HostileReport = "date 2023-09-21\n\n<script>window.__xss = 1</script> Harbourton water officials said on Thursday <img src=x onerror=\"window.__xss=2\"> that the advisory would stay.\n";

    private readonly SampleArchive archive = new();
    private WebApplication? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The story the hostile report joined.</summary>
    public long HostileStory { get; private set; }

    /// <summary>Where screenshots are kept: TestResults/screenshots under the test output folder.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            return; // every test is skipped (or, under CI, fails on its own)
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(Screenshots);
        await archive.InitializeAsync();
        app = await StorylineServer.BuildAsync(archive.Options());
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        using var http = new HttpClient();
        using var content = new StringContent(HostileReport, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        HttpResponseMessage posted = await http.PostAsync(BaseUrl + "/api/ingest", content);
        posted.EnsureSuccessStatusCode();
        HostileStory = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("assignments")[0].GetProperty("story").GetInt64();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await archive.DisposeAsync();
    }

    /// <summary>A new page of the given width that fails the test on any script error or console error (a CSP refusal among them).</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(int width = 1280, int height = 900)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: .ci/chromium.sh installs it");
        IPage page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    /// <summary>Two screenshots: the whole page, and what the first screen shows (NAME-top.png).</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + "-top.png") });
    }
}
