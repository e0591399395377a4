using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary>Runs a sentence through the quotes stage and checks the one attribution a pattern should make of it.</summary>
internal static class PatternCase
{
    // The stand-in recogniser with the resolver, which gives people their roles ("the spokesperson said"), and the time
    // stage, whose expressions keep time phrases out of sources ("Calloway on Thursday flatly denied").
    private static readonly AnalysisPipeline Pipeline = new PipelineBuilder().UseText().UseEntities().UseResolution().UseTime().UseQuotes().Build();

    public static AnalyzedArticle Analyze(string body) =>
        Pipeline.Analyze(new Article(ArticleId.FromContent(null, new DateOnly(2023, 9, 12), null, body), new DateOnly(2023, 9, 12), body));

    /// <summary>Asserts that exactly one quote of <paramref name="kind"/> has <paramref name="content"/>, with that source and cue.</summary>
    public static void Check(string body, QuoteKind kind, string content, string? source, string? cue)
    {
        AnalyzedArticle analyzed = Analyze(body);
        Quote quote = Assert.Single(analyzed.Quotes, q => q.Kind == kind && analyzed.Text(q.Content) == content);
        Assert.Equal(source, quote.Source is TextSpan s ? analyzed.Text(s) : null);
        Assert.Equal(cue, quote.Cue is TextSpan c ? analyzed.Text(c) : null);
    }

    /// <summary>Asserts that nothing in <paramref name="body"/> is found as words someone said (beliefs, findings and acts told without their words may be).</summary>
    public static void NoStatement(string body)
    {
        AnalyzedArticle analyzed = Analyze(body);
        Assert.DoesNotContain(analyzed.Quotes, q => q.IsStatement);
    }

    /// <summary>Asserts that no attribution of <paramref name="kind"/> is found in <paramref name="body"/>.</summary>
    public static void None(string body, QuoteKind kind)
    {
        AnalyzedArticle analyzed = Analyze(body);
        Assert.DoesNotContain(analyzed.Quotes, q => q.Kind == kind);
    }
}
