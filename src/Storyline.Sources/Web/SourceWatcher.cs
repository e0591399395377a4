using System.Runtime.CompilerServices;
using Storyline.Sources.Feeds;

namespace Storyline.Sources.Web;

/// <summary>
/// Polls folders, files and web addresses for what is new since the last poll. A file is read again when its size or
/// time of last change differs from what was seen; a page or feed is fetched with a conditional GET (unchanged gives
/// nothing), and of a feed only the items not seen before (by id, else link, else title) are read. What was seen is
/// remembered for the life of the watcher; stored reports are identified by their content, so reading one again
/// after a restart only counts it as a duplicate. One source failing is a <see cref="ReadFailed"/>; the others go on.
/// </summary>
public sealed class SourceWatcher
{
    private readonly IReadOnlyList<string> sources;
    private readonly ReportSource reader;
    private readonly Dictionary<string, (long Size, DateTime Changed)> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenItems = new(StringComparer.Ordinal);

    /// <summary>A watcher of <paramref name="sources"/> (paths, patterns, addresses) reading through <paramref name="reader"/>.</summary>
    public SourceWatcher(IEnumerable<string> sources, ReportSource reader)
    {
        ArgumentNullException.ThrowIfNull(sources);
        this.sources = sources.ToList();
        this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
    }

    /// <summary>The reports and failures that are new since the last poll.</summary>
    public async IAsyncEnumerable<ReadResult> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (InputExpander.IsWebAddress(source))
            {
                await foreach (ReadResult result in reader.Web.ReadAddressAsync(source, conditional: true, IsNew(source), cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
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

    private Func<FeedItem, bool> IsNew(string source) => item =>
    {
        string key = source + "\n" + (item.Id ?? item.Link ?? item.Title ?? string.Empty);
        return seenItems.Add(key);
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
