using System.Runtime.CompilerServices;
using Storyline.Sources.Feeds;

namespace Storyline.Sources.Web;

/// <summary>
/// Polls folders, files and web addresses for what is new since the last poll. A file is read again when its size or
/// time of last change differs from what was seen; a page or feed is fetched with a conditional GET (unchanged gives
/// nothing), and of a feed only the items not seen before (by id, else link, else title) are read. The feed items seen
/// can be kept across runs (<see cref="SeenItems"/>, given back to the constructor), so that a restart does not read a
/// whole feed again; a feed's items are remembered as of its last fetch, so the memory stays the size of the feeds.
/// Stored reports are identified by their content, so a report read again only counts as a duplicate. One source
/// failing is a <see cref="ReadFailed"/>; the others go on.
/// </summary>
public sealed class SourceWatcher
{
    private readonly IReadOnlyList<string> sources;
    private readonly ReportSource reader;
    private readonly Dictionary<string, (long Size, DateTime Changed)> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> seenItems = new(StringComparer.Ordinal);

    /// <summary>
    /// A watcher of <paramref name="sources"/> (paths, patterns, addresses) reading through <paramref name="reader"/>,
    /// with the feed items <paramref name="seen"/> before (by feed address), as <see cref="SeenItems"/> gave them.
    /// </summary>
    public SourceWatcher(IEnumerable<string> sources, ReportSource reader, IReadOnlyDictionary<string, IReadOnlyList<string>>? seen = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        this.sources = sources.ToList();
        this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
        foreach ((string source, IReadOnlyList<string> items) in seen ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            seenItems[source] = new HashSet<string>(items, StringComparer.Ordinal);
        }
    }

    /// <summary>The items of each feed as of its last fetch (by feed address, then item key), to give a later watcher.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SeenItems =>
        new SortedDictionary<string, IReadOnlyList<string>>(
            seenItems.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>The reports and failures that are new since the last poll.</summary>
    public async IAsyncEnumerable<ReadResult> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InputExpander.IsWebAddress(source))
            {
                // The items the feed lists now; they replace what was remembered of it once it has been read (an
                // unchanged feed, a page or a failure lists none and changes nothing).
                var listed = new HashSet<string>(StringComparer.Ordinal);
                await foreach (ReadResult result in reader.Web.ReadAddressAsync(source, conditional: true, IsNew(source, listed), cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }

                if (listed.Count > 0)
                {
                    seenItems[source] = listed;
                }

                continue;
            }

            var changed = new List<string>();
            foreach (object item in InputExpander.Expand([source]))
            {
                if (item is ReadFailed failed)
                {
                    yield return failed;
                }
                else if (item is InputItem input && !input.IsStdin && HasChanged(input.Path))
                {
                    changed.Add(input.Path);
                }
            }

            if (changed.Count > 0)
            {
                await foreach (ReadResult result in reader.ReadAsync(changed, cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }
            }
        }
    }

    private Func<FeedItem, bool> IsNew(string source, HashSet<string> listed) => item =>
    {
        string key = item.Id ?? item.Link ?? item.Title ?? string.Empty;
        return listed.Add(key) && !(seenItems.TryGetValue(source, out HashSet<string>? seen) && seen.Contains(key));
    };

    private bool HasChanged(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return false;
        }

        var stamp = (info.Length, info.LastWriteTimeUtc);
        string key = Path.GetFullPath(path);
        if (files.TryGetValue(key, out var seen) && seen == stamp)
        {
            return false;
        }

        files[key] = stamp;
        return true;
    }
}
