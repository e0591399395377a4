namespace Storyline.Stories;

/// <summary>Settings of the online story clusterer.</summary>
public sealed record ClusteringOptions
{
    /// <summary>A report joins the most similar story when the cosine similarity reaches this (default 0.2).</summary>
    public double JoinThreshold { get; init; } = 0.2;

    /// <summary>Only stories with a report within this many days are candidates (default 30).</summary>
    public int WindowDays { get; init; } = 30;

    /// <summary>A story's vector keeps at most this many terms, the heaviest (default 400).</summary>
    public int MaxStoryTerms { get; init; } = 400;

    /// <summary>Entity terms weigh this much more than words (default 1.5).</summary>
    public double EntityWeight { get; init; } = 1.5;

    /// <summary>The defaults.</summary>
    public static ClusteringOptions Default { get; } = new();
}
