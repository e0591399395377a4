using Storyline.Domain;

namespace Storyline.Sources.Tests;

public sealed class SeedTextReaderTests
{
    private const string Origin = "reports/000_seed.txt";

    private static readonly SeedTextReader Reader = new(new ReaderOptions { Clock = FixedClock.Today, EarliestDate = new DateOnly(2000, 1, 1) });

    /// <summary>Text, expected date (yyyy-MM-dd), expected body.</summary>
    public static TheoryData<string, string, string> ValidReports => new()
    {
        // The plain form: header line, blank line, body.
        { "date 2023-09-12\n\nKim Jong Un arrived in Russia.", "2023-09-12", "Kim Jong Un arrived in Russia." },

        // Leading spaces and blank lines before the header are skipped.
        { "\n\n   date 2023-09-12\n\nKim arrived.", "2023-09-12", "Kim arrived." },

        // As the real seeds are written: a space, then the date and the body's first words on one line.
        { " date 2023-09-11 VLADIVOSTOK, Russia: In Russia's Pacific port.\n\nKim's trip is unconfirmed.", "2023-09-11", "VLADIVOSTOK, Russia: In Russia's Pacific port.\n\nKim's trip is unconfirmed." },

        // The header is not case-sensitive, and a tab may follow it.
        { "DATE\t2023-09-12\nBody text.", "2023-09-12", "Body text." },

        // Windows line endings; trailing white space of the body is dropped, inner paragraphs kept.
        { "date 2023-09-12\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n\r\n", "2023-09-12", "First paragraph.\r\n\r\nSecond paragraph." },

        // Tomorrow is allowed (MaxDaysInFuture = 1), for reports from time zones ahead of UTC.
        { "date 2024-01-16\n\nFiled from Auckland.", "2024-01-16", "Filed from Auckland." },

        // The earliest date itself is allowed.
        { "date 2000-01-01\n\nMillennium report.", "2000-01-01", "Millennium report." },
    };

    [Theory]
    [MemberData(nameof(ValidReports))]
    public void Reads_a_valid_report(string text, string date, string body)
    {
        ReadResult result = Reader.Read(Origin, text);

        SourceReport report = Assert.IsType<ReportRead>(result).Report;
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), report.Published);
        Assert.Equal(body, report.Text);
        Assert.Equal(Origin, report.Origin);
        Assert.Null(report.Line);
    }

    /// <summary>Text, and a fragment the failure's reason must contain.</summary>
    public static TheoryData<string, string> InvalidReports => new()
    {
        // No header at all: the text starts with the story.
        { "Kim Jong Un arrived in Russia.", "no date" },

        // Empty and white-space-only text.
        { "", "no date" },
        { "  \n\n ", "no date" },

        // "date" with nothing after it.
        { "date", "no date" },

        // "date" followed only by white space.
        { "date   \n\n", "no date" },

        // "date" glued to the value is not the header.
        { "date2023-09-12 Body.", "no date" },

        // A word that starts with "date" is not the header.
        { "dated 2023-09-12 Body.", "no date" },

        // February 30th does not exist.
        { "date 2023-02-30\n\nBody.", "not a valid" },

        // Month 13 does not exist.
        { "date 2023-13-01\n\nBody.", "not a valid" },

        // A word instead of a date.
        { "date yesterday\n\nBody.", "not a valid" },

        // Day first, as some outlets write it.
        { "date 12-09-2023\n\nBody.", "not a valid" },

        // Two days after the fake clock's today.
        { "date 2024-01-17\n\nBody.", "future" },

        // Far in the future: a typed year.
        { "date 3023-09-12\n\nBody.", "future" },

        // Before ReaderOptions.EarliestDate (set to 2000-01-01 here); the reason names the limit.
        { "date 1999-12-31\n\nBody.", "before 2000-01-01" },

        // A date and nothing after it.
        { "date 2023-09-12", "no text" },

        // A date followed only by blank lines.
        { "date 2023-09-12\n\n  \n", "no text" },
    };

    [Theory]
    [MemberData(nameof(InvalidReports))]
    public void Refuses_an_invalid_report_and_says_why(string text, string reason)
    {
        ReadResult result = Reader.Read(Origin, text);

        ReadFailed failed = Assert.IsType<ReadFailed>(result);
        Assert.Contains(reason, failed.Reason, StringComparison.Ordinal);
        Assert.Equal(Origin, failed.Origin);
        Assert.Null(failed.Line);
        Assert.StartsWith(Origin + ": ", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_earliest_date_is_1800()
    {
        var reader = new SeedTextReader(new ReaderOptions { Clock = FixedClock.Today });

        Assert.IsType<ReportRead>(reader.Read(Origin, "date 1800-01-01\n\nOld news."));
        ReadFailed failed = Assert.IsType<ReadFailed>(reader.Read(Origin, "date 1799-12-31\n\nOlder news."));
        Assert.Contains("before 1800-01-01", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_future_is_measured_from_the_clock_passed_in()
    {
        // Given a clock a year later than the table's
        var reader = new SeedTextReader(new ReaderOptions { Clock = new FixedClock(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero)) });

        // When a report dated after the table's "today" is read
        ReadResult result = reader.Read(Origin, "date 2024-06-01\n\nBody.");

        // Then it is accepted: it is not in this clock's future
        Assert.IsType<ReportRead>(result);
    }
}
