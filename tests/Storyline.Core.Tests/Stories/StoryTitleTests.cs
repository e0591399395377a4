using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Core.Tests.Stories;

public sealed class StoryTitleTests
{
    private static readonly string[] Words = ["flood", "dam", "derna", "rescue", "toll", "libya", "storm", "missing"];

    [Fact]
    public void The_title_follows_the_story_to_its_latest_development()
    {
        // Given a story whose first report and a later one have headlines
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryAssignment first = clusterer.Assign(Report(1, "2023-09-11", "Storm Daniel floods eastern Libya", Words));

        // When a report three days later joins it
        StoryAssignment later = clusterer.Assign(Report(2, "2023-09-14", "Derna toll rises as dams burst", Words));

        // Then the title was the first headline and is now the later one
        Assert.Equal(first.Story, later.Story);
        Assert.Equal("Storm Daniel floods eastern Libya", first.StoryTitle);
        Assert.Equal("Derna toll rises as dams burst", later.StoryTitle);
    }

    [Fact]
    public void A_report_that_comes_late_does_not_take_the_title_from_the_latest_development()
    {
        // Given a story with reports on the 11th and the 14th
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        clusterer.Assign(Report(1, "2023-09-11", "Storm Daniel floods eastern Libya", Words));
        clusterer.Assign(Report(2, "2023-09-14", "Derna toll rises as dams burst", Words));

        // When a report dated the 8th (before the story's latest days) arrives after them
        StoryAssignment late = clusterer.Assign(Report(3, "2023-09-08", "Rains forecast for eastern Libya", Words));

        // Then the title stays the latest development's: the title reads the story's latest days only, so the reports
        // are kept in date order, not in the order they came
        Assert.False(late.IsNewStory);
        Assert.Equal("Derna toll rises as dams burst", late.StoryTitle);
    }

    [Fact]
    public void Among_the_reports_of_one_day_the_most_central_gives_the_title()
    {
        // Given three reports of one day: two on the flood itself and one that also talks about football
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default with { CopyThreshold = 2 }, ClusteringState.Empty);
        clusterer.Assign(Report(1, "2023-09-12", "Floods kill thousands in Derna", [.. Words, .. Words]));
        clusterer.Assign(Report(2, "2023-09-12", "Libya's flood and the football season", [.. Words, "football", "league", "season", "match", "goal", "stadium", "coach", "players", "fans"]));
        StoryAssignment third = clusterer.Assign(Report(3, "2023-09-12", "Rescuers search for the missing in Derna", [.. Words, .. Words.Take(4)]));

        // Then the title is the headline of a report on the flood, not of the one that wanders off
        Assert.DoesNotContain("football", third.StoryTitle, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_headlines_the_title_is_the_key_names()
    {
        // Features stored before headlines were kept: the title falls back to the key entities and a key word.
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        StoryFeatures report = Report(1, "2023-09-12", "", [.. Words, "@derna"]) with
        {
            EntityNames = ImmutableDictionary<string, string>.Empty.Add("@derna", "Derna"),
        };

        Assert.StartsWith("Derna · ", clusterer.Assign(report).StoryTitle, StringComparison.Ordinal);
    }

    private static StoryFeatures Report(int n, string date, string headline, string[] terms) => new(
        new ArticleId(n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        [.. terms.GroupBy(t => t).Select(g => new TermCount(g.Key, g.Count())).OrderBy(t => t.Term, StringComparer.Ordinal)],
        ImmutableDictionary<string, string>.Empty)
    {
        Headline = headline,
        HeadTerms = [.. headline.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal)],
    };
}
