using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Entities.Tagging;

/// <summary>
/// One pass of the tagger: a weight row of <see cref="NerLabels.Count"/> scores per feature, found through a
/// <see cref="FeatureIndex"/>, and a label-bigram transition matrix for Viterbi decoding.
/// Read-only once built, so one instance serves every thread.
/// </summary>
internal sealed class LinearChain
{
    /// <summary>Number of labels.</summary>
    public const int Labels = NerLabels.Count;

    private readonly FeatureIndex index;

    /// <summary>Makes a chain from its feature keys, their weight rows (key-major) and transitions.</summary>
    /// <param name="keys">The key of each row.</param>
    /// <param name="weights">Row-major weights, <see cref="Labels"/> per row, each a whole number of steps of
    /// <paramref name="scale"/> (as saved: see <see cref="NerModel.Quantize"/>).</param>
    /// <param name="transitions">Row 0: the start; row 1 + p: after label p. <see cref="Labels"/> per row.</param>
    /// <param name="scale">The weight of one int16 step.</param>
    /// <param name="dense">The weights of the word vectors (<see cref="EmbeddingFeatures"/>; empty: none), laid out
    /// as <see cref="EmbeddingFeatures.Index"/> says for <paramref name="densePositions"/> positions.</param>
    /// <param name="densePositions">Positions the vector weights cover (0, 1 or 3).</param>
    public LinearChain(uint[] keys, float[] weights, float[] transitions, float scale, float[]? dense = null, int densePositions = 0)
    {
        Keys = keys;
        Weights = weights;
        Transitions = transitions;
        Scale = scale;
        Dense = dense ?? [];
        DensePositions = Dense.Length == 0 ? 0 : densePositions;
        if (DensePositions > 0 && Dense.Length % (DensePositions * Labels) != 0)
        {
            throw new ArgumentException("The vector weights are not a whole number of positions and labels.", nameof(dense));
        }

        index = new FeatureIndex(keys);
    }

    public uint[] Keys { get; }

    public float[] Weights { get; }

    public float[] Transitions { get; }

    /// <summary>The weight of one int16 step: every weight is a whole number of steps.</summary>
    public float Scale { get; }

    /// <summary>The word vectors' weights (empty: the chain reads none).</summary>
    public float[] Dense { get; }

    /// <summary>Positions (token offsets) <see cref="Dense"/> covers: 0, 1 or 3.</summary>
    public int DensePositions { get; }

    /// <summary>Numbers per word vector that <see cref="Dense"/> weighs (0: none).</summary>
    public int DenseDimensions => DensePositions == 0 ? 0 : Dense.Length / (DensePositions * Labels);

    /// <summary>The 32-bit key of a feature hash; 0 marks an empty slot, so no key is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(ulong hash) => FeatureIndex.Key(hash);

    /// <summary>The row of a feature, or −1 where the model has no weights for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong hash) => index.Row(hash);

    /// <summary>Adds the scores of each label for tokens [first, first + n) into <paramref name="scores"/>.</summary>
    public void Emissions(NerFeatures features, int first, int n, Span<float> scores)
    {
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        float[] weights = Weights;
        for (int t = 0; t < n; t++)
        {
            Span<float> row = scores.Slice(t * Labels, Labels);
            row.Clear();
            int count = features.Extract(first + t, buffer);
            for (int k = 0; k < count; k++)
            {
                int r = Row(buffer[k]);
                if (r >= 0)
                {
                    Add(row, weights.AsSpan(r * Labels, Labels));
                }
            }

            AddDense(features, first + t, row);
        }
    }

    /// <summary>Adds the word vectors' scores of token <paramref name="token"/> (nothing where the chain has none).</summary>
    public void AddDense(NerFeatures features, int token, Span<float> scores)
    {
        for (int p = 0; p < DensePositions; p++)
        {
            int slot = features.VectorSlot(token, EmbeddingFeatures.Offset(p, DensePositions));
            if (slot >= 0)
            {
                EmbeddingFeatures.Score(Dense, p, features.Vector(slot), scores);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Add(Span<float> into, ReadOnlySpan<float> values)
    {
        // The innermost loop of tagging: one weight row onto a token's scores, without bounds checks per element
        // (both spans have the row's length, checked once).
        if (values.Length < into.Length)
        {
            throw new ArgumentException("A row is shorter than the scores.", nameof(values));
        }

        ref float a = ref MemoryMarshal.GetReference(into);
        ref float b = ref MemoryMarshal.GetReference(values);
        int n = into.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref a, (nuint)i) + Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref a, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref a, i) += Unsafe.Add(ref b, i);
        }
    }

    /// <summary>
    /// The best label sequence for emission scores (<paramref name="n"/> × <see cref="Labels"/>) under BILOU
    /// constraints: first-order Viterbi with the transition matrix.
    /// </summary>
    public static void Viterbi(ReadOnlySpan<float> scores, int n, ReadOnlySpan<float> transitions, Span<byte> labels, Span<byte> back) =>
        Viterbi(scores, Labels, n, transitions, labels, back);

    /// <summary>
    /// <see cref="Viterbi(ReadOnlySpan{float}, int, ReadOnlySpan{float}, Span{byte}, Span{byte})"/> over scores
    /// laid out <paramref name="stride"/> floats per token (the first <see cref="Labels"/> of each are read).
    /// </summary>
    /// <remarks>
    /// Each step takes, for every label at once (three vectors of 8 lanes), the best predecessor: the predecessors
    /// are tried in ascending order and a later one wins only when strictly better, as a scalar loop over the
    /// allowed predecessors would. A pair BILOU forbids has a transition of −∞ here, so it never wins: the result,
    /// ties included, is that of trying only the allowed predecessors, without a branch per pair.
    /// </remarks>
    public static void Viterbi(ReadOnlySpan<float> scores, int stride, int n, ReadOnlySpan<float> transitions, Span<byte> labels, Span<byte> back)
    {
        if (n == 0)
        {
            return;
        }

        Span<float> allowed = stackalloc float[Labels * Lanes];
        Allow(transitions, allowed);
        Viterbi(scores, stride, n, transitions, allowed, labels, back);
    }

