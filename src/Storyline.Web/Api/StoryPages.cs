using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Timelines;

namespace Storyline.Web.Api;

/// <summary>Builds the API's shapes from stored stories, reports and entities. Pure functions of their input.</summary>
internal static class StoryPages
{
    private const int KeyEntityCount = 4;
    private static readonly StoryDigest Digests = new();

    public static string Lead(AnalyzedArticle r) =>
        r.Sentences.Length > 0 ? r.SentenceText(r.Sentences[0]) : r.Body[..Math.Min(200, r.Body.Length)];

    public static ReportItem Report(AnalyzedArticle r, Story story)
    {
        Article a = r.Article;
        string? copyOf = story.Copies.TryGetValue(a.Id, out ArticleId original) ? original.Value : null;
        return new ReportItem(a.Id.Value, a.Published, a.Title, a.Outlet, a.Url, a.Dateline, Lead(r), copyOf);
    }

    /// <summary>The story's ranked timeline, flattened in date order: the same as the command line's <c>timeline</c>.</summary>
    public static IEnumerable<TimelineEntry> Timeline(StoryMaterial story) =>
        Digests.Timeline(story.Reports, story.Story.Copies.Keys.ToHashSet()).SelectMany(d => d.Entries);

    public static TimelineItem TimelineItem(TimelineEntry e, IReadOnlyDictionary<ArticleId, AnalyzedArticle> reports) => new(
        e.Date,
        e.DateValue,
        e.Expression,
        e.Anchor,
        e.Text,
        e.Report.Value,
        e.Status,
        [.. e.Sources.Select(id => Source(id, e.Date, reports))],
        e.Importance,
        e.Attribution,
        e.Attribution is null ? null : e.AttributionKind);

    /// <summary>A report as a source; <paramref name="fallback"/> is its date where the report is not among <paramref name="reports"/>.</summary>
    public static SourceRef Source(ArticleId id, DateOnly fallback, IReadOnlyDictionary<ArticleId, AnalyzedArticle> reports) =>
        reports.TryGetValue(id, out AnalyzedArticle? r)
            ? new SourceRef(id.Value, r.Article.Published, r.Article.Title, r.Article.Outlet, r.Article.Url)
            : new SourceRef(id.Value, fallback, null, null, null);

    public static TimelineResponse TimelineOf(StoryMaterial story)
    {
        var byId = story.Reports.ToDictionary(r => r.Article.Id);
        return new TimelineResponse(story.Story.Id.Value, story.Story.Title, [.. Timeline(story).Select(e => TimelineItem(e, byId))]);
    }

    public static IReadOnlyList<EntityRef> KeyEntities(StoryMaterial story) =>
        [.. StoryEntities.Gather(story.Originals)
            .Where(e => e.Type != EntityType.Miscellaneous)
            .Take(KeyEntityCount)
            .Select(e => new EntityRef(e.Key.Value, e.Name, e.Type))];

    public static StoryPage Page(StoryMaterial story, long? askedFor, IReadOnlyList<StoryMerge> merges)
    {
        var originals = story.Originals.ToList();
        IReadOnlyDictionary<string, string> names = Names(story);
        var quotes = story.Reports.SelectMany(r => r.Quotes.Select(q => Quote(r, q, story.Story.Id.Value, names))).ToList();
        return new StoryPage(
            story.Story.Id.Value,
            story.Story.Title,
            story.Story.FirstReport,
            story.Story.LastReport,
            askedFor,
            [.. merges.Select(m => new MergeItem(m.From.Value, m.AtReport.Value, m.Published))],
            [.. story.Reports.Select(r => Report(r, story.Story))],
            [.. StoryEntities.Gather(originals).Select(e => new StoryEntityItem(e.Key.Value, e.Name, e.Type, e.Aliases, e.Roles, e.Mentions, e.Reports))],
            Places(originals),
            BySpeaker(quotes));
    }

    /// <summary>The name of each entity key of the story's reports (the first report's spelling).</summary>
    public static IReadOnlyDictionary<string, string> Names(StoryMaterial story)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Entity entity in story.Reports.SelectMany(r => r.Entities))
        {
            names.TryAdd(entity.Key.Value, entity.Name);
        }

        return names;
    }

    public static PlaceItem Place(string key, string name, Place p, int mentions) =>
        new(key, name, p.GeoNameId, p.CountryCode, p.Latitude, p.Longitude, p.Population, p.IsCountry, mentions);

    private static List<PlaceItem> Places(List<AnalyzedArticle> reports)
    {
        var places = new Dictionary<EntityKey, (Entity Entity, int Mentions)>();
        foreach (AnalyzedArticle r in reports)
        {
            foreach (Entity e in r.Entities.Where(e => e.Place is not null))
            {
                int mentions = r.Mentions.Count(m => m.Entity == e.Key);
                places[e.Key] = places.TryGetValue(e.Key, out var seen) ? (seen.Entity, seen.Mentions + mentions) : (e, mentions);
            }
        }

        return [.. places.Values
            .OrderByDescending(p => p.Mentions).ThenBy(p => p.Entity.Name, StringComparer.Ordinal)
            .Select(p => Place(p.Entity.Key.Value, p.Entity.Name, p.Entity.Place!, p.Mentions))];
    }

    public static QuoteItem Quote(AnalyzedArticle r, Quote q, long story, IReadOnlyDictionary<string, string> names) => new(
        r.Article.Id.Value,
        r.Article.Published,
        story,
        q.Kind,
        r.Text(q.Content),
        q.Source is TextSpan s ? r.Text(s) : null,
        q.Cue is TextSpan c ? r.Text(c) : null,
        q.SourceKind,
        q.Speaker?.Value,
        q.Speaker is EntityKey k && names.TryGetValue(k.Value, out string? name) ? name : null);

    public static QuoteItem Quote(StoredQuote q) => new(
        q.Report.Value, q.Published, q.Story.Value, q.Quote.Kind, q.Content, q.Source, q.Cue, q.Quote.SourceKind, q.Quote.Speaker?.Value, q.SpeakerName);

    private static List<SpeakerQuotes> BySpeaker(List<QuoteItem> quotes) =>
        [.. quotes
            .GroupBy(q => q.Speaker ?? "source:" + (q.Source ?? "").ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => new SpeakerQuotes(
                g.Select(q => q.SpeakerName ?? q.Source).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "Unattributed",
                g.First().Speaker,
                g.First().SourceKind,
                [.. g]))
            .OrderByDescending(s => s.Quotes.Count).ThenBy(s => s.Speaker, StringComparer.Ordinal)];

    public static EntityPage Entity(EntityDetail d, IReadOnlyList<StoredQuote> quotes) => new(
        d.Summary.Key.Value,
        d.Summary.Name,
        d.Summary.Type,
        d.Summary.Mentions,
        d.Summary.Reports,
        d.Summary.FirstSeen,
        d.Summary.LastSeen,
        d.Aliases,
        d.Roles,
        d.Place is null ? null : Place(d.Summary.Key.Value, d.Summary.Name, d.Place, d.Summary.Mentions),
        [.. d.Stories.Select(s => new EntityStoryItem(s.Story.Value, s.Title, s.Reports, s.Mentions))],
        [.. d.CoOccurring.Select(r => new RelatedEntityItem(r.Key.Value, r.Name, r.Type, r.Reports))],
        [.. d.FullerNames.Select(r => new RelatedEntityItem(r.Key.Value, r.Name, r.Type, r.Reports))],
        [.. quotes.Where(q => q.Quote.Speaker?.Value == d.Summary.Key.Value).Select(Quote)]);
}
