using Storyline.Domain;

namespace Storyline.Time;

/// <summary>
/// Calendar names: explicit dates in the common news forms ("Sept. 12", "12 September 2023", "Aug. 7, 1998",
/// "2023-09-12", "9/12/2023"), months ("in September", "July 1997"), years ("in 2019", "fiscal 1989"), decades
/// ("the 1990s"), seasons ("summer 1998"), quarters and halves ("the third quarter", "third-quarter", "Q1 2023").
/// </summary>
internal static class CalendarRules
{
    private static readonly string[] YearPrepositions =
        ["in", "since", "of", "until", "till", "by", "from", "before", "after", "during", "through", "to", "and", "between", "for", "early", "late", "mid", "fiscal", "year", "around", "than", "as", "or", "circa", "c."];

    private static readonly string[] Determiners = ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "whose", "unsuccessful", "successful", "failed", "disputed", "historic", "famous", "presidential", "national", "general", "same"];

    private static readonly string[] FullYearWords = ["full", "fiscal", "calendar", "current"];

    public static bool Match(TimeContext ctx, int j, bool the, out TimeMatch match)
    {
        match = default;
        Lex lex = ctx.Lex[j];
        switch (lex.Kind)
        {
            case LexKind.Month:
                return MatchMonth(ctx, j, lex.Value, out match);
            case LexKind.FullDate:
                match = new TimeMatch(j, j + 1, TimeType.Date, DateArithmetic.Day(new DateOnly(lex.Value / 10000, lex.Value / 100 % 100, lex.Value % 100)));
                return true;
            case LexKind.Number:
                return MatchDayMonth(ctx, j, out match) || MatchSpokenYear(ctx, j, out match) || MatchYear(ctx, j, out match);
            case LexKind.Ordinal:
                return MatchOrdinal(ctx, j, lex.Value, out match);
            case LexKind.OrdinalQuarter:
                return MatchQuarter(ctx, j, j + 1, lex.Value, out match);
            case LexKind.Half when lex.Value > 0:
                match = WithYear(ctx, j, j + 1, y => DateArithmetic.Half(y, lex.Value));
                return true;
            case LexKind.QuarterName:
                return MatchQuarter(ctx, j, j + 1, lex.Value, out match);
            case LexKind.Decade:
                match = new TimeMatch(j, j + 1, TimeType.Date, lex.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return true;
            case LexKind.Season:
                return MatchSeason(ctx, j, the, lex.Value, out match);
            case LexKind.Fiscal:
                int k = ctx.Is(j + 1, "year") ? j + 2 : j + 1;
                if (IsYear(ctx, k, out int fiscalYear))
                {
                    match = new TimeMatch(j, k + 1, TimeType.Date, DateArithmetic.Year(fiscalYear));
                    return true;
                }

                return false;
            case LexKind.Unit when lex.Unit == TimeUnit.Year && !lex.Plural && ctx.IsAny(j - 1, FullYearWords) && ctx.Is(j - 2, "the"):
                // "the full year", "the fiscal year": the year being reported on. Found at "year", since "full" is no
                // time word of its own.
                match = new TimeMatch(j - 2, j + 1, TimeType.Date, DateArithmetic.Year(ctx.Anchor.Year));
                return true;
            case LexKind.Unit when the && lex.Unit == TimeUnit.Quarter && !lex.Plural:
                match = RelativeRules.TheQuarter(ctx, j, j + 1);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A four-digit year token, 1000–2999.</summary>
    public static bool IsYear(TimeContext ctx, int k, out int year)
    {
        year = 0;
        if (!ctx.InSentence(k) || ctx.Lex[k].Kind != LexKind.Number || ctx.Tokens[k].Span.Length != 4 && ctx.Lex[k].Unit != TimeUnit.Year)
        {
            return false;
        }

        year = ctx.Lex[k].Value;
        return year is >= 1000 and <= 2999;
    }

    // "Sept. 12", "Sept. 12, 2023", "September 12th", "July 1997", "September", "September of 1997".
    private static bool MatchMonth(TimeContext ctx, int j, int month, out TimeMatch match)
    {
        int k = j + 1;
        LexKind next = ctx.KindAt(k);
        // "Sept. 12", "September 12th", "March eighth" (an ordinal word: broadcast transcripts spell days out).
        bool dayNumber = next == LexKind.Number && ctx.Tokens[k].Span.Length <= 4 || next == LexKind.Ordinal;
        if (dayNumber && !IsYear(ctx, k, out _) && ctx.Lex[k].Value is >= 1 and <= 31)
        {
            int dayOfMonth = ctx.Lex[k].Value;
            int end = k + 1;
            int year;
            if (ctx.IsPunctuation(end) && ctx.Word(end) is "," && IsYear(ctx, end + 1, out year))
            {
                end += 2;
            }
            else if (IsYear(ctx, end, out year))
            {
                end++;
            }
            else
            {
                year = YearOfDay(ctx, j, end, month, dayOfMonth);
            }

            if (dayOfMonth > DateTime.DaysInMonth(year, month))
            {
                return Fail(out match);
            }

            match = new TimeMatch(j, end, TimeType.Date, DateArithmetic.Day(new DateOnly(year, month, dayOfMonth)));
            return true;
        }

        int yearAt = ctx.Is(k, "of") || ctx.IsPunctuation(k) && ctx.Word(k) is "," ? k + 1 : k;
        if (YearAt(ctx, yearAt, out int explicitYear, out int yearEnd))
        {
            match = new TimeMatch(j, yearEnd, TimeType.Date, DateArithmetic.Month(explicitYear, month));
            return true;
        }

        // "May" opening a sentence is more often the verb.
        if (month == 5 && j == ctx.SentenceStart)
        {
            return Fail(out match);
        }

        // "June last year", "March next year".
        if (ctx.KindAt(k) == LexKind.Shift && ctx.Lex[k].Value is >= -1 and <= 1 && ctx.KindAt(k + 1) == LexKind.Unit && ctx.Lex[k + 1].Unit == TimeUnit.Year && !ctx.Lex[k + 1].Plural)
        {
            match = new TimeMatch(j, k + 2, TimeType.Date, DateArithmetic.Month(ctx.Anchor.Year + ctx.Lex[k].Value, month));
            return true;
        }

        int direction = ctx.Direction(j, k, 10, 0);
        int close = ctx.Direction(j, k, 3, 0);
        match = new TimeMatch(j, k, TimeType.Date, DateArithmetic.Month(DateArithmetic.NearestYear(ctx.Anchor, month, 0, direction, close), month));
        return true;
    }

    /// <summary>A year written in digits ("1994") or spoken ("nineteen ninety-four") at <paramref name="k"/>.</summary>
    private static bool YearAt(TimeContext ctx, int k, out int year, out int end)
    {
        end = k + 1;
        if (IsYear(ctx, k, out year))
        {
            return true;
        }

        if (ctx.KindAt(k) == LexKind.Number && MatchSpokenYear(ctx, k, out TimeMatch spoken))
        {
            year = int.Parse(spoken.Value, System.Globalization.CultureInfo.InvariantCulture);
            end = spoken.End;
            return true;
        }

        return false;
    }

    private static int YearOfDay(TimeContext ctx, int start, int end, int month, int day) =>
        DateArithmetic.NearestYear(ctx.Anchor, month, day, ctx.Direction(start, end, 10, 0));

    // "12 September 2023", "12 September".
    private static bool MatchDayMonth(TimeContext ctx, int j, out TimeMatch match)
    {
        int day = ctx.Lex[j].Value;
        if (day is < 1 or > 31 || ctx.Tokens[j].Span.Length > 2 || ctx.KindAt(j + 1) != LexKind.Month)
        {
            return Fail(out match);
        }

        int month = ctx.Lex[j + 1].Value;
        int end = j + 2;
        int year = IsYear(ctx, end, out int y) ? y : YearOfDay(ctx, j, end, month, day);
        end += year == y ? 1 : 0;
        if (day > DateTime.DaysInMonth(year, month))
        {
            return Fail(out match);
        }

        match = new TimeMatch(j, end, TimeType.Date, DateArithmetic.Day(new DateOnly(year, month, day)));
        return true;
    }

    // A bare year, where the words around it say it is one: "in 2019", "1990 was", "(1998)".
    private static bool MatchYear(TimeContext ctx, int j, out TimeMatch match)
    {
        if (!IsYear(ctx, j, out int year) || year is < 1800 or > 2100)
        {
            return Fail(out match);
        }

        bool before = ctx.IsAny(j - 1, YearPrepositions) || ctx.IsPunctuation(j - 1) || j == ctx.SentenceStart;
        bool money = ctx.InSentence(j - 1) && ctx.Tokens[j - 1].Kind == TokenKind.Symbol;
        bool after = !ctx.InSentence(j + 1) || ctx.Tokens[j + 1].Kind is TokenKind.Punctuation or TokenKind.Quote
            || ctx.Tokens[j + 1].Kind == TokenKind.Word && (char.IsUpper(ctx.Word(j + 1)[0]) || ctx.KindAt(j + 1) != LexKind.None || ctx.IsAny(j + 1, YearPrepositions));

        // "a 1996 law", "the 1987 crash": a year used as an adjective, between a determiner or adjective and a noun.
        before |= year is >= 1900 and <= 2030 && (ctx.IsAny(j - 1, Determiners) || ctx.InSentence(j - 1) && LexClassifier.IsPossessive(ctx.Word(j - 1)));
        if (money || !(before || after) || ctx.Is(j + 1, "percent") || ctx.InSentence(j + 1) && ctx.Word(j + 1) is "%")
        {
            return Fail(out match);
        }

        // "the 1988 third quarter", "the 1988 quarter", "the 1989 period".
        Lex next = ctx.InSentence(j + 1) ? ctx.Lex[j + 1] : Lex.Nothing;
        if (next.Kind == LexKind.OrdinalQuarter)
        {
            return MatchQuarter(ctx, j, j + 2, year, next.Value, out match);
        }

        if (next.Kind == LexKind.Ordinal && next.Value <= 4 && ctx.KindAt(j + 2) == LexKind.Unit && ctx.Lex[j + 2].Unit == TimeUnit.Quarter)
        {
            return MatchQuarter(ctx, j, j + 3, year, next.Value, out match);
        }

        if (next.Kind == LexKind.Unit && next.Unit == TimeUnit.Quarter && !next.Plural || ctx.Is(j + 1, "period"))
        {
            int quarter = ctx.LastQuarter?.Quarter ?? DateArithmetic.QuarterOf(ctx.Anchor.AddMonths(-3).Month);
            return MatchQuarter(ctx, j, j + 2, year, quarter, out match);
        }

        match = new TimeMatch(j, j + 1, TimeType.Date, DateArithmetic.Year(year));
        return true;
    }

    private static bool MatchQuarter(TimeContext ctx, int j, int end, int year, int quarter, out TimeMatch match)
    {
        match = new TimeMatch(j, end, TimeType.Date, DateArithmetic.Quarter(year, quarter));
        return true;
    }

    // "nineteen ninety-six", "two thousand": years as broadcast transcripts write them.
    private static bool MatchSpokenYear(TimeContext ctx, int j, out TimeMatch match)
    {
        int first = ctx.Lex[j].Value;
        if (ctx.Tokens[j].Kind == TokenKind.Word && ctx.KindAt(j + 1) == LexKind.Number && ctx.Tokens[j + 1].Kind == TokenKind.Word)
        {
            int second = ctx.Lex[j + 1].Value;
            if (first is >= 11 and <= 20 && second is >= 10 and <= 99)
            {
                match = new TimeMatch(j, j + 2, TimeType.Date, DateArithmetic.Year((first * 100) + second));
                return true;
            }

            if (first == 2 && ctx.Is(j + 1, "thousand") && ctx.KindAt(j + 2) != LexKind.Unit)
            {
                match = new TimeMatch(j, j + 2, TimeType.Date, "2000");
                return true;
            }
        }

        return Fail(out match);
    }

    // "third quarter", "first half", "first nine months", "12th of September".
    private static bool MatchOrdinal(TimeContext ctx, int j, int ordinal, out TimeMatch match)
    {
        int k = ctx.Is(j + 1, "fiscal") ? j + 2 : j + 1;
        Lex next = ctx.InSentence(k) ? ctx.Lex[k] : Lex.Nothing;
        if (next.Kind == LexKind.Unit && next.Unit == TimeUnit.Quarter && !next.Plural && ordinal <= 4)
        {
            return MatchQuarter(ctx, j, k + 1, ordinal, out match);
        }

        if (next.Kind == LexKind.Half && ordinal <= 2)
        {
            match = WithYear(ctx, j, k + 1, y => DateArithmetic.Half(y, ordinal));
            return true;
        }

        if (next.Kind is LexKind.Number or LexKind.Determiner && LengthRules.TryCount(ctx, k, out int count, out int unitAt))
        {
            match = new TimeMatch(j, unitAt + 1, TimeType.Duration, DateArithmetic.Duration(count, ctx.Lex[unitAt].Unit));
            return true;
        }

        // "the 20th century" → 19.
        if (next.Kind == LexKind.Unit && next.Unit == TimeUnit.Century && !next.Plural && ordinal is >= 1 and <= 30)
        {
            match = new TimeMatch(j, k + 1, TimeType.Date, (ordinal - 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        if (ordinal <= 31 && ctx.Is(j + 1, "of") && ctx.KindAt(j + 2) == LexKind.Month)
        {
            int month = ctx.Lex[j + 2].Value;
            int end = j + 3;
            int year = IsYear(ctx, end, out int y) ? y : YearOfDay(ctx, j, end, month, ordinal);
            end += year == y ? 1 : 0;
            if (ordinal <= DateTime.DaysInMonth(year, month))
            {
                match = new TimeMatch(j, end, TimeType.Date, DateArithmetic.Day(new DateOnly(year, month, ordinal)));
                return true;
            }
        }

        return Fail(out match);
    }

    private static bool MatchQuarter(TimeContext ctx, int j, int end, int quarter, out TimeMatch match)
    {
        int anchorQuarter = DateArithmetic.QuarterOf(ctx.Anchor.Month);
        int defaultYear = quarter > anchorQuarter && ctx.Direction(j, end) < 0 ? ctx.Anchor.Year - 1 : ctx.Anchor.Year;
        match = WithYear(ctx, j, end, y => DateArithmetic.Quarter(y, quarter), defaultYear);
        ctx.LastQuarter = (int.Parse(match.Value.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture), quarter);
        return true;
    }

    private static bool MatchSeason(TimeContext ctx, int j, bool the, int season, out TimeMatch match)
    {
        int yearAt = ctx.Is(j + 1, "of") ? j + 2 : j + 1;
        if (YearAt(ctx, yearAt, out int year, out int yearEnd))
        {
            match = new TimeMatch(j, yearEnd, TimeType.Date, DateArithmetic.Season(year, season));
            return true;
        }

        if (!the && !ctx.Is(j - 1, "in") && !ctx.Is(j - 1, "this"))
        {
            return Fail(out match);
        }

        int current = ((ctx.Anchor.Month + 9) % 12) / 3;
        int direction = ctx.Direction(j, j + 1);
        int y = direction < 0 && season > current ? ctx.Anchor.Year - 1 : direction > 0 && season < current ? ctx.Anchor.Year + 1 : ctx.Anchor.Year;
        match = new TimeMatch(j, j + 1, TimeType.Date, DateArithmetic.Season(y, season));
        return true;
    }

    // A period followed by an optional year: "the first half of 1998", "third quarter 1989".
    private static TimeMatch WithYear(TimeContext ctx, int start, int end, Func<int, string> value, int? defaultYear = null)
    {
        int yearAt = ctx.Is(end, "of") ? end + 1 : end;
        if (IsYear(ctx, yearAt, out int year))
        {
            return new TimeMatch(start, yearAt + 1, TimeType.Date, value(year));
        }

        return new TimeMatch(start, end, TimeType.Date, value(defaultYear ?? ctx.Anchor.Year));
    }

    private static bool Fail(out TimeMatch match)
    {
        match = default;
        return false;
    }
}
