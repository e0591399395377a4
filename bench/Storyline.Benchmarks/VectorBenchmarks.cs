using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Storyline.Domain;
using Storyline.Text;
using Storyline.Vectors;

namespace Storyline.Benchmarks;

/// <summary>
/// The committed word vectors: loading the table (once per process), and dense vectors of about 1 MB of news text
/// (one per sentence, as the story and timeline stages make them).
/// </summary>
[MemoryDiagnoser]
public class VectorBenchmarks
{
    private readonly Tokenizer tokenizer = new();
    private readonly SentenceSplitter splitter = new();
    private TextEmbedder embedder = null!;
    private string text = string.Empty;
    private ImmutableArray<Token> tokens;
    private ImmutableArray<Sentence> sentences;

    [GlobalSetup]
    public void Setup()
    {
        embedder = new TextEmbedder(WordVectors.Shipped ?? throw new InvalidOperationException("models/embeddings is missing beside the benchmarks"));
        text = Paragraphs.Normalize(BenchText.Corpus(1_000_000));
        tokens = tokenizer.Tokenize(text);
        sentences = splitter.Split(text, tokens);
    }

    [Benchmark]
    public int Load() => WordVectors.Load(WordVectors.DefaultPath).Count;

    [Benchmark]
    public int EmbedSentences()
    {
        Span<float> sum = stackalloc float[embedder.Dimensions];
        int found = 0;
        foreach (Sentence sentence in sentences)
        {
            sum.Clear();
            embedder.Accumulate(text, tokens.AsSpan(sentence.FirstToken, sentence.TokenCount), sum);
            found += embedder.Finish(sum) ? 1 : 0;
        }

        return found;
    }
}
