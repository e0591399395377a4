using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Benchmarks;

/// <summary>The time stage on about 1 MB of news text, tokens and sentences given (they belong to the text stage).</summary>
[MemoryDiagnoser]
public class TimeBenchmarks
{
    private readonly TimeTagger tagger = new();
    private string text = string.Empty;
    private ImmutableArray<Token> tokens;
    private ImmutableArray<Sentence> sentences;

    [GlobalSetup]
    public void Setup()
    {
        text = Paragraphs.Normalize(BenchText.Corpus(1_000_000));
        tokens = new Tokenizer().Tokenize(text);
        sentences = new SentenceSplitter().Split(text, tokens);
    }

    /// <summary>Recognise and normalise every time expression in the text, anchored on one publication date.</summary>
    [Benchmark]
    public ImmutableArray<TimeExpression> TagTimes() => tagger.Tag(text, tokens, sentences, new DateOnly(2023, 9, 12));
}
