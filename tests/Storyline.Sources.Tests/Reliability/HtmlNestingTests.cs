using Storyline.Sources.Html;
using Storyline.Testing;

namespace Storyline.Sources.Tests.Reliability;

public sealed class HtmlNestingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string, int> Depths => new()
    {
        { "<html><body><div><div><span>x</span></div></div></body></html>", 3 },
        // Void elements, self-closed elements and elements that close their like are not counted.
        { "<div><br><img src=x><p>a<p>b<li>c<li>d<a>e<a>f<x/></div>", 1 },
        // An end tag closes the latest open element of its name and all opened after it.
        { "<div><span><b>x</div><div>y</div>", 3 },
        // A stray end tag is ignored, as the parser ignores it: it cannot hide depth.
        { string.Concat(Enumerable.Repeat("<div></span>", 100)), 100 },
        // Tags inside scripts, comments and attribute values are not tags.
        { "<div><script>var s = '<div><div><div>';</script><!-- <div><div> --><span title=\"<div>\">x</span></div>", 2 },
    };

    [Theory]
    [MemberData(nameof(Depths))]
    public void Nesting_is_measured_as_the_tree_builder_would_nest(string html, int depth) =>
        Assert.Equal(depth, HtmlNesting.MaxDepth(html));

    [SharedFact("data/extract")]
    public void Real_news_pages_stay_far_below_the_limit()
    {
        // Every page of the extraction benchmarks (L3S-GN1, CleanEval): none may be refused by the default limit.
        string root = Path.Combine(TestPaths.Shared, "data", "extract");
        int deepest = 0;
        string? where = null;
        foreach (string page in Directory.EnumerateFiles(root, "*.htm*", SearchOption.AllDirectories).Where(p => p.Contains("input", StringComparison.Ordinal)))
        {
            int depth = HtmlNesting.MaxDepth(File.ReadAllText(page));
            if (depth > deepest)
            {
                (deepest, where) = (depth, page);
            }
        }

        output.WriteLine($"deepest: {deepest} ({where})");
        Assert.True(deepest < HtmlArticleExtractor.DefaultMaxDepth / 2, $"{where} nests {deepest} deep");
    }
}
