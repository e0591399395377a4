using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Testing;

namespace Storyline.Web.Tests;

/// <summary>The bundled sample ingested once into a scratch database, shared by the tests of a class.</summary>
public sealed class SampleArchive : IAsyncLifetime
{
    /// <summary>The sample is from September 2023; the clock stands a little after it so that no date is "future".</summary>
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2023, 10, 1, 12, 0, 0, TimeSpan.Zero));

    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyline-web-" + Guid.NewGuid().ToString("N"));

    public string Database => Path.Combine(folder, "sample.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        await using IStoryStore store = await SqliteStoryStore.OpenAsync(Database, Clock);
        var source = new ReportSource(new ReaderOptions { Clock = Clock });
        IngestSummary summary = await new Ingestor(store).IngestAsync(source, [TestPaths.Samples]);
        Assert.Equal(38, summary.New);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its file; the temp folder is cleaned later.
        }

        return Task.CompletedTask;
    }

    public WebOptions Options(string? database = null) => new() { Database = database ?? Database, Port = 0, Clock = Clock };

    /// <summary>An in-process server over a copy of the archive (so that ingest tests leave the shared one alone).</summary>
    public async Task<WebApplication> StartTestServerAsync(bool copy = false, Func<WebOptions, WebOptions>? change = null)
    {
        string db = Database;
        if (copy)
        {
            db = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
            File.Copy(Database, db);
        }

        WebOptions options = Options(db);
        WebApplication app = await StorylineServer.BuildAsync(change is null ? options : change(options), b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }
}

/// <summary>A clock that stands still.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
