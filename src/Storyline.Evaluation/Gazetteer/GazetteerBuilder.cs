using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Storyline.Entities.Resolution;

namespace Storyline.Evaluation.Gazetteer;

/// <summary>What a gazetteer build kept.</summary>
/// <param name="Countries">Countries written.</param>
/// <param name="Places">Towns written.</param>
/// <param name="AlternateNames">Alternate names written, over all towns.</param>
/// <param name="Bytes">Size of the compressed file.</param>
public sealed record GazetteerBuildSummary(int Countries, int Places, int AlternateNames, long Bytes);

/// <summary>
/// Builds the compact gazetteer (see <see cref="Entities.Resolution.Gazetteer"/> for the format) from the GeoNames
/// extract and mledoze/countries in ../shared/data/places, plus the few hand-written additions of additions.tsv.
/// </summary>
/// <remarks>
/// Every town of cities1000 is kept (so that small border towns can be placed) with its name, coordinates rounded
/// to 4 decimals (about 10 m), country, feature code and population. Alternate names are kept only where they earn
/// their bytes: Latin-script, not a code in capitals, differing from the main name; all of them for towns of at least
/// <see cref="AlternateNamePopulation"/> people and for capitals and admin seats, only the ASCII name for the rest.
/// </remarks>
public static class GazetteerBuilder
{
    /// <summary>Towns of at least this many people keep their alternate names.</summary>
    public const long AlternateNamePopulation = 15_000;

    // mledoze's short codes that news text writes as names.
    private static readonly HashSet<string> ShortSpellings = new(StringComparer.Ordinal) { "US", "UK", "USA", "UAE", "DPRK", "ROK", "PRC", "DRC" };

    /// <summary>Builds the gazetteer from <paramref name="placesFolder"/> (../shared/data/places) into <paramref name="output"/>.</summary>
    public static GazetteerBuildSummary Build(string placesFolder, string output)
    {
        ArgumentNullException.ThrowIfNull(placesFolder);
        ArgumentNullException.ThrowIfNull(output);
        string geonames = Path.Combine(placesFolder, "geonames");
        string cities = Path.Combine(geonames, "cities1000.txt.gz");
        if (!File.Exists(cities))
        {
            cities = Path.Combine(geonames, "cities1000.txt");
        }

        var lines = new List<string>();
        int countries = WriteCountries(Path.Combine(geonames, "countryInfo.txt"), Path.Combine(placesFolder, "mledoze-countries", "countries.json"), lines);
        int alternates = 0;
        int places = 0;
        using (Stream raw = File.OpenRead(cities))
        using (Stream input = cities.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw)
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            while (reader.ReadLine() is string line)
            {
                if (TryPlaceLine(line, out string? placeLine, out int kept))
                {
                    lines.Add(placeLine);
                    places++;
                    alternates += kept;
                }
            }
        }

        foreach (string line in ReadAdditions())
        {
            lines.Add(line);
            places++;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using (Stream file = File.Create(output))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine("# Storyline gazetteer. Built by `storyline train gazetteer` from GeoNames cities1000 and countryInfo (CC BY 4.0, geonames.org) and mledoze/countries (ODbL 1.0).");
            foreach (string line in lines)
            {
                writer.WriteLine(line);
            }
        }

