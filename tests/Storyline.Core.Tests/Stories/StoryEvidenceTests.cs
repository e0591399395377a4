using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Core.Tests.Stories;

/// <summary>The evidence that tells two events of one kind apart: towns, days mentioned, and the headline-meaning gap.</summary>
public sealed class StoryEvidenceTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static StoryFeatures Report(int n, string date, string[] terms, string[]? places = null, string[]? dates = null) => new(
        new ArticleId(n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        [.. terms.Concat(places ?? []).GroupBy(t => t).Select(g => new TermCount(g.Key, g.Count())).OrderBy(t => t.Term, StringComparer.Ordinal)],
        ImmutableDictionary<string, string>.Empty)
    {
        PlaceTerms = [.. (places ?? []).Order(StringComparer.Ordinal)],
        DateTerms = [.. (dates ?? []).Order(StringComparer.Ordinal)],
    };

    public static TheoryData<string[], double> TownCases => new()
    {
        // Another town of the same country: the event happened elsewhere (all places conflict less: the country is shared).
        { ["@country:us", "@place:2"], 1.0 },
        // The story's town: no conflict.
        { ["@country:us", "@place:1"], 0.0 },
        // The country alone names no town: nothing to compare.
        { ["@country:us"], 0.0 },
        // The story's town in a report that names another country too.
        { ["@country:fr", "@place:1"], 0.0 },
    };

    [Theory]
    [MemberData(nameof(TownCases))]
    public void Towns_conflict_where_the_country_is_shared_and_the_town_is_not(string[] places, double expected)
    {
        // Given a story about an earthquake in one town of a country
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId story = clusterer.Assign(Report(1, "2023-09-10", ["earthquake", "quake"], ["@country:us", "@place:1"])).Story;

        // When a report about an earthquake with these places is compared with it
        StorySimilarities s = clusterer.Compare(Report(2, "2023-09-10", ["earthquake", "quake"], places), story)!.Value;

        // Then the town conflict is as expected
        Assert.Equal(expected, s.TownConflict, 9);
    }

    public static TheoryData<string[], double> DayCases => new()
    {
        // A day years before anything the story mentioned: another event.
        { ["2008-03-14"], 1.0 },
        // Two days after the story's day: the same event told again.
        { ["2013-07-04"], 0.0 },
        // The day before the report's publication ("yesterday"): recency weighs that, not this.
        { ["2013-09-20"], 0.0 },
        // Half of the report's days are the story's: half a conflict at most, and the story's day is there, so none.
        { ["2008-03-14", "2013-07-02"], 0.0 },
        // No day at all.
        { new string[0], 0.0 },
    };

    [Theory]
    [MemberData(nameof(DayCases))]
    public void Days_the_report_mentions_conflict_when_they_are_far_from_the_story_s(string[] dates, double expected)
    {
        // Given a story, reported on 20 September, about what happened on 2 July (and that day itself)
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryId story = clusterer.Assign(Report(1, "2013-09-20", ["hijacking", "plane"], dates: ["2013-07-02", "2013-09-20"])).Story;

        // When a report of 21 September mentioning these days is compared with it
        StorySimilarities s = clusterer.Compare(Report(2, "2013-09-21", ["hijacking", "plane"], dates: dates), story)!.Value;

        // Then the day conflict is as expected
        Assert.Equal(expected, s.DayConflict, 9);
    }

    [Fact]
    public void The_headline_meaning_gap_is_0_for_the_closest_candidate_and_negative_for_the_others()
    {
        // Given two stories of one kind of event, kept apart
        var apart = ClusteringOptions.Default with { Model = MergeModel.Default with { Bias = -100 }, MeasureAllEvidence = true };
        var clusterer = new OnlineStoryClusterer(apart, ClusteringState.Empty);
        StoryId california = clusterer.Assign(Text(1, "Earthquake shakes northern California, damaging homes near Eureka", "An earthquake shook northern California on Monday, damaging homes and roads.")).Story;
        StoryId aceh = clusterer.Assign(Text(2, "Earthquake kills dozens in Indonesia's Aceh province", "An earthquake killed dozens of people in Aceh province on Monday, officials said.")).Story;
        Assert.NotEqual(california, aceh);

        // When a report on the Aceh earthquake is replayed against both
        IReadOnlyList<StoryCandidate> seen = [];
        clusterer.Assign(Text(3, "Aceh earthquake death toll rises as rescuers dig through rubble", "The toll of the earthquake in Aceh rose on Tuesday as rescuers searched the rubble."), candidates =>
        {
            seen = candidates;
            return null;
        });

        // Then the Aceh story's gap is 0 and California's is its headline meaning less Aceh's, below 0
        StorySimilarities toAceh = seen.Single(c => c.Story == aceh).Similarities;
        StorySimilarities toCalifornia = seen.Single(c => c.Story == california).Similarities;
        Assert.True(toAceh.HeadMeaning > toCalifornia.HeadMeaning, $"Aceh {toAceh.HeadMeaning}, California {toCalifornia.HeadMeaning}");
        Assert.Equal(0.0, toAceh.HeadMeaningGap);
        Assert.Equal(toCalifornia.HeadMeaning - toAceh.HeadMeaning, toCalifornia.HeadMeaningGap, 12);

        // And a model that weighs the gap counts it against the farther story only
        MergeModel without = MergeModel.Default with { HeadMeaningGap = 0 };
        MergeModel gap = without with { HeadMeaningGap = 5 };
        Assert.Equal(without.Score(toAceh), gap.Score(toAceh), 12);
        Assert.True(gap.Score(toCalifornia) < without.Score(toCalifornia));
    }

    private static StoryFeatures Text(int n, string title, string text)
    {
        var source = new SourceReport("test", null, new DateOnly(2023, 9, 11), text, title, Outlet: "Wire" + n);
        return StoryFeatures.From(Pipeline.Analyze(new ReportCleaner().Clean(source)));
    }
}
