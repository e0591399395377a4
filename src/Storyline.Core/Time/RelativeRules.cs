using Storyline.Domain;

namespace Storyline.Time;

/// <summary>
/// Times named from the report's date: "today", "yesterday", "now", "recently", weekdays ("on Monday", "Tuesday
/// morning"), and a shift with a unit, weekday, month, season or part of day ("last week", "next Friday",
/// "this morning", "the past 17 months", "in coming days").
/// </summary>
internal static class RelativeRules
{
    private static readonly string[] PeriodWords = ["quarter", "period"];
    private static readonly string[] HolidayWords = ["day", "eve"];

    public static bool Match(TimeContext ctx, int j, bool the, out TimeMatch match)
    {
        match = default;
        Lex lex = ctx.Lex[j];
        return lex.Kind switch
        {
            LexKind.Deictic => MatchDeictic(ctx, j, the, (Deictic)lex.Value, out match),
            LexKind.Weekday => MatchWeekday(ctx, j, ctx.Direction(j, j + 1) < 0 ? -1 : 1, out match),
            LexKind.Shift => MatchShift(ctx, j, the, lex.Value, out match),
            LexKind.Holiday => MatchHoliday(ctx, j, lex.Value, out match),
            _ => false,
        };
    }

    private static bool MatchDeictic(TimeContext ctx, int j, bool the, Deictic deictic, out TimeMatch match)
    {
        DateOnly anchor = ctx.Anchor;
        match = deictic switch
        {
            Deictic.Today => WithPartOfDay(ctx, j, anchor),
            Deictic.Yesterday => WithPartOfDay(ctx, j, anchor.AddDays(-1)),
            Deictic.Tomorrow => WithPartOfDay(ctx, j, anchor.AddDays(1)),
            Deictic.Tonight => new TimeMatch(j, j + 1, TimeType.Time, DateArithmetic.Day(anchor) + "TNI"),
            Deictic.Present => new TimeMatch(j, j + 1, TimeType.Date, "PRESENT_REF"),
            Deictic.Past => new TimeMatch(j, j + 1, TimeType.Date, "PAST_REF"),
            Deictic.Future when !ctx.Is(j - 1, "as") && (IsFutureSoon(ctx, j) || the || ctx.Is(j - 1, "in")) => new TimeMatch(j, j + 1, TimeType.Date, "FUTURE_REF"),
            Deictic.YearEarlier => YearEarlier(ctx, j, j + 1),
            Deictic.Noon => LengthRules.Clock(ctx, j, 1200),
            Deictic.Midnight => LengthRules.Clock(ctx, j, 2400),
            _ => default,
        };
        return match.End > 0;
    }

    // "will soon move" looks ahead from the report; "soon after the attack" and "was soon released" do not.
    private static bool IsFutureSoon(TimeContext ctx, int j) =>
        ctx.Is(j, "soon") && !ctx.Is(j + 1, "after") && !ctx.Is(j + 1, "before") && ctx.Direction(j, j + 1, 2, 1) > 0;

    /// <summary>"a year earlier", "year-ago": the same quarter a year before when the report is about a quarter.</summary>
    public static TimeMatch YearEarlier(TimeContext ctx, int start, int end)
    {
        if (ctx.IsAny(end, PeriodWords))
        {
            end++;
        }

        string value = ctx.LastQuarter is (int year, int quarter)
            ? DateArithmetic.Quarter(year - 1, quarter)
            : DateArithmetic.Year(ctx.Anchor.Year - 1);
        return new TimeMatch(start, end, TimeType.Date, value);
    }

    // "yesterday", "yesterday afternoon" (a TIME with the part of day).
    private static TimeMatch WithPartOfDay(TimeContext ctx, int j, DateOnly day)
    {
        Lex next = ctx.InSentence(j + 1) ? ctx.Lex[j + 1] : Lex.Nothing;
        return next.Kind == LexKind.PartOfDay && !next.Plural
            ? new TimeMatch(j, j + 2, TimeType.Time, DateArithmetic.Day(day) + "T" + TimeLexicon.PartsOfDay[next.Value])
            : new TimeMatch(j, j + 1, TimeType.Date, DateArithmetic.Day(day));
    }

    // "Monday", "Tuesday morning", "Friday, Aug. 7". Direction −1/+1 (on or before, on or after), ±2 strictly.
    public static bool MatchWeekday(TimeContext ctx, int j, int direction, out TimeMatch match)
    {
        int k = ctx.IsPunctuation(j + 1) && ctx.Word(j + 1) is "," ? j + 2 : j + 1;
        if (ctx.KindAt(k) is LexKind.Month or LexKind.FullDate && CalendarRules.Match(ctx, k, false, out TimeMatch date) && date.Type == TimeType.Date)
        {
            match = date with { Start = j };
            return true;
        }

        DateOnly day = DateArithmetic.Weekday(ctx.Anchor, ctx.Lex[j].Value, direction);
        match = WithPartOfDay(ctx, j, day);
        return true;
    }

