namespace Storyline.Time;

/// <summary>Numbers written as words ("seventeen", "twenty-five", "third") and as digits ("17", "1,000", "3rd").</summary>
internal static class NumberWords
{
    /// <summary>Stands for an unspecified count ("several years" → PXY).</summary>
    public const int Some = -1;

    public static readonly (string Word, int Value)[] Cardinals =
    [
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
        ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
        ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40),
        ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("thousand", 1000), ("dozen", 12),
        ("several", Some), ("few", Some), ("many", Some), ("couple", 2), ("numerous", Some),
    ];

    public static readonly (string Word, int Value)[] Ordinals =
    [
        ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8),
        ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15),
        ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30),
    ];

    /// <summary>Reads digits with optional thousands commas ("17", "1,000"); false for anything else.</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c == ',')
            {
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text[0] != ',' && text[^1] != ',';
    }

    /// <summary>Reads "3rd", "21st", "12th".</summary>
    public static bool TryParseOrdinalDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length < 3)
        {
            return false;
        }

        ReadOnlySpan<char> suffix = text[^2..];
        bool isSuffix = suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);
        return isSuffix && TryParseDigits(text[..^2], out value) && value > 0;
    }

    /// <summary>Reads a compound written as one hyphenated word: "twenty-five", "thirty-first".</summary>
    public static bool TryParseCompound(ReadOnlySpan<char> text, out int value, out bool ordinal)
    {
        value = 0;
        ordinal = false;
        int dash = text.IndexOf('-');
        if (dash <= 0 || !TimeLexicon.Lookup.TryGetValue(text[..dash], out Lex tens) || tens.Kind != LexKind.Number
            || tens.Value < 20 || tens.Value > 90 || tens.Value % 10 != 0
            || !TimeLexicon.Lookup.TryGetValue(text[(dash + 1)..], out Lex ones) || ones.Value is < 1 or > 9)
        {
            return false;
        }

        ordinal = ones.Kind == LexKind.Ordinal;
        value = tens.Value + ones.Value;
        return ones.Kind is LexKind.Number or LexKind.Ordinal;
    }
}
