using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Web.Api;

/// <summary>
/// Summary and what's-new from what Core has today: the lead sentences of the first and latest reports, and the
/// reports, timeline entries, entities and claim statuses that appeared after a date. Replaced by issue 7's service.
/// </summary>
public sealed class StandInStoryInsights : IStoryInsights
{
    private const int SummaryLeads = 3;

    /// <inheritdoc/>
    public SummaryResponse Summarize(StoryMaterial story)
    {
        ArgumentNullException.ThrowIfNull(story);
        // The first report says how it began; the latest ones say where it stands.
        var originals = story.Originals.ToList();
        var chosen = originals.Take(1).Concat(originals.Skip(1).TakeLast(SummaryLeads - 1)).ToList();
        var sentences = chosen
            .Select(r => new SummarySentence(StoryPages.Lead(r), r.Article.Id.Value, r.Article.Published))
            .ToList();
        return new SummaryResponse(story.Story.Id.Value, sentences, "lead sentences of the first and latest reports (stand-in until the summariser lands)");
    }

    /// <inheritdoc/>
    public WhatsNewResponse WhatsNew(StoryMaterial story, DateOnly since)
    {
        ArgumentNullException.ThrowIfNull(story);
        var newReports = story.Reports.Where(r => r.Article.Published > since).ToList();
        var newIds = newReports.Select(r => r.Article.Id).ToHashSet();
        var byId = story.Reports.ToDictionary(r => r.Article.Id);

        // An entry is new when every report saying it is new: an old fact repeated by a new report is not news.
        var entries = StoryPages.Timeline(story)
            .Where(e => e.Sources.All(s => newIds.Contains(s)))
            .Select(e => StoryPages.TimelineItem(e, byId))
            .ToList();

        var oldKeys = story.Reports.Where(r => r.Article.Published <= since).SelectMany(r => r.Entities).Select(e => e.Key).ToHashSet();
        var newEntities = StoryEntities.Gather(newReports.Where(r => !story.Story.Copies.ContainsKey(r.Article.Id)))
            .Where(e => !oldKeys.Contains(e.Key))
            .Select(e => new EntityRef(e.Key.Value, e.Name, e.Type))
            .ToList();

        return new WhatsNewResponse(
            story.Story.Id.Value,
            since,
            [.. newReports.Select(r => StoryPages.Report(r, story.Story))],
            entries,
            newEntities,
            ClaimChanges(story.Reports, since),
            "reports published after the date, and what only they say (stand-in until the what's-new service lands)");
    }

    private static List<ClaimChange> ClaimChanges(IReadOnlyList<AnalyzedArticle> reports, DateOnly since)
    {
        var changes = new List<ClaimChange>();
        var claims = reports
            .SelectMany(r => r.Claims.Where(c => c.Key is not null).Select(c => (r.Article.Published, c.Key, c.Status)))
            .GroupBy(c => c.Key!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var before = claim.Where(c => c.Published <= since).Select(c => c.Status).Distinct().ToList();
            var afterClaims = claim.Where(c => c.Published > since).ToList();
            var after = afterClaims.Select(c => c.Status).Distinct().ToList();
            if (after.Count > 0 && !after.All(before.Contains))
            {
                changes.Add(new ClaimChange(claim.Key, before, after, afterClaims.Min(c => c.Published)));
            }
        }

        return changes;
    }
}
