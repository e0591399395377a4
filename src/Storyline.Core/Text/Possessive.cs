namespace Storyline.Text;

/// <summary>The English possessive ending of a token.</summary>
public static class Possessive
{
    /// <summary>
    /// Whether <paramref name="word"/> ends in a possessive "'s" written with ', ’ or (as in one seed) ‘, after at
    /// least one other character.
    /// </summary>
    public static bool EndsWith(ReadOnlySpan<char> word) =>
        word.Length > 2 && (word[^1] is 's' or 'S') && word[^2] is '\'' or '\u2019' or '\u2018';
}
