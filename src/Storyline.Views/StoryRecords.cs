using Storyline.Domain;

namespace Storyline.Views;

// The public shapes of Storyline's output: `--json`, the text renderers, the exports and the web API all serialise
// these records (docs/json-shapes.md). Report text is kept as plain strings; whoever shows it escapes it.

/// <summary>An entity named in a listing.</summary>
public sealed record EntityRef(string Key, string Name, EntityType Type);

/// <summary>A story in the list, latest activity first.</summary>
/// <param name="Reports">Reports, near-copies not counted.</param>
/// <param name="Sources">Reports and near-copies together.</param>
/// <param name="KeyEntities">Its most mentioned people, organisations and places.</param>
public sealed record StoryListItem(long Id, string Title, DateOnly FirstReport, DateOnly LastReport, int Reports, int Sources, IReadOnlyList<EntityRef> KeyEntities);

/// <summary>A story merged into this one, and the report at which that was found.</summary>
public sealed record MergeItem(long Story, string AtReport, DateOnly Published);

/// <summary>One report of a story.</summary>
/// <param name="Origin">The file or address it was read from.</param>
/// <param name="ExternalId">Its id in the input, where it had one.</param>
/// <param name="Lead">Its first sentence.</param>
public sealed record ReportItem(string Id, DateOnly Published, string? Title, string? Outlet, string? Url, string? Dateline, string? Origin, string? ExternalId, string Lead)
{
    /// <summary>The report this one is a near-copy of; null for an original.</summary>
    public string? CopyOf { get; init; }

    /// <summary>The byline, where the source gave one.</summary>
    public string? Author { get; init; }

    /// <summary>Whether only the free teaser of a paywalled article could be read.</summary>
    public bool Paywalled { get; init; }
}

/// <summary>A report as a source of an entry, a summary sentence or a story.</summary>
public sealed record SourceRef(string Id, DateOnly Published, string? Title, string? Outlet, string? Url)
{
    /// <summary>The report this one is a near-copy of; null for an original (or where not known).</summary>
    public string? CopyOf { get; init; }

    /// <summary>The byline, where the source gave one (and the report is known).</summary>
    public string? Author { get; init; }

    /// <summary>Whether only the free teaser of a paywalled article could be read.</summary>
    public bool Paywalled { get; init; }
}

/// <summary>
/// One story: its reports, entities, places, timeline, quotes and claims. A merged-away number shows the story it
/// became part of, with <paramref name="AskedFor"/> set.
/// </summary>
/// <param name="Title">Its headline (the title of its most central recent report, or that report's lead cut short).</param>
/// <param name="AskedFor">The number asked for, where that story was merged into this one; null otherwise.</param>
/// <param name="KeyEntities">Its most mentioned people, organisations and places (as a story card names them).</param>
/// <param name="QuotesBySpeaker">The same quotes grouped by who said them, most quoted first.</param>
/// <param name="ClaimHistory">Claim keys said more than once, each day's statuses in the order first said.</param>
public sealed record StoryDetail(
    long Id,
    string Title,
    DateOnly FirstReport,
    DateOnly LastReport,
    long? AskedFor,
    IReadOnlyList<MergeItem> MergedFrom,
    IReadOnlyList<EntityRef> KeyEntities,
    IReadOnlyList<ReportItem> Reports,
    IReadOnlyList<StoryEntityItem> Entities,
    IReadOnlyList<PlaceItem> Places,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<QuoteItem> Quotes,
    IReadOnlyList<SpeakerQuotes> QuotesBySpeaker,
    IReadOnlyList<ClaimItem> Claims,
    IReadOnlyList<ClaimTrackItem> ClaimHistory)
{
    /// <summary>Days whose sentences were too many to compare all one with another: which were considered, and why.</summary>
    public IReadOnlyList<string> TimelineNotes { get; init; } = [];
}

/// <summary>A dated timeline entry.</summary>
/// <param name="Date">The day it is placed on.</param>
/// <param name="Value">The TIMEX3 value that placed it.</param>
/// <param name="Expression">The time expression that placed it; null where the publication date did.</param>
/// <param name="Anchor">The date the expression was resolved against.</param>
/// <param name="Sources">Every report that says it.</param>
/// <param name="Status">The certainty of the claim it makes, where one was found.</param>
/// <param name="Importance">Its rank weight within its day (higher first).</param>
/// <param name="Attribution">Who the sentence is attributed to, where the report names anyone.</param>
/// <param name="AttributionKind">What kind of source that is; absent when there is no attribution.</param>
public sealed record TimelineItem(
    DateOnly Date,
    string Value,
    string? Expression,
    DateOnly Anchor,
    string Text,
    string Report,
    IReadOnlyList<SourceRef> Sources,
    Certainty? Status,
    double Importance,
    string? Attribution,
    SourceKind? AttributionKind);

