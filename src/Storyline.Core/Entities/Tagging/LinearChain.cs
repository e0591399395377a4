using System.Runtime.CompilerServices;

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

    private readonly uint[] slots;
    private readonly int[] slotRows;
    private readonly int mask;

    /// <summary>Makes a chain from its feature keys, their weight rows (key-major) and transitions.</summary>
    /// <param name="keys">The key of each row.</param>
    /// <param name="weights">Row-major weights, <see cref="Labels"/> per row.</param>
    /// <param name="transitions">Row 0: the start; row 1 + p: after label p. <see cref="Labels"/> per row.</param>
    public LinearChain(uint[] keys, float[] weights, float[] transitions)
    {
        Keys = keys;
        Weights = weights;
        Transitions = transitions;
        int capacity = 16;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        mask = capacity - 1;
        slots = new uint[capacity];
        slotRows = new int[capacity];
        for (int row = 0; row < keys.Length; row++)
        {
            int slot = (int)(Scramble(keys[row]) & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = keys[row];
            slotRows[slot] = row;
        }
    }

    public uint[] Keys { get; }

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
            uint found = slots[slot];
            if (found == key)
            {
                return slotRows[slot];
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
        int i = 0;
        int width = System.Numerics.Vector<float>.Count;
        for (; i <= into.Length - width; i += width)
        {
            (new System.Numerics.Vector<float>(into[i..]) + new System.Numerics.Vector<float>(values[i..])).CopyTo(into[i..]);
        }

        for (; i < into.Length; i++)
        {
            into[i] += values[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Scramble(uint key) => key * 0x9E3779B1u ^ (key >> 15);

    /// <summary>
    /// The best label sequence for emission scores (<paramref name="n"/> × <see cref="Labels"/>) under BILOU
    /// constraints: first-order Viterbi with the transition matrix.
    /// </summary>
    public static void Viterbi(ReadOnlySpan<float> scores, int n, ReadOnlySpan<float> transitions, Span<byte> labels, Span<byte> back)
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
                for (int p = 0; p < Labels; p++)
                {
                    if (!Allowed[(p * Labels) + y])
                    {
                        continue;
                    }

                    float s = current[p] + transitions[((p + 1) * Labels) + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                next[y] = best + scores[(t * Labels) + y];
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

    private static readonly bool[] Allowed = BuildAllowed();

    private static bool[] BuildAllowed()
    {
        var allowed = new bool[Labels * Labels];
        for (int p = 0; p < Labels; p++)
        {
            for (int y = 0; y < Labels; y++)
            {
                allowed[(p * Labels) + y] = NerLabels.CanFollow(p, y);
            }
        }

        return allowed;
    }
}
