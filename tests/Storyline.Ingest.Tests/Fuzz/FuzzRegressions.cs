using System.Diagnostics;
using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Ingest.Tests.Fuzz;

/// <summary>
/// Inputs the fuzz tests found (kept here so that they are checked on every run, whatever the seed), and the shapes
/// of pathological text each stage must get through in bounded time: one enormous word, thousands of quote marks,
/// abbreviations or capitalised words in a row, a report at the size limit.
/// </summary>
public sealed class FuzzRegressions
{
    private static readonly Lazy<AnalysisPipeline> Pipeline = new(PipelineBuilder.CreateDefault);

    public static TheoryData<string, string> Texts => new()
    {
        { "one 200,000-letter word", new string('a', 200_000) },
        { "20,000 straight quote marks", new string('"', 20_000) },
        { "10,000 alternating curly quotes", string.Concat(Enumerable.Repeat("\u201C\u201D", 5_000)) },
        { "10,000 quotes with said", string.Concat(Enumerable.Repeat("\"Yes,\" he said. ", 10_000)) },
        { "20,000 abbreviations, no sentence end", string.Concat(Enumerable.Repeat("Mr. ", 20_000)) },
        { "20,000 capitalised words: one long name", string.Concat(Enumerable.Repeat("Kim ", 20_000)) },
        { "50,000 opening brackets", new string('(', 50_000) },
        { "10,000 time expressions", string.Concat(Enumerable.Repeat("on Monday, last week, 2023-09-12, ", 3_400)) },
        { "10,000 claim cues", string.Concat(Enumerable.Repeat("reportedly may be expected to deny ", 3_000)) },
        { "lone surrogates and controls", string.Concat(Enumerable.Repeat("\uD800 \uDC00 \0 \u202E \u0301 ", 2_000)) },
        { "one paragraph of 100,000 words, no full stop", string.Concat(Enumerable.Repeat("kim met putin in vladivostok and ", 16_000)) },
        // A quarter of ReaderOptions.MaxReportCharacters, to keep the run short; the whole limit takes about four times as long.
        { "a report of 250,000 characters", LongReport(250_000) },
    };

    [Fact]
    public void A_json_line_with_a_lone_surrogate_handed_over_as_text_is_a_failure_with_a_reason()
    {
        // Found by the fuzz test (seed 20261129, input 14): JsonDocument.Parse threw ArgumentException on a string
        // holding a lone surrogate, and the exception escaped the reader. (Built here, not as theory data: the test
        // runner's serialisation would replace the surrogate.)
        string line = "{\"date\":\"2023-09-12\",\"text\":\"half " + '\uD800' + " a pair\"}";
        var source = new ReportSource(new ReaderOptions(), () => Stream.Null);

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(source.Parse("in.jsonl", line)));

        Assert.Equal("not valid Unicode text (a lone surrogate)", failed.Reason);
    }

    [Fact]
    public void Claims_of_a_long_report_full_of_quotes_take_linear_time()
    {
        // Found by the stress rows below: the claim stage scanned every quote and mention of the article for every
        // sentence, 16 s for 10,000 one-line quotes. The same text a quarter as long must take about a quarter as
        // long, not a sixteenth (10x is allowed, for a busy machine).
        string Quotes(int n) => string.Concat(Enumerable.Repeat("\"Yes,\" he said. ", n));
        var claims = new Storyline.Claims.ClaimDetector();
        AnalyzedArticle small = new PipelineBuilder().UseText().UseQuotes().Build().Analyze(Article(Quotes(2_500)));
        AnalyzedArticle large = new PipelineBuilder().UseText().UseQuotes().Build().Analyze(Article(Quotes(10_000)));
        claims.Apply(small);

        var clock = Stopwatch.StartNew();
        claims.Apply(small);
        TimeSpan smallTook = clock.Elapsed;
        clock.Restart();
        AnalyzedArticle result = claims.Apply(large);
        TimeSpan largeTook = clock.Elapsed;

        Assert.Equal(10_000, result.Claims.Length);
        Assert.True(largeTook < (smallTook * 10) + TimeSpan.FromMilliseconds(200), $"2,500 quotes: {smallTook}; 10,000: {largeTook}");
    }

    private static Article Article(string text) => new(ArticleId.FromContent(null, new DateOnly(2023, 9, 12), null, text), new DateOnly(2023, 9, 12), text);

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_pathological_text_is_analysed_in_bounded_time(string what, string text)
    {
        // Given the text as a report (the cleaner and every stage, then story features and the clusterer)
        var report = new SourceReport(what, null, new DateOnly(2023, 9, 12), text, "Title");

        // When it is analysed on a thread with a deadline
        AnalyzedArticle? analysed = null;
        Exception? failure = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                Article article = new ReportCleaner().Clean(report);
                analysed = Pipeline.Value.Analyze(article);
                new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty).Assign(StoryFeatures.From(analysed));
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, maxStackSize: 1024 * 1024)
        {
            IsBackground = true,
        };
        thread.Start();
        bool finished = thread.Join(TimeSpan.FromSeconds(90));

        // Then it finishes, without an exception, well inside the deadline on a quiet machine
        Assert.True(finished, $"{what}: no answer within 90 s");
        Assert.Null(failure);
        Assert.NotNull(analysed);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{what}: took {clock.Elapsed}");
    }

    // The sample's reports repeated up to just under the limit.
    private static string LongReport(int limit)
    {
        var sb = new StringBuilder();
        while (true)
        {
            foreach (SourceReport r in Corpus.Sample)
            {
                if (sb.Length + r.Text.Length + 2 > limit)
                {
                    return sb.ToString();
                }

                sb.Append(r.Text).Append("\n\n");
            }
        }
    }
}
