using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>The text stage on about 1 MB of news text: tokens, sentences, boilerplate cleaning.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly Tokenizer tokenizer = new();
    private readonly SentenceSplitter splitter = new();
    private readonly BoilerplateCleaner cleaner = new();
    private string text = string.Empty;
    private ImmutableArray<Token> tokens;

    [GlobalSetup]
    public void Setup()
    {
        text = Paragraphs.Normalize(BenchText.Corpus(1_000_000));
        tokens = tokenizer.Tokenize(text);
    }

    [Benchmark]
    public ImmutableArray<Token> Tokenize() => tokenizer.Tokenize(text);

    [Benchmark]
    public ImmutableArray<Sentence> SplitSentences() => splitter.Split(text, tokens);

    [Benchmark]
    public CleanedText CleanBoilerplate() => cleaner.Clean(text);
}
