using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>The clusterer's decision for one report.</summary>
/// <param name="Report">The report.</param>
/// <param name="Story">The story it joined or started.</param>
/// <param name="IsNewStory">Whether it started the story.</param>
/// <param name="Similarity">
/// How well it fits the story it joined: the merge-or-new model's probability, or for a copy the estimated Jaccard
/// similarity to the report it copies; 0 when it started a story.
/// </param>
/// <param name="StoryTitle">The story's title after the report joined.</param>
public sealed record StoryAssignment(ArticleId Report, StoryId Story, bool IsNewStory, double Similarity, string StoryTitle)
{
    /// <summary>
    /// The earlier report this one is a near-copy of (syndicated or republished); null when it is not a copy. A copy is a
    /// source of the story but is not counted again: not in report counts, term frequencies or the story's vector.
    /// </summary>
    public ArticleId? CopyOf { get; init; }

    /// <summary>A story found at this report to be the same as <see cref="Story"/> and merged into it; null when none.</summary>
    public StoryId? Merged { get; init; }
}

/// <summary>An open story offered for a report by the candidate index, and how alike the two are.</summary>
/// <param name="Story">The story.</param>
/// <param name="Similarities">The report against it.</param>
public readonly record struct StoryCandidate(StoryId Story, StorySimilarities Similarities);

/// <summary>Another open story compared as a whole with the story a report was just assigned to.</summary>
/// <param name="Story">The other story.</param>
/// <param name="Similarities">The two stories against each other.</param>
public readonly record struct StoryPairCandidate(StoryId Story, StoryPairSimilarities Similarities);
