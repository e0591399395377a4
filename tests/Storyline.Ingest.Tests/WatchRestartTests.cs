using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>
/// <c>watch</c> keeps what it fetched with the archive (beside a SQLite file, inside a PostgreSQL database), so that a
/// restarted watch asks "only if changed" and reads only the feed items it has not seen. Each run is a new process.
/// </summary>
public sealed partial class WatchRestartTests : IDisposable
{
    private static readonly string[] Days = ["Mon, 03", "Tue, 04", "Wed, 05"];
    private static readonly string[] Texts =
    [
        "Dredging of the harbour mouth began on Monday and will close the northern channel to larger boats for three weeks, the port authority said.",
        "The port authority said on Tuesday that the dredging of the harbour mouth was ahead of schedule and the northern channel could reopen early.",
        "Fishing crews on the islands asked the port authority on Wednesday to pay for the days the northern channel stays closed by the dredging.",
    ];

    private readonly ScratchFolder scratch = new("storyline-watch");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task A_restarted_watch_of_a_SQLite_archive_reads_only_what_it_has_not_seen()
    {
        string db = Path.Combine(scratch.Path, "archive.db");

        await WatchAcrossRestartsAsync(db);

        // What it keeps is one file beside the archive
        Assert.True(File.Exists(db + ".watch.json"));
    }

    [PostgresFact]
    public async Task A_restarted_watch_of_a_PostgreSQL_archive_reads_only_what_it_has_not_seen()
    {
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("watch"));

        await WatchAcrossRestartsAsync(db);

        // What it keeps is in the archive, and no file was written where the program ran (it wrote one named after the
        // connection string there)
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Path));
        await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db);
        Assert.Contains("etag-2", await store.LoadWatchStateAsync(), StringComparison.Ordinal);
    }

    // Three runs of `watch --once`, each a new process (as after a restart), the feed gaining an item before the third.
    private async Task WatchAcrossRestartsAsync(string db)
    {
        // Given a feed of two items, served with an ETag, answering 304 to a request that carries it
        using var server = new LocalServer();
        string etag = "\"etag-1\"";
        string feed = FeedOf(2);
        server.Map("/feed.xml", async (context, _) =>
        {
            if (context.Request.Headers["If-None-Match"] == etag)
            {
                context.Response.StatusCode = 304;
                context.Response.Close();
                return;
            }

            context.Response.Headers["ETag"] = etag;
            await LocalServer.WriteAsync(context, 200, "application/rss+xml", feed);
        });
        string address = server.Url("/feed.xml").ToString();

        // When watch polls it once, and once more after a restart
        Poll first = await WatchOnceAsync(address, db);
        Poll second = await WatchOnceAsync(address, db);

        // Then the first stores both items; the second asks "only if changed" with the kept ETag, and reads nothing
        Assert.Equal(new Poll(2, 2, 0), first);
        Assert.Equal(new Poll(0, 0, 0), second);
        Assert.Contains(server.Requests, r => r.IfNoneMatch == "\"etag-1\"");

        // And when the feed gains a third item under a new ETag, a third run reads that item alone: the two it has seen
        // are not read again (a watcher that forgot them would read all three and find two duplicates)
        feed = FeedOf(3);
        etag = "\"etag-2\"";
        Assert.Equal(new Poll(1, 1, 0), await WatchOnceAsync(address, db));
    }

    // The counts of the line a poll prints ("HH:mm:ss read N: X new, D duplicate, F failed; …").
    private async Task<Poll> WatchOnceAsync(string address, string db)
    {
        string output = await StorylineProcess.RunInAsync(scratch.Path, "watch", address, "--once", "--db", db);
        Match line = PollLine().Match(output);
        Assert.True(line.Success, "no poll line in: " + output);
        return new Poll(Number(line, 1), Number(line, 2), Number(line, 3));
    }

    private static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // An RSS feed of the first `items` of three reports on one story, each with its own guid and its whole text.
    private static string FeedOf(int items)
    {
        var body = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Island News</title>");
        for (int i = 0; i < items; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $"<item><guid>d{i}</guid><title>Dredging, day {i + 1}</title><pubDate>{Days[i]} Jul 2023 08:00:00 GMT</pubDate><description>{Texts[i]}</description></item>");
        }

        return body.Append("</channel></rss>").ToString();
    }

    /// <summary>The poll line's counts, as the one-line summary of <c>watch</c> prints them (with or without the word "reports").</summary>
    [GeneratedRegex(@"read (\d+)(?: reports?)?: (\d+) new, (\d+) duplicate")]
    internal static partial Regex PollLine();

    private sealed record Poll(int Read, int New, int Duplicates);
}
