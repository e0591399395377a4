using System.Collections.Immutable;

namespace Storyline.Domain;

/// <summary>A report and everything the analysis stages found in it. Immutable; each stage returns a new one.</summary>
/// <param name="Article">The cleaned report.</param>
/// <param name="Tokens">Tokens of the body, in order.</param>
/// <param name="Sentences">Sentences of the body, in order.</param>
/// <param name="Mentions">Named-entity mentions, in order.</param>
/// <param name="Entities">The distinct entities the mentions refer to.</param>
/// <param name="Times">Time expressions, in order.</param>
/// <param name="Quotes">Quotes and attributions, in order.</param>
/// <param name="Claims">Claims with their certainty, in order.</param>
public sealed record AnalyzedArticle(
    Article Article,
    ImmutableArray<Token> Tokens,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Mention> Mentions,
    ImmutableArray<Entity> Entities,
    ImmutableArray<TimeExpression> Times,
    ImmutableArray<Quote> Quotes,
    ImmutableArray<Claim> Claims)
{
    /// <summary>The entity of the place the report was filed from (its dateline, geocoded), where known.</summary>
    public EntityKey? Location { get; init; }

    /// <summary>An article before any analysis: every annotation list empty.</summary>
    public static AnalyzedArticle Empty(Article article) => new(
        article, [], [], [], [], [], [], []);

    /// <summary>The body text all spans point into.</summary>
    public string Body => Article.Body;

    /// <summary>The characters of a sentence.</summary>
    public string SentenceText(Sentence sentence) => sentence.Span.ToString(Article.Body);

    /// <summary>The characters of a span of the body.</summary>
    public string Text(TextSpan span) => span.ToString(Article.Body);
}
