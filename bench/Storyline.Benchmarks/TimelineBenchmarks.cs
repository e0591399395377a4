using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Timelines;

namespace Storyline.Benchmarks;

/// <summary>
/// The read-time story views on a story of <see cref="Reports"/> analysed reports (the bundled sample's 38 reports,
/// repeated with shifted dates, as one story): the ranked timeline, the whole digest (timeline, summary, entities,
/// quotes, claims) and what's new in the second half.
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private readonly TimelineSummarizer summarizer = new();
    private readonly StoryDigest digests = new();
    private readonly WhatsNew whatsNew = new();
    private AnalyzedArticle[] reports = [];
    private Story story = null!;
    private DateOnly middle;

    /// <summary>Reports in the story.</summary>
    [Params(40, 200)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        reports = [.. Enumerable.Range(0, Reports).Select(i =>
        {
            SourceReport source = BenchText.Reports[i % BenchText.Reports.Count];
            source = source with { Published = source.Published.AddDays(i / BenchText.Reports.Count * 7), Text = source.Text + "\n\nReport " + i + "." };
            return pipeline.Analyze(cleaner.Clean(source));
        })];
        DateOnly[] days = [.. reports.Select(r => r.Article.Published).Order()];
        middle = days[days.Length / 2];
        story = new Story(new StoryId(1), "bench", days[0], days[^1], [.. reports.Select(r => r.Article.Id)]);
    }

    /// <summary>The story's ranked timeline (every day, five entries a day).</summary>
    [Benchmark]
    public int Timeline() => summarizer.Summarize(reports, TimelineOptions.Story).Length;

    /// <summary>Timeline, five-sentence summary, entities, quotes, claims and sources.</summary>
    [Benchmark]
    public int Digest() => digests.Build(story, reports).Timeline.Length;

    /// <summary>What the reports after the middle day add.</summary>
    [Benchmark]
    public int WhatsNewSinceMiddle() => whatsNew.Since(reports, new NewsCutoff(middle, null)).Facts.Length;
}
