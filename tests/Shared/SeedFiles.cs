using System.Globalization;
using Storyline.Domain;

namespace Storyline.Testing;

/// <summary>The two real seed reports, read the way the seed text format defines, for tests of any project.</summary>
internal static class SeedFiles
{
    /// <summary>Reuters, 2023-09-11, Vladivostok: the trip "still unconfirmed".</summary>
    public const string Reuters = "000_65b722ca443fe1a5.txt";

    /// <summary>The Independent, 2023-09-12, behind a newsletter sign-up block: "Kim Jong-un arrived in Russia".</summary>
    public const string Independent = "004_fa18ec6f926128ae.txt";

    /// <summary>A seed as a report: optional white space, "date YYYY-MM-DD", white space, then the body.</summary>
    public static SourceReport Read(string name)
    {
        string path = Path.Combine(TestPaths.Seeds, name);
        string raw = File.ReadAllText(path).TrimStart();
        if (!raw.StartsWith("date ", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: a seed must start with 'date YYYY-MM-DD'");
        }

        DateOnly date = DateOnly.ParseExact(raw.AsSpan(5, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new SourceReport(path, null, date, raw[15..].TrimStart());
    }
}
