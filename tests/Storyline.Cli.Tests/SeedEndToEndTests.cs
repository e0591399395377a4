using System.Text.Json;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Cli.Tests;

/// <summary>The two real seed reports through the whole flow: read, clean, analyse, cluster, store, show.</summary>
public sealed class SeedEndToEndTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [SharedFact("seeds")]
    public async Task The_two_seeds_form_one_story_with_both_dates()
    {
        CliRun ingest = await cli.RunAsync("ingest", TestPaths.Seeds);
        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("Read 2 reports: 2 new, 0 duplicate, 0 failed; 1 new story", ingest.Output, StringComparison.Ordinal);

        JsonElement stories = (await cli.RunAsync("stories", "--json")).ParseJson();
        JsonElement story = Assert.Single(stories.EnumerateArray());
        Assert.Equal(2, story.GetProperty("reports").GetInt32());
        Assert.Equal("2023-09-11", story.GetProperty("firstReport").GetString());
        Assert.Equal("2023-09-12", story.GetProperty("lastReport").GetString());

        JsonElement detail = (await cli.RunAsync("story", "1", "--json")).ParseJson();
        Assert.Equal(["2023-09-11", "2023-09-12"], detail.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("published").GetString()));
        Assert.Equal("VLADIVOSTOK, Russia", detail.GetProperty("reports")[0].GetProperty("dateline").GetString());
    }

    [SharedFact("seeds")]
    public async Task The_sign_up_block_is_gone_and_every_story_sentence_is_kept()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        await using IStoryStore store = await SqliteStoryStore.OpenAsync(cli.Db);
        IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(new StoryId(1));
        string independent = reports.Single(r => r.Article.Published == new DateOnly(2023, 9, 12)).Body;
        foreach (string boilerplate in new[] { "Sign up", "SIGN UP", "valid email address", "privacy notice", "Thanks for signing up", "breaking news emails" })
        {
            Assert.DoesNotContain(boilerplate, independent, StringComparison.Ordinal);
        }

        // Every paragraph after the sign-up block is stored word for word, and so is every Reuters paragraph
        // after its dateline.
        string[] paragraphs = Paragraphs.Normalize(SeedFiles.Read(SeedFiles.Independent).Text).Split("\n\n");
        Assert.All(paragraphs.Skip(1), p => Assert.Contains(p, independent, StringComparison.Ordinal));
        Assert.StartsWith("North Korean leader Kim Jong-un arrived in Russia", independent, StringComparison.Ordinal);

        string reuters = reports.Single(r => r.Article.Published == new DateOnly(2023, 9, 11)).Body;
        string[] reutersParagraphs = Paragraphs.Normalize(SeedFiles.Read(SeedFiles.Reuters).Text).Split("\n\n");
        Assert.Equal(reutersParagraphs[0]["VLADIVOSTOK, Russia: ".Length..] + "\n\n" + string.Join("\n\n", reutersParagraphs.Skip(1)), reuters);
    }

    [SharedFact("seeds")]
    public async Task Ingesting_twice_keeps_one_copy_of_each()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        // The same reports again, once from the folder and once as a copy under another name.
        File.Copy(Path.Combine(TestPaths.Seeds, SeedFiles.Reuters), Path.Combine(cli.Folder, "renamed-copy.txt"));
        CliRun again = await cli.RunAsync("ingest", TestPaths.Seeds, Path.Combine(cli.Folder, "renamed-copy.txt"));

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Read 3 reports: 0 new, 3 duplicate, 0 failed", again.Output, StringComparison.Ordinal);
        Assert.Contains("The archive holds 2 reports in 1 story", again.Output, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public async Task Search_finds_the_report_that_names_Khasan()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        JsonElement hit = Assert.Single((await cli.RunAsync("search", "Khasan", "station", "--json")).ParseJson().EnumerateArray());
        Assert.Equal("2023-09-12", hit.GetProperty("published").GetString());
        Assert.Contains("«Khasan»", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, hit.GetProperty("story").GetInt64());
    }

    [SharedFact("seeds")]
    public async Task Seed_entity_list_matches_its_golden_file()
    {
        // Given both seeds ingested
        await cli.RunAsync("ingest", TestPaths.Seeds);

        // When every entity is listed
        CliRun entities = await cli.RunAsync("entities", "--limit", "1000");

        // Then the list is the reviewed one: each name once, with its type, counts and key
        Assert.Equal(0, entities.ExitCode);
        Golden.AssertMatches("seeds-entities", entities.Output);
    }

    [SharedFact("seeds")]
    public async Task Seed_names_have_the_types_a_reader_expects()
    {
        // Given both seeds ingested
        await cli.RunAsync("ingest", TestPaths.Seeds);

        // When the entities are listed
        var entities = (await cli.RunAsync("entities", "--limit", "1000", "--json")).ParseJson().EnumerateArray()
            .ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("type").GetString()!, StringComparer.Ordinal);

        // Then the Kremlin (the Russian presidency) is an organisation, "Kim-Putin" is not a place, Russian Railways is
        // a company, and nothing is put on the map in Pacific, Missouri
        Assert.Equal("organization", entities["kremlin"]);
        Assert.False(entities.TryGetValue("kim putin", out string? kimPutin) && kimPutin == "location");
        if (entities.TryGetValue("russian railways", out string? railways))
        {
            Assert.Equal("organization", railways);
        }

        Assert.DoesNotContain("place:4402428", entities.Keys);
        Assert.Equal("person", entities["kim jong un"]);
        Assert.Equal("location", entities["place:2013348"]);
    }

    [SharedFact("seeds")]
    public async Task Seed_story_view_matches_its_golden_file()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);
        CliRun story = await cli.RunAsync("story", "1");
        Assert.Equal(0, story.ExitCode);
        Golden.AssertMatches("seeds-story-1", story.Output);
    }
}
