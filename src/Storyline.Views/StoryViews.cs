using System.Collections.Immutable;
using System.Globalization;
using Storyline.Domain;
using Storyline.Stories;
using Storyline.Timelines;

namespace Storyline.Views;

/// <summary>
/// Builds the story records from a stored story: the detail page, the timeline, the summary, the export and what's
/// new. Pure functions of their input; the same for the command line and the web.
/// </summary>
public static class StoryViews
{
    /// <summary>How many key entities a story card names.</summary>
    public const int KeyEntityCount = 4;

    private const string SummaryMethod = "extractive: each day's main news from the timeline (the most important days when there are more days than sentences), in date order, none opening with a pronoun or repeating another";
    private const string WhatsNewMethod = "reports published after the cutoff; the sentences of theirs that no earlier report said, each about the cutoff day or later, the most important first (and how many more), and their new quotes; claims whose standing moved";

    private static readonly StoryDigest Digests = new();
    private static readonly WhatsNew News = new();

    /// <summary>A report's lead: its first sentence, else the start of its body.</summary>
    public static string Lead(AnalyzedArticle report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Sentences.Length > 0 ? report.SentenceText(report.Sentences[0]) : report.Body[..Math.Min(200, report.Body.Length)];
    }

    /// <summary>A report of <paramref name="story"/>, marked as a near-copy where it is one.</summary>
    public static ReportItem Report(AnalyzedArticle report, Story? story)
    {
        ArgumentNullException.ThrowIfNull(report);
        Article a = report.Article;
        string? copyOf = story is not null && story.Copies.TryGetValue(a.Id, out ArticleId original) ? original.Value : null;
        return new ReportItem(a.Id.Value, a.Published, a.Title, a.Outlet, a.Url, a.Dateline, a.Origin, a.ExternalId, Lead(report))
        {
            CopyOf = copyOf,
            Author = a.Author,
            Paywalled = a.Paywalled,
        };
    }

    /// <summary>One story whole: reports, entities, places, timeline, quotes, claims.</summary>
    public static StoryDetail Detail(StoryMaterial story, IReadOnlyList<Storage.StoryMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(merges);
        var originals = story.Originals.ToList();
        var byId = ById(story);
        var quotes = Quotes(story);
        Story s = story.Story;
        ImmutableArray<StoryEntity> entities = StoryEntities.Gather(originals);
        ImmutableArray<TimelineDay> days = TimelineDays(story);
        return new StoryDetail(
            s.Id.Value,
            s.Title,
            s.FirstReport,
            s.LastReport,
            story.AskedFor,
            [.. merges.Select(m => new MergeItem(m.From.Value, m.AtReport.Value, m.Published))],
            [.. entities.Where(e => e.Type != EntityType.Miscellaneous).Take(KeyEntityCount).Select(e => new EntityRef(e.Key.Value, e.Name, e.Type))],
            [.. story.Reports.Select(r => Report(r, s))],
            [.. entities.Select(Entity)],
            Places(originals),
            [.. days.SelectMany(d => d.Entries).Select(e => Timeline(e, byId, s))],
            quotes,
            BySpeaker(quotes),
            [.. story.Reports.SelectMany(r => r.Claims.Select(c => Claim(r, c)))],
            Tracks(ClaimStanding.History(story.Reports)))
        {
            TimelineNotes = Notes(days),
        };
    }

    /// <summary>The story's ranked timeline, in date order, the most important first within a day.</summary>
    public static TimelineView TimelineOf(StoryMaterial story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byId = ById(story);
        ImmutableArray<TimelineDay> days = TimelineDays(story);
        return new TimelineView(story.Story.Id.Value, story.Story.Title, [.. days.SelectMany(d => d.Entries).Select(e => Timeline(e, byId, story.Story))])
        {
            Notes = Notes(days),
        };
    }

