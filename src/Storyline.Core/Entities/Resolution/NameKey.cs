namespace Storyline.Entities.Resolution;

/// <summary>
/// The comparable form of a name: lower case; hyphens, dashes and slashes as spaces; apostrophes and periods dropped
/// ("Kim Jong-un" = "Kim Jong Un" = "kim jong un", "People’s" = "peoples", "U.S." = "us"); a possessive "’s" at the
/// end removed; one space between words.
/// </summary>
public static class NameKey
{
    /// <summary>The key form of <paramref name="name"/>.</summary>
    public static string Normalize(ReadOnlySpan<char> name)
    {
        name = StripPossessive(name.Trim());
        char[]? rented = null;
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(name.Length));
        int length = 0;
        foreach (char c in name)
        {
            if (IsApostrophe(c) || c == '.')
            {
                continue;
            }

            char mapped = c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '/' || char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
            if (mapped == ' ' && (length == 0 || buffer[length - 1] == ' '))
            {
                continue;
            }

            buffer[length++] = mapped;
        }

        while (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }

        string key = new(buffer[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>Whether a character is an apostrophe as news text writes it (', ’, ‘, ʼ).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    /// <summary>The name without a possessive "’s" or a trailing apostrophe.</summary>
    public static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && (word[^1] is 's' or 'S') && IsApostrophe(word[^2]))
        {
            return word[..^2];
        }

        return word.Length > 1 && IsApostrophe(word[^1]) ? word[..^1] : word;
    }

    /// <summary>The words of a key (split on single spaces).</summary>
    public static string[] Words(string key) => key.Length == 0 ? [] : key.Split(' ');
}
