using System.Text.Json;

namespace Storyline.Cli.Tests;

/// <summary>A report's author and paywall flag survive the store and reach <c>story</c>, its JSON and the exports.</summary>
public sealed class BylineTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Author_and_paywall_flag_are_shown_in_story_json_and_markdown()
    {
        // Given a paywalled teaser with a byline and a free report without one, about the same event
        string file = cli.Write("in/reports.jsonl",
            """{"date":"2023-09-12","source":"Example Times","author":"Jane Reporter","paywalled":true,"title":"Kim Jong Un arrives in Russia","text":"North Korean leader Kim Jong Un arrived in Russia on Tuesday for talks with President Vladimir Putin, the Kremlin said."}""" + "\n" +
            """{"date":"2023-09-12","source":"Wire","title":"Kim in Russia for Putin talks","text":"North Korean leader Kim Jong Un arrived in Russia on Tuesday to meet President Vladimir Putin, the Kremlin said on Tuesday."}""" + "\n");
        CliRun ingest = await cli.RunAsync("ingest", file);
        Assert.Equal(0, ingest.ExitCode);

        // When the story is read back in every form
        CliRun text = await cli.RunAsync("story", "1");
        CliRun json = await cli.RunAsync("story", "1", "--json");
        CliRun markdown = await cli.RunAsync("export", "1", "--format", "markdown");

        // Then the byline and the flag are kept for the teaser, and absent for the other report
        Assert.Contains("by Jane Reporter", text.Output, StringComparison.Ordinal);
        Assert.Contains("(paywalled: teaser only)", text.Output, StringComparison.Ordinal);
        JsonElement[] reports = [.. json.ParseJson().GetProperty("reports").EnumerateArray()];
        JsonElement teaser = Assert.Single(reports, r => r.GetProperty("outlet").GetString() == "Example Times");
        JsonElement free = Assert.Single(reports, r => r.GetProperty("outlet").GetString() == "Wire");
        Assert.Equal("Jane Reporter", teaser.GetProperty("author").GetString());
        Assert.True(teaser.GetProperty("paywalled").GetBoolean());
        Assert.False(free.TryGetProperty("author", out _));
        Assert.False(free.GetProperty("paywalled").GetBoolean());
        string teaserLine = Assert.Single(markdown.Output.Split('\n'), l => l.Contains("Example Times", StringComparison.Ordinal) && l.StartsWith("- 2023", StringComparison.Ordinal));
        Assert.Contains("by Jane Reporter", teaserLine, StringComparison.Ordinal);
        Assert.EndsWith("(paywalled: teaser only)", teaserLine, StringComparison.Ordinal);
    }
}