    /// <summary>The story's extractive summary of <paramref name="length"/> sentences.</summary>
    public static SummaryView Summary(StoryMaterial story, int length)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byId = ById(story);
        return new SummaryView(
            story.Story.Id.Value,
            [.. StoryDigest.Summarize(story.Reports, story.Copies, length).Select(x => Summary(x, byId, story.Story))],
            SummaryMethod);
    }

    /// <summary>The story written out whole, with a summary of <paramref name="summaryLength"/> sentences.</summary>
    public static ExportView Export(StoryMaterial story, int summaryLength)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byId = ById(story);
        Digest d = Digests.Build(story.Story, story.Reports, summaryLength);
        var quotes = Quotes(story);
        return new ExportView(
            d.Story.Id.Value,
            d.Story.Title,
            d.Story.FirstReport,
            d.Story.LastReport,
            [.. d.Summary.Select(x => Summary(x, byId, story.Story))],
            [.. d.Timeline.Select(day => new TimelineDayItem(day.Date, Math.Round(day.Weight, 4), [.. day.Entries.Select(e => Timeline(e, byId, story.Story))]))],
            [.. d.Entities.Select(Entity)],
            quotes,
            Tracks(d.Claims),
            [.. d.Sources.Select(x => Byline(new SourceRef(x.Id.Value, x.Published, x.Title, x.Outlet, x.Url) { CopyOf = x.CopyOf?.Value }, byId.GetValueOrDefault(x.Id)))]);
    }

    /// <summary>What the story's reports after <paramref name="cutoff"/> add; at most <paramref name="maxFacts"/> new facts.</summary>
    public static WhatsNewView WhatsNew(StoryMaterial story, NewsCutoff cutoff, int maxFacts)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byId = ById(story);
        Story s = story.Story;
        NewsSince news = News.Since(story.Reports, cutoff, story.Copies, maxFacts);
        AnalyzedArticle[] fresh = [.. news.NewReports.Select(id => byId[id])];
        var freshIds = news.NewReports.ToHashSet();
        var oldKeys = story.Reports.Where(r => !freshIds.Contains(r.Article.Id)).SelectMany(r => r.Entities).Select(e => e.Key).ToHashSet();
        var newEntities = StoryEntities.Gather(fresh.Where(r => !s.Copies.ContainsKey(r.Article.Id)))
            .Where(e => !oldKeys.Contains(e.Key))
            .Select(e => new EntityRef(e.Key.Value, e.Name, e.Type))
            .ToList();
        IReadOnlyDictionary<string, string> names = Names(story.Reports);
        StatusChangeItem[] changes =
        [
            .. news.StatusChanges.Select(c => new StatusChangeItem(c.Key, c.From, c.To, c.Evidence, c.Report.Value, byId[c.Report].Article.Published, c.Source)),
        ];
        return new WhatsNewView(
            s.Id.Value,
            s.Title,
            cutoff.Date,
            cutoff.Report?.Value,
            [.. news.NewReports.Select(r => r.Value)],
            [.. fresh.Select(r => Report(r, s))],
            [.. news.Facts.Select(e => Timeline(e, byId, s))],
            newEntities,
            [.. news.Quotes.Select(q => Quote(byId[q.Report], q.Quote, s.Id.Value, names))],
            changes,
            [.. changes.Select(c => new ClaimChange(c.Key, [c.From], [c.To], c.Published))],
            WhatsNewMethod)
        {
            MoreFacts = news.MoreFacts,
        };
    }

    /// <summary>A quote of a report, its speaker named from <paramref name="names"/>.</summary>
    public static QuoteItem Quote(AnalyzedArticle r, Quote q, long story, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(names);
        return new QuoteItem(
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

    /// <summary>The name of each entity key of the reports (the first report's spelling).</summary>
    public static IReadOnlyDictionary<string, string> Names(IEnumerable<AnalyzedArticle> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Entity entity in reports.SelectMany(r => r.Entities))
        {
            names.TryAdd(entity.Key.Value, entity.Name);
        }

        return names;
    }

    internal static StoryEntityItem Entity(StoryEntity e) => new(e.Key.Value, e.Name, e.Type, e.Aliases, e.Roles, e.Mentions, e.Reports);

    internal static PlaceItem Place(string key, string name, Place p, int mentions) =>
        new(key, name, p.GeoNameId, p.CountryCode, p.Latitude, p.Longitude, p.Population, p.FeatureCode, p.IsCountry, mentions);

    private static ImmutableArray<TimelineDay> TimelineDays(StoryMaterial story) => Digests.Timeline(story.Reports, story.Copies);

    /// <summary>Why a day's entries were chosen among only some of its sentences, for each day where they were.</summary>
    private static List<string> Notes(ImmutableArray<TimelineDay> days) =>
        [.. days.Where(d => d.Considered < d.Candidates).Select(d => string.Create(
            CultureInfo.InvariantCulture,
            $"{d.Date:yyyy-MM-dd}: entries chosen among the {d.Considered:N0} most central of its {d.Candidates:N0} sentences (more are not compared one with another, so that a day of thousands of reports stays quick)"))];

    private static Dictionary<ArticleId, AnalyzedArticle> ById(StoryMaterial story) => story.Reports.ToDictionary(r => r.Article.Id);

    private static TimelineItem Timeline(TimelineEntry e, IReadOnlyDictionary<ArticleId, AnalyzedArticle> byId, Story story) => new(
        e.Date,
        e.DateValue,
        e.Expression,
        e.Anchor,
        e.Text,
        e.Report.Value,
        [.. e.Sources.Select(id => Source(id, e.Date, byId, story))],
        e.Status,
        e.Importance,
        e.Attribution,
        e.Attribution is null ? null : e.AttributionKind);

    private static SummaryItem Summary(SummarySentence x, IReadOnlyDictionary<ArticleId, AnalyzedArticle> byId, Story story) =>
        new(x.Text, x.Report.Value, x.Published, [.. x.Sources.Select(id => Source(id, x.Published, byId, story))], x.Score);

    /// <summary>A report as a source; <paramref name="fallback"/> is its date where the report is not among <paramref name="byId"/>.</summary>
    private static SourceRef Source(ArticleId id, DateOnly fallback, IReadOnlyDictionary<ArticleId, AnalyzedArticle> byId, Story story)
    {
        string? copyOf = story.Copies.TryGetValue(id, out ArticleId original) ? original.Value : null;
        return byId.TryGetValue(id, out AnalyzedArticle? r)
            ? Byline(new SourceRef(id.Value, r.Article.Published, r.Article.Title, r.Article.Outlet, r.Article.Url) { CopyOf = copyOf }, r)
            : new SourceRef(id.Value, fallback, null, null, null) { CopyOf = copyOf };
    }

    /// <summary><paramref name="source"/> with the byline and paywall flag of its report, where the report is known.</summary>
    private static SourceRef Byline(SourceRef source, AnalyzedArticle? report) =>
        report is null ? source : source with { Author = report.Article.Author, Paywalled = report.Article.Paywalled };

    private static ClaimItem Claim(AnalyzedArticle r, Claim c) => new(
        r.Article.Id.Value,
        r.Article.Published,
        r.Text(c.Span),
        ClaimStanding.Of(c),
        c.Cue is TextSpan cue ? r.Text(cue) : null,
        c.Source is TextSpan s ? r.Text(s) : null,
        c.SourceKind,
        c.Key);

    private static List<ClaimTrackItem> Tracks(IEnumerable<Claims.ClaimTrack> tracks) =>
        [.. tracks.Select(t => new ClaimTrackItem(t.Key, [.. t.ByDay.Select(d => new ClaimDayItem(d.Date, d.Statuses, d.Standing))]))];

    private static List<QuoteItem> Quotes(StoryMaterial story)
    {
        IReadOnlyDictionary<string, string> names = Names(story.Reports);
        return [.. story.Reports.SelectMany(r => r.Quotes.Select(q => Quote(r, q, story.Story.Id.Value, names)))];
    }

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

    private static List<SpeakerQuotes> BySpeaker(List<QuoteItem> quotes) =>
        [.. quotes
            .GroupBy(q => q.Speaker ?? "source:" + (q.Source ?? string.Empty).ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => new SpeakerQuotes(
                g.Select(q => q.SpeakerName ?? q.Source).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "Unattributed",
                g.First().Speaker,
                g.First().SourceKind,
                [.. g]))
            .OrderByDescending(s => s.Quotes.Count).ThenBy(s => s.Speaker, StringComparer.Ordinal)];
}
