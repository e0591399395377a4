using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Timelines;
using Storyline.Views;

namespace Storyline.Benchmarks;

/// <summary>
/// The read-time views of one story as it grows to <see cref="Reports"/> reports (issue 23: a POST of short reports
/// made a story of 19,755): its summary, its timeline, what's new since its middle day, and the export, each as the
/// command line and the web build it (<see cref="StoryViews"/>, from reports already read from the store). The story's
/// reports are short (two sentences recombined from the bundled sample's reports) and spread over 30 days, so that a
/// day holds hundreds of reports at 10,000 and more and the cap on sentences compared per day comes into play. What
/// must hold: the cost grows about linearly with the reports (no comparison of every sentence with every other), and
/// each view answers within 5 s at 20,000.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ViewScalingConfig))]
public class StoryViewScalingBenchmarks
{
    private const int Days = 30;
    private static readonly DateOnly Start = new(2023, 9, 1);

    // Each benchmark method runs its own global setup; the analysed story of each size is made once per process.
    private static readonly Dictionary<int, StoryMaterial> Stories = [];

    private StoryMaterial material = null!;
    private NewsCutoff middle;

    /// <summary>Reports in the story.</summary>
    [Params(1_000, 10_000, 20_000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        lock (Stories)
        {
            if (!Stories.TryGetValue(Reports, out StoryMaterial? story))
            {
                Stories[Reports] = story = Build(Reports);
            }

            material = story;
        }

        middle = new NewsCutoff(Start.AddDays(Days / 2), null);
    }

    /// <summary>The five-sentence summary (<c>GET /api/stories/{id}/summary</c>).</summary>
    [Benchmark]
    public int Summary() => StoryViews.Summary(material, 5).Sentences.Count;

    /// <summary>The ranked timeline, every day, five entries a day (<c>storyline timeline</c>).</summary>
    [Benchmark]
    public int Timeline() => StoryViews.TimelineOf(material).Entries.Count;

    /// <summary>What the reports after the middle day add, eight facts (<c>storyline whatsnew --since</c>).</summary>
    [Benchmark]
    public int WhatsNewSinceMiddle() => StoryViews.WhatsNew(material, middle, WhatsNew.DefaultMaxFacts).Facts.Count;

    /// <summary>The export: summary, timeline, entities, quotes, claims and sources (<c>storyline export</c>).</summary>
    [Benchmark]
    public int Export() => StoryViews.Export(material, 5).Timeline.Count;

    private static StoryMaterial Build(int count)
    {
        string[] sentences = [.. BenchText.Reports.SelectMany(r => Sentences(r.Text))];
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        var random = new Random(20);
        SourceReport[] sources =
        [
            .. Enumerable.Range(0, count).Select(i => new SourceReport(
                $"bench-{i}",
                null,
                Start.AddDays(i * Days / count),
                sentences[random.Next(sentences.Length)] + " " + sentences[random.Next(sentences.Length)] + $" Report {i}."))
        ];
        var reports = new AnalyzedArticle[sources.Length];
        Parallel.For(0, sources.Length, i => reports[i] = pipeline.Analyze(cleaner.Clean(sources[i])));

        // As the store gives them back: without tokens (the views re-tokenize), in publication order.
        AnalyzedArticle[] stored = [.. reports.Select(r => r with { Tokens = [] }).OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        var story = new Story(new StoryId(1), "bench", Start, Start.AddDays(Days - 1), [.. stored.Select(r => r.Article.Id)]);
        return new StoryMaterial(story, stored);
    }

    private static IEnumerable<string> Sentences(string text) =>
        text.Split(['\n'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(p => p.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            .Select(s => s.Trim().TrimEnd('.') + ".")
            .Where(s => s.Length > 40 && !s.StartsWith("date ", StringComparison.Ordinal));

    private sealed class ViewScalingConfig : ManualConfig
    {
        public ViewScalingConfig()
        {
            AddJob(InProcessMonitoring.Of(warmups: 1, iterations: 3));
        }
    }
}
