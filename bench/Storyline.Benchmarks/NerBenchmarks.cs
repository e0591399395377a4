using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Entities;
using Storyline.Entities.Tagging;
using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// The trained entity tagger on the bundled sample's reports, text already tokenised: tokens per second is the tagger
/// tokens (<see cref="TaggerTokens"/>, possessives split off) over the mean time. One thread.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private readonly NerModel model = NerModel.Default ?? throw new InvalidOperationException("models/ner/model.bin is not in the build output");
    private AnalyzedArticle[] texts = [];
    private TaggingDocument[] documents = [];
    private NerTagger tagger = null!;

    /// <summary>Tagger tokens in one run over the sample.</summary>
    public int TaggerTokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var cleaner = new ReportCleaner();
        AnalysisPipeline text = new PipelineBuilder().UseText().Build();
        texts = [.. BenchText.Reports.Select(r => text.Analyze(cleaner.Clean(r)))];
        documents = [.. texts.Select(t => NerTagger.ToTaggingDocument(t.Body, t.Tokens, t.Sentences))];
        tagger = new NerTagger(model);
        TaggerTokens = documents.Sum(d => d.Tokens.Length);
        Console.WriteLine($"// NerBenchmarks: {TaggerTokens:N0} tagger tokens in {documents.Length} reports");
    }

    /// <summary>Labels every token of the sample's reports (both passes), from tagger tokens to BILOU labels.</summary>
    [Benchmark]
    public int TagTokens()
    {
        int named = 0;
        var labels = new byte[4096];
        foreach (TaggingDocument document in documents)
        {
            if (labels.Length < document.Tokens.Length)
            {
                labels = new byte[document.Tokens.Length];
            }

            model.Tag(document, labels);
            named += labels.AsSpan(0, document.Tokens.Length).IndexOfAnyExcept((byte)NerLabels.Outside) >= 0 ? 1 : 0;
        }

        return named;
    }

    /// <summary>The whole entity stage: mapping tokens, tagging, and making mentions and entities.</summary>
    [Benchmark]
    public int EntityStage()
    {
        int mentions = 0;
        foreach (AnalyzedArticle article in texts)
        {
            mentions += tagger.Apply(article).Mentions.Length;
        }

        return mentions;
    }

    /// <summary>Loading the committed model from disk.</summary>
    [Benchmark]
    public int LoadModel() => NerModel.Load(NerModel.DefaultPath).FeatureCount;
}
