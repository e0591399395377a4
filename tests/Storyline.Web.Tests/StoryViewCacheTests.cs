using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Storyline.Domain;

namespace Storyline.Web.Tests;

/// <summary>A story's views are made once while the story and the archive stay as they are (issue 23, item 2).</summary>
public sealed class StoryViewCacheTests(SampleArchive archive) : IClassFixture<SampleArchive>, IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = await archive.StartTestServerAsync(copy: true);
        client = app.GetTestClient();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("/api/stories/1")]
    [InlineData("/api/stories/1/summary")]
    [InlineData("/api/stories/1/timeline")]
    [InlineData("/api/stories/1/whatsnew?since=2023-09-10")]
    public async Task Opening_a_story_view_twice_makes_it_once_and_an_ingest_makes_it_again(string path)
    {
        StoryViewCache cache = app.Services.GetRequiredService<StoryViewCache>();

        // Given a view asked for once
        string first = await client.GetStringAsync(path);
        int made = cache.Computed;

        // When it is asked for again, the same answer comes without making it again
        string second = await client.GetStringAsync(path);
        Assert.Equal(first, second);
        Assert.Equal(made, cache.Computed);

        // And once a report is added to the archive, it is made again
        using var content = new StringContent("date 2023-09-25\n\nHarbourton officials said on Monday that the water plant's third pump was replaced.\n", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        (await client.PostAsync("/api/ingest", content)).EnsureSuccessStatusCode();
        await client.GetStringAsync(path);
        Assert.Equal(made + 1, cache.Computed);
    }

    public static TheoryData<string, Func<Story, Story>, long> Changes => new()
    {
        // Each change that must give a story another stamp.
        { "a report added", s => s with { Reports = s.Reports.Add(new ArticleId("c")), LastReport = s.LastReport.AddDays(1) }, 10 },
        { "a report added before the last", s => s with { Reports = s.Reports.Insert(0, new ArticleId("z")) }, 10 },
        { "a report replaced", s => s with { Reports = [new ArticleId("a"), new ArticleId("d")] }, 10 },
        { "a new title", s => s with { Title = "Another" }, 10 },
        { "a near-copy marked", s => s with { Copies = s.Copies.Add(new ArticleId("b"), new ArticleId("a")) }, 10 },
        { "a report elsewhere in the archive", s => s, 11 },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_changed_story_or_archive_has_another_stamp(string change, Func<Story, Story> apply, long archiveReports)
    {
        var story = new Story(new StoryId(1), "Title", new DateOnly(2023, 9, 1), new DateOnly(2023, 9, 2), [new ArticleId("a"), new ArticleId("b")]);

        Assert.Equal(StoryStamp.Of(story, 10), StoryStamp.Of(story with { }, 10));
        Assert.True(StoryStamp.Of(story, 10) != StoryStamp.Of(apply(story), archiveReports), change);
    }
}

/// <summary>How the cache makes a view once, however many ask, and keeps it past a request that gave up.</summary>
public sealed class StoryViewMakingTests
{
    private static readonly StoryStamp Stamp = new(1, "Title", new DateOnly(2023, 9, 2), 2, 0, 42, 10);

    [Fact]
    public async Task Requests_that_ask_at_once_share_one_making()
    {
        var cache = new StoryViewCache();
        using var release = new ManualResetEventSlim();
        int made = 0;
        string Make()
        {
            Interlocked.Increment(ref made);
            release.Wait(TimeSpan.FromSeconds(30));
            return "view";
        }

        Task<string>[] asking = [.. Enumerable.Range(0, 5).Select(_ => cache.GetAsync(1, "summary", Stamp, Make, CancellationToken.None))];
        await Task.Delay(200);
        release.Set();

        Assert.All(await Task.WhenAll(asking), v => Assert.Equal("view", v));
        Assert.Equal(1, made);
    }

    [Fact]
    public async Task A_request_past_its_deadline_gives_up_but_the_view_is_made_and_kept()
    {
        // Given a view slower than the request's deadline
        var cache = new StoryViewCache();
        using var release = new ManualResetEventSlim();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        string Make()
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return "slow view";
        }

        // When the deadline passes, the request gives up (503 in the API)
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetAsync(1, "summary", Stamp, Make, deadline.Token));

        // Then the making goes on, and the next request gets the view without making it again
        release.Set();
        Assert.Equal("slow view", await cache.GetAsync<string>(1, "summary", Stamp, () => throw new InvalidOperationException("made twice"), CancellationToken.None));
        Assert.Equal(1, cache.Computed);
    }

    [Fact]
    public async Task A_request_that_gave_up_before_the_making_began_still_has_it_made_when_a_slot_is_free()
    {
        // Given a request whose deadline has passed before the cache's making could begin (a busy thread pool)
        var cache = new StoryViewCache();
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();

        // When it asks, it gives up
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cache.GetAsync(1, "summary", Stamp, () => "view", deadline.Token));

        // Then the view is made all the same, and the next request gets it without making it again
        Assert.Equal("view", await cache.GetAsync<string>(1, "summary", Stamp, () => throw new InvalidOperationException("made twice"), CancellationToken.None));
        Assert.Equal(1, cache.Computed);
    }

    [Fact]
    public async Task A_view_that_failed_is_not_kept()
    {
        var cache = new StoryViewCache();

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync<string>(1, "summary", Stamp, () => throw new InvalidOperationException("bad"), CancellationToken.None));

        Assert.Equal("made", await cache.GetAsync(1, "summary", Stamp, () => "made", CancellationToken.None));
        Assert.Null(cache.Find(1, "summary", Stamp with { ArchiveReports = 11 }));
    }
}
