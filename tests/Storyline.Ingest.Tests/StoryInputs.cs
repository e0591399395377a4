using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyline.Domain;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>Generated JSON Lines inputs made of chosen stories of the bundled sample, for the concurrent-writer tests.</summary>
internal static class StoryInputs
{
    /// <summary>
    /// Writes <paramref name="count"/> reports recombined from the sample reports of <paramref name="stories"/> (labels of
    /// samples/stories.tsv) to a JSON Lines file in <paramref name="folder"/>, and returns its path.
    /// </summary>
    public static string Write(string folder, string name, string[] stories, int count, int seed)
    {
        // A samples folder of its own holding only those stories' reports, with the labels beside it as the generator reads them.
        string samples = Path.Combine(folder, "samples-" + name);
        string reports = Path.Combine(samples, "reports");
        Directory.CreateDirectory(reports);
        var labels = new StringBuilder("file\tstory\n");
        foreach (string line in File.ReadLines(Path.Combine(TestPaths.Samples, "stories.tsv")).Skip(1))
        {
            string[] cells = line.Split('\t');
            if (cells.Length == 2 && stories.Contains(cells[1], StringComparer.Ordinal) && !cells[0].Contains('#', StringComparison.Ordinal))
            {
                File.Copy(Path.Combine(TestPaths.Samples, "reports", cells[0]), Path.Combine(reports, cells[0]));
                labels.Append(line).Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(samples, "stories.tsv"), labels.ToString());
        string input = Path.Combine(folder, name + ".jsonl");
        File.WriteAllText(input, ToJsonLines(LoadTest.Generate(reports, count, seed)));
        return input;
    }

    /// <summary>Reports as JSON Lines, as the load test writes them.</summary>
    public static string ToJsonLines(IEnumerable<SourceReport> reports)
    {
        var text = new StringBuilder();
        foreach (SourceReport r in reports)
        {
            text.AppendLine(JsonSerializer.Serialize(new { date = r.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), title = r.Title, source = r.Outlet, text = r.Text }));
        }

        return text.ToString();
    }
}
