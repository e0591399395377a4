using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Entities.Tagging;

/// <summary>
/// One pass of the tagger: a weight row of <see cref="NerLabels.Count"/> scores per feature, found through an
/// open-addressing table of 32-bit feature keys, and a label-bigram transition matrix for Viterbi decoding.
/// Read-only once built, so one instance serves every thread.
/// </summary>
internal sealed class LinearChain
{
    /// <summary>Number of labels.</summary>
    public const int Labels = NerLabels.Count;

    // Key and row side by side, so that a look-up touches one cache line.
    private readonly ulong[] slots;
    private readonly int mask;

    /// <summary>Makes a chain from its feature keys, their weight rows (key-major) and transitions.</summary>
    /// <param name="keys">The key of each row.</param>
    /// <param name="weights">Row-major weights, <see cref="Labels"/> per row.</param>
    /// <param name="transitions">Row 0: the start; row 1 + p: after label p. <see cref="Labels"/> per row.</param>
    /// <param name="width">Weights per row: <see cref="Labels"/>, or a multiple where rows of several passes sit side by side.</param>
    public LinearChain(uint[] keys, float[] weights, float[] transitions, int width = Labels)
    {
        Width = width;
        Keys = keys;
        Weights = weights;
        Transitions = transitions;
        int capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        mask = capacity - 1;
        slots = new ulong[capacity];
        for (int row = 0; row < keys.Length; row++)
        {
            int slot = (int)(Scramble(keys[row]) & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = ((ulong)(uint)row << 32) | keys[row];
        }
    }

    public uint[] Keys { get; }

    /// <summary>Weights per row.</summary>
    public int Width { get; }

    public float[] Weights { get; }

    public float[] Transitions { get; }

    /// <summary>The 32-bit key of a feature hash; 0 marks an empty slot, so no key is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Key(ulong hash)
    {
        uint key = (uint)(hash ^ (hash >> 32));
        return key == 0 ? 1 : key;
    }

    /// <summary>The row of a feature, or −1 where the model has no weights for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong hash)
    {
        uint key = Key(hash);
        int slot = (int)(Scramble(key) & (uint)mask);
        while (true)
        {
            ulong entry = slots[slot];
            uint found = (uint)entry;
            if (found == key)
            {
                return (int)(entry >> 32);
            }

            if (found == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Scramble(uint key) => key * 0x9E3779B1u ^ (key >> 15);

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
    public static void Viterbi(ReadOnlySpan<float> scores, int stride, int n, ReadOnlySpan<float> transitions, Span<byte> labels, Span<byte> back)
    {
        if (n == 0)
        {
            return;
        }

        const float Impossible = -1e30f;
        Span<float> current = stackalloc float[Labels];
        Span<float> next = stackalloc float[Labels];
        for (int y = 0; y < Labels; y++)
        {
            current[y] = NerLabels.CanFollow(-1, y) ? scores[y] + transitions[y] : Impossible;
        }

        for (int t = 1; t < n; t++)
        {
            for (int y = 0; y < Labels; y++)
            {
                float best = Impossible;
                int arg = 0;
                foreach (byte p in Predecessors[y])
                {
                    float s = current[p] + transitions[((p + 1) * Labels) + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                next[y] = best + scores[(t * stride) + y];
                back[(t * Labels) + y] = (byte)arg;
            }

            next.CopyTo(current);
        }

        int last = 0;
        float top = float.NegativeInfinity;
        for (int y = 0; y < Labels; y++)
        {
            if (NerLabels.CanEnd(y) && current[y] > top)
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

    // For each label, the labels that may come before it under BILOU: 2 for I and L, 9 for the others.
    private static readonly byte[][] Predecessors = BuildPredecessors();

    private static byte[][] BuildPredecessors()
    {
        var predecessors = new byte[Labels][];
        for (int y = 0; y < Labels; y++)
        {
            predecessors[y] = [.. Enumerable.Range(0, Labels).Where(p => NerLabels.CanFollow(p, y)).Select(p => (byte)p)];
        }

        return predecessors;
    }
}
