using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Timelines;

namespace Storyline.Core.Tests.Timelines;

public sealed class TimelineBuilderTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static AnalyzedArticle Report(string id, string date, string body) => Pipeline.Analyze(
        new Article(new ArticleId(id), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), body));

    [Fact]
    public void Each_report_gives_its_lead_on_its_publication_date_in_date_order()
    {
        var later = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Kim Jong Un arrived in Russia by armoured train on Tuesday. More followed.");
        var earlier = Report("aaaaaaaaaaaaaaaa", "2023-09-11", "Officials said Kim Jong Un was expected in Russia in coming days. Nobody confirmed it.");

        var timeline = new TimelineBuilder().Build([later, earlier]);

        Assert.Equal(2, timeline.Length);
        Assert.Equal(new DateOnly(2023, 9, 11), timeline[0].Date);
        Assert.StartsWith("Officials said", timeline[0].Text, StringComparison.Ordinal);
        Assert.Null(timeline[0].Expression);
        Assert.Equal("2023-09-11", timeline[0].DateValue);
        Assert.Equal(new DateOnly(2023, 9, 12), timeline[1].Date);
    }

    [Fact]
    public void Near_identical_leads_are_one_entry_with_every_source()
    {
        // A wire report and its republished copy with a changed word.
        var wire = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "Rescuers in Derna said thousands of people were still missing after two dams burst.");
        var copy = Report("bbbbbbbbbbbbbbbb", "2023-09-12", "Rescuers in Derna said thousands of residents were still missing after two dams burst.");

        var entry = Assert.Single(new TimelineBuilder().Build([wire, copy]));
        Assert.Equal([wire.Article.Id, copy.Article.Id], entry.Sources.ToArray());
        Assert.Equal(wire.Article.Id, entry.Report);
    }

    [Fact]
    public void A_sentence_with_a_dated_time_expression_is_placed_on_that_day()
    {
        // Given a report whose second sentence a time stage has dated to the day before publication
        var report = Report("aaaaaaaaaaaaaaaa", "2023-09-12", "Kim Jong Un arrived in Russia by train today. Putin arrived on Monday to attend a forum.");
        Sentence second = report.Sentences[1];
        int at = report.Body.IndexOf("on Monday", StringComparison.Ordinal);
        report = report with { Times = [new TimeExpression(new TextSpan(at, "on Monday".Length), TimeType.Date, "2023-09-11", second.Index, new DateOnly(2023, 9, 12))] };

        var timeline = new TimelineBuilder().Build([report]);

        // Then it is an entry of 2023-09-11 that keeps the expression and its anchor
        TimelineEntry monday = timeline[0];
        Assert.Equal(new DateOnly(2023, 9, 11), monday.Date);
        Assert.Equal("on Monday", monday.Expression);
        Assert.Equal(new DateOnly(2023, 9, 12), monday.Anchor);
        Assert.StartsWith("Putin arrived", monday.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 9, 12), timeline[1].Date);
    }
}
