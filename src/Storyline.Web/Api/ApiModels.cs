using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Web.Api;

// The shapes of the JSON API, documented in the OpenAPI document (/openapi/v1.json) and docs/web-api.md.
// Report text is returned as plain strings: the UI puts it into the page as text, never as markup.

/// <summary>A refused request: what was wrong, in words.</summary>
/// <param name="Error">What was wrong.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Failures">For an ingest that read nothing: each input that failed and why.</param>
public sealed record ApiError(string Error, int Status, IReadOnlyList<FailureItem>? Failures = null);

/// <summary>An entity named in a listing.</summary>
public sealed record EntityRef(string Key, string Name, EntityType Type);

/// <summary>A story in the list, latest activity first.</summary>
/// <param name="Reports">Reports, near-copies not counted.</param>
/// <param name="Sources">Reports and near-copies together.</param>
/// <param name="KeyEntities">Its most mentioned people, organisations and places.</param>
public sealed record StoryListItem(long Id, string Title, DateOnly FirstReport, DateOnly LastReport, int Reports, int Sources, IReadOnlyList<EntityRef> KeyEntities);

/// <summary>A story merged into this one.</summary>
public sealed record MergeItem(long Story, string AtReport, DateOnly Published);

/// <summary>One report of a story.</summary>
/// <param name="CopyOf">The report this one is a near-copy of; null for an original.</param>
public sealed record ReportItem(string Id, DateOnly Published, string? Title, string? Outlet, string? Url, string? Dateline, string Lead, string? CopyOf);

/// <summary>An entity of a story, with the roles the reports gave it.</summary>
public sealed record StoryEntityItem(string Key, string Name, EntityType Type, ImmutableArray<string> Aliases, ImmutableArray<string> Roles, int Mentions, int Reports);

/// <summary>A place on the map: a geocoded entity with its coordinates.</summary>
/// <param name="IsCountry">A country (its point is its reference point) rather than a town.</param>
public sealed record PlaceItem(string Key, string Name, long GeoNameId, string Country, double Latitude, double Longitude, long Population, bool IsCountry, int Mentions);

/// <summary>A quote or attribution.</summary>
/// <param name="Content">The quoted or reported words.</param>
/// <param name="Source">The source's words in the report.</param>
public sealed record QuoteItem(string Report, DateOnly Published, long Story, QuoteKind Kind, string Content, string? Source, string? Cue, SourceKind SourceKind, string? Speaker, string? SpeakerName);

/// <summary>The quotes of one speaker.</summary>
/// <param name="Speaker">The speaker's name (the resolved entity's, else the source's words).</param>
/// <param name="Key">The speaker entity's key, where resolved.</param>
public sealed record SpeakerQuotes(string Speaker, string? Key, SourceKind SourceKind, IReadOnlyList<QuoteItem> Quotes);

/// <summary>One story: its reports, entities, places and quotes. The timeline, summary and what's new have their own endpoints.</summary>
/// <param name="AskedFor">The number asked for, where that story was merged into this one.</param>
public sealed record StoryPage(
    long Id,
    string Title,
    DateOnly FirstReport,
    DateOnly LastReport,
    long? AskedFor,
    IReadOnlyList<MergeItem> MergedFrom,
    IReadOnlyList<ReportItem> Reports,
    IReadOnlyList<StoryEntityItem> Entities,
    IReadOnlyList<PlaceItem> Places,
    IReadOnlyList<SpeakerQuotes> QuotesBySpeaker);

/// <summary>A report a timeline entry comes from.</summary>
public sealed record SourceRef(string Id, DateOnly Published, string? Title, string? Outlet, string? Url);

/// <summary>A dated timeline entry.</summary>
/// <param name="Date">The day it is placed on.</param>
/// <param name="Value">The TIMEX3 value that placed it.</param>
/// <param name="Expression">The time expression that placed it; null where the publication date did.</param>
/// <param name="Anchor">The date the expression was resolved against.</param>
/// <param name="Status">The certainty of the claim it makes, where one was found.</param>
/// <param name="Sources">Every report that says it.</param>
/// <param name="Importance">How much the entry matters in its day (centrality, raised by independent sources); higher first.</param>
/// <param name="Attribution">Who the sentence is attributed to ("Russian news agency Interfax"), where the report names anyone.</param>
/// <param name="AttributionKind">What kind of source that is; absent when there is no attribution.</param>
public sealed record TimelineItem(
    DateOnly Date,
    string Value,
    string? Expression,
    DateOnly Anchor,
    string Text,
    string Report,
    Certainty? Status,
    IReadOnlyList<SourceRef> Sources,
    double Importance,
    string? Attribution,
    SourceKind? AttributionKind);

/// <summary>A story's timeline.</summary>
public sealed record TimelineResponse(long Story, string Title, IReadOnlyList<TimelineItem> Entries);

