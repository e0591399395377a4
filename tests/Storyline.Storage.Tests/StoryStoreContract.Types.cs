using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

// Entity types over the archive, saved in batches.
public abstract partial class StoryStoreContract
{
    [Fact]
    public async Task A_tie_of_type_votes_inside_a_batch_goes_as_saving_report_by_report()
    {
        // Given three reports naming "Derna": once as a person, then twice as a place (it becomes a place), then once more
        // as a person (a tie, 2 against 2, which goes to the type it has by then: a place)
        AnalyzedArticle[] reports =
        [
            Typed("a1a1a1a1a1a1a1a1", "2023-09-11", "Derna wept.", ("Derna", EntityType.Person)),
            Typed("b2b2b2b2b2b2b2b2", "2023-09-12", "Derna and Derna.", ("Derna", EntityType.Location), ("Derna", EntityType.Location)),
            Typed("c3c3c3c3c3c3c3c3", "2023-09-13", "Derna wept again.", ("Derna", EntityType.Person)),
        ];
        ReportToStore[] items = [.. reports.Select(r => new ReportToStore(r, StoryFeatures.From(r), new StoryAssignment(r.Article.Id, new StoryId(1), r == reports[0], 0.5, "Derna")))];

        // When they are saved one at a time in one archive, and in one batch in another
        await using IStoryStore oneByOne = await OpenAsync("one");
        foreach (ReportToStore item in items)
        {
            await oneByOne.SaveAsync(item.Report, item.Features, item.Assignment);
        }

        await using IStoryStore batched = await OpenAsync("batched");
        await batched.SaveBatchAsync(items);

        // Then both decided the same type, a place, not the type of the batch's first report
        Assert.Equal(EntityType.Location, (await oneByOne.GetEntityTypesAsync([new EntityKey("derna")]))["derna"]);
        Assert.Equal(EntityType.Location, (await batched.GetEntityTypesAsync([new EntityKey("derna")]))["derna"]);
        Assert.Equal(await oneByOne.ListEntitiesAsync(null, 10), await batched.ListEntitiesAsync(null, 10));
    }
}
