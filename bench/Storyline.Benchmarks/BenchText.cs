using System.Text;
using Storyline.Domain;

namespace Storyline.Benchmarks;

/// <summary>
/// Realistic news text for the benchmarks: the bundled sample's reports (written for this project), read once.
/// </summary>
internal static class BenchText
{
    private static readonly Lazy<IReadOnlyList<SourceReport>> LazyReports = new(Load);

    public static IReadOnlyList<SourceReport> Reports => LazyReports.Value;

    /// <summary>All sample bodies joined into about <paramref name="minChars"/> characters of text.</summary>
    public static string Corpus(int minChars)
    {
        var sb = new StringBuilder(minChars + 4096);
        while (sb.Length < minChars)
        {
            foreach (SourceReport report in Reports)
            {
                sb.Append(report.Text).Append("\n\n");
            }
        }

        return sb.ToString();
    }

    private static List<SourceReport> Load()
    {
        string folder = FindSamples();
        var reports = new List<SourceReport>();
        foreach (string path in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            string raw = File.ReadAllText(path).TrimStart();
            DateOnly date = DateOnly.ParseExact(raw.AsSpan(5, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            reports.Add(new SourceReport(path, null, date, raw[15..].Trim()));
        }

        return reports;
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", "reports");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/reports not found above " + AppContext.BaseDirectory);
    }
}
