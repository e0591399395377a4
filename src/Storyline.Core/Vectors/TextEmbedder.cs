using System.Numerics;
using Storyline.Domain;
using Storyline.Text;

namespace Storyline.Vectors;

/// <summary>
/// Dense vectors for sentences and documents: the smooth-inverse-frequency weighted sum of their words' vectors with
/// the common component removed, at unit length (Arora, Liang and Ma 2017, "A simple but tough-to-beat baseline for
/// sentence embeddings"). Two texts about the same thing in different words ("quake" and "earthquake", "killed" and
/// "dead") get close vectors. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Only word and number tokens count. A word is looked up lower-cased, without a possessive "'s" (GloVe's tokens split
/// it off), and a hyphenated word not in the table by its parts ("Jong-un" → "jong", "un"). Words of more than
/// <see cref="MaxWordLength"/> characters are skipped.
/// </remarks>
public sealed class TextEmbedder
{
    /// <summary>Longer words are not looked up (no GloVe word is this long in practice).</summary>
    public const int MaxWordLength = 48;

    private readonly WordVectors vectors;
    private readonly double smoothing;

    /// <summary>Builds an embedder over <paramref name="vectors"/>.</summary>
    /// <param name="vectors">The word vectors.</param>
    /// <param name="smoothing">SIF's a: larger gives frequent words more weight.</param>
    public TextEmbedder(WordVectors vectors, double smoothing = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(smoothing);
        this.vectors = vectors;
        this.smoothing = smoothing;
    }

    /// <summary>How many numbers a vector has.</summary>
    public int Dimensions => vectors.Dimensions;

    /// <summary>The word vectors underneath.</summary>
    public WordVectors Vectors => vectors;

    /// <summary>
    /// Adds the weighted vectors of the words among <paramref name="tokens"/> (spans of <paramref name="text"/>) to
    /// <paramref name="sum"/>, and returns how many words were found. Call <see cref="Finish"/> on the sum afterwards.
    /// </summary>
    public int Accumulate(string text, ReadOnlySpan<Token> tokens, Span<float> sum)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = stackalloc char[MaxWordLength];
        int found = 0;
        foreach (Token token in tokens)
        {
            if (token.Kind is not (TokenKind.Word or TokenKind.Number) || token.Span.Length > MaxWordLength)
            {
                continue;
            }

            ReadOnlySpan<char> word = text.AsSpan(token.Span.Start, token.Span.Length);
            if (Possessive.EndsWith(word))
            {
                word = word[..^2];
            }

            int length = word.ToLowerInvariant(buffer);
            found += AddWord(buffer[..length], 1f, sum);
        }

        return found;
    }

    /// <summary>Removes the common component from <paramref name="sum"/> and scales it to unit length.</summary>
    /// <returns><see langword="false"/> when nothing is left (no word was found): the vector is then all zero.</returns>
    public bool Finish(Span<float> sum)
    {
        ReadOnlySpan<float> common = vectors.CommonComponent;
        float projection = Dot(sum, common);
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] -= projection * common[i];
        }

        float norm = MathF.Sqrt(Dot(sum, sum));
        if (!(norm > 1e-9f))
        {
            sum.Clear();
            return false;
        }

        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] /= norm;
        }

        return true;
    }

    /// <summary>The unit vector of the words among <paramref name="tokens"/>, or <see langword="null"/> when none is known.</summary>
    public float[]? Embed(string text, ReadOnlySpan<Token> tokens)
    {
        var sum = new float[Dimensions];
        return Accumulate(text, tokens, sum) > 0 && Finish(sum) ? sum : null;
    }

    /// <summary>The dot product; for unit vectors, their cosine.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("The vectors differ in length.", nameof(b));
        }

        int i = 0;
        float total = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            total = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>
    /// Adds <paramref name="times"/> the weighted vector of one lower-cased word (of a hyphenated word not in the table,
    /// its parts) to <paramref name="sum"/>, as <see cref="Accumulate"/> does for each token; returns how many words
    /// were found. For callers that hold words with their counts rather than the text.
    /// </summary>
    public int AddWord(ReadOnlySpan<char> word, float times, Span<float> sum)
    {
        if (word.IsEmpty)
        {
            return 0;
        }

        if (vectors.TryFind(word, out int id))
        {
            vectors.AddTo(id, times * vectors.SifWeight(id, smoothing), sum);
            return 1;
        }

        if (word.IndexOf('-') < 0)
        {
            return 0;
        }

        int found = 0;
        foreach (Range part in word.Split('-'))
        {
            ReadOnlySpan<char> piece = word[part];
            if (!piece.IsEmpty && vectors.TryFind(piece, out int partId))
            {
                vectors.AddTo(partId, times * vectors.SifWeight(partId, smoothing), sum);
                found++;
            }
        }

        return found;
    }
}
