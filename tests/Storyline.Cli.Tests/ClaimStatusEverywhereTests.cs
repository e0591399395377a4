using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Storyline.Testing;
using Storyline.Web;

namespace Storyline.Cli.Tests;

/// <summary>
/// One claim, one status, wherever it shows (issue 18: Kim's arrival was "confirmed" in what's new and "reported" in the
/// story, the export and the timeline badge): the seeds' story rendered by the command line (text, --json, exports)
/// and by the web API, their statuses compared sentence by sentence and claim by claim.
/// </summary>
public sealed class ClaimStatusEverywhereTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [SharedFact("seeds")]
    public async Task The_seeds_story_shows_each_claim_with_one_status_in_the_cli_and_the_api()
    {
        // Given the two seeds in one story
        Assert.Equal(0, (await cli.RunAsync("ingest", TestPaths.Seeds)).ExitCode);

        // When the command line renders it every way it can
        JsonElement story = (await cli.RunAsync("story", "1", "--json")).ParseJson();
        JsonElement timeline = (await cli.RunAsync("timeline", "1", "--json")).ParseJson();
        JsonElement news = (await cli.RunAsync("whatsnew", "1", "--since", "2023-09-11", "--json")).ParseJson();
        JsonElement export = (await cli.RunAsync("export", "1", "--format", "json")).ParseJson();
        string csv = (await cli.RunAsync("export", "1", "--format", "csv")).Output;
        string markdown = (await cli.RunAsync("export", "1", "--format", "markdown")).Output;
        string text = (await cli.RunAsync("story", "1")).Output;

        // and the web API (what the web UI draws) serves it from the same archive
        JsonElement apiStory;
        JsonElement apiTimeline;
        JsonElement apiNews;
        await using (WebApplication app = await StorylineServer.BuildAsync(new WebOptions { Database = cli.Db, Port = 0 }, b => b.WebHost.UseTestServer()))
        {
            await app.StartAsync();
            using HttpClient client = app.GetTestClient();
            apiStory = await GetAsync(client, "/api/stories/1");
            apiTimeline = await GetAsync(client, "/api/stories/1/timeline");
            apiNews = await GetAsync(client, "/api/stories/1/whatsnew?since=2023-09-11");
        }

        // Then each claim sentence has one status: the story's claims list, as the command line and the API give it
        Dictionary<(string Report, string Text), string> claims = Statuses(story.GetProperty("claims").EnumerateArray());
        Assert.Equal(claims, Statuses(apiStory.GetProperty("claims").EnumerateArray()));
        Assert.Equal("confirmed", claims.Single(c => c.Key.Text.StartsWith("North Korean leader Kim Jong-un arrived", StringComparison.Ordinal)).Value);

        // every timeline entry, wherever rendered, shows its sentence's status
        JsonElement[] entries =
        [
            .. story.GetProperty("timeline").EnumerateArray(),
            .. timeline.EnumerateArray(),
            .. export.GetProperty("timeline").EnumerateArray().SelectMany(d => d.GetProperty("entries").EnumerateArray()),
            .. news.GetProperty("facts").EnumerateArray(),
            .. apiStory.GetProperty("timeline").EnumerateArray(),
            .. apiTimeline.GetProperty("entries").EnumerateArray(),
            .. apiNews.GetProperty("facts").EnumerateArray(),
        ];
        Assert.Contains(entries, e => e.TryGetProperty("status", out _));
        foreach (JsonElement e in entries)
        {
            string? status = e.TryGetProperty("status", out JsonElement s) ? s.GetString() : null;
            Assert.Equal(ClaimOf(claims, e.GetProperty("report").GetString()!, e.GetProperty("text").GetString()!), status);
        }

        // the CSV and Markdown exports and the text output print those same statuses
        foreach (JsonElement e in timeline.EnumerateArray().Where(e => e.TryGetProperty("status", out _)))
        {
            string status = e.GetProperty("status").GetString()!;
            string sentence = e.GetProperty("text").GetString()!;
            Assert.Contains(Csv(csv).Skip(1), row => row[5] == sentence && row[2] == status);
            Assert.Contains(Lines(markdown), line => line.Contains(Start(sentence), StringComparison.Ordinal) && line.Contains($"*{status}*", StringComparison.Ordinal));
            Assert.Contains(Lines(text), line => line.Contains(Start(sentence), StringComparison.Ordinal) && line.Contains($"({status})", StringComparison.Ordinal));
        }

        foreach (((string _, string sentence), string status) in claims)
        {
            Assert.Contains(Lines(text), line => line.Contains(Start(sentence), StringComparison.Ordinal) && line.Contains($"  {status}", StringComparison.Ordinal));
        }

        // and what's new moves the visit between the standings its status over time shows, on a sentence that has the
        // status it moved to
        JsonElement[] days = [.. Assert.Single(story.GetProperty("claimHistory").EnumerateArray(), t => t.GetProperty("key").GetString() == "kim jong un|visit").GetProperty("days").EnumerateArray()];
        Assert.Equal(
            days.Select(d => d.GetProperty("standing").GetString()).ToArray(),
            Assert.Single(export.GetProperty("claims").EnumerateArray(), t => t.GetProperty("key").GetString() == "kim jong un|visit").GetProperty("days").EnumerateArray().Select(d => d.GetProperty("standing").GetString()).ToArray());
        foreach (JsonElement whatsNew in new[] { news, apiNews })
        {
            JsonElement change = Assert.Single(whatsNew.GetProperty("statusChanges").EnumerateArray(), c => c.GetProperty("key").GetString() == "kim jong un|visit");
            Assert.Equal(days[0].GetProperty("standing").GetString(), change.GetProperty("from").GetString());
            Assert.Equal(days[^1].GetProperty("standing").GetString(), change.GetProperty("to").GetString());
            Assert.Equal(change.GetProperty("to").GetString(), claims[(change.GetProperty("report").GetString()!, change.GetProperty("evidence").GetString()!)]);
        }

        Assert.Contains(Lines(text), line => line.Contains("Kim Jong Un: visit: 2023-09-11 unconfirmed", StringComparison.Ordinal) && line.EndsWith("→ 2023-09-12 confirmed", StringComparison.Ordinal));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative))).RootElement.Clone();

    private static Dictionary<(string Report, string Text), string> Statuses(IEnumerable<JsonElement> claims) =>
        claims.ToDictionary(c => (c.GetProperty("report").GetString()!, c.GetProperty("text").GetString()!.Trim()), c => c.GetProperty("status").GetString()!);

    // The status of the claim a sentence makes: a claim's words are its sentence, or end with it (a direct quote that
    // began in an earlier sentence).
    private static string? ClaimOf(Dictionary<(string Report, string Text), string> claims, string report, string sentence) =>
        claims.Where(c => c.Key.Report == report && c.Key.Text.EndsWith(sentence.Trim(), StringComparison.Ordinal))
            .Select(c => c.Value).SingleOrDefault();

    private static string[] Lines(string output) => output.Split('\n');

    // The first words of a sentence, which every rendering prints before it shortens anything.
    private static string Start(string sentence) => sentence.Trim()[..Math.Min(40, sentence.Trim().Length)];

    // RFC 4180 rows: fields in double quotes may hold commas, quotes (doubled) and line breaks.
    private static List<string[]> Csv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
