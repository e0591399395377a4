using System.Collections.Immutable;
using Storyline.Claims;
using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Timelines;

namespace Storyline.Cli.Output;

// The shapes of --json output, documented in docs/cli-json.md. Change them together.
internal sealed record StoryListItem(long Id, string Title, DateOnly FirstReport, DateOnly LastReport, int Reports)
{
    public static StoryListItem From(StorySummary s) => new(s.Id.Value, s.Title, s.FirstReport, s.LastReport, s.ReportCount);
}

internal sealed record StoryDetail(
    long Id,
    string Title,
    DateOnly FirstReport,
    DateOnly LastReport,
    IReadOnlyList<ReportItem> Reports,
    IReadOnlyList<EntityItem> Entities,
    IReadOnlyList<TimelineItem> Timeline,
    IReadOnlyList<QuoteItem> Quotes,
    IReadOnlyList<ClaimItem> Claims,
    IReadOnlyList<ClaimTrackItem> ClaimHistory)
{
    /// <summary>Stories found later to be this one and merged into it.</summary>
    public IReadOnlyList<MergeItem> MergedFrom { get; init; } = [];

    /// <summary>The story number asked for, where it was merged into this one; null otherwise.</summary>
    public long? AskedFor { get; init; }

    /// <summary>Days whose sentences were too many to consider all: which were considered, and why.</summary>
    public IReadOnlyList<string> TimelineNotes { get; init; } = [];
}

internal sealed record MergeItem(long Story, string AtReport, DateOnly Published);

internal sealed record ReportItem(string Id, DateOnly Published, string? Title, string? Outlet, string? Url, string? Dateline, string? Origin, string? ExternalId, string Lead)
{
    /// <summary>The report this one is a near-copy of; null for an original.</summary>
    public string? CopyOf { get; init; }

    public static ReportItem From(AnalyzedArticle r, string? copyOf) => From(r) with { CopyOf = copyOf };

    public static ReportItem From(AnalyzedArticle r)
    {
        string lead = r.Sentences.Length > 0 ? r.SentenceText(r.Sentences[0]) : r.Body[..Math.Min(200, r.Body.Length)];
        Article a = r.Article;
        return new(a.Id.Value, a.Published, a.Title, a.Outlet, a.Url, a.Dateline, a.Origin, a.ExternalId, lead);
    }
}

internal sealed record EntityItem(string Key, string Name, EntityType Type, ImmutableArray<string> Aliases, ImmutableArray<string> Roles, int Mentions, int Reports)
{
    public static EntityItem From(StoryEntity e) => new(e.Key.Value, e.Name, e.Type, e.Aliases, e.Roles, e.Mentions, e.Reports);
}

internal sealed record TimelineItem(DateOnly Date, string Value, string? Expression, DateOnly Anchor, string Text, string Report, IReadOnlyList<string> Sources, Certainty? Status)
{
    /// <summary>Rank weight of the entry within its day (higher first).</summary>
    public double Importance { get; init; }

    /// <summary>Who the sentence is attributed to, where anyone.</summary>
    public string? Attribution { get; init; }

    /// <summary>What kind of source that is; null when there is no attribution.</summary>
    public SourceKind? AttributionKind { get; init; }

    public static TimelineItem From(TimelineEntry e) =>
        new(e.Date, e.DateValue, e.Expression, e.Anchor, e.Text, e.Report.Value, [.. e.Sources.Select(s => s.Value)], e.Status)
        {
            Importance = e.Importance,
            Attribution = e.Attribution,
            AttributionKind = e.Attribution is null ? null : e.AttributionKind,
        };
}

internal sealed record SearchItem(string Report, DateOnly Published, string? Title, long Story, string Snippet)
{
    public static SearchItem From(SearchHit h) => new(h.Report.Value, h.Published, h.Title, h.Story.Value, h.Snippet);
}

internal sealed record IngestResult(int Read, int New, int Duplicates, int Failed, int NewStories, IReadOnlyList<FailureItem> Failures, IReadOnlyList<AssignmentItem> Assignments)
{
    public static IngestResult From(IngestSummary s) => new(
        s.Read,
        s.New,
        s.Duplicates,
        s.Failed,
        s.NewStories,
        [.. s.Failures.Select(f => new FailureItem(f.Location, f.Reason))],
        [.. s.Assignments.Select(a => new AssignmentItem(a.Report.Value, a.Story.Value, a.IsNewStory, Math.Round(a.Similarity, 4), a.StoryTitle))]);
}

internal sealed record FailureItem(string Location, string Reason);

internal sealed record AssignmentItem(string Report, long Story, bool NewStory, double Similarity, string StoryTitle);

internal sealed record EntityListItem(string Key, string Name, EntityType Type, int Mentions, int Reports, DateOnly FirstSeen, DateOnly LastSeen)
{
    public static EntityListItem From(EntitySummary e) => new(e.Key.Value, e.Name, e.Type, e.Mentions, e.Reports, e.FirstSeen, e.LastSeen);
}

internal sealed record PlaceItem(long GeoNameId, string Name, string Country, double Latitude, double Longitude, long Population, string FeatureCode)
{
    public static PlaceItem From(Place p) => new(p.GeoNameId, p.Name, p.CountryCode, p.Latitude, p.Longitude, p.Population, p.FeatureCode);
}

internal sealed record EntityStoryItem(long Story, string Title, int Reports, int Mentions);

internal sealed record RelatedEntityItem(string Key, string Name, EntityType Type, int Reports);

