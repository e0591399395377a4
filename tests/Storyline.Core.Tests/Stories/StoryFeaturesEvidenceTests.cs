using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Core.Tests.Stories;

public sealed class StoryFeaturesEvidenceTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    public static TheoryData<string, string[]> Numbers => new()
    {
        // A toll and a magnitude are kept; the magnitude keeps its decimal point.
        { "The magnitude 6.4 quake killed 527 people.", ["527", "6.4"] },

        // Thousands separators and glued units go: "6,500km" is 6500.
        { "Vladivostok is 6,500km east of Moscow.", ["6500"] },

        // Years are dates, not amounts; whole numbers under 10 are too common to tell events apart.
        { "In 2019 the two leaders met for 3 hours.", [] },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void The_numbers_that_can_tell_events_apart_are_kept(string text, string[] expected)
    {
        Assert.Equal(expected, Features(text).NumberTerms);
    }

    [Fact]
    public void Mentioned_dates_are_cut_to_their_precision_and_people_are_kept_apart_from_places()
    {
        // Given a report of Tuesday 2023-09-12 that mentions a weekday, a year and a month
        StoryFeatures features = Features("Kim Jong Un arrived in Vladivostok on Tuesday. The two leaders first met in 2019. Talks are planned for October 2023.");

        // Then "Tuesday" is that day, and the year and the month keep their precision
        Assert.Contains("2023-09-12", features.DateTerms);
        Assert.Contains("2019", features.DateTerms);
        Assert.Contains("2023-10", features.DateTerms);

        // And Kim is a person, Vladivostok a place
        Assert.Contains(features.PeopleTerms, t => t.Contains("kim", StringComparison.Ordinal));
        Assert.DoesNotContain(features.PeopleTerms, t => features.PlaceTerms.Contains(t));
    }

    private static StoryFeatures Features(string text) =>
        StoryFeatures.From(Pipeline.Analyze(new ReportCleaner().Clean(new SourceReport("test", null, new DateOnly(2023, 9, 12), text))));
}
