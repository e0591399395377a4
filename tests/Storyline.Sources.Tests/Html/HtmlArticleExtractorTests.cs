using Storyline.Sources.Html;
using Storyline.Testing;

namespace Storyline.Sources.Tests.Html;

public sealed class HtmlArticleExtractorTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    private static HtmlArticle Extract(string fixture, string? url = null) =>
        Extractor.Extract(File.ReadAllText(Path.Combine(TestPaths.TestData, "html", fixture)), url);

    [Fact]
    public void JsonLd_gives_the_original_publication_date_not_the_update()
    {
        HtmlArticle article = Extract("jsonld-article.html");

        Assert.Equal(new DateOnly(2023, 9, 12), article.Published);
        Assert.Equal("JSON-LD datePublished", article.PublishedFrom);
    }

    [Fact]
    public void JsonLd_gives_headline_authors_and_publisher()
    {
        HtmlArticle article = Extract("jsonld-article.html");

        Assert.Equal("Harbour bridge reopens after repairs", article.Title);
        Assert.Equal("Mira Okafor and Tomas Lind", article.Author);
        Assert.Equal("The Coastal Ledger", article.Outlet);
        Assert.False(article.Paywalled);
    }

    [Fact]
    public void Body_keeps_the_paragraphs_and_drops_the_furniture()
    {
        // Given a page with a cookie notice, navigation, an advert label, a sign-up box, share links, related
        // stories, readers' comments and a footer around four paragraphs
        HtmlArticle article = Extract("jsonld-article.html");

        // Then the body is the four paragraphs, separated by blank lines
        string[] paragraphs = article.Body.Split("\n\n");
        Assert.Equal(4, paragraphs.Length);
        Assert.StartsWith("The harbour bridge reopened", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Cyclists, who had used", paragraphs[3], StringComparison.Ordinal);
        foreach (string furniture in new[] { "cookies", "Advertisement", "Sign up", "morning briefing", "Share on", "Related", "Ferry service", "Finally!", "Copyright", "Email the author", "Home" })
        {
            Assert.DoesNotContain(furniture, article.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Meta_published_time_wins_over_modified_time()
    {
        HtmlArticle article = Extract("meta-dates.html");

        Assert.Equal(new DateOnly(2021, 3, 4), article.Published);
        Assert.Equal("Wheat prices climb on export fears", article.Title);
        Assert.Equal("Paul Reyes", article.Author);
        Assert.DoesNotContain("Corn harvest", article.Body, StringComparison.Ordinal);
        Assert.Equal(3, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public void Date_comes_from_the_address_when_the_page_has_none()
    {
        HtmlArticle article = Extract("url-date.html", "https://www.valley-post.example/2018/05/21/library-hours");

        Assert.Equal(new DateOnly(2018, 5, 21), article.Published);
        Assert.Equal("address", article.PublishedFrom);
        Assert.Equal("valley-post.example", article.Outlet);
        Assert.StartsWith("The town library will open", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Events", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_visible_dateline_gives_the_published_day_not_the_updated_one()
    {
        HtmlArticle article = Extract("dateline.html");

        Assert.Equal(new DateOnly(2019, 3, 3), article.Published);
        Assert.Equal("dateline", article.PublishedFrom);
        Assert.StartsWith("Heavy snow closed", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paid_article_teaser_is_flagged()
    {
        HtmlArticle article = Extract("paywall.html");

        Assert.True(article.Paywalled);
        Assert.Equal(new DateOnly(2022, 11, 20), article.Published);
    }

    [Fact]
    public void Broken_html_is_still_extracted()
    {
        HtmlArticle article = Extract("broken.html");

        Assert.Equal(new DateOnly(2020, 7, 1), article.Published);
        Assert.Equal(3, article.Body.Split("\n\n").Length);
        Assert.Contains("The dispute began in May", article.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("By Jane Smith", "Jane Smith")]
    [InlineData("by: Ana de la Cruz", "Ana de la Cruz")]
    [InlineData("Email the author", null)]
    [InlineData("jane@example.org", null)]
    [InlineData("https://example.org/staff/jane", null)]
    [InlineData("More from our reporters and editors on this story and many more besides", null)]
    public void Author_names_are_cleaned_and_prompts_refused(string text, string? expected)
    {
        Assert.Equal(expected, PageMetadata.PlausibleAuthor(text));
    }

    [Theory]
    [InlineData("2023-09-12T07:30:00+02:00", 2023, 9, 12)] // ISO, the day as written
    [InlineData("Tue, 12 Sep 2023 23:10:00 GMT", 2023, 9, 12)] // RFC 1123, as feeds write it
    [InlineData("20230912", 2023, 9, 12)] // compact
    [InlineData("Sept. 12, 2023", 2023, 9, 12)] // written, month first
    [InlineData("Posted 12th September 2023", 2023, 9, 12)] // written, day first, inside a line
    public void Dates_are_read_in_the_forms_pages_use(string text, int y, int m, int d)
    {
        Assert.True(DateText.TryParse(text, out DateOnly date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("04/05/2023")] // day and month order unknown: not guessed
    [InlineData("2023-02-30")] // not a real day
    [InlineData("yesterday")]
    public void Ambiguous_or_impossible_dates_are_not_read(string text)
    {
        Assert.False(DateText.TryParse(text, out _));
    }
}
