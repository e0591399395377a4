using System.Text.Json;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary><c>whatsnew</c> and <c>export</c> on the two seed reports.</summary>
public sealed class WhatsNewAndExportTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [SharedFact("seeds")]
    public async Task Whats_new_in_the_second_report_since_the_first()
    {
        // Given the two seeds in one story
        await cli.RunAsync("ingest", TestPaths.Seeds);
        string first = await FirstReportAsync();

        // When asking what the Independent's report adds to Reuters', all of it and the default eight
        CliRun run = await cli.RunAsync("whatsnew", "1", "--since", first[..8], "--limit", "100", "--json");
        CliRun shortRun = await cli.RunAsync("whatsnew", "1", "--since", first[..8], "--json");

        // Then the arrival, the Khasan crossing, the planned lunch and the delegation are new facts,
        Assert.Equal(0, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Json);
        string[] facts = [.. doc.RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("text").GetString()!)];
        using JsonDocument shortDoc = JsonDocument.Parse(shortRun.Json);
        string[] shortFacts = [.. shortDoc.RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("text").GetString()!)];
        Assert.Contains(facts, f => f.Contains("Kim Jong-un arrived in Russia", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("the train crossed the Khasan station", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("would include a lunch", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("delegation likely includes", StringComparison.Ordinal));

        // nothing Reuters already said is,
        Assert.DoesNotContain(facts, f => f.Contains("still unconfirmed", StringComparison.Ordinal));

        // by default the eight most important are shown, the arrival among them, with the count of the rest (issue 20),
        Assert.Equal(8, shortFacts.Length);
        Assert.Equal(facts[..8], shortFacts);
        Assert.Equal(facts.Length - 8, shortDoc.RootElement.GetProperty("moreFacts").GetInt32());
        Assert.Contains(shortFacts, f => f.Contains("Kim Jong-un arrived in Russia", StringComparison.Ordinal));

        // and the visit moved from unconfirmed to confirmed, on Interfax's word.
        JsonElement change = Assert.Single(
            doc.RootElement.GetProperty("statusChanges").EnumerateArray(),
            c => c.GetProperty("key").GetString() == "kim jong un|visit");
        Assert.Equal("unconfirmed", change.GetProperty("from").GetString());
        Assert.Equal("confirmed", change.GetProperty("to").GetString());
        Assert.Contains("arrived in Russia", change.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("Interfax", change.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public async Task A_day_as_cutoff_means_reports_published_after_it()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        CliRun sinceMonday = await cli.RunAsync("whatsnew", "1", "--since", "2023-09-11", "--json");
        CliRun sinceTuesday = await cli.RunAsync("whatsnew", "1", "--since", "2023-09-12", "--json");
        CliRun nonsense = await cli.RunAsync("whatsnew", "1", "--since", "zzzz");

        using JsonDocument monday = JsonDocument.Parse(sinceMonday.Json);
        using JsonDocument tuesday = JsonDocument.Parse(sinceTuesday.Json);
        Assert.Equal(1, monday.RootElement.GetProperty("newReports").GetArrayLength());
        Assert.Equal(0, tuesday.RootElement.GetProperty("newReports").GetArrayLength());

        // Each new fact is about the cutoff day or later (issue 20: the first used to be dated before it).
        Assert.All(monday.RootElement.GetProperty("facts").EnumerateArray(), f => Assert.True(string.CompareOrdinal(f.GetProperty("date").GetString(), "2023-09-11") >= 0));
        Assert.Equal(2, nonsense.ExitCode);
    }

    [SharedFact("seeds")]
    public async Task Export_writes_json_markdown_and_csv()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        CliRun json = await cli.RunAsync("export", "1", "--format", "json", "--summary", "3");
        CliRun markdown = await cli.RunAsync("export", "1", "--format", "markdown");
        CliRun csv = await cli.RunAsync("export", "1", "--format", "csv");

        using JsonDocument doc = JsonDocument.Parse(json.Json);
        JsonElement root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("summary").GetArrayLength());
        Assert.Equal(2, root.GetProperty("sources").GetArrayLength());
        Assert.True(root.GetProperty("entities").GetArrayLength() > 5);
        Assert.True(root.GetProperty("quotes").GetArrayLength() > 5);
        JsonElement[] days = [.. root.GetProperty("timeline").EnumerateArray()];
        Assert.Contains(days, d => d.GetProperty("date").GetString() == "2023-09-12");
        JsonElement[] entries = [.. days.SelectMany(d => d.GetProperty("entries").EnumerateArray())];
        Assert.Contains(entries, e => e.TryGetProperty("attribution", out JsonElement a) && a.GetString()!.Contains("Interfax", StringComparison.Ordinal));
        Assert.All(days, d => Assert.True(IsRanked(d.GetProperty("entries")), "entries ranked by importance"));

        Assert.Contains("## Timeline", markdown.Json, StringComparison.Ordinal);
        Assert.Contains("### 2023-09-12", markdown.Json, StringComparison.Ordinal);
        Assert.StartsWith("date,importance,status,attribution,attribution_kind,text,", csv.Json, StringComparison.Ordinal);
        Assert.Equal(entries.Length + 1, csv.Json.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private static bool IsRanked(JsonElement entries)
    {
        double[] importance = [.. entries.EnumerateArray().Select(e => e.GetProperty("importance").GetDouble())];
        return importance.Zip(importance.Skip(1)).All(p => p.First >= p.Second);
    }

    private async Task<string> FirstReportAsync()
    {
        CliRun story = await cli.RunAsync("story", "1", "--json");
        using JsonDocument doc = JsonDocument.Parse(story.Json);
        return doc.RootElement.GetProperty("reports").EnumerateArray()
            .OrderBy(r => r.GetProperty("published").GetString(), StringComparer.Ordinal)
            .First().GetProperty("id").GetString()!;
    }
}