    private static bool MatchShift(TimeContext ctx, int j, bool the, int shift, out TimeMatch match)
    {
        match = default;
        int k = j + 1;
        Lex next = ctx.InSentence(k) ? ctx.Lex[k] : Lex.Nothing;
        DateOnly anchor = ctx.Anchor;
        bool lengthish = shift == 2 || the && shift is -1 or 1 && !ctx.Is(j, "following");
        switch (next.Kind)
        {
            case LexKind.Weekday when shift is >= -1 and <= 1:
                int direction = shift == 0 ? ctx.Direction(j, k + 1) : shift * 2;
                return MatchWeekday(ctx, k, direction, out match) && Extend(ref match, j);

            case LexKind.Unit when !next.Plural:
                if (lengthish)
                {
                    match = new TimeMatch(j, k + 1, TimeType.Duration, DateArithmetic.Duration(1, next.Unit));
                    return true;
                }

                // "this year's third quarter", "last year's quarter".
                if (next.Unit == TimeUnit.Year && LexClassifier.IsPossessive(ctx.Word(k)) && shift is >= -1 and <= 1 && QuarterAfter(ctx, k + 1, out int q, out int qEnd))
                {
                    match = new TimeMatch(j, qEnd, TimeType.Date, DateArithmetic.Quarter(anchor.Year + shift, q));
                    return true;
                }

                if (next.Unit == TimeUnit.Quarter && shift == -3)
                {
                    match = new TimeMatch(j, k + 1, TimeType.Date, LatestQuarter(ctx, completed: true));
                    return true;
                }

                if (shift is < -1 or > 1 || next.Unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
                {
                    return false;
                }

                if (next.Unit == TimeUnit.Quarter)
                {
                    string quarter = DateArithmetic.Shifted(anchor, shift, TimeUnit.Quarter);
                    ctx.LastQuarter = (int.Parse(quarter.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture), quarter[^1] - '0');
                }

                match = new TimeMatch(j, k + 1, TimeType.Date, DateArithmetic.Shifted(anchor, shift, next.Unit));
                return true;

            case LexKind.Number or LexKind.Determiner when shift is -1 or 1 or 2 && LengthRules.TryCount(ctx, k, out int count, out int unitAt):
                match = new TimeMatch(j, unitAt + 1, TimeType.Duration, DateArithmetic.Duration(count, ctx.Lex[unitAt].Unit));
                return true;

            case LexKind.Unit:
                match = shift switch
                {
                    1 => new TimeMatch(j, k + 1, TimeType.Date, "FUTURE_REF"),
                    -2 when next.Unit == TimeUnit.Year => new TimeMatch(j, k + 1, TimeType.Date, "PAST_REF"),
                    -2 or 2 or -1 => new TimeMatch(j, k + 1, TimeType.Duration, DateArithmetic.Duration(NumberWords.Some, next.Unit)),
                    _ => default,
                };
                return match.End > 0;

            case LexKind.Month when shift is -1 or 1 && ctx.KindAt(k + 1) == LexKind.Number && ctx.Lex[k + 1].Value is >= 1 and <= 31:
                // "last Oct. 23": the latest such day before the report, or the next one after it.
                int dayOfMonth = ctx.Lex[k + 1].Value;
                int y = DateArithmetic.NearestYear(anchor, next.Value, dayOfMonth, 0) is int near
                    && new DateOnly(near, next.Value, Math.Min(dayOfMonth, DateTime.DaysInMonth(near, next.Value))) is DateOnly d
                    && (shift < 0 ? d >= anchor : d <= anchor) ? near + shift : near;
                match = new TimeMatch(j, k + 2, TimeType.Date, DateArithmetic.Day(new DateOnly(y, next.Value, Math.Min(dayOfMonth, DateTime.DaysInMonth(y, next.Value)))));
                return true;

            case LexKind.Month when shift is >= -1 and <= 1:
                int year = shift switch
                {
                    -1 => next.Value < anchor.Month ? anchor.Year : anchor.Year - 1,
                    1 => next.Value > anchor.Month ? anchor.Year : anchor.Year + 1,
                    _ => anchor.Year,
                };
                match = new TimeMatch(j, k + 1, TimeType.Date, DateArithmetic.Month(year, next.Value));
                return true;

            case LexKind.Season when shift is >= -1 and <= 1:
                int current = ((anchor.Month + 9) % 12) / 3;
                int seasonYear = shift switch
                {
                    -1 => current > next.Value ? anchor.Year : anchor.Year - 1,
                    1 => current < next.Value ? anchor.Year : anchor.Year + 1,
                    _ => anchor.Year,
                };
                match = new TimeMatch(j, k + 1, TimeType.Date, DateArithmetic.Season(seasonYear, next.Value));
                return true;

            case LexKind.PartOfDay when shift is -1 or 0 && !next.Plural:
                DateOnly day = shift < 0 && next.Value == 4 ? anchor.AddDays(-1) : anchor;
                match = new TimeMatch(j, k + 1, TimeType.Time, DateArithmetic.Day(day) + "T" + TimeLexicon.PartsOfDay[next.Value]);
                return true;

            // "the current fiscal year", "last fiscal year": the year being reported on, or the one before or after.
            case LexKind.Fiscal when shift is >= -1 and <= 1 && ctx.KindAt(k + 1) == LexKind.Unit && ctx.Lex[k + 1].Unit == TimeUnit.Year && !ctx.Lex[k + 1].Plural:
                match = new TimeMatch(j, k + 2, TimeType.Date, DateArithmetic.Year(anchor.Year + shift));
                return true;

            // "the last half of 1989": the second half.
            case LexKind.Half when shift == -1 && the:
                int halfEnd = k + 1;
                int halfYear = anchor.Year;
                if (ctx.Is(halfEnd, "of") && CalendarRules.IsYear(ctx, halfEnd + 1, out int namedYear))
                {
                    (halfYear, halfEnd) = (namedYear, halfEnd + 2);
                }

                match = new TimeMatch(j, halfEnd, TimeType.Date, DateArithmetic.Half(halfYear, 2));
                return true;

            case LexKind.None when shift == -3 && ctx.Is(k, "period"):
                match = new TimeMatch(j, k + 1, TimeType.Date, LatestQuarter(ctx, completed: true));
                return true;

            default:
                match = shift switch
                {
                    0 when ctx.Is(j, "current") && !the => new TimeMatch(j, k, TimeType.Date, "PRESENT_REF"),
                    -2 when !the => new TimeMatch(j, k, TimeType.Date, "PAST_REF"),
                    2 when the && !ctx.Is(k, "few") => new TimeMatch(j, k, TimeType.Date, "PAST_REF"),
                    _ => default,
                };
                return match.End > 0;
        }
    }

    private static bool QuarterAfter(TimeContext ctx, int k, out int quarter, out int end)
    {
        (quarter, end) = ctx.KindAt(k) switch
        {
            LexKind.OrdinalQuarter => (ctx.Lex[k].Value, k + 1),
            LexKind.Ordinal when ctx.Lex[k].Value <= 4 && ctx.KindAt(k + 1) == LexKind.Unit && ctx.Lex[k + 1].Unit == TimeUnit.Quarter => (ctx.Lex[k].Value, k + 2),
            LexKind.Unit when ctx.Lex[k].Unit == TimeUnit.Quarter && !ctx.Lex[k].Plural => (ctx.LastQuarter?.Quarter ?? 0, k + 1),
            _ => (0, 0),
        };
        return quarter > 0;
    }

    // The quarter the report is about; with "latest", one already over at the report's date: a quarter named for
    // later ("expects a better fourth quarter") is not the latest one reported.
    private static string LatestQuarter(TimeContext ctx, bool completed = false)
    {
        int lastFull = (ctx.Anchor.Year * 4) + DateArithmetic.QuarterOf(ctx.Anchor.Month) - 2;
        if (ctx.LastQuarter is (int year, int quarter) && (!completed || (year * 4) + quarter - 1 <= lastFull))
        {
            return DateArithmetic.Quarter(year, quarter);
        }

        return DateArithmetic.Shifted(ctx.Anchor, -1, TimeUnit.Quarter);
    }

    /// <summary>"the quarter", "the latest quarter": the quarter the report is about, else the last full one.</summary>
    public static TimeMatch TheQuarter(TimeContext ctx, int start, int end) => new(start, end, TimeType.Date, LatestQuarter(ctx));

    private static bool MatchHoliday(TimeContext ctx, int j, int monthDay, out TimeMatch match)
    {
        int end = ctx.IsAny(j + 1, HolidayWords) ? j + 2 : j + 1;
        DateOnly day = Holiday(ctx.Anchor.Year, monthDay, ctx.Is(j + 1, "eve"));
        if (day > ctx.Anchor.AddDays(30) && ctx.Direction(j, end) < 0)
        {
            day = Holiday(ctx.Anchor.Year - 1, monthDay, ctx.Is(j + 1, "eve"));
        }

        match = new TimeMatch(j, end, TimeType.Date, DateArithmetic.Day(day));
        return true;
    }

    // Thanksgiving (1100) is the fourth Thursday of November; the others are fixed days.
    private static DateOnly Holiday(int year, int monthDay, bool eve) => monthDay == 1100
        ? DateArithmetic.Weekday(new DateOnly(year, 11, 22), 4, 1)
        : new DateOnly(year, monthDay / 100, monthDay % 100).AddDays(eve ? -1 : 0);

    private static bool Extend(ref TimeMatch match, int start)
    {
        match = match with { Start = start };
        return true;
    }
}
