using Storyline.Domain;

namespace Storyline.Time;

/// <summary>
/// Lengths of time and what is counted from them: durations ("two weeks", "48 hours", "two-year"), points counted back
/// ("a year ago", "three days earlier"), recurrences ("every week", "daily", "twice a day") and clock times ("3pm",
/// "15:30", "3 p.m. EST").
/// </summary>
internal static class LengthRules
{
    private static readonly string[] LengthPrepositions = ["for", "over", "within"];
    private static readonly string[] RateWords = ["times", "once", "twice", "percent"];
    private static readonly string[] PeriodWords = ["quarter", "period"];
    private static readonly string[] AgoWords = ["ago", "earlier", "later", "hence"];

    public static bool Match(TimeContext ctx, int j, bool the, out TimeMatch match)
    {
        match = default;
        Lex lex = ctx.Lex[j];
        switch (lex.Kind)
        {
            case LexKind.Number or LexKind.Determiner when TryCount(ctx, j, out int count, out int unitAt):
                return MatchCounted(ctx, j, count, unitAt, out match);
            case LexKind.Number when ctx.KindAt(j + 1) == LexKind.Meridiem && lex.Value is >= 1 and <= 12:
                return MatchClock(ctx, j, j, lex.Value * 100, out match);
            case LexKind.NumberUnit when !ctx.Is(j + 1, "old"):
                match = new TimeMatch(j, j + 1, TimeType.Duration, DateArithmetic.Duration(lex.Value, lex.Unit));
                return true;
            case LexKind.Unit when lex.Plural && ctx.Is(j + 1, "later"):
                match = new TimeMatch(j, j + 1, TimeType.Duration, DateArithmetic.Duration(NumberWords.Some, lex.Unit));
                return true;
            case LexKind.Unit when lex.Plural && ctx.IsAny(j + 1, AgoWords):
                match = new TimeMatch(j, j + 2, TimeType.Date, ctx.Is(j + 1, "later") || ctx.Is(j + 1, "hence") ? "FUTURE_REF" : "PAST_REF");
                return true;
            case LexKind.Unit when lex.Plural && ctx.IsAny(j - 1, LengthPrepositions) && lex.Unit != TimeUnit.Quarter:
                match = new TimeMatch(j, j + 1, TimeType.Duration, DateArithmetic.Duration(NumberWords.Some, lex.Unit));
                return true;
            case LexKind.Unit when the && !lex.Plural && lex.Unit == TimeUnit.Year:
                // "the year" is the report's year ("earlier in the year", "a high for the year"); "the year ended
                // March 31" is twelve months to a day that is not the year's end: a length.
                match = ctx.Is(j + 1, "ended") || ctx.Is(j + 1, "ending") || ctx.Is(j - 2, "throughout")
                    ? new TimeMatch(j, j + 1, TimeType.Duration, "P1Y")
                    : new TimeMatch(j, j + 1, TimeType.Date, DateArithmetic.Year(ctx.Anchor.Year));
                if (CalendarRules.IsYear(ctx, j + 1, out int year))
                {
                    match = new TimeMatch(j, j + 2, TimeType.Date, DateArithmetic.Year(year));
                }
                else if (ctx.KindAt(j + 1) == LexKind.Number && ctx.KindAt(j + 2) == LexKind.Number && ctx.Is(j + 2, "thousand"))
                {
                    match = new TimeMatch(j, j + 3, TimeType.Date, DateArithmetic.Year(ctx.Lex[j + 1].Value * 1000));
                }

                return true;
            case LexKind.Unit when the && !lex.Plural && lex.Unit == TimeUnit.Weekend:
                DateOnly anchor = ctx.Anchor;
                bool past = ctx.Direction(j, j + 1) < 0 && DateArithmetic.IsoWeekday(anchor) < 6;
                match = new TimeMatch(j, j + 1, TimeType.Date, DateArithmetic.Week(past ? anchor.AddDays(-7) : anchor) + "-WE");
                return true;
            case LexKind.SetWord:
                match = new TimeMatch(j, j + 1, TimeType.Set, DateArithmetic.Duration(1, lex.Unit));
                return true;
            case LexKind.Every:
                return MatchEvery(ctx, j, out match);
            case LexKind.Clock:
                return lex.Plural || ctx.KindAt(j + 1) == LexKind.Meridiem || ctx.Word(j).Contains(':')
                    ? MatchClock(ctx, j, j, lex.Value, out match)
                    : false;
            default:
                return false;
        }
    }