internal sealed record EntityDetailItem(
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
    IReadOnlyList<RelatedEntityItem> FullerNames)
{
    public static EntityDetailItem From(EntityDetail d) => new(
        d.Summary.Key.Value,
        d.Summary.Name,
        d.Summary.Type,
        d.Summary.Mentions,
        d.Summary.Reports,
        d.Summary.FirstSeen,
        d.Summary.LastSeen,
        d.Aliases,
        d.Roles,
        d.Place is null ? null : PlaceItem.From(d.Place),
        [.. d.Stories.Select(s => new EntityStoryItem(s.Story.Value, s.Title, s.Reports, s.Mentions))],
        [.. d.CoOccurring.Select(r => new RelatedEntityItem(r.Key.Value, r.Name, r.Type, r.Reports))],
        [.. d.FullerNames.Select(r => new RelatedEntityItem(r.Key.Value, r.Name, r.Type, r.Reports))]);
}
internal sealed record QuoteItem(
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
    SourceKind? CitingKind)
{
    public static QuoteItem From(StoredQuote q) => new(
        q.Report.Value, q.Published, q.Story.Value, q.Quote.Kind, q.Content, q.Source, q.Cue, q.Quote.SourceKind, q.Quote.Speaker?.Value,
        q.SpeakerName, q.CitedBy, q.Citing, q.Citing is null ? null : q.Quote.CitingKind);

    public static QuoteItem From(AnalyzedArticle r, Quote q, long story, IReadOnlyDictionary<string, string> names) => new(
        r.Article.Id.Value,
        r.Article.Published,
        story,
        q.Kind,
        r.Text(q.Content),
        q.Source is TextSpan s ? r.Text(s) : null,
        q.Cue is TextSpan c ? r.Text(c) : null,
        q.SourceKind,
        q.Speaker?.Value,
        q.Speaker is EntityKey k && names.TryGetValue(k.Value, out string? name) ? name : null,
        q.CitedBy is TextSpan v ? r.Text(v) : null,
        q.Citing is TextSpan ci ? r.Text(ci) : null,
        q.Citing is null ? null : q.CitingKind);
}

internal sealed record ClaimItem(string Report, DateOnly Published, string Text, Certainty Status, string? Cue, string? Source, SourceKind SourceKind, string? Key)
{
    public static ClaimItem From(AnalyzedArticle r, Claim c) => new(
        r.Article.Id.Value,
        r.Article.Published,
        r.Text(c.Span),
        c.Status,
        c.Cue is TextSpan cue ? r.Text(cue) : null,
        c.Source is TextSpan s ? r.Text(s) : null,
        c.SourceKind,
        c.Key);
}

internal sealed record ClaimTrackItem(string Key, IReadOnlyList<ClaimDayItem> Days);

internal sealed record ClaimDayItem(DateOnly Date, IReadOnlyList<Certainty> Statuses);

internal sealed record SummaryItem(string Text, string Report, DateOnly Published, IReadOnlyList<string> Sources)
{
    public static SummaryItem From(SummarySentence s) => new(s.Text, s.Report.Value, s.Published, [.. s.Sources.Select(x => x.Value)]);
}

internal sealed record TimelineDayItem(DateOnly Date, double Weight, IReadOnlyList<TimelineItem> Entries)
{
    public static TimelineDayItem From(TimelineDay d) => new(d.Date, Math.Round(d.Weight, 4), [.. d.Entries.Select(TimelineItem.From)]);
}

internal sealed record SourceItem(string Id, DateOnly Published, string? Title, string? Outlet, string? Url, string? CopyOf)
{
    public static SourceItem From(StorySource s) => new(s.Id.Value, s.Published, s.Title, s.Outlet, s.Url, s.CopyOf?.Value);
}

internal sealed record StatusChangeItem(string Key, Certainty From, Certainty To, string Evidence, string Report, string? Source)
{
    public static StatusChangeItem Of(StatusChange c) => new(c.Key, c.From, c.To, c.Evidence, c.Report.Value, c.Source);
}

internal sealed record StoryQuoteItem(string Report, DateOnly Published, QuoteKind Kind, string Content, string? Source, SourceKind SourceKind)
{
    public static StoryQuoteItem From(StoryQuote q) => new(q.Report.Value, q.Published, q.Quote.Kind, q.Content, q.Source, q.Quote.SourceKind);
}

// storyline whatsnew ID --since DATE|REPORT --json
internal sealed record WhatsNewItem(
    long Story,
    string Title,
    DateOnly? SinceDate,
    string? SinceReport,
    IReadOnlyList<string> NewReports,
    IReadOnlyList<TimelineItem> Facts,
    int MoreFacts,
    IReadOnlyList<StoryQuoteItem> Quotes,
    IReadOnlyList<StatusChangeItem> StatusChanges);

// storyline export ID --format json
internal sealed record ExportItem(
    long Id,
    string Title,
    DateOnly FirstReport,
    DateOnly LastReport,
    IReadOnlyList<SummaryItem> Summary,
    IReadOnlyList<TimelineDayItem> Timeline,
    IReadOnlyList<EntityItem> Entities,
    IReadOnlyList<StoryQuoteItem> Quotes,
    IReadOnlyList<ClaimTrackItem> Claims,
    IReadOnlyList<SourceItem> Sources)
{
    public static ExportItem From(Digest d) => new(
        d.Story.Id.Value,
        d.Story.Title,
        d.Story.FirstReport,
        d.Story.LastReport,
        [.. d.Summary.Select(SummaryItem.From)],
        [.. d.Timeline.Select(TimelineDayItem.From)],
        [.. d.Entities.Select(EntityItem.From)],
        [.. d.Quotes.Select(StoryQuoteItem.From)],
        [.. d.Claims.Select(t => new ClaimTrackItem(t.Key, [.. t.ByDay.Select(x => new ClaimDayItem(x.Date, x.Statuses))]))],
        [.. d.Sources.Select(SourceItem.From)]);
}
