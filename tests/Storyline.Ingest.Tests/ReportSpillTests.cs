using Storyline.Domain;

namespace Storyline.Ingest.Tests;

/// <summary>The spill file gives back exactly the report written, whatever order it is read in.</summary>
public sealed class ReportSpillTests
{
    public static TheoryData<SourceReport> Reports => new()
    {
        // Every optional field missing.
        new SourceReport("a.txt", null, new DateOnly(2023, 9, 11), "Body."),

        // Every field given, with a line number and the paywall flag.
        new SourceReport("feed.jsonl", 12, new DateOnly(1801, 1, 2), "Para one.\n\nPara two.", "Title", "https://example.org/x", "Outlet", "ext-1", "A. Writer", Paywalled: true),

        // JSON allows a lone surrogate ("\ud800"); a UTF-8 round trip would turn it into U+FFFD and change the report's id.
        new SourceReport("odd.jsonl", 1, new DateOnly(2024, 2, 29), "lone \ud800 surrogate, emoji \U0001F600, accents é", Title: string.Empty),
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void A_report_comes_back_equal(SourceReport report)
    {
        // Given a spill holding the report between two others
        using var spill = new ReportSpill();
        spill.Write(new SourceReport("before", null, new DateOnly(2020, 1, 1), "x"));
        long offset = spill.Write(report);
        spill.Write(new SourceReport("after", 3, new DateOnly(2020, 1, 2), "y"));

        // When it is read back out of order
        SourceReport read = spill.Read(offset);

        // Then it is the same report, with the same content id
        Assert.Equal(report, read);
        Assert.Equal(report.Id, read.Id);
    }
}