    /// <summary>A count and a unit from <paramref name="k"/>: "17 months", "three years", "a week", "several days".</summary>
    public static bool TryCount(TimeContext ctx, int k, out int count, out int unitAt)
    {
        count = 0;
        unitAt = k + 1;
        Lex first = ctx.InSentence(k) ? ctx.Lex[k] : Lex.Nothing;
        if (first.Kind == LexKind.Determiner)
        {
            if (ctx.Is(k, "the"))
            {
                return false;
            }

            count = 1;
            if (ctx.KindAt(k + 1) == LexKind.Number && ctx.Lex[k + 1].Value is NumberWords.Some or 2)
            {
                count = ctx.Lex[k + 1].Value;
                unitAt = ctx.Is(k + 2, "of") ? k + 3 : k + 2;
            }
        }
        else if (first.Kind == LexKind.Number && first.Value is > 0 and < 100_000 || first.Value == NumberWords.Some && first.Kind == LexKind.Number)
        {
            count = first.Value;
            if (ctx.Is(k + 1, "and") && ctx.Is(k + 2, "a") && ctx.KindAt(k + 3) == LexKind.Half)
            {
                unitAt = k + 4;
            }
            else if (ctx.KindAt(k + 1) == LexKind.Number && first.Value is >= 20 and <= 90 && ctx.Lex[k + 1].Value is >= 1 and <= 9)
            {
                count += ctx.Lex[k + 1].Value;
                unitAt = k + 2;
            }
            else if (ctx.KindAt(k + 1) == LexKind.Number && ctx.Lex[k + 1].Value is 100 or 1000 && count > 0)
            {
                count *= ctx.Lex[k + 1].Value;
                unitAt = k + 2;
            }
        }
        else
        {
            return false;
        }

        // "the 1988 quarter" is a year, not 1,988 quarters.
        return ctx.KindAt(unitAt) == LexKind.Unit && count != 0 && (ctx.Lex[unitAt].Plural || count < 1000);
    }

    private static bool MatchCounted(TimeContext ctx, int j, int count, int unitAt, out TimeMatch match)
    {
        Lex unit = ctx.Lex[unitAt];
        int end = unitAt + 1;
        if (ctx.Is(end, "old") || ctx.Is(end, "of") && ctx.Is(end + 1, "age"))
        {
            match = default;
            return false;
        }

        // "three days later" counts from an event, not from the report's date: TimeML tags the length ("three days")
        // and leaves "later" to link it to the event.
        if (ctx.IsAny(end, AgoWords) && !ctx.Is(end, "later"))
        {
            int sign = ctx.Is(end, "later") || ctx.Is(end, "hence") ? 1 : -1;
            match = count < 0
                ? new TimeMatch(j, end + 1, TimeType.Date, sign > 0 ? "FUTURE_REF" : "PAST_REF")
                : count == 1 && unit.Unit == TimeUnit.Year && sign < 0
                    ? RelativeRules.YearEarlier(ctx, j, end + 1)
                    : new TimeMatch(j, end + 1, TimeType.Date, DateArithmetic.Shifted(ctx.Anchor, sign * count, unit.Unit));
            if (match.End == end + 1 && ctx.IsAny(end + 1, PeriodWords))
            {
                match = match with { End = end + 2 };
            }

            return true;
        }

        // "twice a day", "$5 a year", "50 percent a year": a rate.
        bool rate = ctx.Lex[j].Kind == LexKind.Determiner && ctx.InSentence(j - 1)
            && (ctx.Tokens[j - 1].Kind is TokenKind.Number or TokenKind.Symbol || ctx.IsAny(j - 1, RateWords));
        match = rate
            ? new TimeMatch(j, end, TimeType.Set, DateArithmetic.Duration(count, unit.Unit))
            : new TimeMatch(j, end, TimeType.Duration, DateArithmetic.Duration(count, unit.Unit));
        return true;
    }

