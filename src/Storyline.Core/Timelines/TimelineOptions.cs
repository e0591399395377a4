using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>How a timeline is built: how many days and entries, which span, and the ranking weights.</summary>
public sealed record TimelineOptions
{
    /// <summary>Options for a story's own timeline: every day that has an entry, at most five entries a day.</summary>
    public static TimelineOptions Story { get; } = new();

    /// <summary>How many days to keep, the most talked-about first; null keeps every day with an entry.</summary>
    public int? MaxDates { get; init; }

    /// <summary>How many entries to keep per day, the most important first.</summary>
    public int EntriesPerDate { get; init; } = 5;

    /// <summary>First day a timeline may hold (inclusive); null for no bound.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last day a timeline may hold (inclusive); null for no bound.</summary>
    public DateOnly? End { get; init; }

    /// <summary>
    /// How many sentences of each report with no day of their own are placed on its publication date (its lead);
    /// sentences with a time expression naming a day are always placed on that day.
    /// </summary>
    public int LeadSentences { get; init; } = 2;

    /// <summary>
    /// How the days are chosen when <see cref="MaxDates"/> limits them: a ranker scores each day from its
    /// <see cref="DayEvidence"/>.
    /// </summary>
    public IDateRanker DateRanker { get; init; } = CandidateWeightRanker.Instance;

    /// <summary>How much each further independent report raises an entry's importance (times the log of their number).</summary>
    public double SourceWeight { get; init; } = 0.3;

    /// <summary>How much being dated by a time expression of its own (an event with a time) raises an entry.</summary>
    public double ExpressionWeight { get; init; } = 0.3;

    /// <summary>
    /// How much novelty raises an entry: the share of its sentence's named entities that no earlier report (and none
    /// of <see cref="KnownEntities"/>) mentioned.
    /// </summary>
    public double NoveltyWeight { get; init; } = 0.3;

    /// <summary>Entities already known to the reader (from reports not given), for novelty.</summary>
    public IReadOnlySet<EntityKey> KnownEntities { get; init; } = new HashSet<EntityKey>();

    /// <summary>
    /// How much an entry's centrality is measured against its own day's sentences (the rest against all the
    /// timeline's sentences, which also makes importance comparable across days).
    /// </summary>
    public double DayCentrality { get; init; } = 0.5;

    /// <summary>An entry this similar (cosine) to one already kept for the day is left out as saying the same.</summary>
    public double Redundancy { get; init; } = 0.5;

    /// <summary>Sentences with fewer content words are not entries.</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>Sentences with more content words are not entries (run-ons, lists, split failures).</summary>
    public int MaxWords { get; init; } = 45;

    /// <summary>Reports that are near-copies of another: sources of an entry, but not independent ones.</summary>
    public IReadOnlySet<ArticleId> Copies { get; init; } = new HashSet<ArticleId>();
}
