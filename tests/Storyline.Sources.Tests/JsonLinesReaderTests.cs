using Storyline.Domain;

namespace Storyline.Sources.Tests;

public sealed class JsonLinesReaderTests
{
    private const string Origin = "feed.jsonl";

    private static readonly JsonLinesReader Reader = new(new ReaderOptions { Clock = FixedClock.Today });

    private static List<ReadResult> Read(string text) => [.. Reader.Read(Origin, text)];

    [Fact]
    public void Reads_every_field()
    {
        List<ReadResult> results = Read("""{"id":"ap-1","date":"2023-09-12","title":"Kim arrives","url":"https://example.com/kim","source":"AP","text":"Kim Jong Un arrived in Russia."}""");

        SourceReport report = Assert.IsType<ReportRead>(Assert.Single(results)).Report;
        Assert.Equal(new SourceReport(Origin, 1, new DateOnly(2023, 9, 12), "Kim Jong Un arrived in Russia.", "Kim arrives", "https://example.com/kim", "AP", "ap-1"), report);
        Assert.Equal("feed.jsonl:1", report.Location);
    }

    [Fact]
    public void Reads_the_byline_and_the_paywall_flag()
    {
        SourceReport report = Assert.IsType<ReportRead>(Assert.Single(Read("""{"date":"2023-09-12","text":"x y","author":"Guy Faulconbridge","paywalled":true}"""))).Report;
        SourceReport plain = Assert.IsType<ReportRead>(Assert.Single(Read("""{"date":"2023-09-12","text":"x y","paywalled":"yes"}"""))).Report;

        Assert.Equal("Guy Faulconbridge", report.Author);
        Assert.True(report.Paywalled);
        Assert.Null(plain.Author);
        Assert.False(plain.Paywalled); // only a JSON true sets the flag
    }

    [Fact]
    public void Reads_the_alternate_field_names()
    {
        List<ReadResult> results = Read("""{"published":"2023-09-12","body":"Putin met Kim.","outlet":"Reuters"}""");

        SourceReport report = Assert.IsType<ReportRead>(Assert.Single(results)).Report;
        Assert.Equal(new DateOnly(2023, 9, 12), report.Published);
        Assert.Equal("Putin met Kim.", report.Text);
        Assert.Equal("Reuters", report.Outlet);
        Assert.Null(report.Title);
        Assert.Null(report.Url);
        Assert.Null(report.ExternalId);
    }

    [Fact]
    public void Reads_source_as_the_outlet()
    {
        SourceReport report = Assert.IsType<ReportRead>(Assert.Single(Read("""{"date":"2023-09-12","text":"x y","source":"AFP"}"""))).Report;

        Assert.Equal("AFP", report.Outlet);
    }

    /// <summary>The date field's value, and the calendar day it must give.</summary>
    public static TheoryData<string, string> DateValues => new()
    {
        // A plain date.
        { "2023-09-12", "2023-09-12" },

        // An ISO date and time in UTC.
        { "2023-09-12T08:30:00Z", "2023-09-12" },

        // Late in the evening at a negative offset: the day as written is kept, not the UTC day.
        { "2023-09-12T23:30:00-05:00", "2023-09-12" },

        // Early in the morning at a positive offset: again the day as written.
        { "2023-09-12T01:15:00+09:00", "2023-09-12" },

        // Fractional seconds.
        { "2023-09-12T08:30:00.123Z", "2023-09-12" },

        // No seconds.
        { "2023-09-12T08:30Z", "2023-09-12" },

        // No offset at all.
        { "2023-09-12T08:30:00", "2023-09-12" },

        // A space instead of the T, as databases write it.
        { "2023-09-12 08:30:00", "2023-09-12" },
    };

