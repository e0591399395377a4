using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Timelines;

namespace Storyline.Benchmarks;

/// <summary>
/// The read-time views of one story as it grows to <see cref="Reports"/> reports (issue 23: a POST of short reports
/// made a story of 19,755): its summary, its timeline, what's new since its middle day, and the digest an export
/// writes. The story's reports are short (two sentences recombined from the bundled sample's reports, about 130 words)
/// and spread over 30 days, so a day holds hundreds of reports at 10,000 and more. What must hold: the cost grows about
/// linearly with the reports (no comparison of every sentence with every other), and each view answers within 5 s at
/// 20,000.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ViewScalingConfig))]
public class StoryViewScalingBenchmarks
{
    private const int Days = 30;
    private static readonly DateOnly Start = new(2023, 9, 1);

    private readonly StoryDigest digests = new();
    private readonly WhatsNew whatsNew = new();
    private AnalyzedArticle[] reports = [];
    private Story story = null!;
    private HashSet<ArticleId> copies = [];
    private DateOnly middle;

    /// <summary>Reports in the story.</summary>
    [Params(1_000, 10_000, 20_000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] sentences = [.. BenchText.Reports.SelectMany(r => Sentences(r.Text))];
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        var random = new Random(20);
        SourceReport[] sources =
        [
            .. Enumerable.Range(0, Reports).Select(i => new SourceReport(
                $"bench-{i}",
                null,
                Start.AddDays(i * Days / Reports),
                sentences[random.Next(sentences.Length)] + " " + sentences[random.Next(sentences.Length)] + $" Report {i}."))
        ];
        reports = new AnalyzedArticle[sources.Length];
        Parallel.For(0, sources.Length, i => reports[i] = pipeline.Analyze(cleaner.Clean(sources[i])));
        middle = Start.AddDays(Days / 2);
        story = new Story(new StoryId(1), "bench", Start, Start.AddDays(Days - 1), [.. reports.Select(r => r.Article.Id)]);
        copies = [];
    }

    /// <summary>The five-sentence summary.</summary>
    [Benchmark]
    public int Summary() => StoryDigest.Summarize(reports, copies, 5).Length;

    /// <summary>The ranked timeline (every day, five entries a day).</summary>
    [Benchmark]
    public int Timeline() => digests.Timeline(reports, copies).Length;

    /// <summary>What the reports after the middle day add.</summary>
    [Benchmark]
    public int WhatsNewSinceMiddle() => whatsNew.Since(reports, new NewsCutoff(middle, null), copies).Facts.Length;

    /// <summary>The digest an export writes: summary, timeline, entities, quotes, claims and sources.</summary>
    [Benchmark]
    public int Export() => digests.Build(story, reports).Timeline.Length;

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(['\n'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(p => p.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Trim().TrimEnd('.') + ".")
            .Where(s => s.Length > 40 && !s.StartsWith("date ", StringComparison.Ordinal));

    private sealed class ViewScalingConfig : ManualConfig
    {
        public ViewScalingConfig()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
        }
    }
}