        return new GazetteerBuildSummary(countries, places, alternates, new FileInfo(output).Length);
    }

    /// <summary>One cities1000 row (19 GeoNames columns) as a gazetteer "P" line, or false for a row to skip.</summary>
    internal static bool TryPlaceLine(string row, out string line, out int alternates)
    {
        line = string.Empty;
        alternates = 0;
        string[] f = row.Split('\t');
        if (f.Length < 15 || f[6] != "P")
        {
            return false;
        }

        string name = f[1];
        long population = long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out long p) ? p : 0;
        string feature = f[7];
        bool keepAll = population >= AlternateNamePopulation || feature is "PPLC" or "PPLA" or "PPLG";
        var seen = new HashSet<string>(StringComparer.Ordinal) { NameKey.Normalize(name) };
        var others = new List<string>();
        foreach (string candidate in (keepAll ? f[3].Split(',') : []).Prepend(f[2]))
        {
            string trimmed = candidate.Trim();
            if (IsUsefulName(trimmed) && seen.Add(NameKey.Normalize(trimmed)))
            {
                others.Add(trimmed);
            }
        }

        alternates = others.Count;
        line = string.Join('\t', "P", f[0], name, Round(f[4]), Round(f[5]), f[8], feature, population.ToString(CultureInfo.InvariantCulture), string.Join('|', others));
        return true;
    }

    // Latin-script names of letters, spaces and the punctuation names use, capitalised; not a code in capitals ("MOW").
    internal static bool IsUsefulName(string name)
    {
        // A name starts with a capital; all-lower-case alternates are machine romanisations ("mo si ke").
        if (name.Length < 2 || name.Length > 60 || !char.IsUpper(name[0]))
        {
            return false;
        }

        bool lower = false;
        foreach (char c in name)
        {
            if (char.IsLetter(c))
            {
                if (c > '\u024F')
                {
                    return false;
                }

                lower |= char.IsLower(c);
            }
            else if (c is not (' ' or '-' or '\'' or '\u2019' or '.'))
            {
                return false;
            }
        }

        return lower;
    }

    private static string Round(string coordinate) =>
        Math.Round(double.Parse(coordinate, NumberStyles.Float, CultureInfo.InvariantCulture), 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static int WriteCountries(string countryInfo, string mledoze, List<string> lines)
    {
        // countryInfo.txt: ISO, ISO3, ISO-numeric, fips, name, capital, area, population, continent, tld, currency,
        // currency name, phone, postal format, postal regex, languages, geonameid, neighbours.
        var info = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (string row in File.ReadLines(countryInfo))
        {
            if (row.Length > 0 && row[0] != '#')
            {
                string[] f = row.Split('\t');
                if (f.Length > 16)
                {
                    info[f[0]] = f;
                }
            }
        }

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(mledoze));
        int count = 0;
        foreach (JsonElement c in json.RootElement.EnumerateArray())
        {
            string cca2 = c.GetProperty("cca2").GetString()!;
            string cca3 = c.GetProperty("cca3").GetString()!;
            string common = c.GetProperty("name").GetProperty("common").GetString()!;
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { NameKey.Normalize(common) };
            void AddName(string? n)
            {
                if (n is not null && (IsUsefulName(n) || ShortSpellings.Contains(n)) && !n.Contains(',', StringComparison.Ordinal) && seen.Add(NameKey.Normalize(n)))
                {
                    names.Add(n);
                }
            }

            AddName(c.GetProperty("name").GetProperty("official").GetString());
            foreach (JsonElement alt in c.GetProperty("altSpellings").EnumerateArray())
            {
                AddName(alt.GetString());
            }

            if (info.TryGetValue(cca2, out string[]? row))
            {
                AddName(row[4]);
            }

            var demonyms = new List<string>();
            if (c.TryGetProperty("demonyms", out JsonElement d) && d.TryGetProperty("eng", out JsonElement eng))
            {
                foreach (string? form in new[] { eng.GetProperty("m").GetString(), eng.GetProperty("f").GetString() })
                {
                    if (!string.IsNullOrEmpty(form) && !demonyms.Contains(form, StringComparer.Ordinal))
                    {
                        demonyms.Add(form);
                    }
                }
            }

            JsonElement latlng = c.GetProperty("latlng");
            string lat = latlng.GetArrayLength() == 2 ? latlng[0].GetDouble().ToString("0.####", CultureInfo.InvariantCulture) : "0";
            string lon = latlng.GetArrayLength() == 2 ? latlng[1].GetDouble().ToString("0.####", CultureInfo.InvariantCulture) : "0";
            string capital = c.TryGetProperty("capital", out JsonElement caps) && caps.GetArrayLength() > 0 ? caps[0].GetString() ?? string.Empty : string.Empty;
            string geonameId = row is not null ? row[16] : "0";
            string population = row is not null ? row[7] : "0";
            lines.Add(string.Join('\t', "C", cca2, cca3, common, geonameId, lat, lon, population, capital, string.Join('|', names), string.Join('|', demonyms)));
            count++;
        }

        return count;
    }

    private static IEnumerable<string> ReadAdditions()
    {
        using Stream stream = typeof(GazetteerBuilder).Assembly.GetManifestResourceStream("Storyline.Evaluation.Gazetteer.additions.tsv")
            ?? throw new InvalidOperationException("the gazetteer additions are missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is string line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
