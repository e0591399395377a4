using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Views;

/// <summary>An entity of a story, with every name and role the story's reports gave it.</summary>
public sealed record StoryEntityItem(string Key, string Name, EntityType Type, ImmutableArray<string> Aliases, ImmutableArray<string> Roles, int Mentions, int Reports);

/// <summary>A place on the map: a geocoded entity with its coordinates.</summary>
/// <param name="GeoNameId">Its GeoNames id (negative for a place the project added by hand).</param>
/// <param name="Country">Its ISO country code.</param>
/// <param name="IsCountry">A country (its point is its reference point) rather than a town.</param>
public sealed record PlaceItem(string Key, string Name, long GeoNameId, string Country, double Latitude, double Longitude, long Population, string FeatureCode, bool IsCountry, int Mentions);

/// <summary>An entity in the list, most mentioned first.</summary>
public sealed record EntityListItem(string Key, string Name, EntityType Type, int Mentions, int Reports, DateOnly FirstSeen, DateOnly LastSeen);

/// <summary>A story an entity appears in.</summary>
public sealed record EntityStoryItem(long Story, string Title, int Reports, int Mentions);

/// <summary>An entity mentioned in the same reports as another.</summary>
public sealed record RelatedEntityItem(string Key, string Name, EntityType Type, int Reports);

/// <summary>One entity: names, roles, place, stories, company and what it said.</summary>
/// <param name="FullerNames">For a one-word name given alone, the people whose full name begins or ends with it (shown, never merged).</param>
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

/// <summary>A quote or attribution.</summary>
/// <param name="Content">The quoted words (direct) or the reported clause (indirect).</param>
/// <param name="Source">The source's words in the report.</param>
/// <param name="Speaker">The speaker entity's key, where resolved.</param>
/// <param name="CitedBy">Who relays the source, where anyone.</param>
/// <param name="Citing">Whom the source cites, where anyone.</param>
public sealed record QuoteItem(
    string Report,
    DateOnly Published,
    long Story,
    QuoteKind Kind,
    string Content,
    string? Source,
    string? Cue,
    SourceKind SourceKind,
    string? Speaker,
    string? SpeakerName,
    string? CitedBy,
    string? Citing,
    SourceKind? CitingKind);

/// <summary>The quotes of one speaker.</summary>
/// <param name="Speaker">The speaker's name (the resolved entity's, else the source's words).</param>
/// <param name="Key">The speaker entity's key, where resolved.</param>
public sealed record SpeakerQuotes(string Speaker, string? Key, SourceKind SourceKind, IReadOnlyList<QuoteItem> Quotes);

/// <summary>A claim of a report, with its status.</summary>
/// <param name="Cue">The words that set the status.</param>
/// <param name="Key">The claim key ("kim jong un|visit"), where one was made.</param>
public sealed record ClaimItem(string Report, DateOnly Published, string Text, Certainty Status, string? Cue, string? Source, SourceKind SourceKind, string? Key);

/// <summary>A claim key followed across a story's reports.</summary>
public sealed record ClaimTrackItem(string Key, IReadOnlyList<ClaimDayItem> Days);

/// <summary>What one day's reports said of a claim.</summary>
/// <param name="Statuses">The day's distinct statuses, in the order first said.</param>
/// <param name="Standing">The claim's standing that day, the value what's new compares (<see cref="ClaimStanding"/>).</param>
public sealed record ClaimDayItem(DateOnly Date, IReadOnlyList<Certainty> Statuses, Certainty Standing);

/// <summary>A claim whose standing moved, with the sentence that moved it.</summary>
/// <param name="From">Its standing on the latest earlier day that spoke of it (that day's <see cref="ClaimDayItem.Standing"/>).</param>
/// <param name="To">Its standing in the new reports.</param>
/// <param name="Evidence">The new sentence that settles it.</param>
public sealed record StatusChangeItem(string Key, Certainty From, Certainty To, string Evidence, string Report, DateOnly Published, string? Source);

/// <summary>How a claim's standing changed (the short form of a <see cref="StatusChangeItem"/>).</summary>
/// <param name="Changed">The publication date of the report that changed it.</param>
public sealed record ClaimChange(string Key, IReadOnlyList<Certainty> Before, IReadOnlyList<Certainty> After, DateOnly Changed);

/// <summary>A report's own page: its text, with its names and quotes marked, and its story.</summary>
/// <param name="Body">The report's text as stored.</param>
/// <param name="Mentions">Where its entities are named, as offsets into <paramref name="Body"/> (UTF-16 code units).</param>
/// <param name="Quotes">Where its quotes are, as offsets into <paramref name="Body"/>.</param>
public sealed record ReportPage(
    ReportItem Report,
    long Story,
    string StoryTitle,
    string Body,
    IReadOnlyList<MentionSpan> Mentions,
    IReadOnlyList<QuoteSpan> Quotes,
    IReadOnlyList<StoryEntityItem> Entities);

/// <summary>A named entity at a place in a report's text.</summary>
public sealed record MentionSpan(int Start, int Length, string Key, string Name, EntityType Type);

/// <summary>A quote at a place in a report's text.</summary>
/// <param name="Speaker">Who said it (the resolved name, else the source's words), where known.</param>
public sealed record QuoteSpan(int Start, int Length, QuoteKind Kind, string? Speaker, SourceKind SourceKind);
