using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Web.Tests;

/// <summary>serve over a PostgreSQL archive: it opens what --db names, and an ingest POST goes through the queue and its one assigner.</summary>
public sealed class PostgresServeTests
{
    [PostgresFact]
    public async Task A_PostgreSQL_archive_is_served_and_a_posted_report_goes_through_the_queue()
    {
        // Given a PostgreSQL archive, served
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("serve"));
        await (await PostgresStoryStore.OpenAsync(db)).DisposeAsync();
        var options = new WebOptions { Database = db, Port = 0, Clock = SampleArchive.Clock };
        await using WebApplication app = await StorylineServer.BuildAsync(options, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        HttpClient client = app.GetTestClient();

        // When a report is posted
        using var content = new StringContent("date 2023-09-23\n\nHarbourton officials said on Saturday that the water plant's second pump was repaired.\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        HttpResponseMessage response = await client.PostAsync("/api/ingest", content);

        // Then it is stored in a new story, listed by the server, and the queue it went through is drained
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        JsonElement result = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, result.GetProperty("new").GetInt32());
        Assert.True(result.GetProperty("assignments")[0].GetProperty("newStory").GetBoolean());
        JsonElement stories = JsonDocument.Parse(await client.GetStringAsync("/api/stories")).RootElement;
        Assert.Equal(1, stories.GetArrayLength());
        await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db);
        Assert.Empty(await ArchiveChecks.CheckAsync(store));
        Assert.Equal(1, (await store.CountAsync()).Reports);
    }

    [PostgresFact]
    public async Task A_PostgreSQL_schema_with_no_archive_is_refused_and_left_uncreated()
    {
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("typo"));

        StoreException error = await Assert.ThrowsAsync<StoreException>(() => StorylineServer.BuildAsync(new WebOptions { Database = db, Port = 0 }, b => b.WebHost.UseTestServer()));

        Assert.Contains("no such database", error.Message, StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(PostgresTarget.Parse(TestPostgres.Server).ConnectionString);
        await connection.OpenAsync();
        string schema = PostgresTarget.Parse(db).SearchPath!;
        await using var exists = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @s", connection);
        exists.Parameters.AddWithValue("s", schema);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
