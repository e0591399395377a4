using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Storyline.Web.Tests;

/// <summary>The web UI in a real browser, over the sample: the journeys a reader takes, with screenshots kept.</summary>
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Open_a_story_check_its_timeline_click_through_to_an_entity_and_search()
    {
        (IPage page, List<string> errors) = await browser.OpenAsync();

        // Given the story list, latest activity first
        await page.GotoAsync(browser.BaseUrl + "/");
        ILocator cards = page.Locator("li.story-card");
        await Expect(cards.First).ToBeVisibleAsync();
        Assert.True(await cards.CountAsync() >= 4);
        await BrowserFixture.ShotAsync(page, "01-stories");

        // When the Kim Jong Un story is opened
        ILocator kimCard = cards.Filter(new() { Has = page.Locator("a.chip", new() { HasText = "Kim Jong Un" }) });
        await kimCard.Locator("h2 a").ClickAsync();

        // Then its timeline is dated, in order, with certainty badges and sources
        await Expect(page.Locator("#timeline-h")).ToBeVisibleAsync();
        ILocator days = page.Locator("section[aria-labelledby=timeline-h] li.day");
        Assert.True(await days.CountAsync() >= 5);
        var dates = await page.Locator("section[aria-labelledby=timeline-h] li.day > h3 > time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains("2023-09-11", dates);
        Assert.True(await page.Locator("section[aria-labelledby=timeline-h] .badge").CountAsync() > 0);
        Assert.True(await page.Locator("section[aria-labelledby=timeline-h] ul.sources li").CountAsync() > 0);
        await Expect(page.Locator("#story-map svg.map path").First).ToBeAttachedAsync();
        Assert.True(await page.Locator("#story-map svg.map circle").CountAsync() > 3);
        await page.Locator("section[aria-labelledby=places-h]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "02-story-map.png") });

        // And what's new since the first report: the Khasan crossing, the visit confirmed, new quotes
        await page.Locator("#since").FillAsync("2023-09-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show what's new" }).ClickAsync();
        ILocator news = page.Locator("#whatsnew-result");
        await Expect(news).ToContainTextAsync("Since 5 Sep 2023");
        await Expect(news).ToContainTextAsync("at Khasan");
        await Expect(news.Locator("ul.changes li", new() { HasText = "kim jong un|visit" }).Locator(".badge.confirmed")).ToBeVisibleAsync();
        Assert.True(await news.Locator("blockquote").CountAsync() > 1);
        await Expect(page.Locator("section[aria-labelledby=summary-h] p").First).ToContainTextAsync("Korea");
        await BrowserFixture.ShotAsync(page, "02-story");

        // When an entity is clicked
        await page.Locator("section[aria-labelledby=entities-h] a", new() { HasText = "Kim Jong Un" }).First.ClickAsync();

        // Then its page shows its roles and stories
        await Expect(page.Locator("h1")).ToHaveTextAsync("Kim Jong Un");
        await Expect(page.Locator("section[aria-labelledby=about-h]")).ToContainTextAsync("North Korean leader");
        await Expect(page.Locator("section[aria-labelledby=stories-h] a").First).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "03-entity");

        // When a search is run from the header, then narrowed by date and entity
        await page.Locator("#quick-q").FillAsync("train");
        await page.Locator("#quick-q").PressAsync("Enter");
        await Expect(page.Locator("#results h2")).ToContainTextAsync("result");
        int all = await page.Locator("#results li.hit").CountAsync();
        Assert.True(all > 0);
        await Expect(page.Locator("#results mark").First).ToBeVisibleAsync();
        await page.Locator("input[name=from]").FillAsync("2023-09-13");
        await page.Locator("input[name=entity]").FillAsync("country:kp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).Last.ClickAsync();
        await Expect(page.Locator("#results[data-loaded*='from=2023-09-13']")).ToBeAttachedAsync();
        var hitDates = await page.Locator("#results li.hit time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.All(hitDates, d => Assert.True(string.CompareOrdinal(d, "2023-09-13") >= 0, d));
        await BrowserFixture.ShotAsync(page, "04-search");

        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task Report_markup_and_script_are_shown_as_text_and_never_run()
    {
        (IPage page, List<string> errors) = await browser.OpenAsync();

        await page.GotoAsync($"{browser.BaseUrl}/#/story/{browser.HostileStory}");

        await Expect(page.Locator("main")).ToContainTextAsync("<script>window.__xss = 1</script>");
        await Expect(page.Locator("main")).ToContainTextAsync("<img src=x onerror=");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        await BrowserFixture.ShotAsync(page, "05-hostile-report");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_narrow_screen_has_no_sideways_scrolling()
    {
        (IPage page, List<string> errors) = await browser.OpenAsync(width: 390, height: 844);

        await page.GotoAsync(browser.BaseUrl + "/");
        await page.Locator("li.story-card h2 a").First.ClickAsync();
        await Expect(page.Locator("#timeline-h")).ToBeVisibleAsync();

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await BrowserFixture.ShotAsync(page, "06-story-narrow");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_keyboard_alone_reaches_a_story()
    {
        (IPage page, _) = await browser.OpenAsync();
        await page.GotoAsync(browser.BaseUrl + "/");
        await Expect(page.Locator("li.story-card").First).ToBeVisibleAsync();

        // The first Tab reaches the skip link; Tab on from the content reaches the first story.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        for (int i = 0; i < 10 && !await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('li.story-card h2')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#timeline-h")).ToBeVisibleAsync();
        Assert.Equal("H1", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        await page.CloseAsync();
    }
}
