using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Xunit.Abstractions;

namespace Storyline.Web.Tests.Security;

/// <summary>
/// While an ingest POST runs, the API stays up (issue 23: during a 1,500-report POST, 77 of 200 concurrent reads got
/// 503). Reads go through the served store's own connection (SQLite in WAL mode), the POST through a store of its own.
/// </summary>
public sealed class ReadsDuringIngestTests(SampleArchive archive, ITestOutputHelper output) : IClassFixture<SampleArchive>, IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = await archive.StartTestServerAsync(copy: true, o => o with { MaxIngestBytes = 8 * 1024 * 1024 });
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Reads_are_answered_while_an_ingest_post_reads_analyses_and_stores()
    {
        // Given a POST of 400 new reports (seconds of analysis and several batches to store)
        var body = new StringBuilder();
        for (int i = 0; i < 400; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            body.Append(JsonSerializer.Serialize(new
            {
                date = "2023-09-" + (10 + (i % 20)).ToString(CultureInfo.InvariantCulture),
                title = $"Harbourton council meeting {n}",
                source = "Test Wire",
                text = $"Harbourton councillors met on Tuesday for session {n} and said the water plant's pump number {n} would be repaired by Friday, the mayor told reporters in the town hall.",
            })).Append('\n');
        }

        using var content = new StringContent(body.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        Task<HttpResponseMessage> posting = client.PostAsync("/api/ingest", content);

        // When the stories are asked for, one request after another, until the POST is answered
        var answered = new List<(HttpStatusCode Status, TimeSpan Took, bool DuringPost)>();
        while (!posting.IsCompleted)
        {
            var clock = Stopwatch.StartNew();
            HttpResponseMessage read = await client.GetAsync("/api/stories?limit=3");
            answered.Add((read.StatusCode, clock.Elapsed, !posting.IsCompleted));
        }

        HttpResponseMessage posted = await posting;

        // Then every read is answered (none waits out the POST or gets 503), and many are answered before the POST is
        output.WriteLine($"{answered.Count(a => a.DuringPost)} reads answered during the POST; slowest {answered.Max(a => a.Took).TotalMilliseconds:F0} ms, median {answered.Select(a => a.Took.TotalMilliseconds).Order().ElementAt(answered.Count / 2):F0} ms");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(400, JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("new").GetInt32());
        Assert.All(answered, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.True(answered.Count(a => a.DuringPost) >= 5, $"only {answered.Count(a => a.DuringPost)} reads were answered while the POST ran");
    }
}
