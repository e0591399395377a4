using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Stories;

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
    IReadOnlyList<TimelineItem> Timeline)
{
    /// <summary>Stories found later to be this one and merged into it.</summary>
    public IReadOnlyList<MergeItem> MergedFrom { get; init; } = [];

    /// <summary>The story number asked for, where it was merged into this one; null otherwise.</summary>
    public long? AskedFor { get; init; }
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
    public static TimelineItem From(TimelineEntry e) =>
        new(e.Date, e.DateValue, e.Expression, e.Anchor, e.Text, e.Report.Value, [.. e.Sources.Select(s => s.Value)], e.Status);
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
