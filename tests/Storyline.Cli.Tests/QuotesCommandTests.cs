using System.Text.Json;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

public sealed class QuotesCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [SharedFact("seeds")]
    public async Task Quotes_are_listed_by_speaker_with_their_source_kind()
    {
        // Given the two seeds ingested
        await cli.RunAsync("ingest", TestPaths.Seeds);

        // When Peskov's quotes are listed as JSON
        CliRun run = await cli.RunAsync("quotes", "--speaker", "Peskov", "--json");

        // Then both of his attributions come back, relayed by the news agencies in one of them
        Assert.Equal(0, run.ExitCode);
        var quotes = run.ParseJson().EnumerateArray().ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("namedPerson", q.GetProperty("sourceKind").GetString()));
        Assert.All(quotes, q => Assert.Equal("dmitry peskov", q.GetProperty("speaker").GetString()));
        Assert.Contains(quotes, q => q.TryGetProperty("citedBy", out JsonElement via) && via.GetString() == "Russian news agencies");
    }

    [SharedFact("seeds")]
    public async Task Quotes_of_a_story_show_as_a_table_and_an_unknown_story_is_an_error()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        CliRun table = await cli.RunAsync("quotes", "--story", "1");
        CliRun missing = await cli.RunAsync("quotes", "--story", "99");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Vladivostok resident Fyodor", table.Output, StringComparison.Ordinal);
        Assert.Contains("public", table.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no story 99", missing.Error, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public async Task Story_json_has_quotes_claims_and_the_claim_history()
    {
        await cli.RunAsync("ingest", TestPaths.Seeds);

        JsonElement story = (await cli.RunAsync("story", "1", "--json")).ParseJson();

        Assert.NotEmpty(story.GetProperty("quotes").EnumerateArray());
        Assert.Contains(story.GetProperty("claims").EnumerateArray(), c => c.GetProperty("status").GetString() == "unconfirmed");
        JsonElement trip = Assert.Single(story.GetProperty("claimHistory").EnumerateArray(), t => t.GetProperty("key").GetString() == "kim jong un|visit");
        Assert.Equal(2, trip.GetProperty("days").GetArrayLength());
    }
}
