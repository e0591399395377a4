using System.Collections.Immutable;

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

        Span<uint> mins = stackalloc uint[Size];
        mins.Fill(uint.MaxValue);
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            ulong shingle = 14695981039346656037UL;
            for (int w = 0; w < ShingleWords; w++)
            {
                shingle = Fnv(shingle, words[i + w]);
                shingle = (shingle ^ ' ') * 1099511628211UL;
            }

            for (int h = 0; h < Size; h++)
            {
                uint value = (uint)(Mix(shingle + ((ulong)h * 0x9E3779B97F4A7C15UL)) >> 32);
                if (value < mins[h])
                {
                    mins[h] = value;
                }
            }
        }

        return [.. mins];
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

    private static ulong Fnv(ulong hash, string word)
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
