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
        await Expect(news.Locator("ul.changes li", new() { HasText = "Kim Jong Un: visit" }).Locator(".badge.confirmed")).ToBeVisibleAsync();
        // Claim keys and sources are in words, never raw keys or report hashes
        Assert.Equal(0, await news.Locator("ul.changes strong", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\|") }).CountAsync());
        var sourceTexts = await page.Locator("ul.sources li a").AllTextContentsAsync();
        Assert.NotEmpty(sourceTexts);
        Assert.DoesNotContain(sourceTexts, t => System.Text.RegularExpressions.Regex.IsMatch(t, "^[0-9a-f]{12,}"));
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

    [BrowserFact]
    public async Task A_report_page_shows_its_text_with_names_and_quotes_marked_its_story_and_its_source()
    {
        (IPage page, List<string> errors) = await browser.OpenAsync();

        // Given a search hit for the Kremlin's spokesman
        await page.GotoAsync(browser.BaseUrl + "/#/search?q=Peskov");
        ILocator hit = page.Locator("#results li.hit h3 a").First;
        await Expect(hit).ToBeVisibleAsync();

        // When the hit is opened
        await hit.ClickAsync();

        // Then the report's own page shows its text, its names as links to their entities, its quotes marked,
        // and links to its story
        await Expect(page.Locator("section[aria-labelledby=text-h] .report-text p").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".report-text a.mention").CountAsync() > 2);
        Assert.True(await page.Locator(".report-text q.quote").CountAsync() > 0);
        await Expect(page.Locator(".report-text")).ToContainTextAsync("Peskov");
        ILocator about = page.Locator("section[aria-labelledby=about-h]");
        await Expect(about).ToContainTextAsync("Published");
        await Expect(about.Locator("a[href^='#/story/']")).ToBeVisibleAsync();
        Assert.True(await page.Locator("section[aria-labelledby=named-h] a.chip").CountAsync() > 0);
        await BrowserFixture.ShotAsync(page, "07-report");

        // And a name in the text leads to its entity page
        await page.Locator(".report-text a.mention", new() { HasText = "Peskov" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Peskov");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_missing_story_report_or_page_is_a_not_found_page()
    {
        (IPage page, _) = await browser.OpenAsync();

        foreach (string route in new[] { "#/story/999999", "#/report/ffffffffffffffff", "#/entity/nobody%20at%20all", "#/no-such-page" })
        {
            await page.GotoAsync($"{browser.BaseUrl}/{route}");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Something went wrong");
            await Expect(page.Locator("main a[href='#/']")).ToBeVisibleAsync();
        }

        await BrowserFixture.ShotAsync(page, "08-not-found");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_map_frames_its_places_and_keeps_every_label_inside()
    {
        (IPage page, List<string> errors) = await browser.OpenAsync();

        // Given each story's page
        await page.GotoAsync(browser.BaseUrl + "/");
        var hrefs = await page.Locator("li.story-card h2 a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        foreach (string href in hrefs)
        {
            // A whole load, so that nothing of the page before (a map being replaced) is measured
            await page.GotoAsync("about:blank");
            await page.GotoAsync(browser.BaseUrl + "/" + href);
            await Expect(page.Locator("#places-h")).ToBeVisibleAsync();
            if (await page.Locator("#story-map").CountAsync() == 0)
            {
                continue;
            }

            await Expect(page.Locator("#story-map svg.map circle").First).ToBeAttachedAsync();

            // Then every label drawn lies wholly inside the map's box (was: "Tokyo" cut at the right edge)
            bool inside = await page.Locator("#story-map svg.map").EvaluateAsync<bool>(@"svg => {
                const v = svg.viewBox.baseVal;
                return Array.from(svg.querySelectorAll('text')).every(t => {
                    const b = t.getBBox();
                    return b.x >= v.x - 0.01 && b.y >= v.y - 0.01 && b.x + b.width <= v.x + v.width + 0.01 && b.y + b.height <= v.y + v.height + 0.01;
                });
            }");
            Assert.True(inside, $"a label runs past the map's edge on {href}");
        }

        // And a single town is shown with land and sea around it, not a patch of one country (was: an empty box)
        await page.GotoAsync("about:blank");
        await page.GotoAsync(browser.BaseUrl + "/#/entity/place%3A2013348");
        await Expect(page.Locator("section[aria-labelledby=map-h] svg.map circle")).ToBeAttachedAsync();
        double width = await page.Locator("section[aria-labelledby=map-h] svg.map").EvaluateAsync<double>("svg => svg.viewBox.baseVal.width");
        Assert.True(width >= 30, $"the map of one town is {width} degrees wide");
        await page.Locator("section[aria-labelledby=map-h]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "09-one-town-map.png") });
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
