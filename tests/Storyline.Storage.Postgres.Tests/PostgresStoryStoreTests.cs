using Npgsql;
using Storyline.Domain;
using Storyline.Storage.Tests;
using Storyline.Testing;

namespace Storyline.Storage.Postgres.Tests;

/// <summary>The store contract on PostgreSQL, one schema per store a test opens, and what only a server can get wrong.</summary>
public sealed class PostgresStoryStoreTests : StoryStoreContract, IDisposable
{
    private readonly Dictionary<string, string> schemas = new(StringComparer.Ordinal);

    public void Dispose()
    {
        if (schemas.Count == 0)
        {
            return;
        }

        using var connection = new NpgsqlConnection(PostgresTarget.Parse(TestPostgres.Server).ConnectionString);
        connection.Open();
        foreach (string schema in schemas.Values)
        {
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }

    protected override async Task<IStoryStore> OpenAsync(string name) => await PostgresStoryStore.OpenAsync(Target(name));

    private string Target(string name)
    {
        if (!schemas.TryGetValue(name, out string? schema))
        {
            schemas[name] = schema = TestPostgres.NewSchema(name);
        }

        return TestPostgres.WithSchema(schema);
    }

    private async Task ExecuteAsync(string name, string sql)
    {
        NpgsqlConnectionStringBuilder builder = PostgresTarget.Parse(Target(name));
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_schema_of_another_program_is_refused_and_left_as_it_was()
    {
        // Given a schema with another program's table and row
        string schema = TestPostgres.NewSchema("other");
        schemas["other"] = schema;
        await ExecuteAsync("other", $"CREATE SCHEMA \"{schema}\"; CREATE TABLE \"{schema}\".notes (id int PRIMARY KEY, text text); INSERT INTO \"{schema}\".notes VALUES (1, 'keep me');");

        StoreException error = await Assert.ThrowsAsync<StoreException>(() => OpenAsync("other"));

        Assert.Contains("not a Storyline database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_database_of_a_newer_schema_is_refused()
    {
        await (await OpenAsync("newer")).DisposeAsync();
        await ExecuteAsync("newer", $"UPDATE meta SET value = '{PostgresSchema.Version + 1}' WHERE key = 'schema_version'");

        StoreException error = await Assert.ThrowsAsync<StoreException>(() => OpenAsync("newer"));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_an_archive_at_this_version_does_not_wait_for_its_readers()
    {
        // Given an archive, and a reader holding a transaction that has read its articles
        await (await OpenAsync("readers")).DisposeAsync();
        await using var reader = new NpgsqlConnection(PostgresTarget.Parse(Target("readers")).ConnectionString);
        await reader.OpenAsync();
        await using NpgsqlTransaction reading = await reader.BeginTransactionAsync();
        await using (var select = new NpgsqlCommand("SELECT count(*) FROM articles", reader, reading))
        {
            await select.ExecuteScalarAsync();
        }

        // When another process opens the archive, it opens at once (no DDL that would wait for the reader's lock)
        Task<IStoryStore> opening = OpenAsync("readers");
        Task finished = await Task.WhenAny(opening, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(opening, finished);
        await (await opening).DisposeAsync();
        await reading.RollbackAsync();
    }

    [Fact]
    public async Task An_archive_from_before_bylines_gains_them_and_keeps_every_report()
    {
        // Given a version-1 archive, written before articles had an author and a paywall flag (the columns dropped again)
        await using (IStoryStore store = await OpenAsync("bylines"))
        {
            Assert.True(await store.SaveInStoryAsync(Reports.Stream[0], 1));
        }

        await ExecuteAsync("bylines", "ALTER TABLE articles DROP COLUMN author, DROP COLUMN paywalled; UPDATE meta SET value = '1' WHERE key = 'schema_version'");

        // When this program opens it again
        await using IStoryStore reopened = await OpenAsync("bylines");
        AnalyzedArticle bylined = Reports.Stream[1] with { Article = Reports.Stream[1].Article with { Author = "Jane Doe", Paywalled = true } };
        Assert.True(await reopened.SaveInStoryAsync(bylined, 1));

        // Then the old report is there with no byline, and the new one keeps its own
        StoredReport? old = await reopened.GetReportAsync(Reports.Stream[0].Article.Id.Value);
        StoredReport? added = await reopened.GetReportAsync(bylined.Article.Id.Value);
        Assert.NotNull(old);
        Assert.Null(old.Report.Article.Author);
        Assert.False(old.Report.Article.Paywalled);
        Assert.NotNull(added);
        Assert.Equal("Jane Doe", added.Report.Article.Author);
        Assert.True(added.Report.Article.Paywalled);
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(Target("bylines")).ConnectionString);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'schema_version'", connection);
        Assert.Equal(PostgresSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), await version.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_report_that_fails_midway_leaves_nothing_behind()
    {
        // Given a report whose last mention points at an entity it does not list (a broken analysis)
        AnalyzedArticle good = Reports.Stream[0];
        Mention stray = good.Mentions[^1] with { Entity = new EntityKey("person:nobody"), Span = new TextSpan(good.Body.Length - 1, 1) };
        AnalyzedArticle broken = good with { Mentions = [.. good.Mentions, stray] };
        await using IStoryStore store = await OpenAsync("broken");

        // When it is saved, the foreign key on mentions stops the save after the article and entities
        await Assert.ThrowsAsync<PostgresException>(() => store.SaveInStoryAsync(broken, 1));

        // Then none of it was kept, and the good report can still be saved
        Assert.Equal(new ArchiveCounts(0, 0, 0), await store.CountAsync());
        Assert.Empty(await store.SearchAsync("Seoul", 10));
        Assert.True(await store.SaveInStoryAsync(good, 1));
        Assert.Single(await store.SearchAsync("Seoul", 10));
    }

    [Fact]
    public async Task Search_folds_case_and_diacritics_and_keeps_phrases_inside_one_column()
    {
        await using IStoryStore store = await OpenAsync("fold");
        await store.SaveAsync(
            Reports.Bare("d000000000000001", "2023-09-11", "Talks at the Café Pushkin in Moscow went on."),
            Stories.StoryFeatures.From(Reports.Bare("d000000000000001", "2023-09-11")),
            new Stories.StoryAssignment(new ArticleId("d000000000000001"), new StoryId(1), true, 0, "A story"));

        Assert.Single(await store.SearchAsync("cafe PUSHKIN", 10));
        Assert.Single(await store.SearchAsync("\"café pushkin\"", 10));
        Assert.Contains("«Café»", (await store.SearchAsync("cafe", 10))[0].Snippet, StringComparison.Ordinal);
    }
}
