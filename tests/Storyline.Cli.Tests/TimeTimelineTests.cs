using System.Text.Json;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>Time expressions reach the timeline: a sentence about "Monday" is placed on Monday, not on the publication date.</summary>
public sealed class TimeTimelineTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [SharedFact("seeds")]
    public async Task A_sentence_about_Monday_is_placed_on_Monday_with_its_expression_and_anchor()
    {
        // Given the two seeds ingested
        Assert.Equal(0, (await cli.RunAsync("ingest", TestPaths.Seeds)).ExitCode);

        // When the story's timeline is read
        JsonElement timeline = (await cli.RunAsync("timeline", "1", "--json")).ParseJson();

        // Then the Independent's (2023-09-12) sentence "where Mr Putin arrived on Monday" is on Monday 2023-09-11,
        // and the entry keeps the expression and the date it was resolved against
        JsonElement monday = timeline.EnumerateArray().Single(e => e.GetProperty("text").GetString()!.Contains("Putin arrived on Monday", StringComparison.Ordinal));
        Assert.Equal("2023-09-11", monday.GetProperty("date").GetString());
        Assert.Equal("Monday", monday.GetProperty("expression").GetString());
        Assert.Equal("2023-09-12", monday.GetProperty("anchor").GetString());
        Assert.Equal("2023-09-11", monday.GetProperty("value").GetString());
    }
}
