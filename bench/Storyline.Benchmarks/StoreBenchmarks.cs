using System.Globalization;
using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// The store stage alone: <see cref="IStoryStore.SaveAsync"/> of the 34 sample reports, analysed and assigned
/// in the setup, into one SQLite file (WAL): one transaction per report, or the 34 in one
/// batch as ingest stores them (up to 128 per transaction). Each invocation stores them
/// under new ids, so every call inserts (a repeated id would be skipped); the file grows over the run, as an archive does.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyline-bench-store-" + Guid.NewGuid().ToString("N"));
    private (AnalyzedArticle Report, StoryFeatures Features, StoryAssignment Assignment)[] reports = [];
    private SqliteStoryStore store = null!;
    private int invocation;

    [GlobalSetup]
    public async Task Setup()
    {
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        reports = [.. BenchText.Reports.Select(r =>
        {
            AnalyzedArticle report = pipeline.Analyze(cleaner.Clean(r));
            StoryFeatures features = StoryFeatures.From(report);
            return (report, features, clusterer.Assign(features));
        })];
        Directory.CreateDirectory(folder);
        store = await SqliteStoryStore.OpenAsync(Path.Combine(folder, "store.db"));
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await store.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Stores the 34 sample reports, each in its own transaction.</summary>
    [Benchmark]
    public async Task<int> SaveSample()
    {
        int saved = 0;
        string suffix = (invocation++).ToString("x8", CultureInfo.InvariantCulture);
        foreach ((AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment) in reports)
        {
            var id = new ArticleId(report.Article.Id.Value[..8] + suffix);
            AnalyzedArticle renamed = report with { Article = report.Article with { Id = id } };
            saved += await store.SaveAsync(renamed, features with { Id = id }, assignment with { Report = id }) ? 1 : 0;
        }

        return saved;
    }

    /// <summary>Stores the 34 sample reports in one transaction (<see cref="IStoryStore.SaveBatchAsync"/>), as ingest does.</summary>
    [Benchmark]
    public async Task<int> SaveSampleBatched()
    {
        string suffix = (invocation++).ToString("x8", CultureInfo.InvariantCulture);
        ReportToStore[] batch = [.. reports.Select(r =>
        {
            var id = new ArticleId(r.Report.Article.Id.Value[..8] + suffix);
            return new ReportToStore(r.Report with { Article = r.Report.Article with { Id = id } }, r.Features with { Id = id }, r.Assignment with { Report = id });
        })];
        return (await store.SaveBatchAsync(batch)).Count(saved => saved);
    }
}
