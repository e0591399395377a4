using Microsoft.Data.Sqlite;
using Storyline.Domain;

namespace Storyline.Storage.Tests;

/// <summary>The store contract on SQLite, one temp folder per test, and what only a file can get wrong.</summary>
public sealed class SqliteStoryStoreTests : StoryStoreContract, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyline-store-" + Guid.NewGuid().ToString("N"));

    public SqliteStoryStoreTests()
    {
        Directory.CreateDirectory(folder);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    protected override async Task<IStoryStore> OpenAsync(string name) => await SqliteStoryStore.OpenAsync(PathOf(name));

    private string PathOf(string name) => Path.Combine(folder, name + ".db");

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task A_new_file_is_created_in_WAL_mode_and_named_by_Path()
    {
        string path = PathOf("new");

        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(path);

        Assert.True(File.Exists(path));
        Assert.Equal(path, store.Path);
        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Several_openers_of_a_new_file_at_once_all_get_the_store()
    {
        var random = new Random(24);
        for (int round = 0; round < 20; round++)
        {
            // Given a file that does not exist yet
            string path = PathOf("race" + round.ToString(System.Globalization.CultureInfo.InvariantCulture));

            // When eight connections open it as a store within a few milliseconds of each other, so that some check the
            // file while another is creating the schema
            int[] delays = [.. Enumerable.Range(0, 8).Select(_ => random.Next(15))];
            SqliteStoryStore[] stores = await Task.WhenAll(delays.Select(delay => Task.Run(async () =>
            {
                Thread.Sleep(delay);
                return await SqliteStoryStore.OpenAsync(path);
            })));

            // Then every one of them got the store, with one schema and its version
            foreach (SqliteStoryStore store in stores)
            {
                Assert.Equal(new ArchiveCounts(0, 0, 0), await store.CountAsync());
                await store.DisposeAsync();
            }

            Assert.Equal(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
        }
    }

    [Fact]
    public async Task A_SQLite_file_of_another_program_is_refused_and_left_as_it_was()
    {
        // Given a SQLite file with another program's table and row
        string path = PathOf("other");
        await ExecuteAsync(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me');");
        byte[] before = await File.ReadAllBytesAsync(path);

        // When it is opened as a store
        StoreException error = await Assert.ThrowsAsync<StoreException>(() => SqliteStoryStore.OpenAsync(path));

        // Then the error names the file, and the file is unchanged: same table, same row, same journal mode
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a Storyline database", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep me", await ScalarAsync(path, "SELECT text FROM notes"));
        Assert.Equal(1L, await ScalarAsync(path, "SELECT count(*) FROM sqlite_master"));
        Assert.Equal("delete", await ScalarAsync(path, "PRAGMA journal_mode"));
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_is_refused()
    {
        string path = PathOf("text");
        await File.WriteAllTextAsync(path, "date 2023-09-12\n\nThis is a report, not a database. It is long enough to hold a header.\n" + new string('x', 200));

        StoreException error = await Assert.ThrowsAsync<StoreException>(() => SqliteStoryStore.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("date 2023-09-12", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_of_a_newer_schema_is_refused()
    {
        // Given a store whose schema version was raised by a newer program
        string path = PathOf("newer");
        await (await SqliteStoryStore.OpenAsync(path)).DisposeAsync();
        int newer = SqliteSchema.Version + 1;
        await ExecuteAsync(path, $"UPDATE meta SET value = '{newer}' WHERE key = 'schema_version'");

        // When it is opened
        StoreException error = await Assert.ThrowsAsync<StoreException>(() => SqliteStoryStore.OpenAsync(path));

        // Then it is refused as newer, and its version is not rewritten
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(newer.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    [Fact]
    public async Task Reopening_keeps_the_schema_version()
    {
        string path = PathOf("version");
        await (await SqliteStoryStore.OpenAsync(path)).DisposeAsync();
        await (await SqliteStoryStore.OpenAsync(path)).DisposeAsync();

        Assert.Equal(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    [Fact]
    public async Task An_archive_from_before_bylines_gains_them_and_keeps_every_report()
    {
        // Given a version-2 archive, written before articles had an author and a paywall flag (the columns dropped again)
        string path = PathOf("before-bylines");
        await using (IStoryStore store = await SqliteStoryStore.OpenAsync(path))
        {
            Assert.True(await store.SaveInStoryAsync(Reports.Stream[0], 1));
            Assert.True(await store.SaveInStoryAsync(Reports.Stream[1], 1));
        }

        await ExecuteAsync(path, "ALTER TABLE articles DROP COLUMN author; ALTER TABLE articles DROP COLUMN paywalled; UPDATE meta SET value = '2' WHERE key = 'schema_version';");

        // When this program opens it, reads it and adds a report with a byline
        await using IStoryStore reopened = await SqliteStoryStore.OpenAsync(path);
        IReadOnlyList<AnalyzedArticle> before = await reopened.GetStoryReportsAsync(new StoryId(1));
        AnalyzedArticle bylined = Reports.Stream[2] with { Article = Reports.Stream[2].Article with { Author = "Jane Doe", Paywalled = true } };
        Assert.True(await reopened.SaveInStoryAsync(bylined, 2));

        // Then the old reports are all there, with no byline and not paywalled, the new one keeps its own, and the file is
        // at this program's version
        Assert.Equal(2, before.Count);
        Assert.All(before, r => Assert.Null(r.Article.Author));
        Assert.All(before, r => Assert.False(r.Article.Paywalled));
        Assert.Equal(new[] { Reports.Stream[0].Article.Id, Reports.Stream[1].Article.Id }.Order(), before.Select(r => r.Article.Id).Order());
        StoredReport? back = await reopened.GetReportAsync(bylined.Article.Id.Value);
        Assert.NotNull(back);
        Assert.Equal("Jane Doe", back.Report.Article.Author);
        Assert.True(back.Report.Article.Paywalled);
        Assert.Equal(SqliteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), await ScalarAsync(path, "SELECT value FROM meta WHERE key = 'schema_version'"));
    }

    [Fact]
    public async Task A_report_that_fails_midway_leaves_nothing_behind()
    {
        // Given a report whose last mention points at an entity it does not list (a broken analysis)
        AnalyzedArticle good = Reports.Stream[0];
        Mention stray = good.Mentions[^1] with { Entity = new EntityKey("person:nobody"), Span = new TextSpan(good.Body.Length - 1, 1) };
        AnalyzedArticle broken = good with { Mentions = [.. good.Mentions, stray] };
        await using IStoryStore store = await OpenAsync("broken");

        // When it is saved, the foreign key on mentions stops the save after the article, entities and search rows
        await Assert.ThrowsAsync<SqliteException>(() => store.SaveInStoryAsync(broken, 1));

        // Then none of it was kept, and the good report can still be saved
        Assert.Equal(new ArchiveCounts(0, 0, 0), await store.CountAsync());
        Assert.Empty(await store.FindExistingAsync([good.Article.Id]));
        Assert.Empty(await store.SearchAsync("Seoul", 10));
        Assert.True(await store.SaveInStoryAsync(good, 1));
        Assert.Single(await store.SearchAsync("Seoul", 10));
    }

    [Fact]
    public async Task A_path_in_a_missing_folder_is_refused_naming_the_path()
    {
        string path = Path.Combine(folder, "no-such-folder", "archive.db");

        StoreException error = await Assert.ThrowsAsync<StoreException>(() => SqliteStoryStore.OpenAsync(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }
}
