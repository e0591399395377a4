using Storyline.Evaluation.Extract;

namespace Storyline.Evaluation.Tests.Extract;

public sealed class TokenOverlapTests
{
    [Fact]
    public void Counts_are_bags_of_lower_cased_words()
    {
        // "The cat saw the dog" vs "the dog, the DOG!": predicted {the:2, cat, saw, dog} = 5 tokens,
        // gold {the:2, dog:2} = 4 tokens, overlap the:2 + dog:1 = 3. P = 3/5, R = 3/4, F1 = 2PR/(P+R) = 2/3.
        TokenOverlap s = TokenOverlap.Of("The cat saw the dog", "the dog, the DOG!");

        Assert.Equal(new TokenOverlap(5, 4, 3), s);
        Assert.Equal(0.6, s.Precision, 10);
        Assert.Equal(0.75, s.Recall, 10);
        Assert.Equal(2.0 / 3.0, s.F1, 10);
    }

    [Fact]
    public void Punctuation_separates_and_digits_are_words()
    {
        // "U.S. 2023" is three tokens: u, s, 2023.
        Assert.Equal(new TokenOverlap(3, 3, 3), TokenOverlap.Of("U.S. 2023", "u s 2023"));
    }

    [Theory]
    [InlineData("", "", 1.0, 1.0, 1.0)] // nothing to find, nothing found
    [InlineData("", "gold words", 0.0, 0.0, 0.0)] // nothing found
    [InlineData("noise", "", 0.0, 1.0, 0.0)] // nothing to find, something found
    [InlineData("a b", "c d", 0.0, 0.0, 0.0)] // no overlap
    public void Empty_sides_have_defined_scores(string predicted, string gold, double p, double r, double f)
    {
        TokenOverlap s = TokenOverlap.Of(predicted, gold);

        Assert.Equal(p, s.Precision, 10);
        Assert.Equal(r, s.Recall, 10);
        Assert.Equal(f, s.F1, 10);
    }

    [Fact]
    public void Micro_adds_counts_and_macro_averages_pages()
    {
        // Page 1: P = 1, R = 1/2 (2 of 4 gold), F1 = 2/3. Page 2: 8 predicted, 8 gold, 8 overlap: all 1.
        // Macro: P = 1, R = 3/4, F1 = 5/6. Micro: 10 predicted, 12 gold, 10 overlap: P = 1, R = 10/12.
        TokenOverlap[] pages = [new(2, 4, 2), new(8, 8, 8)];

        EvalReport report = ExtractEvaluation.Report("test", pages, 0, 0);

        var macro = report.Rows[0].Metrics.ToDictionary(m => m.Key, m => m.Value);
        var micro = report.Rows[1].Metrics.ToDictionary(m => m.Key, m => m.Value);
        Assert.Equal(1.0, macro["P"], 10);
        Assert.Equal(0.75, macro["R"], 10);
        Assert.Equal(5.0 / 6.0, macro["F1"], 10);
        Assert.Equal(1.0, micro["P"], 10);
        Assert.Equal(10.0 / 12.0, micro["R"], 10);
        Assert.Equal(2 * (10.0 / 12.0) / (1 + 10.0 / 12.0), micro["F1"], 10);
    }

    [Fact]
    public void L3s_gold_is_the_main_text_class_only()
    {
        const string annotated = """
            <html><body><span class="x-nc-sel1">Headline</span><div class="x-nc-sel0">Menu</div>
            <p><span class="x-nc-sel2">First paragraph <b>bold</b>.</span></p><span class="x-nc-sel5">A comment</span>
            <span class="x-nc-sel2">Second.</span></body></html>
            """;

        Assert.Equal(["first", "paragraph", "bold", "second"], TokenOverlap.Bag(ExtractBenchmark.L3sGold(annotated)).Keys);
    }

    [Fact]
    public void CleanEval_gold_loses_its_url_line_and_markers()
    {
        Assert.Equal("Title\nx", ExtractBenchmark.CleanEvalGold("URL: http://a.example/\n<h>Title\n<p>x"));
    }
}
