using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Storyline.Vectors;

namespace Storyline.Entities.Tagging;

/// <summary>
/// The word vectors as real-valued tagger features (Turian, Ratinov and Bengio 2010): a token's lower-cased word is
/// looked up in the committed GloVe table (<see cref="WordVectors"/>) and each dimension is scaled so that its standard
/// deviation over the table's words is <see cref="Deviation"/>, which puts the values on the scale of the binary
/// features beside them. The tagger adds, per label, the dot product of a weight vector with the vectors of the word
/// and (with <see cref="NerFeatureSet.EmbeddingWindow"/>) its neighbours at −1 and +1 in the sentence; a word without
/// a vector, or a place beyond the sentence, adds nothing. Read-only once built, shared by every thread.
/// </summary>
/// <remarks>
/// Weights are laid out position-major, then label, then dimension (<see cref="Index"/>), so that a label's score is
/// one contiguous dot product and a perceptron update one contiguous vector addition.
/// </remarks>
internal sealed class EmbeddingFeatures
{
    /// <summary>The standard deviation each dimension is scaled to (Turian et al.'s setting).</summary>
    public const float Deviation = 0.1f;

    // Longest token looked up (GloVe's words are shorter).
    private const int MaxWord = 64;

    private static readonly ConditionalWeakTable<WordVectors, EmbeddingFeatures> Tables = new();

    private readonly float[] factors;

    private EmbeddingFeatures(WordVectors vectors)
    {
        Vectors = vectors;
        int d = vectors.Dimensions;
        var sum = new double[d];
        var squares = new double[d];
        var row = new float[d];
        for (int id = 0; id < vectors.Count; id++)
        {
            row.AsSpan().Clear();
            vectors.AddTo(id, 1f, row);
            for (int k = 0; k < d; k++)
            {
                sum[k] += row[k];
                squares[k] += (double)row[k] * row[k];
            }
        }

        factors = new float[d];
        for (int k = 0; k < d; k++)
        {
            double mean = sum[k] / Math.Max(1, vectors.Count);
            double deviation = Math.Sqrt(Math.Max(0, (squares[k] / Math.Max(1, vectors.Count)) - (mean * mean)));
            factors[k] = deviation > 0 ? (float)(Deviation / deviation) : 0f;
        }
    }

    /// <summary>The table the vectors come from.</summary>
    public WordVectors Vectors { get; }

    /// <summary>Numbers per vector.</summary>
    public int Dimensions => Vectors.Dimensions;

    /// <summary>The features of <paramref name="vectors"/>, made once per table.</summary>
    public static EmbeddingFeatures For(WordVectors vectors) => Tables.GetValue(vectors, v => new EmbeddingFeatures(v));

    /// <summary>The places whose vectors a token reads (0: none, 1: the word, 3: the word and its neighbours).</summary>
    public static int Positions(NerFeatureSet set) =>
        (set & NerFeatureSet.Embeddings) == 0 ? 0 : (set & NerFeatureSet.EmbeddingWindow) != 0 ? 3 : 1;

    /// <summary>The token offset of a position: −1, 0, +1 for three positions, 0 for one.</summary>
    public static int Offset(int position, int positions) => positions == 1 ? 0 : position - 1;

    /// <summary>Number of weights for <paramref name="positions"/> positions of <paramref name="dimensions"/> numbers.</summary>
    public static int WeightCount(int positions, int dimensions) => positions * LinearChain.Labels * dimensions;

    /// <summary>Where the weight vector of a position and label starts.</summary>
    public static int Index(int position, int label, int dimensions) => ((position * LinearChain.Labels) + label) * dimensions;

    /// <summary>The table's id of a token's lower-cased text, or −1.</summary>
    public int Find(ReadOnlySpan<char> token)
    {
        if (token.Length is 0 or > MaxWord)
        {
            return -1;
        }

        Span<char> lower = stackalloc char[MaxWord];
        int n = token.ToLowerInvariant(lower);
        return n > 0 && Vectors.TryFind(lower[..n], out int id) ? id : -1;
    }

    /// <summary>Writes the scaled vector of word <paramref name="id"/> into <paramref name="into"/>.</summary>
    public void Fill(int id, Span<float> into)
    {
        into.Clear();
        Vectors.AddTo(id, 1f, into);
        for (int k = 0; k < into.Length; k++)
        {
            into[k] *= factors[k];
        }
    }

    /// <summary>Adds, for each label, the dot product of the position's weights with <paramref name="x"/>.</summary>
    public static void Score(ReadOnlySpan<float> weights, int position, ReadOnlySpan<float> x, Span<float> scores)
    {
        int d = x.Length;
        for (int y = 0; y < LinearChain.Labels; y++)
        {
            scores[y] += TextEmbedder.Dot(weights.Slice(Index(position, y, d), d), x);
        }
    }

    /// <summary>Adds <paramref name="factor"/> × <paramref name="x"/> to <paramref name="into"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<float> into, ReadOnlySpan<float> x, float factor)
    {
        if (into.Length < x.Length)
        {
            throw new ArgumentException("The target is shorter than the vector.", nameof(into));
        }

        ref float a = ref MemoryMarshal.GetReference(into);
        ref float b = ref MemoryMarshal.GetReference(x);
        int n = x.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var f = Vector256.Create(factor);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) + (f * Vector256.LoadUnsafe(ref b, (nuint)i))).StoreUnsafe(ref a, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref a, i) += factor * Unsafe.Add(ref b, i);
        }
    }
}
