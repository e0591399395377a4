using Storyline.Domain;
using Storyline.Storage;
using Storyline.Stories;

namespace Storyline.Views.Tests;

/// <summary>Story and report views show each entity with its type over the archive, whatever one report said.</summary>
public sealed class ArchiveTypeLookupTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("storyline-views-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_name_typed_a_person_once_and_a_place_three_times_is_a_place_in_every_view()
    {
        // Given "Derna" typed a person in story 1's report and a place three times in story 2's
        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(Path.Combine(folder, "archive.db"));
        await SaveAsync(store, Typed("a1a1a1a1a1a1a1a1", "Derna wept.", EntityType.Person, 0), 1);
        await SaveAsync(store, Typed("b2b2b2b2b2b2b2b2", "Derna, Derna and Derna.", EntityType.Location, 0, 7, 19), 2);

        // When story 1 and its report are loaded for a view
        StoryMaterial? story = await StoryLookup.LoadAsync(store, new StoryId(1), CancellationToken.None);
        StoredReport? report = await ArchiveTypeLookup.LoadReportAsync(store, "a1a1", CancellationToken.None);

        // Then the entity and its mention are a place there, as the store's entity list has it
        AnalyzedArticle shown = Assert.Single(story!.Reports);
        Assert.Equal(EntityType.Location, Assert.Single(shown.Entities).Type);
        Assert.Equal(EntityType.Location, Assert.Single(shown.Mentions).Type);
        Assert.Equal(EntityType.Location, Assert.Single(report!.Report.Mentions).Type);
        Assert.Equal(EntityType.Location, Assert.Single(ArchiveViews.Report(report, story.Story).Mentions).Type);

        // And the stored analysis itself is unchanged
        Assert.Equal(EntityType.Person, Assert.Single((await store.GetReportAsync("a1a1"))!.Report.Mentions).Type);
    }

    private static AnalyzedArticle Typed(string id, string body, EntityType type, params int[] starts)
    {
        var key = new EntityKey("derna");
        return AnalyzedArticle.Empty(new Article(new ArticleId(id), new DateOnly(2023, 9, 12), body)) with
        {
            Mentions = [.. starts.Select(s => new Mention(new TextSpan(s, 5), type, key, 0))],
            Entities = [new Entity(key, type, "Derna", [], [])],
        };
    }

    private static Task<bool> SaveAsync(IStoryStore store, AnalyzedArticle report, long story) =>
        store.SaveAsync(report, StoryFeatures.From(report), new StoryAssignment(report.Article.Id, new StoryId(story), false, 0.5, "A story"));
}
