using System.Text;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// Realistic news text for the benchmarks: the bundled sample's reports (written for this project), read once.
/// </summary>
internal static class BenchText
{
    private static readonly Lazy<IReadOnlyList<SourceReport>> LazyReports = new(Load);

    public static IReadOnlyList<SourceReport> Reports => LazyReports.Value;

    /// <summary>../shared/data/timelines/timeline17 beside the clone this program was built in (else beside the working folder).</summary>
    public static string Timeline17Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data", "timelines", "timeline17");
            if (File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return Path.GetFullPath(Path.Combine("..", "shared", "data", "timelines", "timeline17"));
    }

    /// <summary>
    /// The sample's reports cleaned and analysed by the default pipeline's stages that come before
    /// <paramref name="stage"/> (a stage name: "entities", "resolve", "time", "quotes", "claims"): the input that
    /// stage sees in ingest. Null analyses every stage.
    /// </summary>
    public static AnalyzedArticle[] AnalysedBefore(string? stage)
    {
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        return [.. Reports.Select(r =>
        {
            var analysed = AnalyzedArticle.Empty(cleaner.Clean(r));
            foreach (IAnalysisStage s in pipeline.Stages.TakeWhile(s => s.Name != stage))
            {
                analysed = s.Apply(analysed);
            }

            return analysed;
        })];
    }

    /// <summary>All sample bodies joined into about <paramref name="minChars"/> characters of text.</summary>
    public static string Corpus(int minChars)
    {
        var sb = new StringBuilder(minChars + 4096);
        while (sb.Length < minChars)
        {
            foreach (SourceReport report in Reports)
            {
                sb.Append(report.Text).Append("\n\n");
            }
        }

        return sb.ToString();
    }

    // The real reader (format detection, decoding, the seed text parse), so that benchmarks see what ingest sees.
    private static List<SourceReport> Load()
    {
        string[] files = [.. Directory.GetFiles(FindSamples(), "*.txt").Order(StringComparer.Ordinal)];
        return [.. new ReportSource().ReadAsync(files).ToBlockingEnumerable().Select(r => r is ReportRead ok
            ? ok.Report
            : throw new InvalidDataException("sample report not readable: " + r))];
    }

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", "reports");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/reports not found above " + AppContext.BaseDirectory);
    }
}
