using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Quotes;

namespace Storyline.Core.Tests.Quotes;

public sealed class QuoteFinderTests
{
    // The stand-in recogniser with the resolver, which gives people their roles ("the spokesperson said").
    private static readonly AnalysisPipeline Pipeline = new PipelineBuilder().UseText().UseEntities().UseResolution().UseQuotes().Build();

    private static AnalyzedArticle Analyze(string body) =>
        Pipeline.Analyze(new Article(ArticleId.FromContent(null, new DateOnly(2023, 9, 12), null, body), new DateOnly(2023, 9, 12), body));

    // The rows of each attribution pattern are in Patterns/ (one table per pattern); these are the behaviours across
    // patterns: quotes over paragraphs, speakers carried over and resolved, chains, sharing between threads.

    [Fact]
    public void A_quote_over_two_paragraphs_is_one_quote()
    {
        // Given a quote whose first paragraph has no closing mark and whose second opens with a mark
        const string body = "Mr Peskov said: \u201CThe first part of it.\n\n\u201CThe second part of it.\u201D\n\nOther news.";

        // When quotes are found
        AnalyzedArticle analyzed = Analyze(body);

        // Then one direct quote runs from the first mark to the last, with its speaker
        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.StartsWith("The first part", analyzed.Text(quote.Content), StringComparison.Ordinal);
        Assert.EndsWith("The second part of it.", analyzed.Text(quote.Content), StringComparison.Ordinal);
        Assert.Equal("Mr Peskov", analyzed.Text(quote.Source!.Value));
    }

    [Fact]
    public void He_said_resolves_to_the_latest_named_speaker()
    {
        // Given a named speaker, then a quote attributed only to "he"
        AnalyzedArticle analyzed = Analyze("Kremlin spokesperson Dmitry Peskov said the talks went well. \u201CWe are pleased,\u201D he said.");

        // Then both quotes resolve to the same person
        Assert.Equal(2, analyzed.Quotes.Length);
        Assert.All(analyzed.Quotes, q => Assert.Equal("dmitry peskov", q.Speaker?.Value));
    }

    [Fact]
    public void The_spokesperson_said_resolves_to_the_person_with_that_role()
    {
        AnalyzedArticle analyzed = Analyze("Kremlin spokesperson Dmitry Peskov met reporters. \u201CWe are pleased,\u201D the spokesperson said.");

        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.Equal("dmitry peskov", quote.Speaker?.Value);
    }

    [Fact]
    public void A_chain_keeps_whom_the_source_cites()
    {
        AnalyzedArticle analyzed = Analyze("Kim arrived in Russia, Russian news agency Interfax reported citing footage from Rossiya-1 TV state channel.");

        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.Equal("Russian news agency Interfax", analyzed.Text(quote.Source!.Value));
        Assert.Equal("footage from Rossiya-1 TV state channel", analyzed.Text(quote.Citing!.Value));
        Assert.Equal(SourceKind.NewsOutlet, quote.SourceKind);
        Assert.Equal(SourceKind.StateMedia, quote.CitingKind);
    }

    [Fact]
    public void The_stage_is_safe_to_share_between_threads()
    {
        const string body = "\u201CIt is done,\u201D said Nikolai. The Kremlin said it had nothing to say.";
        int[] counts = new int[64];
        Parallel.For(0, counts.Length, i => counts[i] = Analyze(body).Quotes.Length);
        Assert.All(counts, c => Assert.Equal(counts[0], c));
    }
}
