using System.Globalization;

namespace Storyline.Time;

/// <summary>Calendar arithmetic and TIMEX3 value formatting (ISO-8601 based: "2023-09-12", "2023-W36", "1998-Q3", "P3Y").</summary>
internal static class DateArithmetic
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => Year(year) + "-" + month.ToString("D2", CultureInfo.InvariantCulture);

    public static string Quarter(int year, int quarter) => Year(year) + "-Q" + quarter.ToString(CultureInfo.InvariantCulture);

    public static string Half(int year, int half) => Year(year) + "-H" + half.ToString(CultureInfo.InvariantCulture);

    public static string Season(int year, int season) => Year(year) + "-" + TimeLexicon.Seasons[season];

    /// <summary>The ISO week of a day: "2023-W36" (the ISO week-numbering year, which may differ near 1 January).</summary>
    public static string Week(DateOnly day)
    {
        DateTime dt = day.ToDateTime(TimeOnly.MinValue);
        return Year(ISOWeek.GetYear(dt)) + "-W" + ISOWeek.GetWeekOfYear(dt).ToString("D2", CultureInfo.InvariantCulture);
    }

    public static string Clock(DateOnly day, int hhmm) =>
        Day(day) + "T" + (hhmm / 100).ToString("D2", CultureInfo.InvariantCulture) + ":" + (hhmm % 100).ToString("D2", CultureInfo.InvariantCulture);

    public static int QuarterOf(int month) => ((month - 1) / 3) + 1;

    /// <summary>ISO weekday: Monday 1 … Sunday 7.</summary>
    public static int IsoWeekday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;

    /// <summary>
    /// The day named <paramref name="weekday"/> near <paramref name="anchor"/>: direction −1 the latest on or before it,
    /// +1 the first on or after it, −2 the latest strictly before, +2 the first strictly after.
    /// </summary>
    public static DateOnly Weekday(DateOnly anchor, int weekday, int direction)
    {
        int diff = weekday - IsoWeekday(anchor);
        return direction switch
        {
            < -1 => anchor.AddDays(diff < 0 ? diff : diff - 7),
            < 0 => anchor.AddDays(diff <= 0 ? diff : diff - 7),
            1 => anchor.AddDays(diff >= 0 ? diff : diff + 7),
            _ => anchor.AddDays(diff > 0 ? diff : diff + 7),
        };
    }

    /// <summary>
    /// The year of a month (and day) named without one: with a clear tense (<paramref name="direction"/> ±1) the
    /// latest on or before the anchor, or the first on or after; with none, the nearest to the anchor.
    /// </summary>
    public static int NearestYear(DateOnly anchor, int month, int day, int direction, int closeDirection = 0)
    {
        // A day close to the anchor is the nearest whatever the tense ("expire Nov. 6" written on Nov. 2); a month
        // is the nearest unless a tense right beside it says otherwise ("was closed in November" written in
        // September; but "in late November" written in January). Further away, the tense decides; with none, a
        // month is the anchor's year and a day the latest before the anchor (news reports what happened).
        int near = NearestYearAny(anchor, month, day, out int distance);
        if (day == 0 ? distance <= 3 && closeDirection == 0 : distance <= 45)
        {
            return near;
        }

        if (direction == 0)
        {
            return day == 0 ? near : Directed(anchor, month, day, -1);
        }

        return Directed(anchor, month, day, direction);
    }

    private static int NearestYearAny(DateOnly anchor, int month, int day, out int bestDistance)
    {
        int best = anchor.Year;
        bestDistance = int.MaxValue;
        for (int year = anchor.Year - 1; year <= anchor.Year + 1; year++)
        {
            int distance = Math.Abs(Distance(anchor, year, month, day));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (year, distance);
            }
        }

        return best;
    }

    private static int Distance(DateOnly anchor, int year, int month, int day) => day == 0
        ? ((year * 12) + month) - ((anchor.Year * 12) + anchor.Month)
        : new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))).DayNumber - anchor.DayNumber;

    private static int Directed(DateOnly anchor, int month, int day, int direction)
    {
        int best = anchor.Year;
        int bestDistance = int.MaxValue;
        for (int year = anchor.Year - 1; year <= anchor.Year + 1; year++)
        {
            // Months alone are compared month to month, days day to day.
            int distance = Distance(anchor, year, month, day);
            if (direction < 0 && distance > 0 || direction > 0 && distance < 0)
            {
                continue;
            }

            if (Math.Abs(distance) < bestDistance || Math.Abs(distance) == bestDistance && year == anchor.Year)
            {
                (best, bestDistance) = (year, Math.Abs(distance));
            }
        }

        return best;
    }

    /// <summary>A TIMEX3 duration: "P3Y", "PT48H", "P2W", "P1DE"; an unknown count is X ("PXY").</summary>
    public static string Duration(int count, TimeUnit unit)
    {
        string n = count < 0 ? "X" : count.ToString(CultureInfo.InvariantCulture);
        return unit switch
        {
            TimeUnit.Second => "PT" + n + "S",
            TimeUnit.Minute => "PT" + n + "M",
            TimeUnit.Hour => "PT" + n + "H",
            TimeUnit.Day => "P" + n + "D",
            TimeUnit.Week => "P" + n + "W",
            TimeUnit.Weekend => "P" + n + "WE",
            TimeUnit.Month => "P" + n + "M",
            TimeUnit.Quarter => "P" + n + "Q",
            TimeUnit.Year => "P" + n + "Y",
            TimeUnit.Decade => count < 0 ? "PXDE" : "P" + (count * 10).ToString(CultureInfo.InvariantCulture) + "Y",
            TimeUnit.Century => count < 0 ? "PXC" : "P" + (count * 100).ToString(CultureInfo.InvariantCulture) + "Y",
            _ => "P" + n + "D",
        };
    }

    /// <summary>
    /// The period <paramref name="count"/> units away from <paramref name="anchor"/>, at the unit's own granularity:
    /// "last week" → the ISO week before, "two years ago" → the year, "three days ago" → the day.
    /// </summary>
    public static string Shifted(DateOnly anchor, int count, TimeUnit unit)
    {
        switch (unit)
        {
            case TimeUnit.Day:
                return Day(anchor.AddDays(count));
            case TimeUnit.Week:
                return Week(anchor.AddDays(7 * count));
            case TimeUnit.Weekend:
                return Week(anchor.AddDays(7 * count)) + "-WE";
            case TimeUnit.Month:
                DateOnly m = anchor.AddMonths(count);
                return Month(m.Year, m.Month);
            case TimeUnit.Quarter:
                int index = (anchor.Year * 4) + QuarterOf(anchor.Month) - 1 + count;
                return Quarter(index / 4, (index % 4) + 1);
            case TimeUnit.Year:
                return Year(anchor.Year + count);
            case TimeUnit.Decade:
                return ((anchor.Year / 10) + count).ToString(CultureInfo.InvariantCulture);
            case TimeUnit.Century:
                return ((anchor.Year / 100) + count).ToString(CultureInfo.InvariantCulture);
            case TimeUnit.Hour:
            case TimeUnit.Minute:
            case TimeUnit.Second:
                return Day(anchor);
            default:
                return Day(anchor);
        }
    }
}
