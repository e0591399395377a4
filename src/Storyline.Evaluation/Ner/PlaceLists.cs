using System.Globalization;
using System.Text.Json;
using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>
/// Derives the tagger's gazetteer from ../shared/data/places: GeoNames cities (population ≥ 15,000, and a second list
/// of those ≥ 200,000), first-level regions, and country names, alternate spellings and English demonyms from
/// mledoze countries.json. The lists are stored inside the trained model. A list of every GeoNames populated place
/// (cities1000, 142,000 names) was tried and cost 0.4 F1 on eng.testa: too many small towns share names with people
/// and words.
/// </summary>
public static class PlaceLists
{
    /// <summary>Population from which a city is a "major city" as well.</summary>
    public const int MajorCity = 200_000;

    /// <summary>The optional lists <see cref="Build"/> can add.</summary>
    public static readonly IReadOnlyList<string> OptionalLists = ["town", "person", "organisation"];

    /// <summary>Builds the gazetteer from a places folder (the one holding geonames/ and mledoze-countries/).</summary>
    /// <param name="placesFolder">../shared/data/places.</param>
    /// <param name="extra">Optional lists to add: "town" (every GeoNames populated place of cities1000), "person" and
    /// "organisation" (the PETRARCH2 actor dictionaries in ../events beside the places folder, see <see cref="ActorLists"/>).</param>
    public static GazetteerLists Build(string placesFolder, IReadOnlyCollection<string>? extra = null)
    {
        var cities = new SortedSet<string>(StringComparer.Ordinal);
        var major = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(placesFolder, "geonames", "cities15000.derived.txt")))
        {
            string[] f = line.Split('\t');
            if (f.Length < 15)
            {
                continue;
            }

            long population = long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out long p) ? p : 0;
            foreach (string name in new[] { f[1], f[2] })
            {
                if (IsUsable(name))
                {
                    cities.Add(name);
                    if (population >= MajorCity)
                    {
                        major.Add(name);
                    }
                }
            }
        }

        var regions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(placesFolder, "geonames", "admin1CodesASCII.txt")))
        {
            string[] f = line.Split('\t');
            for (int i = 1; i <= 2 && i < f.Length; i++)
            {
                if (IsUsable(f[i]))
                {
                    regions.Add(f[i]);
                }
            }
        }

        var countries = new SortedSet<string>(StringComparer.Ordinal);
        var demonyms = new SortedSet<string>(StringComparer.Ordinal);
        using (FileStream json = File.OpenRead(Path.Combine(placesFolder, "mledoze-countries", "countries.json")))
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            foreach (JsonElement country in doc.RootElement.EnumerateArray())
            {
                JsonElement name = country.GetProperty("name");
                AddIfUsable(countries, name.GetProperty("common").GetString());
                AddIfUsable(countries, name.GetProperty("official").GetString());
                if (country.TryGetProperty("altSpellings", out JsonElement alternates))
                {
                    foreach (JsonElement alternate in alternates.EnumerateArray())
                    {
                        string? text = alternate.GetString();
                        // Two-letter codes ("KP", "IN") are too ambiguous, except the two that news text writes as
                        // names; "DPRK" and "USA" are kept.
                        if (text is not null && (text.Length > 2 || text is "US" or "UK") && !text.Contains(',', StringComparison.Ordinal))
                        {
                            AddIfUsable(countries, text);
                        }
                    }
                }

                if (country.TryGetProperty("demonyms", out JsonElement demonym) && demonym.TryGetProperty("eng", out JsonElement english))
                {
                    AddIfUsable(demonyms, english.GetProperty("m").GetString());
                    AddIfUsable(demonyms, english.GetProperty("f").GetString());
                }
            }
        }

        var lists = new List<(string, IReadOnlyList<string>)>
        {
            ("city", [.. cities]),
            ("major-city", [.. major]),
            ("region", [.. regions]),
            ("country", [.. countries]),
            ("demonym", [.. demonyms]),
        };
        extra ??= [];
        if (extra.Contains("town"))
        {
            var towns = new SortedSet<string>(StringComparer.Ordinal);
            using var file = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(placesFolder, "geonames", "cities1000.txt.gz")), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(file);
            while (reader.ReadLine() is string line)
            {
                string[] f = line.Split('\t');
                if (f.Length > 2)
                {
                    AddIfUsable(towns, f[1]);
                    AddIfUsable(towns, f[2]);
                }
            }

            lists.Add(("town", [.. towns]));
        }

        if (extra.Contains("person") || extra.Contains("organisation"))
        {
            (IReadOnlyList<string> people, IReadOnlyList<string> organizations) = ActorLists.Read(Path.Combine(placesFolder, "..", "events", "petrarch2-cameo", "dictionaries"));
            if (extra.Contains("person"))
            {
                lists.Add(("person", people));
            }

            if (extra.Contains("organisation"))
            {
                lists.Add(("organisation", organizations));
            }
        }

        return new GazetteerLists(lists);
    }

    private static void AddIfUsable(SortedSet<string> into, string? name)
    {
        if (name is not null && IsUsable(name))
        {
            into.Add(name);
        }
    }

    // Latin-script names that start with a capital: the tagger only matches capitalised phrases.
    private static bool IsUsable(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && name.All(c => c < 0x250 || char.IsWhiteSpace(c) || c is '\u2019');
}