    private static bool MatchEvery(TimeContext ctx, int j, out TimeMatch match)
    {
        int k = j + 1;
        Lex next = ctx.InSentence(k) ? ctx.Lex[k] : Lex.Nothing;
        if (next.Kind == LexKind.Unit)
        {
            match = new TimeMatch(j, k + 1, TimeType.Set, DateArithmetic.Duration(1, next.Unit));
            return true;
        }

        if (next.Kind == LexKind.Weekday)
        {
            match = new TimeMatch(j, k + 1, TimeType.Set, "XXXX-WXX-" + next.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        if (next.Kind == LexKind.Number && TryCount(ctx, k, out int count, out int unitAt) && !ctx.Is(j, "per"))
        {
            match = new TimeMatch(j, unitAt + 1, TimeType.Set, DateArithmetic.Duration(count, ctx.Lex[unitAt].Unit));
            return true;
        }

        match = default;
        return false;
    }

    /// <summary>"noon", "midnight Friday": a clock time with no digits.</summary>
    public static TimeMatch Clock(TimeContext ctx, int j, int hhmm)
    {
        MatchClock(ctx, j, j, hhmm, out TimeMatch match);
        return match;
    }

    // "3pm", "3 p.m.", "15:30", "10:30 a.m. EST", "3 p.m. Friday".
    private static bool MatchClock(TimeContext ctx, int j, int last, int hhmm, out TimeMatch match)
    {
        int end = last + 1;
        if (ctx.KindAt(end) == LexKind.Meridiem)
        {
            int hour = hhmm / 100;
            if (hour is >= 1 and <= 12)
            {
                hhmm = (((hour % 12) + ctx.Lex[end].Value) * 100) + (hhmm % 100);
            }

            end++;
        }

        if (ctx.KindAt(end) == LexKind.Zone)
        {
            end++;
        }

        DateOnly day = ctx.Anchor;
        string format = hhmm == 2400 ? "T24:00" : string.Empty;
        int dayAt = ctx.Is(end, "on") || ctx.IsPunctuation(end) && ctx.Word(end) is "," ? end + 1 : end;

        // The day is part of the expression; its tense is read from where the expression starts ("until 9 a.m. Tuesday").
        TimeMatch dayMatch;
        _ = ctx.KindAt(dayAt) switch
        {
            LexKind.Weekday => RelativeRules.MatchWeekday(ctx, dayAt, ctx.Direction(j, dayAt + 1) < 0 ? -1 : 1, out dayMatch) && Day(dayMatch, ref day, ref end),
            LexKind.Deictic => RelativeRules.Match(ctx, dayAt, false, out dayMatch) && Day(dayMatch, ref day, ref end),
            LexKind.Month or LexKind.FullDate => CalendarRules.Match(ctx, dayAt, false, out dayMatch) && Day(dayMatch, ref day, ref end),
            _ => false,
        };

        match = new TimeMatch(j, end, TimeType.Time, format.Length > 0 ? DateArithmetic.Day(day) + format : DateArithmetic.Clock(day, hhmm));
        return true;
    }

    // A day named after a clock time ("3 p.m. Friday", "5 p.m. EST, Nov. 6"): only a single calendar day counts.
    private static bool Day(TimeMatch dayMatch, ref DateOnly day, ref int end)
    {
        if (dayMatch.Value.Length != 10 || !TimexValue.TryGetDay(dayMatch.Value, out DateOnly named))
        {
            return false;
        }

        day = named;
        end = dayMatch.End;
        return true;
    }
}
