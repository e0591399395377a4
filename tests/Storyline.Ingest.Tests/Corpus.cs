using System.Text;
using System.Text.Json;
using Storyline.Domain;
using Storyline.Sources;

namespace Storyline.Ingest.Tests;

/// <summary>Reports for the reliability tests: the bundled sample, and larger archives recombined from its sentences.</summary>
internal static class Corpus
{
    private static readonly Lazy<IReadOnlyList<SourceReport>> LazySample = new(LoadSample);

    /// <summary>The sample's seed-format reports, in file order.</summary>
    public static IReadOnlyList<SourceReport> Sample => LazySample.Value;

    /// <summary>
    /// <paramref name="count"/> reports made by recombining the sample's paragraphs: each generated report takes the
    /// paragraphs of one sample report (its story) and shuffles in a few from others of the same story, over dates
    /// spread across three months. Deterministic for a given seed.
    /// </summary>
    public static string GenerateJsonLines(int count, int seed)
    {
        var random = new Random(seed);
        var paragraphs = Sample.Select(r => r.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var sb = new StringBuilder();
        var start = new DateOnly(2023, 6, 1);
        for (int i = 0; i < count; i++)
        {
            int source = random.Next(paragraphs.Length);
            var body = paragraphs[source].OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToList();
            body.Add($"Report {i} of the generated archive.");
            var line = new
            {
                id = $"gen-{i}",
                date = start.AddDays(random.Next(92)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                title = $"Generated report {i}",
                text = string.Join("\n\n", body),
            };
            sb.AppendLine(JsonSerializer.Serialize(line));
        }

        return sb.ToString();
    }

    // The real reader, as ingest reads them.
    private static List<SourceReport> LoadSample()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(Testing.TestPaths.Samples, "reports"), "*.txt").Order(StringComparer.Ordinal)];
        return [.. new ReportSource().ReadAsync(files).ToBlockingEnumerable().Select(r => r is ReportRead ok
            ? ok.Report
            : throw new InvalidDataException("sample report not readable: " + r))];
    }
}
