using System.Collections.Concurrent;
using Storyline.Domain;

namespace Storyline.Web;

/// <summary>
/// The views of a story (its page, summary, timeline, what's new) as last made, kept while the story is unchanged:
/// the UI asks for a story's page and summary on every visit, and a 20,000-report story's summary took 99 s. An entry
/// holds for the stamp it was made at (<see cref="StoryStamp"/>): the story's reports and title, and the number of
/// reports in the archive, since entity types and names are decided over the whole archive. Any ingest thus refreshes
/// the views it touches on their next request; nothing is kept for a story that changed.
/// <para>
/// A view is made once however many requests ask for it: a request joins the making under way, and waits for it only
/// until its own deadline (then it gets 503, and the view, once made, is kept for the next request). At most
/// <see cref="MaxMaking"/> views are made at once, so repeated requests cannot fill every core.
/// </para>
/// </summary>
internal sealed class StoryViewCache
{
    /// <summary>Views made at the same time, at most.</summary>
    public const int MaxMaking = 2;

    // Entries kept at most; past it the cache starts again (a story page is cheap to make once).
    private const int MaxEntries = 256;

    private readonly ConcurrentDictionary<(long Asked, string View), (StoryStamp Stamp, Task<object> Value)> entries = new();
    private readonly SemaphoreSlim making = new(MaxMaking, MaxMaking);
    private int computed;

    /// <summary>How many views were made rather than taken from the cache (tests).</summary>
    public int Computed => Volatile.Read(ref computed);

    /// <summary>The view made, or being made, at <paramref name="stamp"/>; null where there is none.</summary>
    public Task<object>? Find(long asked, string view, StoryStamp stamp) =>
        entries.TryGetValue((asked, view), out var entry) && entry.Stamp == stamp ? entry.Value : null;

    /// <summary>
    /// The view made at <paramref name="stamp"/> by <paramref name="make"/>, started now unless another request started
    /// it; waited for until <paramref name="cancellationToken"/> (the making goes on, and is kept, if it had begun).
    /// </summary>
    public async Task<T> GetAsync<T>(long asked, string view, StoryStamp stamp, Func<T> make, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            Task<object> value = Find(asked, view, stamp) ?? Start(asked, view, stamp, () => make(), cancellationToken);
            try
            {
                return (T)await value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (value.IsCanceled && !cancellationToken.IsCancellationRequested)
            {
                // Another request started it and gave up before a slot was free: this one starts it again.
            }
        }
    }

    private Task<object> Start(long asked, string view, StoryStamp stamp, Func<object> make, CancellationToken cancellationToken)
    {
        var key = (asked, view);
        var started = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        (StoryStamp Stamp, Task<object> Value) entry = entries.AddOrUpdate(
            key,
            _ => (stamp, started.Task),
            (_, old) => old.Stamp == stamp ? old : (stamp, started.Task));
        if (entry.Value != started.Task)
        {
            return entry.Value;
        }

        if (entries.Count > MaxEntries)
        {
            entries.Clear();
            entries[key] = entry;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                // A request that gives up before a slot is free starts nothing; a free slot is taken even when the request
                // has given up by the time this runs (a busy thread pool can start this after the deadline), so that the
                // view is made and kept as when the request gives up while it is made.
                if (!making.Wait(0))
                {
                    await making.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException ex)
            {
                entries.TryRemove(new KeyValuePair<(long, string), (StoryStamp, Task<object>)>(key, entry));
                started.TrySetCanceled(ex.CancellationToken);
                return;
            }

            try
            {
                Interlocked.Increment(ref computed);
                started.TrySetResult(make());
            }
            catch (Exception ex)
            {
                // Not kept: the next request tries again.
                entries.TryRemove(new KeyValuePair<(long, string), (StoryStamp, Task<object>)>(key, entry));
                started.TrySetException(ex);
            }
            finally
            {
                making.Release();
            }
        }, CancellationToken.None);
        return started.Task;
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
