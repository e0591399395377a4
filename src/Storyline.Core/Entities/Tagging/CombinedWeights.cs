using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Entities.Tagging;

/// <summary>
/// The weight rows of both passes side by side under one <see cref="FeatureIndex"/>, as the tagger reads them: a
/// feature is looked up once and both passes' scores are added from adjacent memory, so the second pass costs only
/// its own few features and a decode. Read-only once built.
/// </summary>
/// <remarks>
/// Rows are kept as the int16 steps the model file stores (34 steps, 68 bytes: two cache lines, against three for
/// 34 floats), and each step is turned back into its weight as it is added: <c>(float)step * scale</c>, the very
/// multiplication that loading a model does. So every score is the same float, added in the same order, as with
/// float rows, and the tagger's output is bit for bit the same; only the memory read per feature is halved.
/// </remarks>
internal sealed class CombinedWeights
{
    private readonly FeatureIndex index;
    private readonly short[] steps;
    private readonly float[] laneScales;
    private readonly int rowCount;

    /// <summary>Combines the passes' rows: <paramref name="second"/>'s after <paramref name="first"/>'s.</summary>
    /// <exception cref="InvalidOperationException">A weight is not a whole number of its pass's steps.</exception>
    public CombinedWeights(LinearChain first, LinearChain? second)
    {
        const int L = LinearChain.Labels;
        LinearChain[] passes = second is null ? [first] : [first, second];
        Width = L * passes.Length;
        var rows = new Dictionary<uint, int>(passes.Sum(p => p.Keys.Length));
        var keys = new List<uint>(rows.Capacity);
        foreach (LinearChain pass in passes)
        {
            foreach (uint key in pass.Keys)
            {
                if (rows.TryAdd(key, keys.Count))
                {
                    keys.Add(key);
                }
            }
        }

        steps = new short[keys.Count * Width];
        laneScales = new float[Width];
        for (int p = 0; p < passes.Length; p++)
        {
            LinearChain pass = passes[p];
            laneScales.AsSpan(p * L, L).Fill(pass.Scale);
            for (int r = 0; r < pass.Keys.Length; r++)
            {
                int into = (rows[pass.Keys[r]] * Width) + (p * L);
                for (int y = 0; y < L; y++)
                {
                    float weight = pass.Weights[(r * L) + y];
                    double step = Math.Round(weight / (double)pass.Scale);
                    if (step is < short.MinValue or > short.MaxValue || (float)(short)step * pass.Scale != weight)
                    {
                        throw new InvalidOperationException("A tagger weight is not a whole number of int16 steps of its pass's scale.");
                    }

                    steps[into + y] = (short)step;
                }
            }
        }

        rowCount = keys.Count;
        index = new FeatureIndex([.. keys]);
    }

    /// <summary>Scores per row: <see cref="LinearChain.Labels"/> per pass.</summary>
    public int Width { get; }

    /// <summary>The row of a feature, or −1 where no pass has weights for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Row(ulong hash) => index.Row(hash);

    /// <summary>The rows of the features that have one, in order (<see cref="FeatureIndex.Rows"/>); returns how many.</summary>
    public int Rows(ReadOnlySpan<ulong> hashes, Span<int> rows) => index.Rows(hashes, rows);

    /// <summary>
    /// Adds the weights of <paramref name="row"/> from column <paramref name="from"/> on into
    /// <paramref name="scores"/> (as many as it holds).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Span<float> scores, int row, int from)
    {
        if ((uint)row >= (uint)rowCount || (uint)from > (uint)Width || scores.Length > Width - from)
        {
            throw new ArgumentOutOfRangeException(nameof(row));
        }

        // Checked once above: the loops below stay inside the row and the scores.
        ref short step = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(steps), (row * Width) + from);
        ref float scale = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(laneScales), from);
        ref float into = ref MemoryMarshal.GetReference(scores);
        int n = scores.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                Vector256<short> packed = Vector256.LoadUnsafe(ref step, (nuint)i);
                Vector256<float> low = Vector256.ConvertToSingle(Vector256.WidenLower(packed)) * Vector256.LoadUnsafe(ref scale, (nuint)i);
                Vector256<float> high = Vector256.ConvertToSingle(Vector256.WidenUpper(packed)) * Vector256.LoadUnsafe(ref scale, (nuint)(i + 8));
                (Vector256.LoadUnsafe(ref into, (nuint)i) + low).StoreUnsafe(ref into, (nuint)i);
                (Vector256.LoadUnsafe(ref into, (nuint)(i + 8)) + high).StoreUnsafe(ref into, (nuint)(i + 8));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref into, i) += Unsafe.Add(ref step, i) * Unsafe.Add(ref scale, i);
        }
    }
}
