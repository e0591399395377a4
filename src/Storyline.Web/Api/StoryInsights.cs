using Storyline.Domain;

namespace Storyline.Web.Api;

/// <summary>A story as stored: its record and its reports (near-copies included), in publication order.</summary>
public sealed record StoryMaterial(Story Story, IReadOnlyList<AnalyzedArticle> Reports)
{
    /// <summary>The reports that are not near-copies of another.</summary>
    public IEnumerable<AnalyzedArticle> Originals => Reports.Where(r => !Story.Copies.ContainsKey(r.Article.Id));
}

/// <summary>
/// The summary and what's-new of a story. The server registers <see cref="DigestStoryInsights"/>, over Core's
/// <c>StoryDigest</c> and <c>WhatsNew</c>; tests may register another.
/// </summary>
public interface IStoryInsights
{
    /// <summary>A short summary of the story.</summary>
    SummaryResponse Summarize(StoryMaterial story);

    /// <summary>What the story gained after <paramref name="since"/> (reports published after that day).</summary>
    WhatsNewResponse WhatsNew(StoryMaterial story, DateOnly since);
}
