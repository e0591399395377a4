using System.Collections.Immutable;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Storyline.Stories;

/// <summary>
/// MinHash signatures over word shingles (Broder 1997): the share of equal positions in two signatures estimates the
/// Jaccard similarity of the two reports' shingle sets. Syndicated copies and lightly edited republications share most
/// shingles; reports that only tell the same story in their own words share few. Hashes are FNV-1a and SplitMix64,
/// fixed here, so signatures are the same on every machine and in every run.
/// </summary>
public static class MinHash
{
    /// <summary>Number of hash functions in a signature.</summary>
    public const int Size = 64;

    /// <summary>Words per shingle.</summary>
    public const int ShingleWords = 3;

    /// <summary>Signature positions per band of the locality-sensitive index.</summary>
    public const int RowsPerBand = 2;

    /// <summary>Number of bands: a pair with Jaccard 0.5 shares at least one band with probability 0.9999.</summary>
    public const int Bands = Size / RowsPerBand;

    /// <summary>The signature of a sequence of lower-cased words; empty when there are fewer words than a shingle.</summary>
    public static ImmutableArray<uint> Sign(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count < ShingleWords)
        {
            return [];
        }

        var text = new System.Text.StringBuilder();
        int[] ends = new int[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            text.Append(words[i]);
            ends[i] = text.Length;
        }

        return Sign(text.ToString(), ends);
    }

    /// <summary>
    /// The signature of lower-cased words written one after the other in <paramref name="text"/>, word i ending at
    /// <paramref name="wordEnds"/>[i] (and starting where word i − 1 ended); the same signature as for the words as
    /// strings.
    /// </summary>
    public static ImmutableArray<uint> Sign(ReadOnlySpan<char> text, ReadOnlySpan<int> wordEnds)
    {
        if (wordEnds.Length < ShingleWords)
        {
            return [];
        }

        Span<uint> mins = stackalloc uint[Size];
        mins.Fill(uint.MaxValue);
        Span<ulong> shingles = stackalloc ulong[256];
        int pending = 0;
        for (int i = 0; i + ShingleWords <= wordEnds.Length; i++)
        {
            ulong shingle = 14695981039346656037UL;
            for (int w = 0; w < ShingleWords; w++)
            {
                int start = i + w == 0 ? 0 : wordEnds[i + w - 1];
                shingle = Fnv(shingle, text[start..wordEnds[i + w]]);
                shingle = (shingle ^ ' ') * 1099511628211UL;
            }

            shingles[pending++] = shingle;
            if (pending == shingles.Length)
            {
                Minimise(shingles, mins);
                pending = 0;
            }
        }

        Minimise(shingles[..pending], mins);
        return [.. mins];
    }

    // mins[h] = min over the shingles of the top half of Mix(shingle + h × golden ratio): 64 hash functions of one
    // shingle hash. With AVX-512 the 64 run four at a time in 256-bit vectors (the same integer steps, so the same
    // values; 512-bit vectors would only help on processors that do not slow down for them, and would be a second copy
    // of this loop that no machine here runs); otherwise one at a time.
    private static void Minimise(ReadOnlySpan<ulong> shingles, Span<uint> mins)
    {
        if (Vector256.IsHardwareAccelerated && Avx512DQ.VL.IsSupported)
        {
            // Four hash functions at a time; AVX-512's 64-bit multiply in hardware.
            Span<ulong> vectorMins = stackalloc ulong[Size];
            for (int h = 0; h < Size; h++)
            {
                vectorMins[h] = mins[h];
            }

            for (int block = 0; block < Size; block += Vector256<ulong>.Count)
            {
                Vector256<ulong> steps = Vector256.Create((ulong)(block + 0), (ulong)(block + 1), (ulong)(block + 2), (ulong)(block + 3)) * 0x9E3779B97F4A7C15UL;
                Vector256<ulong> min = Vector256.Create<ulong>(vectorMins[block..]);
                foreach (ulong shingle in shingles)
                {
                    Vector256<ulong> z = Vector256.Create(shingle) + steps;
                    z = (z ^ Vector256.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
                    z = (z ^ Vector256.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
                    z ^= Vector256.ShiftRightLogical(z, 31);
                    min = Vector256.Min(min, Vector256.ShiftRightLogical(z, 32));
                }

                min.CopyTo(vectorMins[block..]);
            }

            for (int h = 0; h < Size; h++)
            {
                mins[h] = (uint)vectorMins[h];
            }

            return;
        }

        foreach (ulong shingle in shingles)
        {
            for (int h = 0; h < Size; h++)
            {
                uint value = (uint)(Mix(shingle + ((ulong)h * 0x9E3779B97F4A7C15UL)) >> 32);
                if (value < mins[h])
                {
                    mins[h] = value;
                }
            }
        }
    }

    /// <summary>Estimated Jaccard similarity of the shingle sets behind two signatures (0 when either is empty).</summary>
    public static double Similarity(ImmutableArray<uint> a, ImmutableArray<uint> b)
    {
        if (a.IsDefaultOrEmpty || b.IsDefaultOrEmpty || a.Length != b.Length)
        {
            return 0;
        }

        int same = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    /// <summary>The key of one band of a signature, for the index of near-copies.</summary>
    public static ulong BandKey(ImmutableArray<uint> signature, int band)
    {
        ulong key = (ulong)band * 0xD6E8FEB86659FD93UL;
        for (int r = 0; r < RowsPerBand; r++)
        {
            key = Mix(key ^ signature[(band * RowsPerBand) + r]);
        }

        return key;
    }

    private static ulong Fnv(ulong hash, ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    // SplitMix64's finaliser: a cheap, well-spread 64-bit mix.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
