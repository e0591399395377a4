using Storyline.Domain;

namespace Storyline.Time;

/// <summary>
/// Reads one token as the time lexicon sees it: a word from the list, a hyphenated compound ("two-year",
/// "third-quarter", "mid-1990s"), or a number form ("1990s", "3rd", "15:30", "3pm", "2023-09-12", "9/12/2023").
/// </summary>
internal static class LexClassifier
{
    public static Lex Classify(ReadOnlySpan<char> token, TokenKind kind)
    {
        return kind switch
        {
            TokenKind.Word => Word(token),
            TokenKind.Number => Number(token),
            _ => Lex.Nothing,
        };
    }

    /// <summary>Whether a token ends in a possessive "'s", which a time expression's span leaves out ("Friday's").</summary>
    public static bool IsPossessive(ReadOnlySpan<char> token) =>
        token.Length > 3 && Text.Possessive.EndsWith(token);

    private static Lex Word(ReadOnlySpan<char> token)
    {
        if (IsPossessive(token))
        {
            token = token[..^2];
        }

        if (TimeLexicon.Lookup.TryGetValue(token, out Lex lex))
        {
            // Month and weekday names are capitalised in news; "may", "march", "sun." in lower case are other words.
            return lex.Kind is LexKind.Month or LexKind.Weekday && !char.IsUpper(token[0]) ? Lex.Nothing : lex;
        }

        int dash = token.LastIndexOf('-');
        if (dash <= 0 || dash == token.Length - 1)
        {
            return Lex.Nothing;
        }

        return Compound(token[..dash], token[(dash + 1)..]);
    }

    private static Lex Compound(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (right.Equals("old", StringComparison.OrdinalIgnoreCase) || right.Equals("olds", StringComparison.OrdinalIgnoreCase))
        {
            return Lex.Nothing;
        }

        if (left.Equals("mid", StringComparison.OrdinalIgnoreCase) || left.Equals("early", StringComparison.OrdinalIgnoreCase)
            || left.Equals("late", StringComparison.OrdinalIgnoreCase))
        {
            Lex inner = char.IsDigit(right[0]) ? Number(right) : Word(right);

            // "mid-1996": a year with a modifier glued on, marked so that it is read as a year whatever its length.
            return inner.Kind == LexKind.Number && right.Length == 4 ? inner with { Unit = TimeUnit.Year }
                : inner.Kind is LexKind.Month or LexKind.Decade or LexKind.Season ? inner : Lex.Nothing;
        }

        Lex head = char.IsDigit(left[0]) ? Number(left) : LeftWord(left);
        if (!TimeLexicon.Lookup.TryGetValue(right, out Lex tail))
        {
            return Lex.Nothing;
        }

        return (head.Kind, tail.Kind) switch
        {
            (LexKind.Number, LexKind.Unit) when head.Value != 0 && tail.Unit != TimeUnit.Quarter => new Lex(LexKind.NumberUnit, head.Value, tail.Unit),
            (LexKind.Ordinal, LexKind.Unit) when tail.Unit == TimeUnit.Quarter && head.Value <= 4 => new Lex(LexKind.OrdinalQuarter, head.Value),
            (LexKind.Ordinal, LexKind.Half) when head.Value <= 2 => new Lex(LexKind.Half, head.Value),
            (LexKind.Number, LexKind.Number or LexKind.Ordinal) when head.Value is >= 20 and <= 90 && head.Value % 10 == 0 && tail.Value is >= 1 and <= 9 =>
                new Lex(tail.Kind, head.Value + tail.Value),
            _ => Lex.Nothing,
        };
    }

    private static Lex LeftWord(ReadOnlySpan<char> left)
    {
        int dash = left.LastIndexOf('-');
        if (dash > 0 && NumberWords.TryParseCompound(left, out int n, out bool ordinal))
        {
            return new Lex(ordinal ? LexKind.Ordinal : LexKind.Number, n);
        }

        return TimeLexicon.Lookup.TryGetValue(left, out Lex lex) ? lex : Lex.Nothing;
    }

