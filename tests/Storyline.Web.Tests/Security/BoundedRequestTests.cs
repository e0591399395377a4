using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using static Storyline.Web.Tests.JsonResponses;

namespace Storyline.Web.Tests.Security;

/// <summary>
/// Requests that cost the server more than they should (issue 23): a search of thousands of words held the archive for
/// 54 s, and a body of a million bad lines made a 107 MB answer. Each is bounded, and answers with the reason.
/// </summary>
public sealed class BoundedRequestTests(SampleArchive archive) : IClassFixture<SampleArchive>, IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = await archive.StartTestServerAsync(copy: true, o => o with { MaxIngestBytes = 64 * 1024 });
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_search_of_more_than_32_different_words_is_refused_with_400_and_the_reason()
    {
        string words = string.Join('+', Enumerable.Range(0, 33).Select(i => $"w{i}"));

        HttpResponseMessage response = await client.GetAsync("/api/search?q=" + words);

        JsonElement error = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("33 different words; at most 32", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, error.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_word_repeated_1500_times_is_searched_for_once()
    {
        // 1,500 repeated words answered 503 after 54 s, and every other request waited: FTS5 ranked each repeat.
        string once = await client.GetStringAsync("/api/search?q=dam+water");
        var clock = Stopwatch.StartNew();
        HttpResponseMessage repeated = await client.GetAsync("/api/search?q=" + string.Join('+', Enumerable.Repeat("dam+Water+DAM", 500)));

        JsonElement hits = (await JsonAsync(repeated, HttpStatusCode.OK)).GetProperty("hits");
        Assert.Equal(
            JsonDocument.Parse(once).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("report").GetString()),
            hits.EnumerateArray().Select(h => h.GetProperty("report").GetString()));
        Assert.True(hits.GetArrayLength() > 0);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_ingest_lists_at_most_100_failures_and_counts_the_rest()
    {
        // Given a body of one good JSON line among 300 bad ones
        string good = JsonSerializer.Serialize(new { date = "2023-09-22", title = "UAW widens the strike", source = "Test Wire", text = "The UAW widened its strike to 38 parts centres on Friday, union leader Shawn Fain said." });
        string body = good + "\n" + string.Concat(Enumerable.Repeat("not json\n", 300));

        // When it is posted
        JsonElement result = await JsonAsync(await PostAsync(body), HttpStatusCode.OK);

        // Then the answer counts 300 failures, lists the first 100 (by line) and counts the other 200
        Assert.Equal(1, result.GetProperty("read").GetInt32());
        Assert.Equal(300, result.GetProperty("failed").GetInt32());
        Assert.Equal(100, result.GetProperty("failures").GetArrayLength());
        Assert.EndsWith(":2", result.GetProperty("failures")[0].GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, result.GetProperty("moreFailures").GetInt32());
    }

    [Fact]
    public async Task A_body_of_nothing_but_bad_lines_is_refused_with_100_listed()
    {
        // 2 MB of bad lines once made a 107 MB answer; here 64 KB of them, 21,845 lines
        string body = string.Concat(Enumerable.Repeat("x\n\n", (64 * 1024) / 3));

        JsonElement error = await JsonAsync(await PostAsync(body), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(100, error.GetProperty("failures").GetArrayLength());
        Assert.True(error.GetProperty("moreFailures").GetInt32() > 10_000);
    }

    [Fact]
    public async Task An_ingest_with_few_failures_lists_them_all_and_no_rest()
    {
        JsonElement result = await JsonAsync(await PostAsync("not json\n"), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(1, result.GetProperty("failures").GetArrayLength());
        Assert.False(result.TryGetProperty("moreFailures", out _));
    }

    private Task<HttpResponseMessage> PostAsync(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return client.PostAsync("/api/ingest", content);
    }
}
