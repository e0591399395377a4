using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// Time to assign a new report as the archive grows: the clusterer has already assigned <see cref="Archive"/> reports
/// of a generated stream, then each iteration assigns the next <see cref="Batch"/>. The stream comes at a steady 40
/// reports a day (so 1,000 reports are 25 days, 100,000 about 7 years), as a newsroom's feed does: what must not grow
/// is the cost of one report, which the candidate index keeps to the stories sharing its heavy terms within the window.
/// <para>
/// Generated corpus: synthetic stories, each made of sentences drawn from a theme of 40 sentences of the bundled
/// sample's reports, with names of its own (people, a place, an organisation: invented words), 8 reports over about
/// 10 days.
/// </para>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScalingConfig))]
public class StoryScalingBenchmarks
{
    /// <summary>Reports assigned in each measured iteration.</summary>
    public const int Batch = 200;

    private const int PerDay = 40;
    private const int ReportsPerStory = 8;
    private static readonly DateOnly Start = new(2015, 1, 1);

    private readonly AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
    private readonly ReportCleaner cleaner = new();
    private string[][] sentencePools = [];
    private OnlineStoryClusterer clusterer = null!;
    private StoryFeatures[] next = [];
    private int cursor;
    private int generated;

    /// <summary>Reports already assigned before the measured ones (20,000 is 500 days: the 365-day window is full from 14,600).</summary>
    [Params(1_000, 20_000, 100_000)]
    public int Archive { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Each synthetic story draws from a theme of 40 sentences picked from every sample sentence, so that its reports
        // share some sentences (as reports of one story share facts) without being near-copies of each other.
        string[] sentences = [.. BenchText.Reports.SelectMany(r => r.Text.Split(". ", StringSplitOptions.RemoveEmptyEntries)).Select(s => s.Trim()).Where(s => s.Length > 20)];
        sentencePools = [.. Enumerable.Range(0, 997).Select(theme =>
        {
            var random = new Random(theme);
            return Enumerable.Range(0, 40).Select(_ => sentences[random.Next(sentences.Length)]).ToArray();
        })];
        clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
        const int chunk = 2_000;
        for (int from = 0; from < Archive; from += chunk)
        {
            foreach (StoryFeatures report in Generate(from, Math.Min(chunk, Archive - from)))
            {
                clusterer.Assign(report);
            }
        }

        // Enough reports for the warm-up and every measured iteration, generated before any is measured.
        generated = Archive;
        Refill();
    }

    /// <summary>Before each iteration, outside the measurement: enough new reports for it.</summary>
    [IterationSetup]
    public void Refill()
    {
        if (cursor + Batch <= next.Length)
        {
            return;
        }

        next = Generate(generated, Batch * 10);
        generated += next.Length;
        cursor = 0;
    }

    /// <summary>Assigns the next <see cref="Batch"/> reports of the stream; BenchmarkDotNet divides by the batch.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public long AssignNextReports()
    {
        long stories = 0;
        for (int i = 0; i < Batch; i++)
        {
            stories += clusterer.Assign(next[cursor++]).Story.Value;
        }

        return stories;
    }

    // Reports [from, from + count) of the stream, analysed in parallel (generation is not what is measured).
    private StoryFeatures[] Generate(int from, int count)
    {
        var features = new StoryFeatures[count];
        Parallel.For(0, count, i => features[i] = StoryFeatures.From(pipeline.Analyze(cleaner.Clean(Report(from + i)))));
        return features;
    }

    // Report n belongs to synthetic story n / 8, whose reports are interleaved with those of its neighbours: story s
    // starts on day s * 8 / 40 and its k-th report comes about k * 1.25 days later.
    private SourceReport Report(int n)
    {
        int story = n / ReportsPerStory;
        int k = n % ReportsPerStory;
        var random = new Random(n);
        string[] pool = sentencePools[story % sentencePools.Length];
        string person = Name(story, 1) + " " + Name(story, 2);
        string place = Name(story, 3) + "ville";
        string organisation = Name(story, 4) + " Authority";
        var text = new System.Text.StringBuilder();
        text.Append(place.ToUpperInvariant()).Append(" - ").Append(person).Append(" of the ").Append(organisation).Append(" said on Monday that ")
            .Append(pool[random.Next(pool.Length)]).Append(".\n\n");
        for (int i = 0; i < 6; i++)
        {
            text.Append(pool[random.Next(pool.Length)]).Append(i == 2 ? $", {person} told reporters in {place}.\n\n" : ".\n\n");
        }

        DateOnly published = Start.AddDays((story * ReportsPerStory / PerDay) + (k * 10 / ReportsPerStory));
        return new SourceReport("generated", n, published, text.ToString(), $"{person} and the {organisation} in {place}", Outlet: "Generated");
    }

    // An invented capitalised word, the same for a story and a slot on every run.
    private static string Name(int story, int slot)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var random = new Random((story * 7) + slot);
        var name = new System.Text.StringBuilder();
        for (int i = 0; i < 3; i++)
        {
            name.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }

    // One process, no generated project (building one times out on a loaded machine); the 100,000-report setup takes
    // minutes, more than the in-process default allows; one invocation of a batch per iteration, no pilot.
    private sealed class ScalingConfig : ManualConfig
    {
        public ScalingConfig()
        {
            AddJob(InProcessMonitoring.Of(warmups: 2, iterations: 10));
        }
    }
}
