using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Entities;
using Storyline.Entities.Resolution;
using Storyline.Pipeline;

namespace Storyline.Benchmarks;

/// <summary>Loading the committed gazetteer, and the resolution stage alone on the sample's recognised mentions.</summary>
[MemoryDiagnoser]
public class ResolutionBenchmarks
{
    private readonly EntityResolver resolver = (EntityResolver)PipelineBuilder.CreateDefault().Stages.Single(s => s.Name == "resolve");
    private AnalyzedArticle[] recognised = [];

    [GlobalSetup]
    public void Setup()
    {
        // Text and the trained tagger: the input the resolver sees in the default pipeline (which trusts the tagger's types).
        recognised = BenchText.AnalysedBefore("resolve");
    }

    /// <summary>Decompress and index models/gazetteer/places.tsv.gz (done once per process, on first use).</summary>
    [Benchmark]
    public int LoadGazetteer()
    {
        using Stream stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(Gazetteer.ResourceName)!;
        return Gazetteer.Load(stream).PlaceCount;
    }

    /// <summary>Resolve the tagger's mentions of the 34 sample reports: aliases, roles, countries, geocoding.</summary>
    [Benchmark]
    public int ResolveSample()
    {
        int entities = 0;
        foreach (AnalyzedArticle article in recognised)
        {
            entities += resolver.Apply(article).Entities.Length;
        }

        return entities;
    }
}
