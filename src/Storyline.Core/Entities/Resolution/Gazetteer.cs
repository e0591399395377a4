using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Storyline.Domain;

namespace Storyline.Entities.Resolution;

/// <summary>A country as the gazetteer knows it: its place on the map and every name it goes by.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code ("KP").</param>
/// <param name="Code3">ISO 3166-1 alpha-3 code ("PRK").</param>
/// <param name="Place">Its record (name, centre, population, GeoNames id).</param>
/// <param name="Names">Every name and alternate spelling ("North Korea", "DPRK", "Democratic People's Republic of Korea").</param>
/// <param name="Demonyms">Its English demonyms ("North Korean").</param>
/// <param name="Capital">Its capital's name, where it has one.</param>
public sealed record Country(string Code, string Code3, Place Place, IReadOnlyList<string> Names, IReadOnlyList<string> Demonyms, string? Capital)
{
    /// <summary>The entity key every report uses for this country: "country:kp".</summary>
    public EntityKey Key => new("country:" + Code.ToLowerInvariant());
}

/// <summary>A town found under a name, and whether that is its main name (not only an alternate one).</summary>
/// <param name="Place">The town.</param>
/// <param name="IsMainName">Whether the name looked up is its main name.</param>
public readonly record struct PlaceName(Place Place, bool IsMainName);

/// <summary>
/// A compact, read-only table of countries and towns, built by <c>storyline train gazetteer</c> from GeoNames and
/// mledoze/countries and committed under models/gazetteer/. Thread-safe once loaded.
/// </summary>
/// <remarks>
/// The file is UTF-8 text, gzip-compressed, one record a line, fields separated by tabs, lists by '|':
/// <c>C  cca2 cca3 name geonameid lat lon population capital names demonyms</c> for a country and
/// <c>P  geonameid name lat lon country featurecode population othernames</c> for a town. Lines starting with '#'
/// are comments.
/// </remarks>
public sealed class Gazetteer
{
    /// <summary>Name of the gazetteer as a resource of this assembly (models/gazetteer/places.tsv.gz, embedded at build).</summary>
    public const string ResourceName = "Storyline.Gazetteer.places.tsv.gz";

    private static readonly Lazy<Gazetteer> Shared = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Country> countriesByName;
    private readonly FrozenDictionary<string, Country> countriesByDemonym;
    private readonly FrozenDictionary<string, Country> countriesByCode;

    // The name index of towns: for each name key, a chain through `entries` (head index, then `next`), so that 250,000
    // keys cost one dictionary entry and two array slots each, not a list each. (A FrozenDictionary this size takes
    // seconds to build; a plain Dictionary is filled in a fraction of that.)
    private readonly Dictionary<string, int> heads;
    private readonly PlaceName[] entries;
    private readonly int[] next;

    private Gazetteer(List<Country> countries, List<(Place Place, string Names)> places)
    {
        Countries = countries;
        var byName = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byDemonym = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (Country country in countries)
        {
            foreach (string name in country.Names.Prepend(country.Place.Name))
            {
                // The first country to claim a name keeps it (common names are listed before alternate spellings).
                byName.TryAdd(NameKey.Normalize(name), country);
            }

            foreach (string demonym in country.Demonyms)
            {
                string key = NameKey.Normalize(demonym);
                byDemonym.TryAdd(key, country);
                byDemonym.TryAdd(key + "s", country);
            }
        }

        countriesByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        countriesByDemonym = byDemonym.ToFrozenDictionary(StringComparer.Ordinal);
        countriesByCode = countries.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

        int capacity = places.Sum(p => p.Names.Length == 0 ? 1 : p.Names.Count('|') + 2);
        heads = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        entries = new PlaceName[capacity];
        next = new int[capacity];
        int count = 0;
        foreach ((Place place, string names) in places)
        {
            string main = NameKey.Normalize(place.Name);
            Add(main, new PlaceName(place, true));
            foreach (Range range in names.AsSpan().Split('|'))
            {
                if (range.End.Value == range.Start.Value)
                {
                    continue;
                }

                string key = NameKey.Normalize(names.AsSpan()[range]);
                if (!string.Equals(key, main, StringComparison.Ordinal))
                {
                    Add(key, new PlaceName(place, false));
                }
            }
        }

        PlaceCount = places.Count;

        void Add(string key, PlaceName entry)
        {
            // One entry per town and key: an alternate that normalises like another alternate is not added twice.
            ref int head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(heads, key, out bool exists);
            if (exists && entries[head].Place == entry.Place)
            {
                return;
            }

            entries[count] = entry;
            next[count] = exists ? head : -1;
            head = count;
            count++;
        }
    }

