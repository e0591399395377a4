using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

// The queries of the views layer: story cards read from the index tables, and search filtered in the store.
public abstract partial class StoryStoreContract
{
    [Fact]
    public async Task A_story_card_counts_sources_and_names_its_most_mentioned_people_organisations_and_places()
    {
        // Given a story with a report and its republished copy, and a second story
        await using IStoryStore store = await OpenAsync("main");
        List<StoryAssignment> assignments = await store.IngestAsync(new OnlineStoryClusterer(Eager, ClusteringState.Empty), Bridged.Take(3));
        await store.SaveInStoryAsync(R(1), assignments.Max(a => a.Story.Value) + 1, "Floods");
        StoryId kim = assignments[0].Story;

        // When the cards are listed
        IReadOnlyList<StoryCard> cards = await store.ListStoryCardsAsync(10, 4);

        // Then they are the stories in list order, each with its sources (copies too) and the key entities the
        // story's original reports mention most, as Core gathers them
        Assert.Equal((await store.ListStoriesAsync()).Select(s => s.Id), cards.Select(c => c.Summary.Id));
        StoryCard card = cards.Single(c => c.Summary.Id == kim);
        Assert.Equal(2, card.Sources);
        Assert.Equal(1, card.Summary.ReportCount);
        var expected = StoryEntities.Gather([Bridged[0]]).Where(e => e.Type != EntityType.Miscellaneous).ToList();
        Assert.Equal(Math.Min(4, expected.Count), card.KeyEntities.Count);
        Assert.All(card.KeyEntities, k => Assert.Equal(expected.Single(e => e.Key == k.Key).Mentions, k.Mentions));
        Assert.Equal(card.KeyEntities.Select(k => k.Mentions).OrderDescending(), card.KeyEntities.Select(k => k.Mentions));
        Assert.Equal(expected.Take(card.KeyEntities.Count).Select(e => e.Mentions), card.KeyEntities.Select(k => k.Mentions));
        Assert.DoesNotContain(card.KeyEntities, k => k.Type == EntityType.Miscellaneous);
    }

    [Fact]
    public async Task Story_cards_are_limited_and_may_name_no_entity()
    {
        await using IStoryStore store = await OpenAsync("main");
        await store.SaveInStoryAsync(R(0), 1);
        await store.SaveInStoryAsync(R(1), 2);

        Assert.Single(await store.ListStoryCardsAsync(1, 4));
        Assert.Empty(await store.ListStoryCardsAsync(0, 4));
        Assert.All(await store.ListStoryCardsAsync(5, 0), c => Assert.Empty(c.KeyEntities));
    }

    [Fact]
    public async Task Search_is_filtered_by_dates_story_and_entity_in_the_store()
    {
        // Given the three September stories: Kim (1), Derna (2), the Bank of England (3)
        await using IStoryStore store = await OpenAsync("main");
        long[] stories = [1, 2, 1, 3, 2, 1, 2, 3];
        for (int i = 0; i < stories.Length; i++)
        {
            await store.SaveInStoryAsync(R(i), stories[i]);
        }

        // An entity that the aid report names and the other Derna reports do not
        EntityKey onlyInAid = R(6).Entities.Select(e => e.Key).First(k => !R(1).Entities.Any(e => e.Key == k) && !R(4).Entities.Any(e => e.Key == k));

        // When "Derna" is searched with each filter
        IReadOnlyList<SearchHit> all = await store.SearchAsync(new SearchFilter("Derna"), 20);
        IReadOnlyList<SearchHit> late = await store.SearchAsync(new SearchFilter("Derna", From: Reports.Day("2023-09-12")), 20);
        IReadOnlyList<SearchHit> early = await store.SearchAsync(new SearchFilter("Derna", To: Reports.Day("2023-09-11")), 20);
        IReadOnlyList<SearchHit> inKim = await store.SearchAsync(new SearchFilter("Derna", Story: new StoryId(1)), 20);
        IReadOnlyList<SearchHit> withEntity = await store.SearchAsync(new SearchFilter("Derna", Entity: onlyInAid), 20);
        IReadOnlyList<SearchHit> one = await store.SearchAsync(new SearchFilter("Derna"), 1);

        // Then each keeps exactly the matching reports, ranked as the unfiltered search ranks them
        Assert.Equal((await store.SearchAsync("Derna", 20)).Select(h => h.Report), all.Select(h => h.Report));
        Assert.Equal(3, all.Count);
        Assert.Equal([R(4).Article.Id, R(6).Article.Id], late.Select(h => h.Report).Order());
        Assert.Equal([R(1).Article.Id], early.Select(h => h.Report));
        Assert.Empty(inKim);
        Assert.Equal([R(6).Article.Id], withEntity.Select(h => h.Report));
        Assert.Equal(all.Take(1).Select(h => h.Report), one.Select(h => h.Report));
        Assert.All(late, h => Assert.Contains("«", h.Snippet, StringComparison.Ordinal));
    }
}
