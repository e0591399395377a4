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

    [Fact]
    public async Task The_sample_s_names_have_the_types_and_places_a_reader_expects()
    {
        // Given the sample ingested
        await cli.RunAsync("ingest", TestPaths.Samples);

        // When its entities are listed
        JsonElement[] list = [.. (await cli.RunAsync("entities", "--limit", "1000", "--json")).ParseJson().EnumerateArray()];
        var types = list.ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("type").GetString()!, StringComparer.Ordinal);
        string[] NamedAs(string name) => [.. list.Where(e => e.GetProperty("name").GetString() == name).Select(e => e.GetProperty("type").GetString()!)];

        // Then Derna, the city at the centre of the flood story, is the Libyan town, and no person
        Assert.Equal("location", types["place:87205"]);
        Assert.False(types.TryGetValue("derna", out string? derna) && derna == "person");
        Assert.Equal("location", types["wadi derna"]);

        // And the carmaker, the news website, the plant's site, the street and the storm are what they are
        Assert.Equal("organization", types["stellantis"]);
        Assert.Equal("organization", types["harbourton beacon"]);
        Assert.Equal("location", types["kestrel point"]);
        Assert.Equal("location", types["linden avenue"]);
        Assert.Equal("miscellaneous", types["storm daniel"]);
        Assert.False(types.TryGetValue("daniel", out string? daniel) && daniel == "person");

        // And "E." of "E. coli" is no organisation, the UN is the United Nations, and Millbrook is one entity
        Assert.DoesNotContain("e", types.Keys);
        Assert.Equal("organization", types["united nations"]);
        Assert.DoesNotContain("un", types.Keys);
        Assert.Single(NamedAs("Millbrook"));

        // And Sousse, named in a report about Libya, is not put in Tunisia; Pacific is not put in Missouri
        Assert.DoesNotContain("place:2464915", types.Keys);
        Assert.DoesNotContain("place:4402428", types.Keys);
    }

    [Fact]
    public async Task Every_story_view_shows_an_entity_with_the_type_of_the_entity_list()
    {
        // Given the sample ingested, and the entity list's types
        await cli.RunAsync("ingest", TestPaths.Samples);
        var types = (await cli.RunAsync("entities", "--limit", "1000", "--json")).ParseJson().EnumerateArray()
            .ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("type").GetString()!, StringComparer.Ordinal);

        // When each story is shown
        foreach (JsonElement story in (await cli.RunAsync("stories", "--json")).ParseJson().EnumerateArray())
        {
            JsonElement detail = (await cli.RunAsync("story", story.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json", "--entities", "1000")).ParseJson();

            // Then each of its entities has the list's type
            foreach (JsonElement entity in detail.GetProperty("entities").EnumerateArray())
            {
                Assert.Equal(types[entity.GetProperty("key").GetString()!], entity.GetProperty("type").GetString());
            }
        }
    }

    [Fact]
    public async Task An_ambiguous_short_form_is_shown_as_itself_with_its_candidates()
    {
        // Given the sample and a report that names two Kims as often, then a bare "Kim" that could be either
        string twoKims = Path.Combine(cli.Folder, "two-kims.txt");
        File.WriteAllText(twoKims, """
            date 2023-09-20

            PYONGYANG: Kim Jong Un returned to Pyongyang on Wednesday after his trip to Russia.

            Premier Kim Tok Hun met factory managers in Nampo on the same day.

            The state news agency published no photographs of the meetings. Foreign diplomats in the capital said little.

            Kim is expected to speak at a party meeting next week.
            """);
        await cli.RunAsync("ingest", TestPaths.Samples, twoKims);

        // When "kim" is asked for
        CliRun run = await cli.RunAsync("entity", "kim", "--json");

        // Then the short form itself is shown, with the full names it may be
        Assert.Equal(0, run.ExitCode);
        JsonElement kim = run.ParseJson();
        Assert.Equal("kim", kim.GetProperty("key").GetString());
        Assert.Equal(["kim jong un", "kim tok hun"], kim.GetProperty("fullerNames").EnumerateArray().Select(f => f.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("May be:", (await cli.RunAsync("entity", "kim")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_form_after_its_full_name_is_that_person_whatever_its_tagged_type()
    {
        // Given the sample, whose bombers report names "North Korea's Kim Jong Un" and then "Kim" four times (a tagger
        // once typed every bare "Kim" there a place)
        await cli.RunAsync("ingest", TestPaths.Samples);

        // When "kim" is asked for
        JsonElement kim = (await cli.RunAsync("entity", "kim", "--json")).ParseJson();

        // Then it is Kim Jong Un, a person, in all ten of his reports: no "kim" of its own is left
        Assert.Equal("kim jong un", kim.GetProperty("key").GetString());
        Assert.Equal("person", kim.GetProperty("type").GetString());
        Assert.Equal(10, kim.GetProperty("reports").GetInt32());
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
