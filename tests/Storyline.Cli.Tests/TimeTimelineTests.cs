using System.Text.Json;
using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>Time expressions reach the timeline: a sentence about "Monday" is placed on Monday, not on the publication date.</summary>
public sealed class TimeTimelineTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [SharedFact("seeds")]
    public async Task A_time_in_a_relative_clause_does_not_date_the_sentence()
    {
        // Given the two seeds ingested
        Assert.Equal(0, (await cli.RunAsync("ingest", TestPaths.Seeds)).ExitCode);

        // When the story's timeline is read
        JsonElement timeline = (await cli.RunAsync("timeline", "1", "--json")).ParseJson();

        // Then the Independent's (2023-09-12) "Mr Kim and Mr Putin may meet in … Vladivostok, where Mr Putin arrived on
        // Monday" is not placed on Monday (issue 20): the arrival is in a relative clause, the news is the meeting, and
        // the sentence stands on its report's day if it is an entry at all
        Assert.DoesNotContain(timeline.EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("Putin arrived on Monday", StringComparison.Ordinal)
            && e.GetProperty("date").GetString() == "2023-09-11");

        // and an entry dated by its own expression keeps the expression and the date it was resolved against
        JsonElement monday = timeline.EnumerateArray().First(e => e.GetProperty("expression").ValueKind == JsonValueKind.String);
        Assert.Equal("2023-09-11", monday.GetProperty("date").GetString());
        Assert.Equal("Monday", monday.GetProperty("expression").GetString());
        Assert.Equal("2023-09-11", monday.GetProperty("anchor").GetString());
        Assert.Contains("YTN reported on Monday", monday.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
