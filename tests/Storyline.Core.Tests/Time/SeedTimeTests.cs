using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Time;

/// <summary>The examples, found in the two real seed reports after cleaning.</summary>
public sealed class SeedTimeTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    [SharedFact("seeds")]
    public void Independent_seed_times_resolve_against_Tuesday_12_September_2023()
    {
        // Given the Independent report (published Tuesday 2023-09-12), cleaned and analysed
        AnalyzedArticle report = Analyze(SeedFiles.Independent);
        Assert.Equal(new DateOnly(2023, 9, 12), report.Article.Published);

        // Then each example of the issue is there with its TIMEX3 value, anchored on the publication date
        AssertTime(report, "Tuesday morning", TimeType.Time, "2023-09-12TMO");
        AssertTime(report, "Monday", TimeType.Date, "2023-09-11");
        AssertTime(report, "Wednesday", TimeType.Date, "2023-09-13");
        AssertTime(report, "2019", TimeType.Date, "2019");
        AssertTime(report, "last week", TimeType.Date, "2023-W36");
        AssertTime(report, "the past 17 months", TimeType.Duration, "P17M");
        AssertTime(report, "more than three years", TimeType.Duration, "P3Y");
        Assert.All(report.Times, t => Assert.Equal(report.Article.Published, t.Anchor));
    }

    [SharedFact("seeds")]
    public void Reuters_seed_has_a_visit_in_coming_days_and_a_report_on_the_Monday_it_was_published()
    {
        AnalyzedArticle report = Analyze(SeedFiles.Reuters);

        AssertTime(report, "coming days", TimeType.Date, "FUTURE_REF");
        AssertTime(report, "Monday", TimeType.Date, "2023-09-11");
        AssertTime(report, "this week", TimeType.Date, "2023-W37");
    }

    private static AnalyzedArticle Analyze(string seed) => Pipeline.Analyze(new ReportCleaner().Clean(SeedFiles.Read(seed)));

    private static void AssertTime(AnalyzedArticle report, string text, TimeType type, string value)
    {
        string found = string.Join("; ", report.Times.Select(t => $"{report.Text(t.Span)}={t.Value}"));
        TimeExpression? time = report.Times.FirstOrDefault(t => report.Text(t.Span) == text);
        Assert.True(time is not null, $"'{text}' not found; found: {found}");
        Assert.Equal((type, value), (time.Type, time.Value));
    }
}
