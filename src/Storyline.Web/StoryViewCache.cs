using System.Collections.Concurrent;
using Storyline.Domain;

namespace Storyline.Web;

/// <summary>
/// The views of a story (its page, summary, timeline, what's new) as last computed, kept while the story is unchanged:
/// the UI asks for a story's page and summary on every visit, and a 20,000-report story's summary took minutes. An
/// entry holds for the stamp it was made at (<see cref="StoryStamp"/>): the story's reports and title, and the number of
/// reports in the archive, since entity types and names are decided over the whole archive. Any ingest thus refreshes
/// the views it touches on their next request; nothing is kept for a story that changed.
/// </summary>
internal sealed class StoryViewCache
{
    // Entries kept at most; past it the cache starts again (a story page is cheap to make once).
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<(long Asked, string View), (StoryStamp Stamp, object Value)> entries = new();
    private int computed;

    /// <summary>How many views were computed rather than taken from the cache (tests).</summary>
    public int Computed => Volatile.Read(ref computed);

    /// <summary>The view <paramref name="view"/> of story <paramref name="asked"/> made at <paramref name="stamp"/>, if kept.</summary>
    public bool TryGet<T>(long asked, string view, StoryStamp stamp, out T value)
        where T : class
    {
        if (entries.TryGetValue((asked, view), out var entry) && entry.Stamp == stamp && entry.Value is T kept)
        {
            value = kept;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Keeps a view just computed.</summary>
    public void Add(long asked, string view, StoryStamp stamp, object value)
    {
        Interlocked.Increment(ref computed);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[(asked, view)] = (stamp, value);
    }
}

/// <summary>What a story's views depend on, in brief: the story's id, title and reports, and the archive's size.</summary>
internal readonly record struct StoryStamp(long Story, string Title, DateOnly LastReport, int Reports, int Copies, long ReportIdsHash, long ArchiveReports)
{
    public static StoryStamp Of(Story story, long archiveReports)
    {
        ArgumentNullException.ThrowIfNull(story);

        // Order-free; string hashes differ from one process to the next, which does not matter to a cache in memory.
        long hash = 0;
        foreach (ArticleId id in story.Reports)
        {
            hash += StringComparer.Ordinal.GetHashCode(id.Value);
        }

        return new StoryStamp(story.Id.Value, story.Title, story.LastReport, story.Reports.Length, story.Copies.Count, hash, archiveReports);
    }
}
