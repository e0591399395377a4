using System.Collections.Concurrent;
using System.Text.Json;

namespace Storyline.Sources.Web;

/// <summary>The validators a server gave for an address: its ETag and Last-Modified date.</summary>
public readonly record struct CachedValidators(string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// The conditional-GET cache: for each address fetched, the ETag and Last-Modified the server sent, so that the next
/// poll can ask "only if changed". Kept in memory for one run, or saved (in a small JSON file, or as part of a
/// <see cref="WatchMemory"/>, which <c>storyline watch</c> keeps with the archive) so that it lasts across runs.
/// Thread-safe.
/// </summary>
public sealed class ValidatorCache
{
    private readonly ConcurrentDictionary<string, CachedValidators> entries = new(StringComparer.Ordinal);

    /// <summary>The number of addresses remembered.</summary>
    public int Count => entries.Count;

    /// <summary>Remembers the validators of a response; an address whose response had neither is forgotten.</summary>
    public void Remember(Uri url, string? etag, DateTimeOffset? lastModified)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (etag is null && lastModified is null)
        {
            entries.TryRemove(url.AbsoluteUri, out _);
            return;
        }

        entries[url.AbsoluteUri] = new CachedValidators(etag, lastModified);
    }

    /// <summary>The validators remembered for <paramref name="url"/>.</summary>
    public bool TryGet(Uri url, out CachedValidators validators)
    {
        ArgumentNullException.ThrowIfNull(url);
        return entries.TryGetValue(url.AbsoluteUri, out validators);
    }

    /// <summary>Every address remembered and its validators, in address order.</summary>
    public IReadOnlyDictionary<string, CachedValidators> Entries =>
        new SortedDictionary<string, CachedValidators>(entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>A cache holding <paramref name="entries"/> (as <see cref="Entries"/> gave them).</summary>
    public static ValidatorCache From(IEnumerable<KeyValuePair<string, CachedValidators>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var cache = new ValidatorCache();
        foreach ((string url, CachedValidators v) in entries)
        {
            cache.entries[url] = v;
        }

        return cache;
    }

    /// <summary>Loads a cache saved by <see cref="Save"/>; a missing or unreadable file gives an empty cache.</summary>
    public static ValidatorCache Load(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                return From(JsonSerializer.Deserialize<Dictionary<string, CachedValidators>>(File.ReadAllText(path)) ?? []);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // The cache only saves bandwidth: a damaged one is started afresh.
        }

        return new ValidatorCache();
    }

    /// <summary>Writes the cache to <paramref name="path"/> (through a temporary file, so a crash leaves the old one).</summary>
    public void Save(string path)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(Entries));
        File.Move(temp, path, overwrite: true);
    }
}
