using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

// A report whose analysis is said to wait in a queue row (ReportToStore.QueueRow, PostgreSQL's queued ingest).
public abstract partial class StoryStoreContract
{
    [Fact]
    public async Task A_report_whose_analysis_waits_in_a_queue_row_the_store_does_not_hold_is_refused_with_its_batch()
    {
        // Given a batch of two reports, the second of which says its analysis waits in a queue row that no queue holds
        // (SQLite has no queue at all; PostgreSQL's is empty)
        AnalyzedArticle[] reports =
        [
            Typed("d4d4d4d4d4d4d4d4", "2023-09-11", "Derna wept.", ("Derna", EntityType.Location)),
            Typed("e5e5e5e5e5e5e5e5", "2023-09-12", "Derna mourned.", ("Derna", EntityType.Location)),
        ];
        ReportToStore[] items =
        [
            new(reports[0], StoryFeatures.From(reports[0]), new StoryAssignment(reports[0].Article.Id, new StoryId(1), true, 0, "Derna")),
            new(reports[1], StoryFeatures.From(reports[1]), new StoryAssignment(reports[1].Article.Id, new StoryId(1), false, 0.5, "Derna")) { QueueRow = 987654321 },
        ];
        await using IStoryStore store = await OpenAsync("queue-row");

        // When the batch is saved, then it is refused and nothing of it is kept (not an article without its analysis)
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveBatchAsync(items));
        Assert.Equal(0, (await store.CountAsync()).Reports);
    }
}
