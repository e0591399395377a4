using Storyline.Claims;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Timelines;

namespace Storyline.Cli.Output;

/// <summary>Everything the story and timeline commands show of one story, gathered from the store.</summary>
internal static class StoryView
{
    private static readonly StoryDigest Digests = new();

    /// <summary>The story, or null after telling the user on standard error that there is no such story.</summary>
    public static async Task<StoryDetail?> LoadOrExplainAsync(IStoryStore store, StoryId id, CliEnvironment env, CancellationToken cancellationToken)
    {
        StoryDetail? story = await LoadAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            await env.Error.WriteLineAsync($"error: no story {id}; 'storyline stories' lists them").ConfigureAwait(false);
        }

        return story;
    }

    public static async Task<StoryDetail?> LoadAsync(IStoryStore store, StoryId id, CancellationToken cancellationToken)
    {
        Story? story = await store.GetStoryAsync(id, cancellationToken).ConfigureAwait(false);
        long? asked = null;
        for (int hops = 0; story?.MergedInto is StoryId into && hops < 64; hops++)
        {
            // A merged-away story shows the story it became part of, saying so.
            asked ??= story.Id.Value;
            story = await store.GetStoryAsync(into, cancellationToken).ConfigureAwait(false);
        }

        if (story is null)
        {
            return null;
        }

        IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(story.Id, cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Entity entity in reports.SelectMany(r => r.Entities))
        {
            names.TryAdd(entity.Key.Value, entity.Name);
        }

        IReadOnlyList<StoryMerge> merges = await store.GetMergesAsync(story.Id, cancellationToken).ConfigureAwait(false);
        var days = Digests.Timeline(reports, story.Copies.Keys.ToHashSet());
        return new StoryDetail(
            story.Id.Value,
            story.Title,
            story.FirstReport,
            story.LastReport,
            [.. reports.Select(r => ReportItem.From(r, story.Copies.TryGetValue(r.Article.Id, out ArticleId original) ? original.Value : null))],
            [.. StoryEntities.Gather(reports.Where(r => !story.Copies.ContainsKey(r.Article.Id))).Select(EntityItem.From)],
            [.. days.SelectMany(d => d.Entries).Select(TimelineItem.From)],
            [.. reports.SelectMany(r => r.Quotes.Select(q => QuoteItem.From(r, q, story.Id.Value, names)))],
            [.. reports.SelectMany(r => r.Claims.Select(c => ClaimItem.From(r, c)))],
            [.. ClaimHistory.Build(reports).Select(t => new ClaimTrackItem(t.Key, [.. t.ByDay.Select(d => new ClaimDayItem(d.Date, d.Statuses))]))])
        {
            MergedFrom = [.. merges.Select(m => new MergeItem(m.From.Value, m.AtReport.Value, m.Published))],
            AskedFor = asked,
            TimelineNotes = [.. days.Where(d => d.Considered < d.Candidates).Select(Render.Pruned)],
        };
    }
}
