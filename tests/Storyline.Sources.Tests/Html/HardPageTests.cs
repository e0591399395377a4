using Storyline.Sources.Html;
using Storyline.Testing;

namespace Storyline.Sources.Tests.Html;

/// <summary>
/// Four kinds of page that defeat one extractor or the other, as small synthetic pages written for the project
/// (tests/data/html/*.html), each with the body it must give (*.expected.txt).
/// </summary>
public sealed class HardPageTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    public static TheoryData<string> Pages => new()
    {
        // A blog platform's post page: four fifths of the markup is inline script, the post itself sits in a script
        // template with a <noscript> copy, and comments, popular posts with sentence-like snippets, an archive and
        // labels surround it.
        "blogger-script-heavy",

        // A 2003 page laid out in tables: the article's paragraphs are split by <br><br> inside a <font> in the middle
        // cell, which it shares with the headline, the byline and a list of teaser headlines.
        "table-layout",

        // A short article followed by a thread of readers' comments nearly twice its length, plain paragraphs with
        // no class names, under a "Comments (8)" heading.
        "comment-heavy",

        // A paid article's free teaser: two paragraphs, then a subscription prompt, a newsletter box and related links.
        "paywalled-teaser",
    };

    private static HtmlArticle Extract(string name, BodyExtraction body = BodyExtraction.Ensemble) =>
        new HtmlArticleExtractor(body: body).Extract(File.ReadAllText(Path.Combine(TestPaths.TestData, "html", name + ".html")));

    private static string Expected(string name) => File.ReadAllText(Path.Combine(TestPaths.TestData, "html", name + ".expected.txt")).TrimEnd();

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_body_is_the_article_and_nothing_else(string name)
    {
        HtmlArticle article = Extract(name);

        Assert.Equal(Expected(name), article.Body);
    }

    [Fact]
    public void A_script_built_blog_post_keeps_its_metadata()
    {
        HtmlArticle article = Extract("blogger-script-heavy");

        Assert.Equal("Ferry timetable changes from Monday", article.Title);
        Assert.Equal(new DateOnly(2024, 3, 15), article.Published);
        Assert.Equal("Ines Moreau", article.Author);
        Assert.Equal("Harbour Notes", article.Outlet);
        Assert.False(article.Paywalled);
    }

    [Fact]
    public void A_table_page_is_dated_from_its_dateline()
    {
        HtmlArticle article = Extract("table-layout");

        Assert.Equal(new DateOnly(2003, 6, 10), article.Published);
        Assert.Equal("dateline", article.PublishedFrom);
    }

    [Fact]
    public void SmartReader_alone_keeps_the_table_pages_navigation_and_the_ensemble_does_not()
    {
        // Given the table page, where Readability takes the whole row (section links, teasers, classifieds)
        HtmlArticle readability = Extract("table-layout", BodyExtraction.Readability);
        HtmlArticle ensemble = Extract("table-layout");

        // Then its body has the furniture, and the ensemble's, cleaned by our block rules, has not
        Assert.Contains("Community calendar", readability.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Community calendar", ensemble.Body, StringComparison.Ordinal);
        Assert.Equal(BodySource.Ensemble, ensemble.BodyFrom);
    }

    [Fact]
    public void A_paywalled_teaser_is_flagged_and_keeps_its_author()
    {
        HtmlArticle article = Extract("paywalled-teaser");

        Assert.True(article.Paywalled);
        Assert.Equal("Hannah Osei", article.Author);
        Assert.Equal(new DateOnly(2024, 5, 7), article.Published);
        Assert.Equal("The Meridian Times", article.Outlet);
    }

    [Fact]
    public void Readers_comments_stay_out_of_the_body_and_the_byline_gives_the_author()
    {
        HtmlArticle article = Extract("comment-heavy");

        Assert.DoesNotContain("harbourdad", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Two summers without a pool", article.Body, StringComparison.Ordinal);
        Assert.Equal("Jonas Albrecht", article.Author);
    }
}
