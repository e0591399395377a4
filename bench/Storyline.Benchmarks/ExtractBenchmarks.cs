using System.Text;
using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Sources.Html;

namespace Storyline.Benchmarks;

/// <summary>
/// Article extraction with each way of finding the body (<see cref="BodyExtraction"/>: SmartReader alone, our own
/// block scorer alone, and the two combined, the default): one synthetic news page (a sample report inside
/// navigation, a sidebar, related links and comments, about 30 KB), and the first 50 pages of L3S-GN1 (real 2008
/// news pages, 40–100 KB each) when ../shared is beside the repository (else the synthetic page 50 times). The
/// 50-page benchmark reports the time of one page: pages per second on one core is one second over its mean when run
/// with <c>--affinity 1</c> (docs/PERFORMANCE.md).
/// </summary>
[MemoryDiagnoser]
public class ExtractBenchmarks
{
    private const int Pages = 50;

    private HtmlArticleExtractor extractor = new();
    private string page = string.Empty;
    private List<string> pages = [];

    /// <summary>How the body is found.</summary>
    [ParamsAllValues]
    public BodyExtraction Body { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        extractor = new HtmlArticleExtractor(body: Body);
        page = SyntheticPage(BenchText.Reports[0]);
        string? folder = FindL3s();
        pages = folder is null
            ? Enumerable.Repeat(page, Pages).ToList()
            : Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal).Take(Pages).Select(f => HtmlDecoder.Decode(File.ReadAllBytes(f))).ToList();
    }

    [Benchmark]
    public int ExtractSyntheticPage() => extractor.Extract(page, "https://example.org/2023/09/12/story").Body.Length;

    /// <summary>The 50 pages; the mean is the time of one page.</summary>
    [Benchmark(OperationsPerInvoke = Pages)]
    public int ExtractL3sPage()
    {
        int total = 0;
        foreach (string html in pages)
        {
            total += extractor.Extract(html).Body.Length;
        }

        return total;
    }

    private static string SyntheticPage(SourceReport report)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><title>A story | The Bench Times</title>");
        sb.Append("<meta property=\"article:published_time\" content=\"2023-09-12T08:00:00Z\"></head><body>");
        sb.Append("<header><nav>");
        for (int i = 0; i < 60; i++)
        {
            sb.Append("<a href=\"/section/").Append(i).Append("\">Section ").Append(i).Append("</a> ");
        }

        sb.Append("</nav></header><main><article><h1>A story</h1><div class=\"byline\">By A. Writer</div>");
        foreach (string paragraph in report.Text.Split("\n\n"))
        {
            sb.Append("<p>").Append(paragraph).Append("</p>");
        }

        sb.Append("<section class=\"related\"><ul>");
        for (int i = 0; i < 30; i++)
        {
            sb.Append("<li><a href=\"/r/").Append(i).Append("\">Another headline about something else number ").Append(i).Append("</a></li>");
        }

        sb.Append("</ul></section></article><section class=\"comments\">");
        for (int i = 0; i < 40; i++)
        {
            sb.Append("<div class=\"comment\"><p>Posted by reader").Append(i).Append(" on September 12, 2023</p><p>I think this is an interesting story, but the council should have acted much sooner.</p></div>");
        }

        sb.Append("</section></main><footer><p>Copyright 2023 The Bench Times</p></footer></body></html>");
        return sb.ToString();
    }

    private static string? FindL3s()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data", "extract", "l3s-gn1-googlenews", "input");
            if (File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
