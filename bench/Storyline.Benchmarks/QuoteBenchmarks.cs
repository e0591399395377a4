using BenchmarkDotNet.Attributes;
using Storyline.Claims;
using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>The quotes and claims stages alone, over the sample's reports already tokenised and tagged.</summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private readonly QuoteFinder quotes = new();
    private readonly ClaimDetector claims = new();
    private AnalyzedArticle[] tagged = [];
    private AnalyzedArticle[] quoted = [];

    [GlobalSetup]
    public void Setup()
    {
        AnalysisPipeline upToEntities = new PipelineBuilder().UseText().UseEntities().Build();
        var cleaner = new ReportCleaner();
        tagged = [.. BenchText.Reports.Select(r => upToEntities.Analyze(cleaner.Clean(r)))];
        quoted = [.. tagged.Select(quotes.Apply)];
    }

    /// <summary>Find quotes and attributions in every sample report.</summary>
    [Benchmark]
    public int FindQuotes()
    {
        int found = 0;
        foreach (AnalyzedArticle report in tagged)
        {
            found += quotes.Apply(report).Quotes.Length;
        }

        return found;
    }

    /// <summary>Detect claims and their certainty in every sample report (quotes given).</summary>
    [Benchmark]
    public int DetectClaims()
    {
        int found = 0;
        foreach (AnalyzedArticle report in quoted)
        {
            found += claims.Apply(report).Claims.Length;
        }

        return found;
    }
}
