using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>The whole analysis of the sample's reports, and story assignment over them.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
    private readonly ReportCleaner cleaner = new();
    private Article[] articles = [];
    private StoryFeatures[] features = [];

    [GlobalSetup]
    public void Setup()
    {
        articles = [.. BenchText.Reports.Select(cleaner.Clean)];
        features = [.. articles.Select(a => StoryFeatures.From(pipeline.Analyze(a)))];
    }

    /// <summary>Clean and analyse every sample report (34 reports, about 7,000 words).</summary>
    [Benchmark]
    public int AnalyzeSample()
    {
        int mentions = 0;
        foreach (SourceReport report in BenchText.Reports)
        {
            mentions += pipeline.Analyze(cleaner.Clean(report)).Mentions.Length;
        }

        return mentions;
    }

    /// <summary>Assign every sample report to a story, in date order, from an empty archive.</summary>
    [Benchmark]
    public long AssignStories()
    {
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        long last = 0;
        foreach (StoryFeatures report in features)
        {
            last = clusterer.Assign(report).Story.Value;
        }

        return last;
    }
}
