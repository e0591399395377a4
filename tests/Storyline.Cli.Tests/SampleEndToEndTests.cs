using System.Text.Json;
using Storyline.Evaluation;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>The bundled sample: four interleaved stories, with their gold labels in samples/stories.tsv.</summary>
public sealed class SampleEndToEndTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_sample_ingests_cleanly_into_its_stories()
    {
        // Given the whole sample: seed-format reports and a JSON Lines file
        CliRun ingest = await cli.RunAsync("ingest", TestPaths.Samples, "--json");
        Assert.Equal(0, ingest.ExitCode);
        JsonElement summary = ingest.ParseJson();
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());

        // When each report's story is compared with the gold label
        var gold = File.ReadAllLines(Path.Combine(TestPaths.Samples, "stories.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal);
        JsonElement stories = (await cli.RunAsync("stories", "--timelines", "--json")).ParseJson();
        foreach (JsonElement story in stories.EnumerateArray())
        {
            foreach (JsonElement report in story.GetProperty("reports").EnumerateArray())
            {
                predicted[SampleKey(report)] = story.GetProperty("id").GetInt64();
            }
        }

        // Then every report is there and the stories match the gold ones. The stand-in clusterer was set by hand on
        // this sample, so this guards against regressions; it is not a quality figure (see docs/QUALITY.md).
        Assert.Equal(gold.Count, summary.GetProperty("new").GetInt32());
        Assert.Equal(gold.Keys.Order(StringComparer.Ordinal), predicted.Keys.Order(StringComparer.Ordinal));
        PrecisionRecall score = ClusteringScores.BCubed(gold, predicted);
        Assert.True(score.F1 >= 0.95, $"BCubed F1 {score.F1:F3} (P {score.Precision:F3}, R {score.Recall:F3})");
    }

    [Fact]
    public async Task The_syndicated_copy_is_one_timeline_entry_with_two_sources()
    {
        await cli.RunAsync("ingest", TestPaths.Samples);
        JsonElement stories = (await cli.RunAsync("stories", "--timelines", "--json")).ParseJson();

        JsonElement derna = stories.EnumerateArray().Single(s => s.GetProperty("reports").EnumerateArray()
            .Any(r => r.GetProperty("origin").GetString()!.EndsWith("012-derna-thousands-missing-wire.txt", StringComparison.Ordinal)));
        string wire = ReportId(derna, "012-derna-thousands-missing-wire.txt");
        string copy = ReportId(derna, "013-derna-thousands-missing-republished.txt");
        Assert.Contains(derna.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal)
                .SequenceEqual(new[] { wire, copy }.Order(StringComparer.Ordinal)));
    }

    private static string ReportId(JsonElement story, string fileName) => story.GetProperty("reports").EnumerateArray()
        .Single(r => r.GetProperty("origin").GetString()!.EndsWith(fileName, StringComparison.Ordinal)).GetProperty("id").GetString()!;

    // stories.tsv names a report by its file under samples/, or by jsonl/FILE#id for a JSON Lines report.
    private static string SampleKey(JsonElement report)
    {
        string origin = Path.GetRelativePath(TestPaths.Samples, report.GetProperty("origin").GetString()!).Replace('\\', '/');
        return origin.EndsWith(".jsonl", StringComparison.Ordinal)
            ? origin + "#" + report.GetProperty("externalId").GetString()
            : Path.GetFileName(origin);
    }
}
