using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Storyline.Sources.Html;

namespace Storyline.Sources.Tests.Html;

public sealed class BodyEnsembleTests
{
    private const string Paragraph = "The council approved the budget for the new bridge on Tuesday, after a debate that lasted well into the night and ended with a narrow vote.";

    [Fact]
    public void A_page_whose_markup_holds_no_article_gives_its_json_ld_article_body()
    {
        // Given a page built by a script: an empty application shell, the article only in its JSON-LD
        string articleBody = string.Join("\\n\\n", Enumerable.Repeat(Paragraph, 4));
        string html = $$"""
            <html><head><title>Bridge budget approved</title>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge budget approved","datePublished":"2024-02-06","articleBody":"{{articleBody}}"}</script>
            </head><body><div id="app"></div><script>window.render();</script></body></html>
            """;

        // When extracted
        HtmlArticle article = new HtmlArticleExtractor().Extract(html);

        // Then the body is the article, paragraph by paragraph, and says where it came from
        Assert.Equal(BodySource.StructuredData, article.BodyFrom);
        Assert.Equal(4, article.Body.Split("\n\n").Length);
        Assert.StartsWith("The council approved", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_json_ld_article_body_is_a_summary_and_does_not_replace_the_page()
    {
        string html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"Bridge budget approved."}</script></head>
            <body><article><p>{{Paragraph}}</p><p>{{Paragraph}}</p></article></body></html>
            """;

        HtmlArticle article = new HtmlArticleExtractor().Extract(html);

        Assert.NotEqual(BodySource.StructuredData, article.BodyFrom);
        Assert.Equal(2, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public void A_short_block_counts_as_kept_only_where_readability_kept_it()
    {
        // Given a page with "Share" in its navigation and again after the article, and Readability's text that has
        // the article and the second "Share" only
        List<TextBlock> blocks = Blocks($"<nav><p>Share</p></nav><article><p>{Paragraph}</p><p>Share</p></article>");
        string[] readability = [Paragraph, "Share"];

        // When aligned
        HashSet<TextBlock> kept = BodyEnsemble.Align(blocks, readability);

        // Then the navigation's "Share" is not taken for the one Readability kept
        Assert.Equal([1, 2], kept.Select(b => b.Index).Order());
    }

    [Fact]
    public void Each_extractor_can_be_run_alone()
    {
        string html = $"<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav><article><p>{Paragraph}</p><p>{Paragraph}</p></article></body></html>";

        Assert.Equal(BodySource.Own, new HtmlArticleExtractor(body: BodyExtraction.Own).Extract(html).BodyFrom);
        Assert.Equal(BodySource.Readability, new HtmlArticleExtractor(body: BodyExtraction.Readability).Extract(html).BodyFrom);
        Assert.Equal(BodySource.Ensemble, new HtmlArticleExtractor().Extract(html).BodyFrom);
    }

    public static TheoryData<string, bool> CommentsHeadings => new()
    {
        // The usual headings of a comment thread.
        { "Comments (12)", true },
        { "12 Comments", true },
        { "Readers' comments", true },
        { "Have your say", true },

        // Responses and replies count only when counted or addressed.
        { "3 Responses to \u201CFerry timetable changes\u201D", true },
        { "Responses to this story", true },

        // A subheading of the article that starts with the same word is not a thread.
        { "Reactions", false },
        { "Reactions from the harbour front", false },

        // Code in a technical article (a subheading "Response" followed by its example).
        { "response.headers.get(\"Date\");", false },
    };

    [Theory]
    [MemberData(nameof(CommentsHeadings))]
    public void Comment_threads_are_recognised_by_their_heading(string line, bool heading)
    {
        Assert.Equal(heading, BoilerplateCues.IsCommentsHeading(line, TextBlocks.CountWords(line)));
    }

    private static List<TextBlock> Blocks(string bodyHtml)
    {
        IDocument document = new HtmlParser().ParseDocument("<html><body>" + bodyHtml + "</body></html>");
        return TextBlocks.Build(document.Body!);
    }
}
