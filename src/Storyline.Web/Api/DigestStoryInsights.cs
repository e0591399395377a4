using Storyline.Domain;
using Storyline.Stories;
using Storyline.Timelines;
using CoreSentence = Storyline.Timelines.SummarySentence;

namespace Storyline.Web.Api;

/// <summary>
/// The summary and what's-new of a story from Core's services: the extractive summary of <see cref="StoryDigest"/>
/// and the new facts, quotes and changes of claim standing of <see cref="Timelines.WhatsNew"/>, the same ones the
/// command line's <c>export</c> and <c>whatsnew</c> show. Stateless and thread-safe.
/// </summary>
public sealed class DigestStoryInsights : IStoryInsights
{
    private const int SummaryLength = 5;
    private const int MaxFacts = 20;

    private readonly WhatsNew whatsNew = new();

    /// <inheritdoc/>
    public SummaryResponse Summarize(StoryMaterial story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byId = story.Reports.ToDictionary(r => r.Article.Id);
        IEnumerable<CoreSentence> sentences = StoryDigest.Summarize(story.Reports, story.Story.Copies.Keys.ToHashSet(), SummaryLength);
        return new SummaryResponse(
            story.Story.Id.Value,
            [.. sentences.Select(s => new SummarySentence(s.Text, s.Report.Value, s.Published, [.. s.Sources.Select(id => StoryPages.Source(id, s.Published, byId))], s.Score))],
            "extractive: the sentences most central to the story, each unlike those already chosen (maximal marginal relevance), in story order");
    }

    /// <inheritdoc/>
    public WhatsNewResponse WhatsNew(StoryMaterial story, DateOnly since)
    {
        ArgumentNullException.ThrowIfNull(story);
        var byId = story.Reports.ToDictionary(r => r.Article.Id);
        NewsSince news = whatsNew.Since(story.Reports, new NewsCutoff(since, null), story.Story.Copies.Keys.ToHashSet(), MaxFacts);
        AnalyzedArticle[] fresh = [.. news.NewReports.Select(id => byId[id])];

        var oldKeys = story.Reports.Where(r => r.Article.Published <= since).SelectMany(r => r.Entities).Select(e => e.Key).ToHashSet();
        var newEntities = StoryEntities.Gather(fresh.Where(r => !story.Story.Copies.ContainsKey(r.Article.Id)))
            .Where(e => !oldKeys.Contains(e.Key))
            .Select(e => new EntityRef(e.Key.Value, e.Name, e.Type))
            .ToList();

        IReadOnlyDictionary<string, string> names = StoryPages.Names(story);
        StatusChangeItem[] changes =
        [
            .. news.StatusChanges.Select(c => new StatusChangeItem(c.Key, c.From, c.To, c.Evidence, c.Report.Value, byId[c.Report].Article.Published, c.Source)),
        ];

        return new WhatsNewResponse(
            story.Story.Id.Value,
            since,
            [.. fresh.Select(r => StoryPages.Report(r, story.Story))],
            [.. news.Facts.Select(e => StoryPages.TimelineItem(e, byId))],
            newEntities,
            [.. changes.Select(c => new ClaimChange(c.Key, [c.From], [c.To], c.Published))],
            [.. news.Quotes.Select(q => StoryPages.Quote(byId[q.Report], q.Quote, story.Story.Id.Value, names))],
            changes,
            "reports published after the date; the sentences and quotes of theirs that no earlier report said, most important first; claims whose standing moved");
    }
}