/// <summary>A story's summary.</summary>
/// <param name="Sentences">The summary, sentence by sentence, each with the report it comes from.</param>
/// <param name="Method">How it was made (which summariser).</param>
public sealed record SummaryResponse(long Story, IReadOnlyList<SummarySentence> Sentences, string Method);

/// <summary>A summary sentence and where it comes from.</summary>
/// <param name="Report">The report it is taken from.</param>
/// <param name="Sources">Every report that says it (near-identical sentences of several reports are one).</param>
/// <param name="Score">How central it is to the story (cosine to the story's centroid, raised by independent sources).</param>
public sealed record SummarySentence(string Text, string Report, DateOnly Published, IReadOnlyList<SourceRef> Sources, double Score);

/// <summary>How a claim's status changed after a date (the short form of a <see cref="StatusChangeItem"/>).</summary>
/// <param name="Before">Its standing up to the date.</param>
/// <param name="After">Its standing after the date.</param>
/// <param name="Changed">The publication date of the report that changed it.</param>
public sealed record ClaimChange(string Key, IReadOnlyList<Certainty> Before, IReadOnlyList<Certainty> After, DateOnly Changed);

/// <summary>A claim whose standing moved after a date (e.g. unconfirmed → confirmed), with the sentence that moved it.</summary>
/// <param name="Key">The claim key ("kim jong un|visit").</param>
/// <param name="From">Its standing in the latest old report that spoke of it.</param>
/// <param name="To">Its standing in the new reports.</param>
/// <param name="Evidence">The new sentence that settles it.</param>
/// <param name="Report">The report that says it.</param>
/// <param name="Published">That report's date.</param>
/// <param name="Source">Who says it, where named.</param>
public sealed record StatusChangeItem(string Key, Certainty From, Certainty To, string Evidence, string Report, DateOnly Published, string? Source);

/// <summary>What a story gained after a date.</summary>
/// <param name="Since">The date: reports published after it are new.</param>
/// <param name="Reports">The new reports, in story order.</param>
/// <param name="Entries">New facts: sentences of the new reports that no old report said, dated, the most important first.</param>
/// <param name="NewEntities">Entities the new reports name that no old report did.</param>
/// <param name="Claims">Claims whose standing changed, in short (the same changes as <paramref name="StatusChanges"/>).</param>
/// <param name="Quotes">Quotes of the new reports that no old report had.</param>
/// <param name="StatusChanges">Claims whose standing changed, with the sentence and source that changed it.</param>
/// <param name="Method">How it was made.</param>
public sealed record WhatsNewResponse(
    long Story,
    DateOnly Since,
    IReadOnlyList<ReportItem> Reports,
    IReadOnlyList<TimelineItem> Entries,
    IReadOnlyList<EntityRef> NewEntities,
    IReadOnlyList<ClaimChange> Claims,
    IReadOnlyList<QuoteItem> Quotes,
    IReadOnlyList<StatusChangeItem> StatusChanges,
    string Method);

/// <summary>An entity in the list.</summary>
public sealed record EntityListItem(string Key, string Name, EntityType Type, int Mentions, int Reports, DateOnly FirstSeen, DateOnly LastSeen);

/// <summary>A story an entity appears in.</summary>
public sealed record EntityStoryItem(long Story, string Title, int Reports, int Mentions);

/// <summary>An entity mentioned in the same reports as another.</summary>
public sealed record RelatedEntityItem(string Key, string Name, EntityType Type, int Reports);

/// <summary>One entity: names, roles, place, stories, company and what it said.</summary>
public sealed record EntityPage(
    string Key,
    string Name,
    EntityType Type,
    int Mentions,
    int Reports,
    DateOnly FirstSeen,
    DateOnly LastSeen,
    ImmutableArray<string> Aliases,
    ImmutableArray<string> Roles,
    PlaceItem? Place,
    IReadOnlyList<EntityStoryItem> Stories,
    IReadOnlyList<RelatedEntityItem> CoOccurring,
    IReadOnlyList<RelatedEntityItem> FullerNames,
    IReadOnlyList<QuoteItem> Quotes);

/// <summary>A report that matches a search.</summary>
/// <param name="Snippet">The matching text; matches are between « and ».</param>
public sealed record SearchItem(string Report, DateOnly Published, string? Title, long Story, string StoryTitle, string Snippet);

/// <summary>A search and its hits.</summary>
public sealed record SearchResponse(string Query, DateOnly? From, DateOnly? To, string? Entity, long? Story, IReadOnlyList<SearchItem> Hits);

/// <summary>An input that could not be read.</summary>
public sealed record FailureItem(string Location, string Reason);

/// <summary>A report stored by an ingest and the story it joined.</summary>
public sealed record AssignmentItem(string Report, long Story, bool NewStory, string StoryTitle);

/// <summary>What an ingest did.</summary>
public sealed record IngestResponse(int Read, int New, int Duplicates, int Failed, int NewStories, IReadOnlyList<FailureItem> Failures, IReadOnlyList<AssignmentItem> Assignments);
