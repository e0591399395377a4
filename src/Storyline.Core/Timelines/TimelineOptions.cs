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
    /// How many sentences of each report with no day of their own are placed on its publication date (all, by default:
    /// a report is about the day it is published); sentences with a time expression naming a day in their own clause are
    /// placed on that day.
    /// </summary>
    public int LeadSentences { get; init; } = int.MaxValue;

    /// <summary>
    /// How the days are chosen when <see cref="MaxDates"/> limits them, and what a day's <see cref="TimelineDay.Weight"/>
    /// is: the shipped date model (<see cref="DateModel.Shipped"/>), else the candidate count.
    /// </summary>
    public IDateRanker DateRanker { get; init; } = DateModel.Shipped ?? (IDateRanker)CandidateWeightRanker.Instance;

    /// <summary>
    /// Whether only a time expression in a sentence's own clause dates it ("…, where Mr Putin arrived on Monday" does not
    /// make the sentence Monday's news; <see cref="ClauseScope"/>).
    /// </summary>
    public bool OwnClauseOnly { get; init; } = true;

    /// <summary>
    /// Whether a sentence that names another time (a month, a year, last week) is kept off its report's publication day.
    /// </summary>
    public bool OnlyUndatedOnPublicationDay { get; init; } = true;

    /// <summary>
    /// The share of word (TF-IDF) cosine when two sentences are compared (does another report say the same? does an
    /// entry repeat one kept?); the rest is the cosine of dense sentence vectors, which sees a paraphrase.
    /// </summary>
    public double WordWeight { get; init; } = 0.5;

    /// <summary>
    /// The share of word cosine in a sentence's centrality among its day's sentences; the rest is dense. Words alone by
    /// default: on the Timeline17 development folders dense centrality picked paraphrases of the day's news that share
    /// fewer of its words (AR-1 0.1476 with words alone, 0.1435 at 0.8, 0.1373 at 0.5; docs/QUALITY.md).
    /// </summary>
    public double CentralityWordWeight { get; init; } = 1.0;

    /// <summary>Whether dense sentence vectors (the shipped word vectors) are used at all.</summary>
    public bool UseWordVectors { get; init; } = true;

    /// <summary>
    /// How many of a day's candidate sentences are considered for its entries: past this, the most central by words
    /// (so that a story of tens of thousands of reports is ranked in time linear in its sentences).
    /// </summary>
    public int MaxCandidatesPerDay { get; init; } = 300;

    /// <summary>Another report's sentence this similar to an entry says the same: it counts as support.</summary>
    public double SupportSimilarity { get; init; } = 0.5;

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
