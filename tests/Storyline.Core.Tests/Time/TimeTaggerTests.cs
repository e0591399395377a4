using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Time;

namespace Storyline.Core.Tests.Time;

public sealed class TimeTaggerTests
{
    private static readonly AnalysisPipeline Pipeline = new PipelineBuilder().UseText().UseTime().Build();

    // Published on a Tuesday, like the second seed.
    private const string Tue = "2023-09-12";

    public static TheoryData<string, string, string, string, TimeType> Cases => new()
    {
        // The second seed's examples (issue 4).
        { Tue, "Mr Putin arrived on Monday to attend a forum.", "Monday", "2023-09-11", TimeType.Date },
        { Tue, "The train crossed the station on Tuesday morning.", "Tuesday morning", "2023-09-12TMO", TimeType.Time },
        { Tue, "An international forum that runs through Wednesday.", "Wednesday", "2023-09-13", TimeType.Date },
        { Tue, "The first meeting was held in 2019 in the city.", "2019", "2019", TimeType.Date },
        { Tue, "US officials released intelligence last week.", "last week", "2023-W36", TimeType.Date },
        { Tue, "Huge shipments of weaponry to Ukraine in the past 17 months.", "the past 17 months", "P17M", TimeType.Duration },
        { Tue, "It imposed tight border controls for more than three years.", "more than three years", "P3Y", TimeType.Duration },
        // The first seed's: an unspecified point ahead.
        { "2023-09-11", "A Kim visit was expected in coming days.", "coming days", "FUTURE_REF", TimeType.Date },
        // Explicit dates in the common news forms.
        { Tue, "The deal was signed on Sept. 12.", "Sept. 12", "2023-09-12", TimeType.Date },
        { Tue, "It opened on 12 September 2023 in Moscow.", "12 September 2023", "2023-09-12", TimeType.Date },
        { Tue, "The filing is dated 2023-09-12 in the register.", "2023-09-12", "2023-09-12", TimeType.Date },
        { Tue, "The filing is dated 9/12/2023 in the register.", "9/12/2023", "2023-09-12", TimeType.Date },
        { Tue, "Bombs exploded on Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", "1998-08-07", TimeType.Date },
        { Tue, "She was born on the 3rd of March 1990.", "the 3rd of March 1990", "1990-03-03", TimeType.Date },
        // A month alone: this year, or last year when it is clearly past.
        { Tue, "The talks will resume in September.", "September", "2023-09", TimeType.Date },
        { Tue, "The plant was closed in November.", "November", "2022-11", TimeType.Date },
        { Tue, "Elections will be held in March.", "March", "2024-03", TimeType.Date },
        { Tue, "Prices rose in July 1997.", "July 1997", "1997-07", TimeType.Date },
        // Weekdays: direction from tense and context.
        { Tue, "The two leaders will meet on Friday.", "Friday", "2023-09-15", TimeType.Date },
        { Tue, "The two leaders met on Friday.", "Friday", "2023-09-08", TimeType.Date },
        { Tue, "Police said Sunday that three people died.", "Sunday", "2023-09-10", TimeType.Date },
        { Tue, "The vote is scheduled for Thursday.", "Thursday", "2023-09-14", TimeType.Date },
        { Tue, "He left last Friday.", "last Friday", "2023-09-08", TimeType.Date },
        { Tue, "They meet next Monday.", "next Monday", "2023-09-18", TimeType.Date },
        { Tue, "Rescuers worked through Friday night.", "Friday night", "2023-09-15TNI", TimeType.Time },
        { Tue, "Fighting resumed Monday, Sept. 11.", "Monday, Sept. 11", "2023-09-11", TimeType.Date },
        // Relative days and references.
        { Tue, "The minister said yesterday that talks failed.", "yesterday", "2023-09-11", TimeType.Date },
        { Tue, "The minister arrives today.", "today", "2023-09-12", TimeType.Date },
        { Tue, "The minister leaves tomorrow.", "tomorrow", "2023-09-13", TimeType.Date },
        { Tue, "He spoke tonight.", "tonight", "2023-09-12TNI", TimeType.Time },
        { Tue, "Shelling continued last night.", "last night", "2023-09-11TNI", TimeType.Time },
        { Tue, "He spoke this morning.", "this morning", "2023-09-12TMO", TimeType.Time },
        { Tue, "He spoke yesterday afternoon.", "yesterday afternoon", "2023-09-11TAF", TimeType.Time },
        { Tue, "The company is now profitable.", "now", "PRESENT_REF", TimeType.Date },
        { Tue, "The company recently cut jobs.", "recently", "PAST_REF", TimeType.Date },
        { Tue, "Talks will resume soon.", "soon", "FUTURE_REF", TimeType.Date },
        { Tue, "Prices will rise in the near future.", "the near future", "FUTURE_REF", TimeType.Date },
        // Weeks, months, years named from the anchor.
        { Tue, "The report is due next month.", "next month", "2023-10", TimeType.Date },
        { Tue, "Sales fell last month.", "last month", "2023-08", TimeType.Date },
        { Tue, "Sales fell last year.", "last year", "2022", TimeType.Date },
        { Tue, "Sales will rise this year.", "this year", "2023", TimeType.Date },
        { Tue, "Talks continue this week.", "this week", "2023-W37", TimeType.Date },
        { Tue, "The price rose earlier this month.", "earlier this month", "2023-09", TimeType.Date },
        { Tue, "The plant opens early next year.", "early next year", "2024", TimeType.Date },
        { Tue, "Sales were higher a year ago.", "a year ago", "2022", TimeType.Date },
        { Tue, "He resigned three days ago.", "three days ago", "2023-09-09", TimeType.Date },
        { Tue, "He resigned two weeks ago.", "two weeks ago", "2023-W35", TimeType.Date },
        { Tue, "Rain fell over the weekend.", "the weekend", "2023-W36-WE", TimeType.Date },
        // Seasons, quarters, halves, decades.
        { Tue, "The plant closed last fall.", "last fall", "2022-FA", TimeType.Date },
        { Tue, "The plant opens this summer.", "this summer", "2023-SU", TimeType.Date },
        { Tue, "It happened in the summer of 1998.", "the summer of 1998", "1998-SU", TimeType.Date },
        { Tue, "Profit rose in the second quarter.", "the second quarter", "2023-Q2", TimeType.Date },
        { Tue, "Third-quarter profit rose.", "Third-quarter", "2023-Q3", TimeType.Date },
        { Tue, "Sales rose in Q1 2023.", "Q1 2023", "2023-Q1", TimeType.Date },
        { Tue, "Sales rose in the first half of 2022.", "the first half of 2022", "2022-H1", TimeType.Date },
        { Tue, "Prices soared in the 1990s.", "the 1990s", "199", TimeType.Date },
        { Tue, "Profit rose in fiscal 2022.", "fiscal 2022", "2022", TimeType.Date },
        // Durations.
        { Tue, "The trial lasted two weeks.", "two weeks", "P2W", TimeType.Duration },
        { Tue, "The trial lasted 48 hours.", "48 hours", "PT48H", TimeType.Duration },
        { Tue, "He signed a two-year contract.", "two-year", "P2Y", TimeType.Duration },
        { Tue, "Sales rose in the first nine months.", "the first nine months", "P9M", TimeType.Duration },
        { Tue, "The war lasted several years.", "several years", "PXY", TimeType.Duration },
        { Tue, "Sales rose 5% over the past year.", "the past year", "P1Y", TimeType.Duration },
        { Tue, "It took twenty-five years.", "twenty-five years", "P25Y", TimeType.Duration },
        { Tue, "It lasted a decade.", "a decade", "P10Y", TimeType.Duration },
        // Sets.
        { Tue, "The committee meets every week.", "every week", "P1W", TimeType.Set },
        { Tue, "The paper is published daily.", "daily", "P1D", TimeType.Set },
        { Tue, "The market opens every Monday.", "every Monday", "XXXX-WXX-1", TimeType.Set },
        { Tue, "He takes it twice a day.", "a day", "P1D", TimeType.Set },
        // Times of day.
        { Tue, "The meeting starts at 3pm.", "3pm", "2023-09-12T15:00", TimeType.Time },
        { Tue, "The meeting starts at 15:30.", "15:30", "2023-09-12T15:30", TimeType.Time },
        { Tue, "The meeting starts at 10 a.m. EST.", "10 a.m. EST", "2023-09-12T10:00", TimeType.Time },
        { Tue, "The meeting starts at noon.", "noon", "2023-09-12T12:00", TimeType.Time },
        // Rules added from the TBAQ error dump (issue 4, second round); each row was wrong before.
        { Tue, "He was shot at 10 p.m. as he stood there.", "10 p.m.", "2023-09-12T22:00", TimeType.Time }, // p.m. after a bare hour
        { Tue, "The offer runs until 5 p.m. EST, Sept. 19.", "5 p.m. EST, Sept. 19", "2023-09-19T17:00", TimeType.Time }, // a clock time takes its date
        { Tue, "They were given until 9 a.m. Thursday to sign.", "9 a.m. Thursday", "2023-09-14T09:00", TimeType.Time }, // "until" before the clock
        { Tue, "The case is heard in November in the appeals court.", "November", "2023-11", TimeType.Date }, // present passive, not past
        { Tue, "Final rules to be published in early October will decide it.", "early October", "2023-10", TimeType.Date }, // "to be" + participle
        { Tue, "The accession was planned for early March.", "early March", "2024-03", TimeType.Date }, // a plan, though past
        { Tue, "The shootings that injured two doctors in November were similar.", "November", "2022-11", TimeType.Date }, // relative clause verb
        { Tue, "The offer had been due to expire Friday evening.", "Friday evening", "2023-09-08TEV", TimeType.Time }, // a plan made in the past
        { Tue, "The thrift announced the plan Aug. 21.", "Aug. 21", "2023-08-21", TimeType.Date }, // "the plan" is a noun
        { Tue, "The hearing is in February.", "February", "2024-02", TimeType.Date }, // no tense: the nearest February
        { Tue, "Three days later he resigned.", "Three days", "P3D", TimeType.Duration }, // counted from an event, not a date
        { Tue, "January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "1997-01", TimeType.Date }, // spoken year
        { Tue, "Women's Day is this coming Friday, September fifteenth.", "coming Friday, September fifteenth", "2023-09-15", TimeType.Date }, // ordinal word
        { Tue, "Profit will rise in the current fiscal year.", "the current fiscal year", "2023", TimeType.Date },
        { Tue, "Sales fell in the last half of 2022.", "the last half of 2022", "2022-H2", TimeType.Date },
        { Tue, "The city has stood for more than two thousand years.", "more than two thousand years", "P2000Y", TimeType.Duration }, // not the year 2000
        { Tue, "Sales rose for the full year.", "the full year", "2023", TimeType.Date },
        { Tue, "Revenue was $76 million for the year ended March 31.", "the year", "P1Y", TimeType.Duration }, // twelve months to a day
        { Tue, "The stock rose to a high for the year in June.", "the year", "2023", TimeType.Date },
        // Issue 20: a plan or a forecast resolves forward, news of what happened backward.
        { "2023-09-07", "A person familiar with the preparations said Mr Kim was unlikely to leave Pyongyang before Saturday.", "Saturday", "2023-09-09", TimeType.Date }, // sample 004, a Thursday: "unlikely to" forecasts
        { "2023-09-20", "UAW President Shawn Fain has said more plants could be targeted at noon on Friday if talks do not improve.", "noon on Friday", "2023-09-22T12:00", TimeType.Time }, // the sample's wire, a Wednesday: "could be" looks ahead
        { "2023-09-20", "The union leader could not be reached on Friday.", "Friday", "2023-09-15", TimeType.Date }, // a denied "could be" is news of the past
        { Tue, "Mr Kim and Mr Putin may meet in Vladivostok, where Mr Putin arrived on Monday to attend a forum.", "Monday", "2023-09-11", TimeType.Date }, // the seed: the arrival is Monday's, the meeting is not (ClauseScope)
    };

    [Fact]
    public void A_year_earlier_follows_the_period_the_report_speaks_of()
    {
        // Given a report on a quarter, then on the first nine months
        const string text = "Profit rose in the third quarter from a year earlier. In the first nine months, profit rose 5% from a year earlier.";
        var published = new DateOnly(2023, 10, 26);
        AnalyzedArticle analyzed = Pipeline.Analyze(new Article(ArticleId.FromContent(null, published, null, text), published, text));

        // Then "a year earlier" is last year's quarter after the quarter, and last year after the nine months
        string[] values = [.. analyzed.Times.Where(t => analyzed.Text(t.Span) == "a year earlier").Select(t => t.Value)];
        Assert.Equal(["2022-Q3", "2022"], values);
    }

    [Fact]
    public void The_latest_quarter_is_one_already_over()
    {
        // Given a report that names a coming quarter before speaking of the latest one
        const string text = "It expects a better fourth quarter. Sales fell in the latest quarter.";
        var published = new DateOnly(2023, 10, 26);
        AnalyzedArticle analyzed = Pipeline.Analyze(new Article(ArticleId.FromContent(null, published, null, text), published, text));

        // Then the latest quarter is the third, over at the report's date
        Assert.Contains(analyzed.Times, t => analyzed.Text(t.Span) == "the latest quarter" && t.Value == "2023-Q3");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expression_is_found_and_normalised(string published, string sentence, string expression, string value, TimeType type)
    {
        var article = new Article(ArticleId.FromContent(null, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), null, sentence),
            DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), sentence);
        AnalyzedArticle analyzed = Pipeline.Analyze(article);
        string found = string.Join("; ", analyzed.Times.Select(t => $"{analyzed.Text(t.Span)}={t.Type}:{t.Value}"));
        TimeExpression? time = analyzed.Times.FirstOrDefault(t => analyzed.Text(t.Span) == expression);
        Assert.True(time is not null, $"'{expression}' not found; found: {found}");
        Assert.Equal((type, value), (time.Type, time.Value));
    }

    [Theory]
    [InlineData("The 10-year-old boy was found.")] // an age is not a time
    [InlineData("He is 17 years old.")] // nor this one
    [InlineData("May I ask a question?")] // "May" opening a sentence is the verb
    [InlineData("The company employs 2000 workers.")] // a count, not a year
    [InlineData("Prices fall when demand drops.")] // "fall" the verb
    [InlineData("He was soon released from hospital.")] // "soon" in the past is no future reference
    [InlineData("He died soon after the attack.")] // nor "soon after" an event
    public void Not_a_time_expression(string sentence)
    {
        var published = new DateOnly(2023, 9, 12);
        AnalyzedArticle analyzed = Pipeline.Analyze(new Article(ArticleId.FromContent(null, published, null, sentence), published, sentence));
        Assert.Empty(analyzed.Times.Select(t => analyzed.Text(t.Span)));
    }
}
