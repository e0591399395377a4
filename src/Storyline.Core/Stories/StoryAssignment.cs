using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>The clusterer's decision for one report.</summary>
/// <param name="Report">The report.</param>
/// <param name="Story">The story it joined or started.</param>
/// <param name="IsNewStory">Whether it started the story.</param>
/// <param name="Similarity">Cosine similarity to the story it joined; 0 when it started one.</param>
/// <param name="StoryTitle">The story's title after the report joined.</param>
public sealed record StoryAssignment(ArticleId Report, StoryId Story, bool IsNewStory, double Similarity, string StoryTitle);