/// <summary>A story's ranked timeline.</summary>
public sealed record TimelineView(long Story, string Title, IReadOnlyList<TimelineItem> Entries)
{
    /// <summary>Days whose sentences were too many to compare all one with another: which were considered, and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A day of an exported timeline.</summary>
/// <param name="Weight">How much the reports talk about the day.</param>
public sealed record TimelineDayItem(DateOnly Date, double Weight, IReadOnlyList<TimelineItem> Entries);

/// <summary>A sentence of a story's extractive summary.</summary>
/// <param name="Sources">Every report that says it (near-identical sentences of several reports are one).</param>
/// <param name="Score">How central it is to the story.</param>
public sealed record SummaryItem(string Text, string Report, DateOnly Published, IReadOnlyList<SourceRef> Sources, double Score);

/// <summary>A story's summary.</summary>
/// <param name="Method">How it was made.</param>
public sealed record SummaryView(long Story, IReadOnlyList<SummaryItem> Sentences, string Method);

/// <summary>A story written out whole (<c>storyline export</c>).</summary>
public sealed record ExportView(
    long Id,
    string Title,
    DateOnly FirstReport,
    DateOnly LastReport,
    IReadOnlyList<SummaryItem> Summary,
    IReadOnlyList<TimelineDayItem> Timeline,
    IReadOnlyList<StoryEntityItem> Entities,
    IReadOnlyList<QuoteItem> Quotes,
    IReadOnlyList<ClaimTrackItem> Claims,
    IReadOnlyList<SourceRef> Sources);

/// <summary>What a story's later reports add.</summary>
/// <param name="SinceDate">The day after which reports are new; null where the cutoff is a report.</param>
/// <param name="SinceReport">The report after which reports are new; null where the cutoff is a day.</param>
/// <param name="NewReports">The ids of the new reports, in story order.</param>
/// <param name="Reports">The new reports.</param>
/// <param name="Facts">
/// Sentences of the new reports that no earlier report said, each about the cutoff day or later, the most important
/// first, at most the number asked for.
/// </param>
/// <param name="NewEntities">Entities the new reports name that no earlier report did.</param>
/// <param name="Quotes">Quotes of the new reports that no earlier report had.</param>
/// <param name="StatusChanges">Claims whose standing moved, with the sentence and source that moved it.</param>
/// <param name="Claims">The same changes in short.</param>
/// <param name="Method">How it was made.</param>
public sealed record WhatsNewView(
    long Story,
    string Title,
    DateOnly? SinceDate,
    string? SinceReport,
    IReadOnlyList<string> NewReports,
    IReadOnlyList<ReportItem> Reports,
    IReadOnlyList<TimelineItem> Facts,
    IReadOnlyList<EntityRef> NewEntities,
    IReadOnlyList<QuoteItem> Quotes,
    IReadOnlyList<StatusChangeItem> StatusChanges,
    IReadOnlyList<ClaimChange> Claims,
    string Method)
{
    /// <summary>How many more new facts there are beyond <see cref="Facts"/>.</summary>
    public int MoreFacts { get; init; }
}

/// <summary>A report that matches a search.</summary>
/// <param name="Snippet">The matching text; matches are between « and ».</param>
public sealed record SearchItem(string Report, DateOnly Published, string? Title, long Story, string StoryTitle, string Snippet);

/// <summary>A search with its filters and hits.</summary>
public sealed record SearchView(string Query, DateOnly? From, DateOnly? To, string? Entity, long? Story, IReadOnlyList<SearchItem> Hits);

/// <summary>An input that could not be read.</summary>
public sealed record FailureItem(string Location, string Reason);

/// <summary>A report stored by an ingest and the story it joined.</summary>
/// <param name="Similarity">How close it was to the story it joined (0 for a new story).</param>
public sealed record AssignmentItem(string Report, long Story, bool NewStory, double Similarity, string StoryTitle);

/// <summary>What an ingest did.</summary>
/// <param name="Failed">How many inputs failed, listed or not.</param>
/// <param name="Failures">The failures, in the order met; all of them, or the first ones where <see cref="MoreFailures"/> is set.</param>
public sealed record IngestView(int Read, int New, int Duplicates, int Failed, int NewStories, IReadOnlyList<FailureItem> Failures, IReadOnlyList<AssignmentItem> Assignments)
{
    /// <summary>How many failures are not in <see cref="Failures"/> (the web API lists at most 100); null where every one is.</summary>
    public int? MoreFailures { get; init; }
}
