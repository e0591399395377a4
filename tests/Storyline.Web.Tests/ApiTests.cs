using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Timelines;

namespace Storyline.Web.Tests;

/// <summary>The JSON API in process: shapes, refusals with 4xx JSON errors, size limits, path traversal, headers.</summary>
public sealed class ApiTests(SampleArchive archive) : IClassFixture<SampleArchive>, IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = await archive.StartTestServerAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Stories_are_listed_latest_activity_first_with_counts_and_key_entities()
    {
        JsonElement stories = await GetJsonAsync("/api/stories");

        Assert.Equal(4, stories.GetArrayLength());
        var last = stories.EnumerateArray().Select(s => s.GetProperty("lastReport").GetString()!).ToList();
        Assert.Equal(last.OrderDescending(StringComparer.Ordinal), last);
        JsonElement kim = stories.EnumerateArray().Single(s => s.GetProperty("keyEntities").EnumerateArray().Any(e => e.GetProperty("key").GetString() == "kim jong un"));
        Assert.Equal(10, kim.GetProperty("reports").GetInt32());
        Assert.Equal("person", kim.GetProperty("keyEntities").EnumerateArray().First(e => e.GetProperty("key").GetString() == "kim jong un").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_story_has_reports_entities_with_roles_places_with_coordinates_and_quotes_by_speaker()
    {
        long id = await StoryOfAsync("kim jong un");

        JsonElement story = await GetJsonAsync($"/api/stories/{id}");

        Assert.Equal(id, story.GetProperty("id").GetInt64());
        Assert.Equal(10, story.GetProperty("reports").GetArrayLength());
        JsonElement kim = story.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "kim jong un");
        Assert.Contains("North Korean leader", kim.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        JsonElement vladivostok = story.GetProperty("places").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "place:2013348");
        Assert.Equal(43.1, vladivostok.GetProperty("latitude").GetDouble(), 1);
        Assert.Equal(131.9, vladivostok.GetProperty("longitude").GetDouble(), 1);
        Assert.False(vladivostok.GetProperty("isCountry").GetBoolean());
        Assert.True(story.GetProperty("quotesBySpeaker").GetArrayLength() > 0);
        Assert.All(story.GetProperty("quotesBySpeaker").EnumerateArray(), s => Assert.True(s.GetProperty("quotes").GetArrayLength() > 0));
    }

    [Fact]
    public async Task A_timeline_is_dated_in_order_with_sources_and_certainty()
    {
        long id = await StoryOfAsync("kim jong un");

        JsonElement timeline = await GetJsonAsync($"/api/stories/{id}/timeline");

        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        var dates = entries.Select(e => e.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(entries, e => Assert.True(e.GetProperty("sources").GetArrayLength() >= 1));
        Assert.Contains(entries, e => e.TryGetProperty("status", out _));
        // "on Monday" in a report of 2023-09-12 (Tuesday) places the visit announcement on the 11th.
        Assert.Contains(entries, e => e.GetProperty("date").GetString() == "2023-09-11");
    }

    [Fact]
    public async Task The_timeline_is_the_ranked_timeline_the_command_line_shows()
    {
        long id = await StoryOfAsync("kim jong un");

        JsonElement timeline = await GetJsonAsync($"/api/stories/{id}/timeline");

        // The same entries, in the same order, as StoryDigest.Timeline (what `storyline timeline` prints)
        string[] expected;
        await using (IStoryStore store = await SqliteStoryStore.OpenAsync(archive.Database, SampleArchive.Clock))
        {
            Story story = (await store.GetStoryAsync(new StoryId(id)))!;
            IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(story.Id);
            expected = [.. new StoryDigest().Timeline(reports, story.Copies.Keys.ToHashSet()).SelectMany(d => d.Entries).Select(e => $"{e.Date:yyyy-MM-dd} {e.Text}")];
        }

        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(expected, entries.Select(e => $"{e.GetProperty("date").GetString()} {e.GetProperty("text").GetString()}"));

        // ranked within each day, with attributions where the report names a source.
        Assert.All(entries.GroupBy(e => e.GetProperty("date").GetString()), day =>
        {
            double[] importance = [.. day.Select(e => e.GetProperty("importance").GetDouble())];
            Assert.Equal(importance.OrderDescending(), importance);
        });
        Assert.Contains(entries, e => e.TryGetProperty("attribution", out JsonElement a) && a.GetString()!.Contains("state media", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_summary_is_extractive_in_story_order_with_every_source()
    {
        long id = await StoryOfAsync("kim jong un");

        JsonElement summary = await GetJsonAsync($"/api/stories/{id}/summary");

        // Five sentences of the timeline, drawn from as many days (the story has more days than sentences), none
        // opening with a pronoun that points back to a sentence the summary does not give.
        var sentences = summary.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(5, sentences.Count);
        Assert.All(sentences, s =>
        {
            JsonElement[] sources = [.. s.GetProperty("sources").EnumerateArray()];
            Assert.Contains(sources, r => r.GetProperty("id").GetString() == s.GetProperty("report").GetString());
            Assert.True(s.GetProperty("score").GetDouble() > 0);
            Assert.False(Timelines.StoryDigest.OpensWithPronoun(s.GetProperty("text").GetString()!));
        });
        Assert.Equal(5, sentences.Select(s => s.GetProperty("published").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(sentences, s => s.GetProperty("text").GetString()!.Contains("across the border into Russia at Khasan", StringComparison.Ordinal));
        Assert.StartsWith("extractive", summary.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whats_new_since_the_first_report_has_the_Khasan_crossing_and_the_visit_confirmed()
    {
        long id = await StoryOfAsync("kim jong un");

        // The first report (5 Sep) has US officials saying Kim intends to go; everything after it is new.
        JsonElement news = await GetJsonAsync($"/api/stories/{id}/whatsnew?since=2023-09-05");

        Assert.Equal(9, news.GetProperty("reports").GetArrayLength());
        string[] facts = [.. news.GetProperty("facts").EnumerateArray().Select(e => e.GetProperty("text").GetString()!)];
        Assert.Contains(facts, f => f.Contains("rolled across the border into Russia at Khasan", StringComparison.Ordinal));
        Assert.Contains(facts, f => f.Contains("invited Vladimir Putin to visit North Korea", StringComparison.Ordinal));
        Assert.DoesNotContain(facts, f => f.Contains("intends to travel to Russia", StringComparison.Ordinal));

        // the visit moved to confirmed, with the sentence and source that moved it, and the short form agrees;
        JsonElement change = Assert.Single(news.GetProperty("statusChanges").EnumerateArray(), c => c.GetProperty("key").GetString() == "kim jong un|visit");
        Assert.Equal("confirmed", change.GetProperty("to").GetString());
        Assert.NotEqual("confirmed", change.GetProperty("from").GetString());
        Assert.False(string.IsNullOrEmpty(change.GetProperty("evidence").GetString()));
        JsonElement claim = Assert.Single(news.GetProperty("claims").EnumerateArray(), c => c.GetProperty("key").GetString() == "kim jong un|visit");
        Assert.Equal("confirmed", Assert.Single(claim.GetProperty("after").EnumerateArray()).GetString());

        // new quotes come from new reports only.
        Assert.True(news.GetProperty("quotes").GetArrayLength() > 0);
        Assert.All(news.GetProperty("quotes").EnumerateArray(), q => Assert.True(string.CompareOrdinal(q.GetProperty("published").GetString(), "2023-09-05") > 0));
    }

    [Fact]
    public async Task Whats_new_holds_only_what_reports_after_the_date_say()
    {
        long id = await StoryOfAsync("kim jong un");

        JsonElement news = await GetJsonAsync($"/api/stories/{id}/whatsnew?since=2023-09-15");
        JsonElement none = await GetJsonAsync($"/api/stories/{id}/whatsnew?since=2023-09-30");

        Assert.True(news.GetProperty("reports").GetArrayLength() > 0);
        Assert.All(news.GetProperty("reports").EnumerateArray(), r => Assert.True(string.CompareOrdinal(r.GetProperty("published").GetString(), "2023-09-15") > 0));
        Assert.All(news.GetProperty("facts").EnumerateArray(), e => Assert.All(e.GetProperty("sources").EnumerateArray(),
            s => Assert.True(string.CompareOrdinal(s.GetProperty("published").GetString(), "2023-09-15") > 0)));
        Assert.Contains(news.GetProperty("facts").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("back in Pyongyang", StringComparison.Ordinal));
        Assert.Equal(0, none.GetProperty("reports").GetArrayLength());
        Assert.Equal(0, none.GetProperty("facts").GetArrayLength());
        Assert.Equal(0, none.GetProperty("statusChanges").GetArrayLength());
    }

    [Fact]
    public async Task Entities_and_an_entity_by_key_or_name()
    {
        JsonElement people = await GetJsonAsync("/api/entities?type=person&limit=5");
        JsonElement kim = await GetJsonAsync("/api/entities/" + Uri.EscapeDataString("Kim Jong-un"));
        JsonElement country = await GetJsonAsync("/api/entities/country:kp");

        Assert.Equal(5, people.GetArrayLength());
        Assert.All(people.EnumerateArray(), e => Assert.Equal("person", e.GetProperty("type").GetString()));
        Assert.Equal("kim jong un", kim.GetProperty("key").GetString());
        Assert.True(kim.GetProperty("stories").GetArrayLength() >= 1);
        Assert.Equal("North Korea", country.GetProperty("name").GetString());
        Assert.Equal("KP", country.GetProperty("place").GetProperty("country").GetString());
    }

    [Fact]
    public async Task A_short_form_after_its_full_name_by_its_key_is_that_person()
    {
        // Every "Kim" of the sample follows Kim Jong Un's full name in its report (in the bombers report the tagger typed
        // them places): the key opens him, a person in all ten of his reports. (The ambiguous case: IngestTests.)
        JsonElement kim = await GetJsonAsync("/api/entities/kim");

        Assert.Equal("kim jong un", kim.GetProperty("key").GetString());
        Assert.Equal("person", kim.GetProperty("type").GetString());
        Assert.Equal(10, kim.GetProperty("reports").GetInt32());
    }

    [Fact]
    public async Task Quotes_of_a_speaker()
    {
        JsonElement quotes = await GetJsonAsync("/api/quotes?speaker=Peskov");

        Assert.True(quotes.GetArrayLength() > 0);
        Assert.All(quotes.EnumerateArray(), q => Assert.False(string.IsNullOrEmpty(q.GetProperty("content").GetString())));
    }

    [Fact]
    public async Task Search_filters_by_date_range_entity_and_story()
    {
        long derna = await StoryOfAsync("country:ly");

        JsonElement all = await GetJsonAsync("/api/search?q=dam&limit=50");
        JsonElement late = await GetJsonAsync("/api/search?q=dam&from=2023-09-15&to=2023-09-30&limit=50");
        JsonElement inStory = await GetJsonAsync($"/api/search?q=water&story={derna}&limit=50");
        JsonElement withEntity = await GetJsonAsync("/api/search?q=Kim&entity=country:kp&limit=50");

        Assert.True(all.GetProperty("hits").GetArrayLength() > late.GetProperty("hits").GetArrayLength());
        Assert.All(late.GetProperty("hits").EnumerateArray(), h => Assert.True(string.CompareOrdinal(h.GetProperty("published").GetString(), "2023-09-15") >= 0));
        Assert.All(inStory.GetProperty("hits").EnumerateArray(), h => Assert.Equal(derna, h.GetProperty("story").GetInt64()));
        Assert.True(withEntity.GetProperty("hits").GetArrayLength() > 0);
        Assert.Equal("country:kp", withEntity.GetProperty("entity").GetString());
    }

    [Theory]
    // Each bad request is answered with a 4xx and a JSON {error, status} that says what was wrong.
    [InlineData("/api/stories/abc", 400, "not a story number")]       // not a number
    [InlineData("/api/stories/-3/timeline", 400, "not a story number")] // not a story number
    [InlineData("/api/stories/1/whatsnew?since=nonsense", 400, "neither a date")] // neither a day nor a report
    [InlineData("/api/search?q=dam&from=yesterday", 400, "'from' must be a date")] // a date that does not parse
    [InlineData("/api/quotes?story=abc", 400, "'story' must be a story number")]    // a story that does not parse
    [InlineData("/api/quotes?limit=1.5", 400, "'limit' must be a whole number")]     // a count that does not parse
    [InlineData("/api/reports/ffffffffffff", 404, "no report")]       // no such report
    [InlineData("/api/stories/999999", 404, "no story")]              // no such story
    [InlineData("/api/stories/1/whatsnew", 400, "since")]             // date missing
    [InlineData("/api/stories/1/whatsnew?since=yesterday", 400, "since")] // not a date
    [InlineData("/api/stories?limit=0", 400, "limit")]                // out of range
    [InlineData("/api/stories?limit=abc", 400, "limit")]              // not a number
    [InlineData("/api/entities?type=planet", 400, "type")]            // unknown type
    [InlineData("/api/entities/nobody%20at%20all", 404, "no entity")] // no such entity
    [InlineData("/api/search", 400, "'q'")]                           // no words
    [InlineData("/api/search?q=dam&from=2023-09-20&to=2023-09-10", 400, "after")] // empty range
    [InlineData("/api/search?q=dam&entity=nobody%20at%20all", 404, "no entity")]
    [InlineData("/api/nothing/here", 404, "no API endpoint")]         // unknown endpoint
    [InlineData("/no/such/page", 404, "nothing at")]                  // unknown file
    public async Task Bad_requests_get_a_4xx_json_error(string path, int status, string words)
    {
        HttpResponseMessage response = await client.GetAsync(path);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.Contains(words, error.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        // The error is in the user's words: no .NET parameter or type names.
        Assert.DoesNotContain("bind", error.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("System.", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Getting_the_ingest_endpoint_is_405_not_404()
    {
        // Given the ingest endpoint, which takes POST only (docs/web-api.md promises 405 for a wrong method)
        HttpResponseMessage response = await client.GetAsync("/api/ingest");

        // Then a GET is told the method is wrong, with the method that is allowed
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []));
        JsonElement error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(405, error.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Whats_new_takes_a_report_id_as_the_command_line_does()
    {
        // Given a story and the id prefix of its first report
        long id = await StoryOfAsync("kim jong un");
        JsonElement story = await GetJsonAsync($"/api/stories/{id}");
        string first = story.GetProperty("reports")[0].GetProperty("id").GetString()!;

        // When what's new is asked since that report
        JsonElement news = await GetJsonAsync($"/api/stories/{id}/whatsnew?since={first[..10]}");

        // Then the cutoff is that report, and the other reports are new
        Assert.Equal(first, news.GetProperty("sinceReport").GetString());
        Assert.False(news.TryGetProperty("sinceDate", out _));
        Assert.DoesNotContain(first, news.GetProperty("newReports").EnumerateArray().Select(r => r.GetString()));
        Assert.True(news.GetProperty("newReports").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_report_has_its_text_with_its_names_and_quotes_marked_and_its_story()
    {
        // Given a report of the Kim story that quotes someone
        long id = await StoryOfAsync("kim jong un");
        JsonElement quotes = await GetJsonAsync($"/api/quotes?story={id}&limit=1");
        string report = quotes[0].GetProperty("report").GetString()!;

        // When its page is asked for by a prefix of its id
        JsonElement page = await GetJsonAsync($"/api/reports/{report[..12]}");

        // Then it has its whole text, its story, and marks that point at the right words of the text
        string body = page.GetProperty("body").GetString()!;
        Assert.Equal(report, page.GetProperty("report").GetProperty("id").GetString());
        Assert.Equal(id, page.GetProperty("story").GetInt64());
        Assert.False(string.IsNullOrEmpty(page.GetProperty("storyTitle").GetString()));
        Assert.NotEmpty(page.GetProperty("mentions").EnumerateArray());
        Assert.All(page.GetProperty("mentions").EnumerateArray(), m =>
            Assert.InRange(m.GetProperty("start").GetInt32() + m.GetProperty("length").GetInt32(), 1, body.Length));
        Assert.Contains(page.GetProperty("mentions").EnumerateArray(), m =>
            body.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()).Contains("Kim", StringComparison.Ordinal));
        Assert.NotEmpty(page.GetProperty("quotes").EnumerateArray());
    }

    [Fact]
    public async Task Labels_are_the_words_the_command_line_prints()
    {
        JsonElement labels = await GetJsonAsync("/api/labels");

        Assert.Equal("Place", labels.GetProperty("entityType").GetProperty("location").GetString());
        Assert.Equal("Organisation", labels.GetProperty("entityType").GetProperty("organization").GetString());
        Assert.Equal("named person", labels.GetProperty("sourceKind").GetProperty("namedPerson").GetString());
        Assert.Equal("state media", labels.GetProperty("sourceKind").GetProperty("stateMedia").GetString());
    }

    [Fact]
    public async Task Stories_list_key_entities_from_the_store_as_the_story_page_counts_them()
    {
        // The list reads key entities from the index tables; they are the story page's most mentioned people,
        // organisations and places, in the same order.
        JsonElement stories = await GetJsonAsync("/api/stories");
        foreach (JsonElement card in stories.EnumerateArray())
        {
            JsonElement story = await GetJsonAsync($"/api/stories/{card.GetProperty("id").GetInt64()}");
            var expected = story.GetProperty("entities").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() != "miscellaneous")
                .Select(e => (Key: e.GetProperty("key").GetString(), Mentions: e.GetProperty("mentions").GetInt32()))
                .ToList();
            var keys = card.GetProperty("keyEntities").EnumerateArray().Select(e => e.GetProperty("key").GetString()).ToList();
            Assert.Equal(Math.Min(4, expected.Count), keys.Count);
            // Ties in mentions may be ordered by a different spelling of the name; the counts must agree.
            Assert.Equal(expected.Take(keys.Count).Select(e => e.Mentions), keys.Select(k => expected.Single(e => e.Key == k).Mentions));
            Assert.Equal(story.GetProperty("reports").GetArrayLength(), card.GetProperty("sources").GetInt32());
        }
    }

    [Fact]
    public async Task A_method_not_allowed_is_a_json_error()
    {
        HttpResponseMessage response = await client.DeleteAsync("/api/stories");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    // Only the embedded UI files are served, by exact path: none of these reaches a file on disk.
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/geo/../../Storyline.Web.dll")]
    [InlineData("/geo/..%5c..%5cStoryline.Web.dll")]
    [InlineData("/Storyline.Web.dll")]
    [InlineData("/sample.db")]
    [InlineData("/wwwroot/app.js")]
    [InlineData("//etc/passwd")]
    public async Task No_path_reaches_outside_the_ui_files(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://localhost" + path, UriKind.Absolute));
        HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.True(body.Length < 500);
    }

    [Fact]
    public async Task The_ui_files_are_served_with_a_strict_content_security_policy()
    {
        HttpResponseMessage index = await client.GetAsync("/");
        HttpResponseMessage script = await client.GetAsync("/app.js");
        HttpResponseMessage geo = await client.GetAsync("/geo/countries-50m.json");

        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, geo.StatusCode);
        Assert.DoesNotContain("<script>", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no inline script
    }

    [Fact]
    public async Task A_host_name_other_than_loopback_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stories");
        request.Headers.Host = "attacker.example";

        HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        JsonElement document = await GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (string path in new[] { "/api/stories", "/api/stories/{id}", "/api/stories/{id}/timeline", "/api/stories/{id}/summary", "/api/stories/{id}/whatsnew", "/api/entities", "/api/entities/{key}", "/api/quotes", "/api/search", "/api/ingest", "/api/reports/{id}", "/api/labels" })
        {
            Assert.Contains(path, paths);
        }

        // The answers are the views' records, named as in docs/json-shapes.md
        JsonElement schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (string record in new[] { "StoryDetail", "StoryListItem", "TimelineView", "WhatsNewView", "ReportPage", "EntityPage", "QuoteItem", "SearchView", "IngestView" })
        {
            Assert.True(schemas.TryGetProperty(record, out _), $"{record} is not in the OpenAPI document");
        }
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        HttpResponseMessage response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<long> StoryOfAsync(string entityKey)
    {
        JsonElement entity = await GetJsonAsync("/api/entities/" + Uri.EscapeDataString(entityKey));
        return entity.GetProperty("stories")[0].GetProperty("story").GetInt64();
    }
}
