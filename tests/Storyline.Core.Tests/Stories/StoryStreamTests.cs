using System.Globalization;
using System.Text.Json;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Stories;

/// <summary>
/// Whole streams through the real analysis and the shipped clusterer: the seeds, the bundled sample, and two stories of
/// the same kind (two earthquakes) that share their words but not their actors.
/// </summary>
public sealed class StoryStreamTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    [SharedFact("seeds")]
    public void The_seeds_are_one_story_titled_by_the_latest_report_s_lead()
    {
        // Given the Reuters report of 2023-09-11 and the Independent's of 2023-09-12
        StoryAssignment[] assigned = Assign([SeedFiles.Read(SeedFiles.Reuters), SeedFiles.Read(SeedFiles.Independent)]);

        // Then they are one story, and its title is a headline (the latest report's lead, cut), not key words
        Assert.Equal(assigned[0].Story, assigned[1].Story);
        Assert.Equal("North Korean leader Kim Jong-un arrived in Russia ahead of an expected meeting with president Vladimir Putin", assigned[1].StoryTitle);
    }

    [Fact]
    public void The_sample_is_its_four_gold_stories_with_the_syndicated_report_as_a_copy()
    {
        // Given the bundled sample in date order (the JSON Lines file first within a day, as a folder is read)
        List<(string Name, SourceReport Report)> reports = SampleReports();
        Dictionary<string, string> gold = File.ReadAllLines(Path.Combine(TestPaths.Samples, "stories.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);

        // When it is streamed through the clusterer
        StoryAssignment[] assigned = Assign([.. reports.Select(r => r.Report)]);

        // Then the stories are exactly the gold ones (each gold story one story, no two sharing one)
        var storyOf = reports.Select((r, i) => (r.Name, Story: assigned[i].Story)).ToDictionary(x => x.Name, x => x.Story, StringComparer.Ordinal);
        Assert.Equal(4, storyOf.Values.Distinct().Count());
        Assert.All(gold.GroupBy(g => g.Value), g => Assert.Single(g.Select(x => storyOf[x.Key]).Distinct()));

        // And the republished Derna report is a copy of the wire report
        int wire = reports.FindIndex(r => r.Name == "012-derna-thousands-missing-wire.txt");
        int copy = reports.FindIndex(r => r.Name == "013-derna-thousands-missing-republished.txt");
        Assert.Equal(assigned[wire].Report, assigned[copy].CopyOf);
        Assert.All(assigned.Where((a, i) => i != copy), a => Assert.Null(a.CopyOf));
    }

    [Fact]
    public void Two_earthquakes_in_one_week_stay_two_stories()
    {
        // Given reports of two earthquakes that share their words (magnitude, toll, rescuers, aftershocks) but not their
        // places, officials or agencies, interleaved as a feed would bring them
        SourceReport[] stream =
        [
            Quake(1, "2024-03-04", "A magnitude 6.4 earthquake struck the Arequipa region of southern Peru early on Monday, killing at least 14 people and destroying hundreds of adobe homes in mountain villages, Peru's civil defence institute said. The institute's head, Elena Quispe, said rescuers were still searching the rubble in the town of Chivay. President Dina Boluarte flew to Arequipa to oversee the response."),
            Quake(2, "2024-03-05", "A magnitude 6.1 earthquake hit eastern Turkey's Malatya province on Tuesday, killing at least nine people and toppling dozens of buildings already weakened by last year's quakes, the disaster agency AFAD said. Mehmet Aydin, the province's governor, said search teams had pulled 30 survivors from collapsed buildings in the district of Yesilyurt."),
            Quake(3, "2024-03-05", "The death toll from Monday's earthquake in southern Peru rose to 22 as rescuers reached isolated villages in the Colca valley, Peru's civil defence institute said. Elena Quispe said aftershocks had damaged roads into Chivay, and the government declared a state of emergency in Arequipa for sixty days."),
            Quake(4, "2024-03-06", "Rescuers in Malatya searched through the night for survivors of Tuesday's earthquake as the death toll in eastern Turkey rose to 17, AFAD said. Governor Mehmet Aydin said more than 200 aftershocks had been recorded and that tents had been set up for families whose homes in Yesilyurt were destroyed."),
            Quake(5, "2024-03-07", "Peru sent army helicopters with food and tents to villages cut off by Monday's earthquake in Arequipa, where 22 people died. Elena Quispe of the civil defence institute said about 3,000 homes were uninhabitable around Chivay and the Colca valley."),
            Quake(6, "2024-03-07", "Turkey's disaster agency AFAD said on Thursday that 17 people had died in the Malatya earthquake and that 4,000 people were sheltering in tents. Governor Mehmet Aydin said schools in Yesilyurt would stay closed while engineers inspected buildings for damage."),
        ];

        // When they are streamed through the clusterer
        StoryAssignment[] assigned = Assign(stream);

        // Then the Peru reports are one story and the Turkey reports another
        Assert.Equal(assigned[0].Story, assigned[2].Story);
        Assert.Equal(assigned[0].Story, assigned[4].Story);
        Assert.Equal(assigned[1].Story, assigned[3].Story);
        Assert.Equal(assigned[1].Story, assigned[5].Story);
        Assert.NotEqual(assigned[0].Story, assigned[1].Story);
    }

    private static SourceReport Quake(int n, string date, string text) =>
        new("quake-" + n, null, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), text, Outlet: "Wire");

    private static StoryAssignment[] Assign(IReadOnlyList<SourceReport> reports)
    {
        var cleaner = new ReportCleaner();
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        return [.. reports.Select(r => clusterer.Assign(StoryFeatures.From(Pipeline.Analyze(cleaner.Clean(r)))))];
    }

    // The sample as `storyline ingest samples` reads it: the JSON Lines file, then the seed-text reports, stably sorted
    // by publication date.
    private static List<(string Name, SourceReport Report)> SampleReports()
    {
        var reports = new List<(string Name, SourceReport Report)>();
        foreach (string line in File.ReadAllLines(Path.Combine(TestPaths.Samples, "jsonl", "wire.jsonl")).Where(l => l.Length > 0))
        {
            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement r = json.RootElement;
            var report = new SourceReport(
                "wire.jsonl", null, DateOnly.ParseExact(r.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.GetProperty("text").GetString()!, r.GetProperty("title").GetString(), r.GetProperty("url").GetString(), r.GetProperty("source").GetString(), r.GetProperty("id").GetString());
            reports.Add(("jsonl/wire.jsonl#" + r.GetProperty("id").GetString(), report));
        }

        foreach (string file in Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "reports"), "*.txt").Order(StringComparer.Ordinal))
        {
            string raw = File.ReadAllText(file).TrimStart();
            DateOnly date = DateOnly.ParseExact(raw.AsSpan(5, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            reports.Add((Path.GetFileName(file), new SourceReport(file, null, date, raw[15..].TrimStart())));
        }

        return [.. reports.OrderBy(r => r.Report.Published)];
    }
}
