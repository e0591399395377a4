using Storyline.Domain;
using Storyline.Sources;
using Storyline.Stories;

namespace Storyline.Ingest;

/// <summary>What one ingest run did.</summary>
/// <param name="Read">Reports read successfully.</param>
/// <param name="New">Reports stored by this run.</param>
/// <param name="Duplicates">Reports already stored, or read twice in this run.</param>
/// <param name="Failures">Each file or line that could not be read or stored, and why.</param>
/// <param name="Assignments">The story of each new report, in the order they were assigned.</param>
public sealed record IngestSummary(int Read, int New, int Duplicates, IReadOnlyList<ReadFailed> Failures, IReadOnlyList<StoryAssignment> Assignments)
{
    /// <summary>Number of failures.</summary>
    public int Failed => Failures.Count;

    /// <summary>Number of stories this run started.</summary>
    public int NewStories => Assignments.Count(a => a.IsNewStory);
}

/// <summary>Where an ingest run is, for a progress display.</summary>
/// <param name="Stage">"reading", "waiting" (for another writer of the archive to finish), "analysing".</param>
/// <param name="Done">Items done in this stage.</param>
/// <param name="Total">Items in this stage, where known.</param>
public readonly record struct IngestProgress(string Stage, int Done, int? Total);
