using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Storyline.Storage;
using static Storyline.Web.Tests.JsonResponses;

namespace Storyline.Web.Tests;

/// <summary>POST /api/ingest: seed text and JSON Lines are stored; what is too large, unreadable or cross-site is refused.</summary>
public sealed class IngestTests(SampleArchive archive) : IClassFixture<SampleArchive>, IAsyncLifetime
{
    private const string Hostile = "date 2023-09-21\n\n<script>window.__xss = 1</script> Harbourton water officials said on Thursday <img src=x onerror=\"window.__xss=2\"> that the boil-water advisory for East Harbourton would stay.\n";
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = await archive.StartTestServerAsync(copy: true, o => o with { MaxIngestBytes = 64 * 1024 });
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Seed_text_is_stored_once_and_its_markup_comes_back_as_plain_text()
    {
        HttpResponseMessage first = await PostAsync(Hostile, "text/plain");
        HttpResponseMessage again = await PostAsync(Hostile, "text/plain");

        JsonElement result = await JsonAsync(first, HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("new").GetInt32());
        Assert.Equal(1, (await JsonAsync(again, HttpStatusCode.OK)).GetProperty("duplicates").GetInt32());
        long story = result.GetProperty("assignments")[0].GetProperty("story").GetInt64();
        string page = await client.GetStringAsync($"/api/stories/{story}");
        // The text is kept as it is, its markup escaped in the JSON (\u003C…), served as application/json with
        // nosniff; the UI sets it as text.
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", page, StringComparison.OrdinalIgnoreCase);
        JsonElement report = JsonDocument.Parse(page).RootElement.GetProperty("reports").EnumerateArray().Single(r => r.GetProperty("published").GetString() == "2023-09-21" && r.GetProperty("lead").GetString()!.Contains("xss", StringComparison.Ordinal));
        Assert.StartsWith("<script>window.__xss = 1</script>", report.GetProperty("lead").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ambiguous_short_form_by_its_key_is_itself_with_its_candidates()
    {
        // A report that names two Kims alike, then a bare "Kim" that could be either
        const string twoKims = "date 2023-09-20\n\nPYONGYANG: Kim Jong Un returned to Pyongyang on Wednesday after his trip to Russia.\n\n"
            + "Premier Kim Tok Hun met factory managers in Nampo on the same day.\n\n"
            + "The state news agency published no photographs of the meetings. Foreign diplomats in the capital said little.\n\n"
            + "Kim is expected to speak at a party meeting next week.\n";
        await JsonAsync(await PostAsync(twoKims, "text/plain"), HttpStatusCode.OK);

        // Its key opens the short form itself, not Kim Jong Un (of whom "kim" is also an alias, with more mentions)
        JsonElement kim = await JsonAsync(await client.GetAsync("/api/entities/kim"), HttpStatusCode.OK);

        Assert.Equal("kim", kim.GetProperty("key").GetString());
        Assert.Equal(["kim jong un", "kim tok hun"], kim.GetProperty("fullerNames").EnumerateArray().Select(f => f.GetProperty("key").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Json_lines_are_read_by_content_type()
    {
        string line = JsonSerializer.Serialize(new { date = "2023-09-22", title = "UAW widens the strike", source = "Test Wire", text = "The UAW widened its strike to 38 parts centres run by General Motors and Stellantis on Friday, union leader Shawn Fain said." });

        JsonElement result = await JsonAsync(await PostAsync(line + "\n", "application/x-ndjson"), HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("read").GetInt32());
    }

    [Theory]
    // Each refusal says why, as JSON.
    [InlineData("date 2023-13-45\n\nA report with no real date.", "text/plain", 422)]   // invalid date
    [InlineData("date 2031-01-01\n\nA report from the future.", "text/plain", 422)]     // future date
    [InlineData("no date line at all", "text/plain", 422)]                             // not seed text
    [InlineData("", "text/plain", 400)]                                                // empty body
    [InlineData("date 2023-09-21\n\nText.", "application/pdf", 415)]                    // unsupported type
    public async Task Unreadable_bodies_are_refused_with_a_reason(string body, string type, int status)
    {
        HttpResponseMessage response = await PostAsync(body, type);

        JsonElement error = await JsonAsync(response, (HttpStatusCode)status);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
        if (status == 422)
        {
            Assert.True(error.GetProperty("failures").GetArrayLength() > 0);
        }
    }

    [Fact]
    public async Task Binary_and_invalid_utf8_bodies_are_refused()
    {
        using var binary = new ByteArrayContent([0x64, 0x61, 0x00, 0x01, 0x02]);
        using var invalid = new ByteArrayContent([0x64, 0x61, 0x74, 0x65, 0x20, 0xC3, 0x28]);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/ingest", binary)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/ingest", invalid)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_whether_its_length_is_declared_or_not()
    {
        string big = "date 2023-09-21\n\n" + new string('a', 70 * 1024);
        using var declared = new StringContent(big, Encoding.UTF8, "text/plain");
        using var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        JsonElement first = await JsonAsync(await client.PostAsync("/api/ingest", declared), HttpStatusCode.RequestEntityTooLarge);
        JsonElement second = await JsonAsync(await client.PostAsync("/api/ingest", streamed), HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("65536", first.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(413, second.GetProperty("status").GetInt32());
    }

    [Theory]
    // A page of another site posting to the loopback server (a form or fetch) is refused.
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_cross_site_post_is_refused(string header, string value)
    {
        using var content = new StringContent(Hostile, Encoding.UTF8, "text/plain");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = content };
        request.Headers.Add(header, value);

        await JsonAsync(await client.SendAsync(request), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reads_go_on_while_an_ingest_waits_for_another_writer_of_the_archive()
    {
        // Given another writer of the served archive holding its writer lock, as a storyline ingest in another process does
        string db = app.Services.GetRequiredService<WebOptions>().Database;
        await using IStoryStore other = await SqliteStoryStore.OpenAsync(db);
        IAsyncDisposable held = await other.AcquireWriterLockAsync();
        Task<HttpResponseMessage> posting;
        try
        {
            // When a report is posted, and the stories are asked for while that ingest waits
            posting = PostAsync("date 2023-09-23\n\nHarbourton officials said on Saturday that the water plant's second pump was repaired.\n", "text/plain");
            await Task.Delay(500);
            HttpResponseMessage stories = await client.GetAsync("/api/stories").WaitAsync(TimeSpan.FromSeconds(30));

            // Then the stories come at once, while the ingest still waits for the other writer
            Assert.Equal(HttpStatusCode.OK, stories.StatusCode);
            Assert.False(posting.IsCompleted, "the ingest did not wait for the archive's other writer");
        }
        finally
        {
            await held.DisposeAsync();
        }

        // And once the other writer is done, the ingest stores its report
        JsonElement result = await JsonAsync(await posting.WaitAsync(TimeSpan.FromMinutes(2)), HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("new").GetInt32());
    }

    private Task<HttpResponseMessage> PostAsync(string body, string type)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return client.PostAsync("/api/ingest", content);
    }
}
