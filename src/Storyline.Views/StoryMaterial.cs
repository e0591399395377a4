using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Views;

/// <summary>A story as stored: its record and its reports (near-copies included), in publication order.</summary>
/// <param name="AskedFor">The number asked for, where that story was merged into this one; null otherwise.</param>
public sealed record StoryMaterial(Story Story, IReadOnlyList<AnalyzedArticle> Reports, long? AskedFor = null)
{
    /// <summary>The reports that are not near-copies of another.</summary>
    public IEnumerable<AnalyzedArticle> Originals => Reports.Where(r => !Story.Copies.ContainsKey(r.Article.Id));

    /// <summary>The ids of the near-copies.</summary>
    public IReadOnlySet<ArticleId> Copies => Story.Copies.Keys.ToHashSet();
}

/// <summary>Finds a story, following merges: a merged-away number leads to the story it became part of.</summary>
public static class StoryLookup
{
    // A merge chain longer than this would be a loop in a damaged archive; stop rather than spin.
    private const int MaxHops = 64;

    /// <summary>The story (or the one it was merged into, with <c>AskedFor</c> set) and its reports, with the archive's
    /// entity types (<see cref="ArchiveTypeLookup"/>); null where there is none.</summary>
    public static async Task<StoryMaterial?> LoadAsync(IStoryStore store, StoryId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        Story? story = await FindAsync(store, id, cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            return null;
        }

        IReadOnlyList<AnalyzedArticle> reports = await ArchiveTypeLookup.ApplyAsync(
            store, await store.GetStoryReportsAsync(story.Id, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return new StoryMaterial(story, reports, story.Id == id ? null : id.Value);
    }

    /// <summary>The story record, following merges; null where there is none.</summary>
    public static async Task<Story?> FindAsync(IStoryStore store, StoryId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        Story? story = await store.GetStoryAsync(id, cancellationToken).ConfigureAwait(false);
        for (int hops = 0; story?.MergedInto is StoryId into && hops < MaxHops; hops++)
        {
            story = await store.GetStoryAsync(into, cancellationToken).ConfigureAwait(false);
        }

        return story;
    }
}
