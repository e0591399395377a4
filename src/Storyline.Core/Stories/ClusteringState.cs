using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>What the clusterer needs to go on where it stopped, as rebuilt from the store.</summary>
/// <param name="DocumentCount">Reports seen so far, copies left out.</param>
/// <param name="DocumentFrequency">For each term, the number of reports it occurs in, copies left out.</param>
/// <param name="LastStoryId">The highest story number given so far (0 for none).</param>
/// <param name="ActiveStories">Stories still open: those with a report within the window of the latest report.</param>
public sealed record ClusteringState(
    long DocumentCount,
    IReadOnlyDictionary<string, int> DocumentFrequency,
    long LastStoryId,
    ImmutableArray<ClusteringState.StoryMembers> ActiveStories)
{
    /// <summary>The state of an empty archive.</summary>
    public static ClusteringState Empty { get; } = new(0, ImmutableDictionary<string, int>.Empty, 0, []);

    /// <summary>An open story and its reports, in the order they joined.</summary>
    /// <param name="Id">The story.</param>
    /// <param name="Title">Its stored title, kept when it is already fixed.</param>
    /// <param name="Reports">Its reports' features (copies left out).</param>
    public sealed record StoryMembers(StoryId Id, string? Title, ImmutableArray<StoryFeatures> Reports)
    {
        /// <summary>Date of its latest report, copies included; null to take it from <see cref="Reports"/>.</summary>
        public DateOnly? LastReport { get; init; }
    }
}