    /// <summary>
    /// The transitions after each label (without the start row) as <see cref="Viterbi(ReadOnlySpan{float}, int, int, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{byte}, Span{byte})"/>
    /// reads them: <see cref="Lanes"/> per label, −∞ where BILOU forbids the pair and in the padding.
    /// </summary>
    public static float[] Allowed(ReadOnlySpan<float> transitions)
    {
        var allowed = new float[Labels * Lanes];
        Allow(transitions, allowed);
        return allowed;
    }

    private static void Allow(ReadOnlySpan<float> transitions, Span<float> allowed)
    {
        for (int p = 0; p < Labels; p++)
        {
            for (int y = 0; y < Lanes; y++)
            {
                allowed[(p * Lanes) + y] = y < Labels && Follows[(p * Labels) + y] ? transitions[((p + 1) * Labels) + y] : float.NegativeInfinity;
            }
        }
    }

    /// <summary>Viterbi with the transitions after each label given as <see cref="Allowed"/> made them.</summary>
    internal static void Viterbi(ReadOnlySpan<float> scores, int stride, int n, ReadOnlySpan<float> transitions, ReadOnlySpan<float> allowed, Span<byte> labels, Span<byte> back)
    {
        if (n == 0)
        {
            return;
        }

        if (stride < Labels || scores.Length < ((n - 1) * stride) + Labels || transitions.Length < (Labels + 1) * Labels
            || allowed.Length < Labels * Lanes || labels.Length < n || back.Length < n * Labels)
        {
            throw new ArgumentException("Scores, transitions, labels or back-pointers are too short.");
        }

        const float Impossible = -1e30f;
        Span<float> current = stackalloc float[Lanes];
        current.Fill(Impossible);
        for (int y = 0; y < Labels; y++)
        {
            current[y] = Starts[y] ? scores[y] + transitions[y] : Impossible;
        }

        // Checked above: every load and store below is inside its span.
        ref float score = ref MemoryMarshal.GetReference(scores);
        ref float table = ref MemoryMarshal.GetReference(allowed);
        Span<byte> arguments = stackalloc byte[Vector256<byte>.Count];
        for (int t = 1; t < n; t++)
        {
            Vector256<float> best0 = Vector256.Create(Impossible);
            Vector256<float> best1 = best0;
            Vector256<float> best2 = best0;
            Vector256<int> arg0 = Vector256<int>.Zero;
            Vector256<int> arg1 = arg0;
            Vector256<int> arg2 = arg0;
            for (int p = 0; p < Labels; p++)
            {
                Vector256<float> from = Vector256.Create(current[p]);
                Vector256<int> label = Vector256.Create(p);
                nuint row = (nuint)(p * Lanes);
                Vector256<float> s0 = from + Vector256.LoadUnsafe(ref table, row);
                Vector256<float> s1 = from + Vector256.LoadUnsafe(ref table, row + 8);
                Vector256<float> s2 = from + Vector256.LoadUnsafe(ref table, row + 16);
                Vector256<float> better0 = Vector256.GreaterThan(s0, best0);
                Vector256<float> better1 = Vector256.GreaterThan(s1, best1);
                Vector256<float> better2 = Vector256.GreaterThan(s2, best2);
                best0 = Vector256.ConditionalSelect(better0, s0, best0);
                best1 = Vector256.ConditionalSelect(better1, s1, best1);
                best2 = Vector256.ConditionalSelect(better2, s2, best2);
                arg0 = Vector256.ConditionalSelect(better0.AsInt32(), label, arg0);
                arg1 = Vector256.ConditionalSelect(better1.AsInt32(), label, arg1);
                arg2 = Vector256.ConditionalSelect(better2.AsInt32(), label, arg2);
            }

            nuint at = (nuint)(t * stride);
            (best0 + Vector256.LoadUnsafe(ref score, at)).CopyTo(current);
            (best1 + Vector256.LoadUnsafe(ref score, at + 8)).CopyTo(current[8..]);
            current[16] = best2.ToScalar() + Unsafe.Add(ref score, at + 16);
            Vector256.Narrow(Vector256.Narrow(arg0, arg1), Vector256.Narrow(arg2, Vector256<int>.Zero)).AsByte().CopyTo(arguments);
            arguments[..Labels].CopyTo(back.Slice(t * Labels, Labels));
        }

        int last = 0;
        float top = float.NegativeInfinity;
        for (int y = 0; y < Labels; y++)
        {
            if (Ends[y] && current[y] > top)
            {
                top = current[y];
                last = y;
            }
        }

        labels[n - 1] = (byte)last;
        for (int t = n - 1; t > 0; t--)
        {
            labels[t - 1] = back[(t * Labels) + labels[t]];
        }
    }

    // Scores of every label side by side in three vectors of 8 floats.
    private const int Lanes = 3 * 8;

    // Under BILOU: which label may follow which (p × Labels + y), open a sentence, or end one.
    private static readonly bool[] Follows = [.. Enumerable.Range(0, Labels * Labels).Select(i => NerLabels.CanFollow(i / Labels, i % Labels))];

    private static readonly bool[] Starts = [.. Enumerable.Range(0, Labels).Select(y => NerLabels.CanFollow(-1, y))];

    private static readonly bool[] Ends = [.. Enumerable.Range(0, Labels).Select(NerLabels.CanEnd)];
}
