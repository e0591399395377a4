using System.Text.Json;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary><c>storyline entities</c> and <c>storyline entity NAME</c>, on written reports and on the seeds.</summary>
public sealed class EntityCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private async Task IngestTwoReportsAsync()
    {
        cli.Write("in/a.txt", "date 2023-09-10\n\nSEOUL, South Korea: North Korean leader Kim Jong Un will travel to Russia to meet President Vladimir Putin.\n\nMr Kim rarely travels.");
        cli.Write("in/b.txt", "date 2023-09-12\n\nVLADIVOSTOK, Russia: Kim Jong-un arrived in Vladivostok, where Vladimir Putin waited.\n\nKremlin spokesperson Dmitry Peskov said Mr Putin and Mr Kim would meet.");
        CliRun ingest = await cli.RunAsync("ingest", Path.Combine(cli.Folder, "in"));
        Assert.Equal(0, ingest.ExitCode);
    }

    [Fact]
    public async Task Entities_lists_counts_reports_and_dates_most_mentioned_first()
    {
        await IngestTwoReportsAsync();

        JsonElement list = (await cli.RunAsync("entities", "--json")).ParseJson();

        JsonElement kim = list.EnumerateArray().Single(e => e.GetProperty("key").GetString() == "kim jong un");
        Assert.Equal("person", kim.GetProperty("type").GetString());
        Assert.Equal(2, kim.GetProperty("reports").GetInt32());
        Assert.Equal("2023-09-10", kim.GetProperty("firstSeen").GetString());
        Assert.Equal("2023-09-12", kim.GetProperty("lastSeen").GetString());
        int[] mentions = [.. list.EnumerateArray().Select(e => e.GetProperty("mentions").GetInt32())];
        Assert.Equal(mentions.OrderDescending(), mentions);
    }

    [Fact]
    public async Task Entities_narrows_by_type_and_limit()
    {
        await IngestTwoReportsAsync();

        JsonElement people = (await cli.RunAsync("entities", "--type", "person", "--json")).ParseJson();
        Assert.All(people.EnumerateArray(), e => Assert.Equal("person", e.GetProperty("type").GetString()));
        Assert.Single((await cli.RunAsync("entities", "--limit", "1", "--json")).ParseJson().EnumerateArray());

        CliRun table = await cli.RunAsync("entities", "--type", "location");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Vladivostok", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim Jong Un", table.Output, StringComparison.Ordinal);

        CliRun bad = await cli.RunAsync("entities", "--type", "planet");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown type 'planet'", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_finds_a_person_by_alias_with_roles_stories_and_company()
    {
        await IngestTwoReportsAsync();

        CliRun run = await cli.RunAsync("entity", "putin", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonElement putin = run.ParseJson();
        Assert.Equal("vladimir putin", putin.GetProperty("key").GetString());
        Assert.Equal("Vladimir Putin", putin.GetProperty("name").GetString());
        Assert.Contains("Putin", putin.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("President", putin.GetProperty("roles").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(1, putin.GetProperty("stories").GetArrayLength());
        Assert.Contains(putin.GetProperty("coOccurring").EnumerateArray(), e => e.GetProperty("key").GetString() == "kim jong un");

        CliRun table = await cli.RunAsync("entity", "Kim", "Jong-un");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Kim Jong Un", table.Output, StringComparison.Ordinal);
        Assert.Contains("North Korean leader", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_shows_a_place_s_coordinates_and_country()
    {
        await IngestTwoReportsAsync();

        JsonElement place = (await cli.RunAsync("entity", "VLADIVOSTOK", "--json")).ParseJson();
        Assert.Equal("location", place.GetProperty("type").GetString());
        JsonElement where = place.GetProperty("place");
        Assert.Equal("RU", where.GetProperty("country").GetString());
        Assert.InRange(where.GetProperty("latitude").GetDouble(), 43.0, 43.2);
        Assert.InRange(where.GetProperty("longitude").GetDouble(), 131.8, 132.0);

        CliRun table = await cli.RunAsync("entity", "Vladivostok");
        Assert.Contains("Place: Vladivostok, RU at 43.1056, 131.8735", table.Output, StringComparison.Ordinal);

        JsonElement country = (await cli.RunAsync("entity", "country:KP", "--json")).ParseJson();
        Assert.Equal("North Korea", country.GetProperty("name").GetString());
        Assert.Contains("North Korean", country.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task An_unknown_entity_is_an_error_that_names_it()
    {
        await IngestTwoReportsAsync();
        CliRun run = await cli.RunAsync("entity", "Atlantis");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no entity named 'Atlantis'", run.Error, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public async Task The_seeds_have_one_Kim_Jong_Un_apart_from_the_admiral_and_places_on_the_map()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        JsonElement kim = (await cli.RunAsync("entity", "Kim Jong-un", "--json")).ParseJson();
        Assert.Equal("kim jong un", kim.GetProperty("key").GetString());
        Assert.Equal(2, kim.GetProperty("reports").GetInt32());
        string[] aliases = [.. kim.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!)];
        Assert.Contains("Kim Jong-un", aliases);
        Assert.Contains("Kim", aliases);

        JsonElement admiral = (await cli.RunAsync("entity", "Kim Myong Sik", "--json")).ParseJson();
        Assert.Equal("kim myong sik", admiral.GetProperty("key").GetString());
        Assert.Contains("Navy admiral", admiral.GetProperty("roles").EnumerateArray().Select(a => a.GetString()));

        foreach ((string name, string country) in new[] { ("Vladivostok", "RU"), ("Khasan", "RU"), ("Pyongyang", "KP"), ("Moscow", "RU") })
        {
            JsonElement place = (await cli.RunAsync("entity", name, "--json")).ParseJson();
            Assert.Equal(country, place.GetProperty("place").GetProperty("country").GetString());
        }

        JsonElement northKorea = (await cli.RunAsync("entity", "Democratic People’s Republic of Korea", "--json")).ParseJson();
        Assert.Equal("country:kp", northKorea.GetProperty("key").GetString());
    }
}
