using System.Text;
using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Ingest.Tests;

/// <summary>What a reader of an archive sees of its stories, as one text, to compare two archives' stories.</summary>
internal static class StoryFingerprint
{
    /// <summary>Every story with its number, dates, count, title, reports in join order, copies and merges.</summary>
    public static async Task<string> OfAsync(IStoryStore store)
    {
        var text = new StringBuilder();
        foreach (StorySummary summary in await store.ListStoriesAsync())
        {
            text.AppendLine(summary.ToString());
            Story story = (await store.GetStoryAsync(summary.Id))!;
            text.AppendLine(string.Join(' ', story.Reports.Select(r => story.Copies.TryGetValue(r, out ArticleId of) ? $"{r.Value}<{of.Value}" : r.Value)));
            text.AppendLine(string.Join(' ', (await store.GetMergesAsync(summary.Id)).Select(m => m.ToString())));
        }

        return text.ToString();
    }
}
