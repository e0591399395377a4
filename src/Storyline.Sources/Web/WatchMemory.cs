using System.Text.Json;

namespace Storyline.Sources.Web;

/// <summary>
/// What <c>storyline watch</c> remembers from one run to the next: the conditional-GET validators of the pages and feeds
/// it fetched (<see cref="ValidatorCache"/>), and the items each feed listed when last read (<see cref="SourceWatcher.SeenItems"/>),
/// so that a restart asks "only if changed" and reads only the items it has not seen. Kept as JSON text by the archive
/// (beside a SQLite file, inside a PostgreSQL database).
/// </summary>
/// <param name="Validators">Each address's validators.</param>
/// <param name="SeenItems">Each feed's items as of its last fetch.</param>
public sealed record WatchMemory(IReadOnlyDictionary<string, CachedValidators> Validators, IReadOnlyDictionary<string, IReadOnlyList<string>> SeenItems)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Nothing remembered.</summary>
    public static WatchMemory Empty { get; } = new(new Dictionary<string, CachedValidators>(), new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>What a fetcher's cache and a watcher hold now.</summary>
    public static WatchMemory Of(ValidatorCache cache, SourceWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(watcher);
        return new WatchMemory(cache.Entries, watcher.SeenItems);
    }

    /// <summary>The memory saved as <paramref name="json"/> by <see cref="ToJson"/>; nothing for null or damaged text (it only saves bandwidth).</summary>
    public static WatchMemory Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        try
        {
            Saved? saved = JsonSerializer.Deserialize<Saved>(json, Json);
            return new WatchMemory(
                saved?.Validators?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) ?? new Dictionary<string, CachedValidators>(),
                saved?.SeenItems?.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal) ?? new Dictionary<string, IReadOnlyList<string>>());
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>The memory as JSON text.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Saved(
        new SortedDictionary<string, CachedValidators>(Validators.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal),
        new SortedDictionary<string, string[]>(SeenItems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), StringComparer.Ordinal)), Json);

    private sealed record Saved(IDictionary<string, CachedValidators>? Validators, IDictionary<string, string[]>? SeenItems);
}
