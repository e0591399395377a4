using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Core.Tests.Stories;

/// <summary>The story-level evidence the story-merge decision weighs, and the decision in the clusterer.</summary>
public sealed class StoryPairEvidenceTests
{
    // Every report its own story: the join decision never joins, so stories can be compared as built.
    private static readonly ClusteringOptions Apart = ClusteringOptions.Default with { Model = MergeModel.Default with { Bias = -100 } };

    private static StoryFeatures Report(int n, string date, string[] words, string[]? places = null, string[]? people = null) => new(
        new ArticleId(n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        [.. words.Concat(places ?? []).Concat(people ?? []).GroupBy(t => t).Select(g => new TermCount(g.Key, g.Count())).OrderBy(t => t.Term, StringComparer.Ordinal)],
        ImmutableDictionary<string, string>.Empty)
    {
        PlaceTerms = [.. (places ?? []).Order(StringComparer.Ordinal)],
        PeopleTerms = [.. (people ?? []).Order(StringComparer.Ordinal)],
    };

    private static (OnlineStoryClusterer Clusterer, StoryId A, StoryId B) Two(StoryFeatures a, StoryFeatures b)
    {
        var clusterer = new OnlineStoryClusterer(Apart, ClusteringState.Empty);
        StoryId first = clusterer.Assign(a).Story;
        StoryId second = clusterer.Assign(b).Story;
        Assert.NotEqual(first, second);
        return (clusterer, first, second);
    }

    public static TheoryData<string, string, string, string, int> GapCases => new()
    {
        // Both on one day: the periods overlap.
        { "2011-02-01", "2011-02-01", "2011-02-01", "2011-02-01", 0 },
        // The second starts the day after the first's last report: they touch, one day apart.
        { "2011-02-01", "2011-02-03", "2011-02-04", "2011-02-05", 1 },
        // A month apart.
        { "2011-01-01", "2011-01-02", "2011-02-01", "2011-02-01", 30 },
        // The later story began inside the earlier one's period: overlap, whatever the order they were made in.
        { "2011-01-01", "2011-03-01", "2011-02-01", "2011-02-02", 0 },
    };

    [Theory]
    [MemberData(nameof(GapCases))]
    public void Touch_falls_with_the_days_between_the_stories_periods(string firstStart, string firstEnd, string secondStart, string secondEnd, int gap)
    {
        // Given two stories of two reports each, with no word in common, over the given days
        var clusterer = new OnlineStoryClusterer(Apart, ClusteringState.Empty);
        var reports = new (string Date, string Place, int N)[] { (firstStart, "@place:1", 1), (secondStart, "@place:2", 3), (firstEnd, "@place:1", 2), (secondEnd, "@place:2", 4) }
            .OrderBy(r => r.Date, StringComparer.Ordinal).ThenBy(r => r.N);
        var stories = new Dictionary<string, StoryId>(StringComparer.Ordinal);
        foreach ((string date, string place, int n) in reports)
        {
            // Each report names its story's place and a word of its own, and is put into its story by the oracle.
            StoryFeatures report = Report(n, date, ["word" + n], [place]);
            StoryAssignment assignment = clusterer.Assign(report, _ => stories.TryGetValue(place, out StoryId s) ? s : null);
            stories[place] = assignment.Story;
        }

        // When they are compared as wholes
        StoryPairSimilarities s = clusterer.CompareStories(stories["@place:1"], stories["@place:2"])!.Value;

        // Then touch is exp(−gap / 30)
        Assert.Equal(Math.Exp(-gap / 30.0), s.Touch, 12);
    }

    [Fact]
    public void Stories_that_say_the_same_have_words_cosine_1_and_those_that_share_nothing_0()
    {
        // Given two stories with the same words, and a third with none of them
        var clusterer = new OnlineStoryClusterer(Apart, ClusteringState.Empty);
        StoryId a = clusterer.Assign(Report(1, "2011-02-01", ["protest", "cairo", "square"])).Story;
        StoryId b = clusterer.Assign(Report(2, "2011-02-01", ["protest", "cairo", "square"])).Story;
        StoryId c = clusterer.Assign(Report(3, "2011-02-01", ["earthquake", "magnitude"])).Story;

        // When they are compared as wholes, each way
        StoryPairSimilarities same = clusterer.CompareStories(a, b)!.Value;
        StoryPairSimilarities other = clusterer.CompareStories(a, c)!.Value;

        // Then alike stories score 1 and unlike ones 0, and the measure is symmetric
        Assert.Equal(1.0, same.Words, 9);
        Assert.Equal(0.0, other.Words);
        Assert.Equal(clusterer.CompareStories(b, a)!.Value, same);
    }

    public static TheoryData<string[], string[], double> PlaceCases => new()
    {
        // Each about a place the other never names: a full conflict.
        { ["@place:aceh"], ["@place:california"], 1.0 },
        // The same place: no conflict.
        { ["@place:aceh"], ["@place:aceh"], 0.0 },
        // One names a place the other also names, besides its own: that side's share is a half at most, the other's 0.
        { ["@place:aceh", "@place:java"], ["@place:aceh"], 0.0 },
        // One names no place: nothing to compare.
        { ["@place:aceh"], new string[0], 0.0 },
    };

    [Theory]
    [MemberData(nameof(PlaceCases))]
    public void Places_conflict_when_each_story_is_about_places_the_other_never_names(string[] first, string[] second, double expected)
    {
        // Given two stories of one kind of event with these places
        (OnlineStoryClusterer clusterer, StoryId a, StoryId b) = Two(Report(1, "2010-01-01", ["earthquake"], first), Report(2, "2010-01-01", ["earthquake"], second));

        // When they are compared as wholes
        StoryPairSimilarities s = clusterer.CompareStories(a, b)!.Value;

        // Then the place conflict is as expected
        Assert.Equal(expected, s.PlaceConflict, 9);
    }

    [Fact]
    public void Names_count_by_type_people_apart_from_places_and_other_names()
    {
        // Given two stories that share a person and a place, and name different organisations
        (OnlineStoryClusterer clusterer, StoryId a, StoryId b) = Two(
            Report(1, "2011-02-01", ["protest"], ["@place:cairo"], ["@person:mubarak"]) with { Terms = [new("@org:army", 1), new("@person:mubarak", 1), new("@place:cairo", 1), new("protest", 1)] },
            Report(2, "2011-02-02", ["rally"], ["@place:cairo"], ["@person:mubarak"]) with { Terms = [new("@org:party", 1), new("@person:mubarak", 1), new("@place:cairo", 1), new("rally", 1)] });

        // When they are compared as wholes
        StoryPairSimilarities s = clusterer.CompareStories(a, b)!.Value;

        // Then people and places agree fully, the other names not at all, and neither conflicts
        Assert.Equal(1.0, s.People, 9);
        Assert.Equal(1.0, s.Places, 9);
        Assert.Equal(0.0, s.Actors);
        Assert.Equal(0.0, s.PeopleConflict);
        Assert.Equal(0.0, s.PlaceConflict);
    }

    [Fact]
    public void The_story_merge_decision_joins_whole_stories_only_when_it_says_so()
    {
        // Given two stories kept apart by the join decision, and a third report that is a candidate for both
        StoryFeatures[] reports =
        [
            Report(1, "2011-02-01", ["protest", "cairo"], ["@place:cairo"]),
            Report(2, "2011-02-02", ["protest", "square"], ["@place:cairo"]),
            Report(3, "2011-02-03", ["protest", "cairo", "square"], ["@place:cairo"]),
        ];
        double[] none = new double[StoryPairSimilarities.Names.Count];

        // When a story-merge model that always merges, one that never does, and none at all run over them
        var always = new OnlineStoryClusterer(Apart with { StoryMerge = new StoryMergeModel(100, none) }, ClusteringState.Empty);
        var never = new OnlineStoryClusterer(Apart with { StoryMerge = new StoryMergeModel(-100, none) }, ClusteringState.Empty);
        var off = new OnlineStoryClusterer(Apart, ClusteringState.Empty);
        StoryAssignment[] merging = [.. reports.Select(always.Assign)];
        StoryAssignment[] apart = [.. reports.Select(never.Assign)];
        StoryAssignment[] plain = [.. reports.Select(off.Assign)];

        // Then only the first merges: the second report's story takes in the first (the older number stays)
        Assert.Equal(merging[0].Story, merging[1].Story);
        Assert.Equal(merging[1].Story, merging[2].Story);
        Assert.NotNull(merging[1].Merged);
        Assert.Equal(1, always.ActiveStoryCount);
        Assert.Equal(3, apart.Select(a => a.Story).Distinct().Count());
        Assert.NotEmpty(never.LastStoryPairs);

        // And without a story-merge model nothing is measured, and the stories are the same as the never-merging run's
        Assert.Empty(off.LastStoryPairs);
        Assert.Equal(apart.Select(a => a.Story), plain.Select(a => a.Story));
    }
}
