namespace Storyline.Entities.Resolution;

/// <summary>Whether a short form in capitals is an acronym of a longer name ("UAW" of "United Auto Workers").</summary>
public static class Acronyms
{
    // Small words an acronym may skip ("Organization of the Petroleum Exporting Countries" = OPEC).
    private static readonly HashSet<string> Skippable = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "on", "in", "de", "&" };

    /// <summary>
    /// Whether <paramref name="acronym"/> (two to eight capitals, periods allowed: "UN", "U.N.") is made of the initials
    /// of <paramref name="name"/>'s words (two or more), with or without its small words ("of", "the", "and").
    /// </summary>
    public static bool Abbreviates(string acronym, string name)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        ArgumentNullException.ThrowIfNull(name);
        string letters = new([.. acronym.Where(c => c != '.')]);
        if (letters.Length is < 2 or > 8 || !letters.All(char.IsUpper))
        {
            return false;
        }

        string[] words = name.Split([' ', '-', '\u2011'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return false;
        }

        string all = new([.. words.Select(w => char.ToUpperInvariant(w[0]))]);
        string significant = new([.. words.Where(w => !Skippable.Contains(w)).Select(w => char.ToUpperInvariant(w[0]))]);
        return string.Equals(letters, significant, StringComparison.Ordinal) || string.Equals(letters, all, StringComparison.Ordinal);
    }
}
