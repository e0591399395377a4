using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Storyline.Claims;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Stories;
using Storyline.Testing;
using Storyline.Text;
using Storyline.Timelines;
using Xunit.Abstractions;

namespace Storyline.Ingest.Tests.Fuzz;

/// <summary>
/// A bounded-time fuzz test of the readers (seed text, JSON Lines, HTML, RSS/Atom, and the byte decoding before
/// them) and of the analysis stages (tokenizer, sentence splitter, tagger, resolver, time, quotes, claims) with the
/// story clusterer, timelines and claim histories after them, on the sample, the seeds and the HTML fixtures
/// mutated, and on random text and bytes.
/// </summary>
/// <remarks>
/// <para>Checked for every input: no exception (readers answer bad input with a <see cref="ReadFailed"/>; the stages
/// accept any text); no hang (each input has <see cref="PerInputTimeout"/>); memory bounded (what one input
/// allocates is bounded by a constant plus a multiple of its length); and what comes out is sound (spans inside the
/// text, dates inside the limits) so that nothing corrupt can be stored.</para>
/// <para>The normal run is deterministic (seed <see cref="DefaultSeed"/>, a fixed number of inputs, seconds).
/// <c>STORYLINE_FUZZ_SECONDS=600</c> runs each test for that long instead, and <c>STORYLINE_FUZZ_SEED=N</c> changes the
/// seed. A failure prints the seed and the input's index, and writes the input to a file; a crash found this way
/// becomes a regression row in <see cref="FuzzRegressions"/>.</para>
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int DefaultSeed = 20261129;

    private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(30);

    private static readonly ReaderOptions ReaderOptions = new() { Clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)) };

    private static readonly Lazy<AnalysisPipeline> Pipeline = new(PipelineBuilder.CreateDefault);

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("STORYLINE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed) ? seed : DefaultSeed;

    private static TimeSpan? Budget => int.TryParse(Environment.GetEnvironmentVariable("STORYLINE_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds) ? TimeSpan.FromSeconds(seconds) : null;

    [Fact]
    public void Readers_answer_any_input_with_reports_or_failures()
    {
        FuzzSeeds seeds = FuzzSeeds.Load();
        string[] names = ["in.txt", "in.jsonl", "in.ndjson", "in.html", "in.htm", "in.rss", "in.atom", "in.xml", "in", "in.jsonl.gz"];
        var failures = new List<string>();
        int inputs = Run(Budget, count: 200, (index, random) =>
        {
            // Given a seed of one format, mutated, or random text
            (string text, string kind) = random.Next(10) switch
            {
                0 => (Mutator.RandomText(random, random.Next(3000)), "random"),
                1 or 2 => (Mutator.Mutate(random, seeds.SeedText[random.Next(seeds.SeedText.Count)], seeds.All), "seed text"),
                3 or 4 => (Mutator.Mutate(random, seeds.JsonLines[random.Next(seeds.JsonLines.Count)], seeds.All), "json lines"),
                5 or 6 => (Mutator.Mutate(random, seeds.Html[random.Next(seeds.Html.Count)], seeds.All), "html"),
                _ => (Mutator.Mutate(random, seeds.Feeds[random.Next(seeds.Feeds.Count)], seeds.All), "feed"),
            };
            string name = names[random.Next(names.Length)];
            byte[] bytes = Mutator.Encode(random, text);

            // When it is parsed as text under a name, and read as bytes from standard input
            string? failure = Guarded($"reader {kind} as {name}", index, text, () =>
            {
                var source = new ReportSource(ReaderOptions, () => new MemoryStream(bytes));
                var results = source.Parse(name, text).ToList();
                results.AddRange(source.ReadAsync(["-"]).ToBlockingEnumerable());
                return results.Select(CheckRead).FirstOrDefault(problem => problem is not null);
            });
            if (failure is not null)
            {
                failures.Add(failure);
            }
        });

        output.WriteLine($"seed {Seed}: {inputs} reader inputs");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    [Fact]
    public void Analysis_stages_and_clusterer_accept_any_text()
    {
        FuzzSeeds seeds = FuzzSeeds.Load();
        var cleaner = new ReportCleaner();
        var analysed = new List<AnalyzedArticle>();
        var failures = new List<string>();
        int inputs = Run(Budget, count: 60, (index, random) =>
        {
            // Given a real report mutated (or random text), with a title and any date the readers allow
            string text = random.Next(8) == 0
                ? Mutator.RandomText(random, random.Next(6000))
                : Mutator.Mutate(random, seeds.Bodies[random.Next(seeds.Bodies.Count)], seeds.Bodies);
            string? title = random.Next(3) == 0 ? null : Mutator.Mutate(random, seeds.Titles[random.Next(seeds.Titles.Count)], seeds.Titles);
            var published = new DateOnly(1800, 1, 1).AddDays(random.Next(new DateOnly(2026, 11, 30).DayNumber - new DateOnly(1800, 1, 1).DayNumber));
            var report = new SourceReport($"fuzz-{index}", null, published, text, title, Outlet: random.Next(2) == 0 ? "Fuzz Wire" : null);

            // When it is cleaned, analysed and turned into story features
            string? failure = Guarded("analysis", index, text, () =>
            {
                Article article = cleaner.Clean(report);
                if (article.Body.Length == 0)
                {
                    return null;
                }

                AnalyzedArticle result = Pipeline.Value.Analyze(article);
                _ = StoryFeatures.From(result);
                lock (analysed)
                {
                    analysed.Add(result);
                }

                return CheckAnalysis(result);
            });
            if (failure is not null)
            {
                failures.Add(failure);
            }
        });

        // Then the reports, in date order, go through the clusterer, and timelines and claim histories are built
        string? after = Guarded("clusterer, timelines and claims", -1, string.Empty, () =>
        {
            var clusterer = new OnlineStoryClusterer(ClusteringOptions.Default, ClusteringState.Empty);
            var byStory = new Dictionary<StoryId, List<AnalyzedArticle>>();
            foreach (AnalyzedArticle report in analysed.OrderBy(a => a.Article.Published).ThenBy(a => a.Article.Id.ToString(), StringComparer.Ordinal))
            {
                StoryAssignment assignment = clusterer.Assign(StoryFeatures.From(report));
                if (!byStory.TryGetValue(assignment.Story, out List<AnalyzedArticle>? members))
                {
                    byStory[assignment.Story] = members = [];
                }

                members.Add(report);
            }

            foreach (List<AnalyzedArticle> story in byStory.Values)
            {
                _ = new TimelineBuilder().Build(story);
                _ = ClaimHistory.Build(story);
            }

            return null;
        }, timeout: PerInputTimeout * 4);
        if (after is not null)
        {
            failures.Add(after);
        }

        output.WriteLine($"seed {Seed}: {inputs} texts, {analysed.Count} analysed and clustered");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    // Runs inputs 0, 1, 2, … until the count, or until the budget when one is set.
    private static int Run(TimeSpan? budget, int count, Action<int, Random> fuzz)
    {
        var clock = Stopwatch.StartNew();
        int index = 0;
        for (; budget is TimeSpan b ? clock.Elapsed < b : index < count; index++)
        {
            fuzz(index, Mutator.RandomFor(Seed, index));
        }

        return index;
    }

    // Runs one input on its own thread, with a deadline and a count of what it allocates; the answer is null when
    // all went well, else what went wrong (the input is written to a file to reproduce it).
    private static string? Guarded(string what, int index, string input, Func<string?> check, TimeSpan? timeout = null)
    {
        string? problem = null;
        long allocated = 0;
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                problem = check();
            }
            catch (Exception ex)
            {
                problem = $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, maxStackSize: 1024 * 1024)
        {
            IsBackground = true,
        };
        thread.Start();
        TimeSpan limit = timeout ?? PerInputTimeout;
        if (!thread.Join(limit))
        {
            problem = $"no answer within {limit.TotalSeconds} s (a hang)";
        }
        else if (allocated > AllocationBound(input.Length))
        {
            problem = $"allocated {allocated:N0} bytes for {input.Length:N0} characters (bound {AllocationBound(input.Length):N0})";
        }

        if (problem is null)
        {
            return null;
        }

        // As a JSON string: the input may hold lone surrogates, which no encoding writes as they are.
        string file = Path.Combine(Path.GetTempPath(), "storyline-fuzz", $"{Seed}-{index}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(input));
        return $"{what}, seed {Seed}, input {index} (written to {file}): {problem}";
    }

    // A generous linear bound: the readers and the pipeline keep a few copies of the text and per-token records.
    private static long AllocationBound(int characters) => (256L * 1024 * 1024) + (20_000L * characters);

    private static string? CheckRead(ReadResult result)
    {
        switch (result)
        {
            case ReadFailed failed:
                return string.IsNullOrWhiteSpace(failed.Reason) ? $"a failure without a reason at {failed.Location}" : null;
            case ReportRead read:
                SourceReport report = read.Report;
                DateOnly today = DateOnly.FromDateTime(ReaderOptions.Clock.GetUtcNow().UtcDateTime);
                if (string.IsNullOrWhiteSpace(report.Text))
                {
                    return $"a report without text from {report.Location}";
                }

                if (report.Published < ReaderOptions.EarliestDate || report.Published > today.AddDays(ReaderOptions.MaxDaysInFuture))
                {
                    return $"a report dated {report.Published} from {report.Location}";
                }

                return report.Text.Length > ReaderOptions.MaxReportCharacters ? $"a report over the text limit from {report.Location}" : null;
            default:
                return $"an unknown result {result.GetType().Name}";
        }
    }

    private static string? CheckAnalysis(AnalyzedArticle a)
    {
        int length = a.Article.Body.Length;
        bool Inside(TextSpan span) => span.Start >= 0 && span.Length >= 0 && span.End <= length;
        bool InsideOpt(TextSpan? span) => span is not TextSpan s || Inside(s);
        string? bad =
            a.Tokens.Any(t => !Inside(t.Span)) ? "token" :
            a.Sentences.Any(s => !Inside(s.Span) || s.FirstToken < 0 || s.FirstToken + s.TokenCount > a.Tokens.Length) ? "sentence" :
            a.Mentions.Any(m => !Inside(m.Span) || m.Sentence < 0 || m.Sentence >= a.Sentences.Length) ? "mention" :
            a.Times.Any(t => !Inside(t.Span) || string.IsNullOrEmpty(t.Value)) ? "time expression" :
            a.Quotes.Any(q => !Inside(q.Content) || !InsideOpt(q.Cue) || !InsideOpt(q.Source) || !InsideOpt(q.CitedBy) || !InsideOpt(q.Citing)) ? "quote" :
            a.Claims.Any(c => !Inside(c.Span) || !InsideOpt(c.Source) || !InsideOpt(c.Cue)) ? "claim" :
            null;
        return bad is null ? null : $"a {bad} outside the text (or pointing nowhere)";
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The real inputs the fuzz tests mutate.</summary>
internal sealed record FuzzSeeds(
    IReadOnlyList<string> SeedText,
    IReadOnlyList<string> JsonLines,
    IReadOnlyList<string> Html,
    IReadOnlyList<string> Feeds,
    IReadOnlyList<string> Bodies,
    IReadOnlyList<string> Titles)
{
    private static readonly Lazy<FuzzSeeds> Loaded = new(Read);

    public IReadOnlyList<string> All { get; } = [.. SeedText, .. JsonLines, .. Html, .. Feeds];

    public static FuzzSeeds Load() => Loaded.Value;

    private static FuzzSeeds Read()
    {
        var seedText = Directory.GetFiles(Path.Combine(TestPaths.Samples, "reports"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (Directory.Exists(TestPaths.Seeds))
        {
            seedText.AddRange(Directory.GetFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        }

        string[] wire = File.ReadAllLines(Path.Combine(TestPaths.Samples, "jsonl", "wire.jsonl"));
        var jsonLines = wire.Select((_, i) => string.Join('\n', wire.Skip(i).Take(3))).ToList();
        var html = Directory.GetFiles(Path.Combine(TestPaths.TestData, "html"), "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        IReadOnlyList<SourceReport> sample = Corpus.Sample;
        var bodies = sample.Select(r => r.Text).ToList();
        if (Directory.Exists(TestPaths.Seeds))
        {
            bodies.AddRange(seedText.Skip(sample.Count).Select(t => t.Trim()[15..].Trim()));
        }

        var titles = sample.Select(r => r.Text.Split('\n')[0]).Select(t => t.Length > 90 ? t[..90] : t).ToList();
        var feeds = new List<string>();
        for (int i = 0; i + 3 <= sample.Count; i += 3)
        {
            feeds.Add(Rss(sample.Skip(i).Take(3)));
            feeds.Add(Atom(sample.Skip(i).Take(3)));
        }

        return new FuzzSeeds(seedText, jsonLines, html, feeds, bodies, titles);
    }

    private static string Rss(IEnumerable<SourceReport> reports)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Sample</title><link>https://example.org/</link>\n");
        int n = 0;
        foreach (SourceReport r in reports)
        {
            string date = r.Published.ToDateTime(new TimeOnly(9, 30)).ToString("R", CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>Report {n}</title><link>https://example.org/{n}</link><guid>id-{n++}</guid><pubDate>{date}</pubDate>")
              .Append("<content:encoded>").Append(WebUtility.HtmlEncode("<p>" + r.Text.Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p>")).Append("</content:encoded></item>\n");
        }

        return sb.Append("</channel></rss>\n").ToString();
    }

    private static string Atom(IEnumerable<SourceReport> reports)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Sample</title>\n");
        int n = 0;
        foreach (SourceReport r in reports)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<entry><id>urn:x:{n}</id><title>Report {n}</title><link href=\"https://example.org/{n++}\"/><published>{r.Published:yyyy-MM-dd}T09:30:00Z</published>")
              .Append("<content type=\"html\">").Append(WebUtility.HtmlEncode(r.Text)).Append("</content></entry>\n");
        }

        return sb.Append("</feed>\n").ToString();
    }
}