    [Theory]
    [MemberData(nameof(DateValues))]
    public void Keeps_the_calendar_day_of_a_date_or_date_time(string value, string day)
    {
        SourceReport report = Assert.IsType<ReportRead>(Assert.Single(Read($$"""{"date":"{{value}}","text":"Body."}"""))).Report;

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), report.Published);
    }

    [Fact]
    public void Skips_blank_lines_and_keeps_line_numbers()
    {
        // Given blank lines (one with spaces, one with a carriage return) between and after the reports
        string text = "\n{\"date\":\"2023-09-12\",\"text\":\"One.\"}\n   \n\r\n{\"date\":\"2023-09-13\",\"text\":\"Two.\"}\r\n\n";

        // When read
        List<ReadResult> results = Read(text);

        // Then the two reports are read with the lines they are on
        Assert.Equal([2, 5], results.Select(r => Assert.IsType<ReportRead>(r).Report.Line));
        Assert.Equal(["One.", "Two."], results.Select(r => ((ReportRead)r).Report.Text));
    }

    /// <summary>A bad second line, and a fragment its failure's reason must contain.</summary>
    public static TheoryData<string, string> BadLines => new()
    {
        // Not JSON at all.
        { "this is not json", "invalid JSON" },

        // JSON cut short.
        { "{\"date\":\"2023-09-12\",\"text\":\"unfinished", "invalid JSON" },

        // Two objects on one line.
        { "{\"date\":\"2023-09-12\",\"text\":\"a\"} {\"x\":1}", "invalid JSON" },

        // Valid JSON, but an array.
        { "[1, 2, 3]", "not a JSON object" },

        // Valid JSON, but a string.
        { "\"date 2023-09-12\"", "not a JSON object" },

        // No date field.
        { "{\"text\":\"Body.\"}", "no date" },

        // A date that is not a string.
        { "{\"date\":true,\"text\":\"Body.\"}", "no date" },

        // A date that does not exist.
        { "{\"date\":\"2023-02-30\",\"text\":\"Body.\"}", "not a valid" },

        // A date in the fake clock's future.
        { "{\"date\":\"2030-01-01\",\"text\":\"Body.\"}", "future" },

        // No text field.
        { "{\"date\":\"2023-09-12\",\"title\":\"Headline only\"}", "no text" },

        // A text field that is only white space.
        { "{\"date\":\"2023-09-12\",\"text\":\"  \\n \"}", "no text" },

        // Nesting deeper than the reader allows.
        { "{\"date\":\"2023-09-12\",\"text\":\"a\",\"x\":" + new string('[', 40) + new string(']', 40) + "}", "invalid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void A_bad_line_is_reported_with_its_number_and_the_others_are_read(string badLine, string reason)
    {
        // Given a bad line between two good ones
        string text = "{\"date\":\"2023-09-12\",\"text\":\"Before.\"}\n" + badLine + "\n{\"date\":\"2023-09-13\",\"text\":\"After.\"}\n";

        // When read
        List<ReadResult> results = Read(text);

        // Then the good lines are read, and the bad one fails with its 1-based line number and the reason
        Assert.Equal(3, results.Count);
        Assert.Equal("Before.", Assert.IsType<ReportRead>(results[0]).Report.Text);
        ReadFailed failed = Assert.IsType<ReadFailed>(results[1]);
        Assert.Equal(Origin, failed.Origin);
        Assert.Equal(2, failed.Line);
        Assert.Equal("feed.jsonl:2", failed.Location);
        Assert.Contains(reason, failed.Reason, StringComparison.Ordinal);
        Assert.Equal("After.", Assert.IsType<ReportRead>(results[2]).Report.Text);
        Assert.Equal(3, ((ReportRead)results[2]).Report.Line);
    }

    [Fact]
    public void A_number_is_read_as_an_id()
    {
        List<ReadResult> results = Read("{\"id\":12345,\"date\":\"2023-09-12\",\"text\":\"Body.\"}\n{\"id\":1.5e3,\"date\":\"2023-09-12\",\"text\":\"Body two.\"}");

        Assert.Equal(["12345", "1.5e3"], results.Select(r => Assert.IsType<ReportRead>(r).Report.ExternalId));
    }

    [Fact]
    public void Fields_of_the_wrong_kind_are_treated_as_missing()
    {
        SourceReport report = Assert.IsType<ReportRead>(Assert.Single(Read("{\"date\":\"2023-09-12\",\"text\":\"Body.\",\"title\":null,\"url\":[\"a\"],\"id\":{\"x\":1}}"))).Report;

        Assert.Null(report.Title);
        Assert.Null(report.Url);
        Assert.Null(report.ExternalId);
    }

    [Fact]
    public void Empty_text_gives_nothing() => Assert.Empty(Read(string.Empty));
}
