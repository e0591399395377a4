using Storyline.Storage.Tests;
using Storyline.Stories;
using Storyline.Testing;

namespace Storyline.Storage.Postgres.Tests;

/// <summary><c>storyline migrate</c>: an archive copied SQLite → PostgreSQL → SQLite keeps its content hash and its answers.</summary>
public sealed class ArchiveCopyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyline-copy-" + Guid.NewGuid().ToString("N"));

    public ArchiveCopyTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task An_archive_copied_to_PostgreSQL_and_back_has_the_same_content_hash_and_answers()
    {
        // Given a SQLite archive of the test stream, assigned to stories by the clusterer
        string sqlite = Path.Combine(folder, "source.db");
        await using (SqliteStoryStore source = await SqliteStoryStore.OpenAsync(sqlite))
        {
            await source.IngestAsync(new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty), Reports.Stream);
        }

        // When it is copied into PostgreSQL, and from there into a new SQLite file
        string postgres = TestPostgres.WithSchema(TestPostgres.NewSchema("copy"));
        ArchiveCopy.Result there = await ArchiveCopy.CopyAsync(sqlite, postgres);
        string back = Path.Combine(folder, "back.db");
        ArchiveCopy.Result again = await ArchiveCopy.CopyAsync(postgres, back);

        // Then every copy has the content hash of the original
        Assert.Equal(Reports.Stream.Length, there.Rows["articles"]);
        Assert.Equal(there.SourceHash, there.TargetHash);
        Assert.Equal(there.SourceHash, again.TargetHash);
        Assert.Equal(there.SourceHash, await ArchiveCopy.HashAsync(back));

        // And the copies answer as the original does, search included
        await using SqliteStoryStore original = await SqliteStoryStore.OpenAsync(sqlite);
        await using PostgresStoryStore copy = await PostgresStoryStore.OpenAsync(postgres);
        await using SqliteStoryStore returned = await SqliteStoryStore.OpenAsync(back);
        foreach (IStoryStore store in new IStoryStore[] { copy, returned })
        {
            Assert.Equal(await original.CountAsync(), await store.CountAsync());
            Assert.Equal(await original.ListStoriesAsync(), await store.ListStoriesAsync());
            Assert.Equal((await original.SearchAsync("Derna floods", 10)).Select(h => h.Report).Order(), (await store.SearchAsync("Derna floods", 10)).Select(h => h.Report).Order());
        }

        // And a store that holds reports is never copied into
        await Assert.ThrowsAsync<StoreException>(() => ArchiveCopy.CopyAsync(sqlite, postgres));
    }
}
