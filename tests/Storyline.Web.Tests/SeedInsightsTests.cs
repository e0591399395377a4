using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Testing;

namespace Storyline.Web.Tests;

/// <summary>What's new over the two seed reports, as the command line's <c>whatsnew</c> test has it.</summary>
public sealed class SeedInsightsTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyline-web-seeds-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its file; the temp folder is cleaned later.
        }
    }

    [SharedFact("seeds")]
    public async Task Whats_new_in_the_second_report_since_the_first()
    {
        // Given the two seeds (Reuters, 11 Sep; the Independent, 12 Sep) in one story
        Directory.CreateDirectory(folder);
        string db = Path.Combine(folder, "seeds.db");
        await using (IStoryStore store = await SqliteStoryStore.OpenAsync(db, SampleArchive.Clock))
        {
            await new Ingestor(store).IngestAsync(new ReportSource(new ReaderOptions { Clock = SampleArchive.Clock }), [TestPaths.Seeds]);
        }

        await using WebApplication app = await StorylineServer.BuildAsync(
            new WebOptions { Database = db, Port = 0, Clock = SampleArchive.Clock }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using HttpClient client = app.GetTestClient();

        // When asking what the Independent's report adds to Reuters'
        using JsonDocument doc = JsonDocument.Parse(await client.GetStringAsync("/api/stories/1/whatsnew?since=2023-09-11"));
        JsonElement news = doc.RootElement;

        // Then the arrival, the Khasan crossing, the planned lunch and the delegation are new facts,
        Assert.Equal(1, news.GetProperty("reports").GetArrayLength());
        string[] facts = [.. news.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("text").GetString()!)];
        Assert.Contains(facts, f => f.Contains("Kim Jong-un arrived in Russia", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("the train crossed the Khasan station", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("would include a lunch", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("delegation likely includes", StringComparison.Ordinal));

        // nothing Reuters already said is,
        Assert.DoesNotContain(facts, f => f.Contains("still unconfirmed", StringComparison.Ordinal));

        // and the visit moved from unconfirmed to confirmed, on Interfax's word.
        JsonElement change = Assert.Single(news.GetProperty("statusChanges").EnumerateArray(), c => c.GetProperty("key").GetString() == "kim jong un|visit");
        Assert.Equal("unconfirmed", change.GetProperty("from").GetString());
        Assert.Equal("confirmed", change.GetProperty("to").GetString());
        Assert.Contains("arrived in Russia", change.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("Interfax", change.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("2023-09-12", change.GetProperty("published").GetString());
    }
}
