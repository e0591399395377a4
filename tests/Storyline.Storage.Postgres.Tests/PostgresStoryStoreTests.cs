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

    private async Task<object?> ScalarAsync(string name, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresTarget.Parse(Target(name)).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
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
    public async Task An_archive_from_before_batch_checks_loses_its_foreign_keys_and_keeps_every_report()
    {
        // Given a version-2 archive: one report stored, and the foreign keys that version declared
        await using (IStoryStore store = await OpenAsync("keys"))
        {
            Assert.True(await store.SaveInStoryAsync(Reports.Stream[0], 1));
        }

        string keys = string.Concat(
            from table in Relational.ArchiveTables.All
            from column in table.Columns
            where column.References is not null
            select $"ALTER TABLE {table.Name} ADD FOREIGN KEY ({column.Name}) REFERENCES {column.References};");
        await ExecuteAsync("keys", keys + "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
        Assert.Equal(10L, await ScalarAsync("keys", "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"));

        // When this program opens it again and stores another report
        await using IStoryStore reopened = await OpenAsync("keys");
        Assert.True(await reopened.SaveInStoryAsync(Reports.Stream[1], 1));

        // Then the keys are gone, the version is this one's, and both reports are there
        Assert.Equal(0L, await ScalarAsync("keys", "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"));
        Assert.Equal(PostgresSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync("keys", "SELECT value FROM meta WHERE key = 'schema_version'"));
        Assert.Equal(2L, (await reopened.CountAsync()).Reports);
    }

    [Fact]
    public async Task An_archive_tuned_before_lz4_compresses_new_reports_with_it_and_reads_the_old_ones()
    {
        // Given an archive whose reports' text and JSON are kept with pglz (as archives tuned before lz4 was asked for)
        string hasLz4 = await ScalarAsync("lz4", "SELECT ('lz4' = ANY (enumvals))::text FROM pg_settings WHERE name = 'default_toast_compression'") as string ?? "false";
        await using (IStoryStore store = await OpenAsync("lz4"))
        {
            Assert.True(await store.SaveInStoryAsync(Reports.Stream[0], 1));
        }

        await ExecuteAsync("lz4", "ALTER TABLE articles ALTER COLUMN body SET COMPRESSION pglz, ALTER COLUMN analysis SET COMPRESSION pglz, ALTER COLUMN features SET COMPRESSION pglz");

        // When this program opens it again and stores another report
        await using IStoryStore reopened = await OpenAsync("lz4");
        Assert.True(await reopened.SaveInStoryAsync(Reports.Stream[1], 1));

        // Then the columns compress with lz4 where the server has it (pglz where it does not), and both reports read back
        string expected = hasLz4 == "true" ? "l" : "p";
        Assert.Equal(expected, (await ScalarAsync("lz4", "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'analysis'"))?.ToString());
        IReadOnlyList<AnalyzedArticle> stored = await reopened.GetStoryReportsAsync(new StoryId(1));
        Assert.Equal(
            new[] { Reports.Stream[0].Article.Body, Reports.Stream[1].Article.Body }.Order(StringComparer.Ordinal),
            stored.Select(r => r.Article.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_reference_of_the_schema_is_checked_per_batch()
    {
        var declared = (from table in Relational.ArchiveTables.All
                        from column in table.Columns
                        where column.References is not null
                        select (table.Name, column.Name, column.References!)).ToHashSet();

        Assert.Equal(declared, PostgresStoryStore.CheckedReferences.ToHashSet());
    }

    [Fact]
    public async Task The_archive_checks_find_a_row_that_refers_to_no_entity()
    {
        // Given an archive with one report, and a mention written past the store that names an entity it does not hold
        await using IStoryStore store = await OpenAsync("orphan");
        Assert.True(await store.SaveInStoryAsync(Reports.Stream[0], 1));
        Assert.Empty(await ArchiveChecks.CheckAsync((PostgresStoryStore)store));
        await ExecuteAsync("orphan", $"INSERT INTO mentions (article_id, start, length, entity_key, sentence) VALUES ('{Reports.Stream[0].Article.Id.Value}', 999999, 1, 'person:nobody', 0)");

        // Then the checks name it
        Assert.Equal(["mentions.entity_key not in entities: 1"], await ArchiveChecks.CheckAsync((PostgresStoryStore)store));
    }

    [Fact]
    public async Task A_report_that_fails_midway_leaves_nothing_behind()
    {
        // Given a report whose last mention points at an entity it does not list (a broken analysis)
        AnalyzedArticle good = Reports.Stream[0];
        Mention stray = good.Mentions[^1] with { Entity = new EntityKey("person:nobody"), Span = new TextSpan(good.Body.Length - 1, 1) };
        AnalyzedArticle broken = good with { Mentions = [.. good.Mentions, stray] };
        await using IStoryStore store = await OpenAsync("broken");

        // When it is saved, the batch's check of its references stops the save after every row was written, naming it
        StoreException error = await Assert.ThrowsAsync<StoreException>(() => store.SaveInStoryAsync(broken, 1));
        Assert.Contains("entity person:nobody", error.Message, StringComparison.Ordinal);

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
