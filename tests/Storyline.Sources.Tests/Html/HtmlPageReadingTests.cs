using Storyline.Testing;

namespace Storyline.Sources.Tests.Html;

public sealed class HtmlPageReadingTests
{
    private static async Task<List<ReadResult>> ReadAsync(params string[] inputs)
    {
        var source = new ReportSource(new ReaderOptions { Clock = FixedClock.Today });
        var results = new List<ReadResult>();
        await foreach (ReadResult result in source.ReadAsync(inputs))
        {
            results.Add(result);
        }

        return results;
    }

    [Fact]
    public async Task An_html_file_is_read_as_a_report_with_its_metadata()
    {
        ReadResult result = Assert.Single(await ReadAsync(Path.Combine(TestPaths.TestData, "html", "jsonld-article.html")));

        var report = Assert.IsType<ReportRead>(result).Report;
        Assert.Equal(new DateOnly(2023, 9, 12), report.Published);
        Assert.Equal("The Coastal Ledger", report.Outlet);
        Assert.Equal("Mira Okafor and Tomas Lind", report.Author);
        Assert.False(report.Paywalled);
    }

    [Fact]
    public async Task A_page_without_a_date_is_refused_with_the_reason()
    {
        ReadResult result = Assert.Single(await ReadAsync(Path.Combine(TestPaths.TestData, "html", "no-date.html")));

        var failed = Assert.IsType<ReadFailed>(result);
        Assert.Contains("no publication date", failed.Reason, StringComparison.Ordinal);
        Assert.EndsWith("no-date.html", failed.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paywall_flag_reaches_the_report()
    {
        var report = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(Path.Combine(TestPaths.TestData, "html", "paywall.html")))).Report;

        Assert.True(report.Paywalled);
    }
}
