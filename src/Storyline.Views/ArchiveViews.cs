using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Stories;

namespace Storyline.Views;

/// <summary>Builds the records of what is not one story: lists, entities, quotes, search hits, reports, ingests.</summary>
public static class ArchiveViews
{
    /// <summary>A story card of the list.</summary>
    public static StoryListItem Story(StoryCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        StorySummary s = card.Summary;
        return new StoryListItem(s.Id.Value, s.Title, s.FirstReport, s.LastReport, s.ReportCount, card.Sources, [.. card.KeyEntities.Select(e => new EntityRef(e.Key.Value, e.Name, e.Type))]);
    }

    /// <summary>An entity of the list.</summary>
    public static EntityListItem Entity(EntitySummary e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new EntityListItem(e.Key.Value, e.Name, e.Type, e.Mentions, e.Reports, e.FirstSeen, e.LastSeen);
    }

    /// <summary>One entity, with the quotes of <paramref name="quotes"/> it said.</summary>
    public static EntityPage Entity(EntityDetail d, IReadOnlyList<StoredQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(quotes);
        return new EntityPage(
            d.Summary.Key.Value,
            d.Summary.Name,
            d.Summary.Type,
            d.Summary.Mentions,
            d.Summary.Reports,
            d.Summary.FirstSeen,
            d.Summary.LastSeen,
            d.Aliases,
            d.Roles,
            d.Place is null ? null : StoryViews.Place(d.Summary.Key.Value, d.Summary.Name, d.Place, d.Summary.Mentions),
            [.. d.Stories.Select(s => new EntityStoryItem(s.Story.Value, s.Title, s.Reports, s.Mentions))],
            [.. d.CoOccurring.Select(r => new RelatedEntityItem(r.Key.Value, r.Name, r.Type, r.Reports))],
            [.. d.FullerNames.Select(r => new RelatedEntityItem(r.Key.Value, r.Name, r.Type, r.Reports))],
            [.. quotes.Where(q => q.Quote.Speaker?.Value == d.Summary.Key.Value).Select(Quote)]);
    }

    /// <summary>A stored quote.</summary>
    public static QuoteItem Quote(StoredQuote q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return new QuoteItem(
            q.Report.Value, q.Published, q.Story.Value, q.Quote.Kind, q.Content, q.Source, q.Cue, q.Quote.SourceKind, q.Quote.Speaker?.Value,
            q.SpeakerName, q.CitedBy, q.Citing, q.Citing is null ? null : q.Quote.CitingKind);
    }

    /// <summary>A search hit, with the title of its story from <paramref name="storyTitles"/>.</summary>
    public static SearchItem Hit(SearchHit hit, IReadOnlyDictionary<long, string> storyTitles)
    {
        ArgumentNullException.ThrowIfNull(hit);
        ArgumentNullException.ThrowIfNull(storyTitles);
        return new SearchItem(hit.Report.Value, hit.Published, hit.Title, hit.Story.Value, storyTitles.GetValueOrDefault(hit.Story.Value, string.Empty), hit.Snippet);
    }

    /// <summary>A report's own page: its text with its names and quotes marked, in its story.</summary>
    public static ReportPage Report(StoredReport stored, Story? story)
    {
        ArgumentNullException.ThrowIfNull(stored);
        AnalyzedArticle r = stored.Report;
        IReadOnlyDictionary<string, string> names = StoryViews.Names([r]);
        return new ReportPage(
            StoryViews.Report(r, story),
            story?.Id.Value ?? stored.Story.Value,
            story?.Title ?? string.Empty,
            r.Body,
            [.. r.Mentions
                .Where(m => m.Span.End <= r.Body.Length)
                .OrderBy(m => m.Span.Start)
                .Select(m => new MentionSpan(m.Span.Start, m.Span.Length, m.Entity.Value, names.GetValueOrDefault(m.Entity.Value, r.Text(m.Span)), m.Type))],
            [.. r.Quotes
                .Where(q => q.Content.End <= r.Body.Length)
                .OrderBy(q => q.Content.Start)
                .Select(q => new QuoteSpan(
                    q.Content.Start,
                    q.Content.Length,
                    q.Kind,
                    q.Speaker is EntityKey k && names.TryGetValue(k.Value, out string? name) ? name : q.Source is TextSpan s ? r.Text(s) : null,
                    q.SourceKind))],
            [.. StoryEntities.Gather([r]).Select(StoryViews.Entity)]);
    }

    /// <summary>What an ingest did; with <paramref name="listAtMost"/>, only that many failures are listed and the rest counted.</summary>
    public static IngestView Ingest(IngestSummary s, int? listAtMost = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        int listed = Math.Min(s.Failures.Count, listAtMost ?? int.MaxValue);
        return new IngestView(
            s.Read,
            s.New,
            s.Duplicates,
            s.Failed,
            s.NewStories,
            [.. s.Failures.Take(listed).Select(Failure)],
            [.. s.Assignments.Select(a => new AssignmentItem(a.Report.Value, a.Story.Value, a.IsNewStory, Math.Round(a.Similarity, 4), a.StoryTitle))])
        {
            MoreFailures = listed < s.Failures.Count ? s.Failures.Count - listed : null,
        };
    }

    /// <summary>An input that failed, with its line where it has one.</summary>
    public static FailureItem Failure(ReadFailed f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FailureItem(f.Location, f.Reason);
    }
}