    /// <summary>
    /// The committed gazetteer, loaded once on first use and shared; empty when the program was built without
    /// models/gazetteer/places.tsv.gz.
    /// </summary>
    public static Gazetteer Default => Shared.Value;

    /// <summary>An empty gazetteer: nothing is a country or a place.</summary>
    public static Gazetteer Empty { get; } = new([], []);

    /// <summary>Every country.</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Number of towns (not countries).</summary>
    public int PlaceCount { get; }

    /// <summary>The country a name (in <see cref="NameKey"/> form) names: "north korea", "dprk", "democratic peoples republic of korea".</summary>
    public Country? CountryByName(string key) => countriesByName.GetValueOrDefault(key);

    /// <summary>The country a demonym (in key form, singular or plural) belongs to: "north korean", "russians".</summary>
    public Country? CountryByDemonym(string key) => countriesByDemonym.GetValueOrDefault(key);

    /// <summary>A country by its ISO alpha-2 code.</summary>
    public Country? CountryByCode(string code) => countriesByCode.GetValueOrDefault(code);

    /// <summary>The towns that go by a name (in key form), under their main or an alternate name, in table order.</summary>
    public PlaceName[] Lookup(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!heads.TryGetValue(key, out int at))
        {
            return [];
        }

        var found = new List<PlaceName>(2);
        for (; at >= 0; at = next[at])
        {
            found.Add(entries[at]);
        }

        found.Reverse();
        return [.. found];
    }

    /// <summary>The towns that go by a name (in key form).</summary>
    public Place[] PlacesNamed(string key) => [.. Lookup(key).Select(p => p.Place)];

    /// <summary>Whether <paramref name="key"/> is the main name of <paramref name="place"/> (not only an alternate one).</summary>
    public bool IsMainName(Place place, string key) => Lookup(key).Any(p => p.IsMainName && p.Place == place);

    /// <summary>Reads a gazetteer in the format above from a gzip-compressed stream.</summary>
    public static Gazetteer Load(Stream gzip)
    {
        ArgumentNullException.ThrowIfNull(gzip);
        using var unzip = new GZipStream(gzip, CompressionMode.Decompress);
        using var reader = new StreamReader(unzip, Encoding.UTF8);
        return Read(reader);
    }

    /// <summary>Reads a gazetteer in the format above from plain text.</summary>
    public static Gazetteer Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var countries = new List<Country>();
        var places = new List<(Place, string)>(140_000);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is string line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("P\t", StringComparison.Ordinal))
            {
                // The hot path (135,000 lines): fields cut from the line without splitting it into strings.
                ReadOnlySpan<char> rest = line.AsSpan(2);
                long id = Long(Field(ref rest));
                string name = Field(ref rest).ToString();
                double lat = Double(Field(ref rest));
                double lon = Double(Field(ref rest));
                string country = Intern(interned, Field(ref rest));
                string feature = Intern(interned, Field(ref rest));
                long population = Long(Field(ref rest));
                places.Add((new Place(id, name, country, lat, lon, population, feature), rest.IsEmpty ? string.Empty : Field(ref rest).ToString()));
                continue;
            }

            string[] f = line.Split('\t');
            if (f[0] == "C" && f.Length >= 11)
            {
                var place = new Place(Long(f[4]), f[3], f[1], Double(f[5]), Double(f[6]), Long(f[7]), "PCLI");
                countries.Add(new Country(f[1], f[2], place, List(f[9]), List(f[10]), f[8].Length == 0 ? null : f[8]));
            }
            else
            {
                throw new InvalidDataException($"gazetteer: unreadable line '{(line.Length > 60 ? line[..60] : line)}'");
            }
        }

        return new Gazetteer(countries, places);
    }

    private static Gazetteer LoadEmbedded()
    {
        using Stream? stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? Empty : Load(stream);
    }

    // The next tab-separated field of a line, and the rest after it.
    private static ReadOnlySpan<char> Field(ref ReadOnlySpan<char> rest)
    {
        int tab = rest.IndexOf('\t');
        ReadOnlySpan<char> field = tab < 0 ? rest : rest[..tab];
        rest = tab < 0 ? [] : rest[(tab + 1)..];
        return field;
    }

    private static string Intern(Dictionary<string, string> interned, ReadOnlySpan<char> text)
    {
        var lookup = interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out string? value))
        {
            value = text.ToString();
            interned[value] = value;
        }

        return value;
    }

    private static string[] List(string field) => field.Length == 0 ? [] : field.Split('|');

    private static long Long(ReadOnlySpan<char> text) => text.Length == 0 ? 0 : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Double(ReadOnlySpan<char> text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