    private static Lex Number(ReadOnlySpan<char> token)
    {
        if (NumberWords.TryParseDigits(token, out int value))
        {
            return new Lex(LexKind.Number, value);
        }

        if (NumberWords.TryParseOrdinalDigits(token, out value))
        {
            return new Lex(LexKind.Ordinal, value);
        }

        char last = token[^1];
        if ((last is 's' or 'S') && NumberWords.TryParseDigits(token[..^1], out value) && token.IndexOf(',') < 0)
        {
            return Decade(token.Length - 1, value);
        }

        if (TryClock(token, out Lex clock))
        {
            return clock;
        }

        if (TryFullDate(token, out int packed))
        {
            return new Lex(LexKind.FullDate, packed);
        }

        int dash = token.IndexOf('-');
        return dash > 0 && dash < token.Length - 1 ? Compound(token[..dash], token[(dash + 1)..]) : Lex.Nothing;
    }

    // "1990s" → decade 199; "1800s" → century 18; "90s" → 199.
    private static Lex Decade(int digits, int value) => digits switch
    {
        4 when value % 100 == 0 => new Lex(LexKind.Decade, value / 100, TimeUnit.Century),
        4 when value % 10 == 0 => new Lex(LexKind.Decade, value / 10, TimeUnit.Decade),
        2 when value % 10 == 0 => new Lex(LexKind.Decade, (value >= 30 ? 1900 + value : 2000 + value) / 10, TimeUnit.Decade),
        _ => Lex.Nothing,
    };

    // "15:30", "10:30pm", "3pm", "11am". Plural marks a time whose half of the day is known.
    private static bool TryClock(ReadOnlySpan<char> token, out Lex clock)
    {
        clock = Lex.Nothing;
        int end = token.Length;
        int meridiem = -1;
        if (end > 2 && (token[^2..].Equals("am", StringComparison.OrdinalIgnoreCase) || token[^2..].Equals("pm", StringComparison.OrdinalIgnoreCase)))
        {
            meridiem = char.ToLowerInvariant(token[^2]) == 'p' ? 12 : 0;
            end -= 2;
        }

        ReadOnlySpan<char> digits = token[..end];
        int colon = digits.IndexOf(':');
        int hour;
        int minute = 0;
        if (colon < 0)
        {
            if (meridiem < 0 || !NumberWords.TryParseDigits(digits, out hour))
            {
                return false;
            }
        }
        else if (colon is 1 or 2 && digits.Length == colon + 3
            && NumberWords.TryParseDigits(digits[..colon], out hour) && NumberWords.TryParseDigits(digits[(colon + 1)..], out minute))
        {
            if (minute > 59)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (meridiem >= 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + meridiem;
        }
        else if (hour > 23)
        {
            return false;
        }

        clock = new Lex(LexKind.Clock, (hour * 100) + minute, Plural: meridiem >= 0 || hour > 12 || colon == 2 && digits[0] == '0');
        return true;
    }

    // "2023-09-12" (ISO) and "9/12/2023", "09/12/23" (US month first).
    private static bool TryFullDate(ReadOnlySpan<char> token, out int packed)
    {
        packed = 0;
        Span<Range> parts = stackalloc Range[4];
        char separator = token.Contains('-') ? '-' : token.Contains('/') ? '/' : '\0';
        if (separator == '\0' || token.Split(parts, separator) != 3)
        {
            return false;
        }

        if (!NumberWords.TryParseDigits(token[parts[0]], out int a) || !NumberWords.TryParseDigits(token[parts[1]], out int b)
            || !NumberWords.TryParseDigits(token[parts[2]], out int c))
        {
            return false;
        }

        (int year, int month, int day) = separator == '-' && token[parts[0]].Length == 4 ? (a, b, c)
            : separator == '/' ? (token[parts[2]].Length == 2 ? (c < 50 ? 2000 + c : 1900 + c) : c, a, b) : (0, 0, 0);
        if (year is < 1000 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        packed = (year * 10000) + (month * 100) + day;
        return true;
    }
}
