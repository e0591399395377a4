using Storyline.Evaluation.Extract;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Extract;

public sealed class ExtractSmokeTests
{
    private const string L3s = "data/extract/l3s-gn1-googlenews";

    // A smoke run on the first 20 pages; the full benchmark is `storyline eval extract` (F1 0.94 on all 621).
    [SharedFact(L3s)]
    public void The_extractor_finds_most_of_the_article_on_a_few_L3S_pages()
    {
        EvalReport report = ExtractEvaluation.Run(Path.Combine(TestPaths.Shared, L3s), limit: 20);

        var macro = report.Rows[0].Metrics.ToDictionary(m => m.Key, m => m.Value);
        Assert.Equal(20, macro["pages"]);
        Assert.True(macro["F1"] > 0.85, $"macro F1 {macro["F1"]:0.000} on 20 pages");
    }
}
