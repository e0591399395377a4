using System.Runtime.CompilerServices;

namespace Storyline.Entities.Tagging;

/// <summary>
/// Stable 64-bit hashes of token text and feature templates (FNV-1a over characters, a SplitMix finaliser to
/// combine). Stable across processes and machines, unlike <see cref="string.GetHashCode()"/>, because the trained
/// model stores them.
/// </summary>
internal static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>Combines two hashes, order-sensitively.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b)
    {
        ulong h = (a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL + (a << 6) + (a >> 2));
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 29;
        return h;
    }

    /// <summary>A feature: its template and up to three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Feature(int template, ulong a, ulong b = 0, ulong c = 0) => Mix(Mix(Mix((ulong)template, a), b), c);

    /// <summary>
    /// The character as the tagger sees it: typographic apostrophes, quotation marks and dashes as their ASCII
    /// forms, so that "Russia’s" and CoNLL's "'s" look alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c) => c switch
    {
        '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2010' or '\u2011' => '-',
        _ => c,
    };

    /// <summary>The hash of a piece of text, folded and optionally lower-cased.</summary>
    public static ulong Text(ReadOnlySpan<char> text, bool lower)
    {
        ulong h = Seed;
        foreach (char c in text)
        {
            char f = Fold(c);
            h = Add(h, lower ? char.ToLowerInvariant(f) : f);
        }

        return h;
    }
}
