using BenchmarkDotNet.Attributes;
using Storyline.Claims;
using Storyline.Domain;
using Storyline.Quotes;

namespace Storyline.Benchmarks;

/// <summary>The quotes and claims stages alone, over the sample's reports already analysed by the stages before them.</summary>
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
        // What each stage sees in the default pipeline: text, tagged and resolved entities, times (and quotes for claims).
        tagged = BenchText.AnalysedBefore("quotes");
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
