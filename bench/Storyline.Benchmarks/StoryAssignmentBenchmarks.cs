using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Storyline.Domain;
using Storyline.Evaluation.Stories;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// The two story stages of ingest on real news: <see cref="StoryFeatures.From"/> on analysed Timeline17 reports, and the
/// ordered assignment of all of Timeline17's reports (2,286, in date order, as <c>eval stories</c> streams them) from an
/// empty archive. The analysis is done once in the set-up (it takes about half a minute on two cores) and not timed.
/// Needs ../shared/data/timelines/timeline17 beside the clone.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class StoryAssignmentBenchmarks
{
    /// <summary>Analysed reports <see cref="Features"/> runs over (the first of the stream).</summary>
    public const int FeatureReports = 200;

    private static readonly Lazy<(AnalyzedArticle[] Analysed, StoryFeatures[] Features)> Timeline17 = new(Load);

    private AnalyzedArticle[] analysed = [];
    private StoryFeatures[] features = [];

    [GlobalSetup]
    public void Setup() => (analysed, features) = Timeline17.Value;

    /// <summary>Story features of <see cref="FeatureReports"/> analysed reports; the time is per report.</summary>
    [Benchmark(OperationsPerInvoke = FeatureReports)]
    public int Features()
    {
        int terms = 0;
        foreach (AnalyzedArticle article in analysed)
        {
            terms += StoryFeatures.From(article).Terms.Length;
        }

        return terms;
    }

    /// <summary>Assigns every Timeline17 report in stream order from an empty archive; the time is per report.</summary>
    [Benchmark(OperationsPerInvoke = 2286)]
    public long AssignTimeline17()
    {
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        long stories = 0;
        foreach (StoryFeatures report in features)
        {
            stories += clusterer.Assign(report).Story.Value;
        }

        return stories;
    }

    private static (AnalyzedArticle[] Analysed, StoryFeatures[] Features) Load()
    {
        string folder = BenchText.Timeline17Folder();
        StoryBenchmarkStream stream = StoryBenchmark.Read(folder, StoryBenchmarkLayout.Timeline17);
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        var analysed = new AnalyzedArticle?[stream.Items.Count];
        var features = new StoryFeatures?[stream.Items.Count];
        Parallel.For(0, stream.Items.Count, i =>
        {
            Article article = cleaner.Clean(stream.Items[i].Report);
            if (article.Body.Length > 0)
            {
                AnalyzedArticle done = pipeline.Analyze(article);
                features[i] = StoryFeatures.From(done);
                analysed[i] = i < FeatureReports * 2 ? done : null;
            }
        });
        return ([.. analysed.OfType<AnalyzedArticle>().Take(FeatureReports)], [.. features.OfType<StoryFeatures>()]);
    }

    // In process (the set-up's analysis is shared by both benchmarks), a short run: the machine is shared.
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun
                .WithStrategy(RunStrategy.Throughput)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
        }
    }
}
