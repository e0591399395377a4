using Storyline.Domain;

namespace Storyline.Time;

/// <summary>
/// The recogniser: reads a sentence left to right and, at each token, takes the longest time expression the rules
/// (<see cref="RelativeRules"/>, <see cref="CalendarRules"/>, <see cref="LengthRules"/>) find there, with the words
/// TimeML counts as part of it: "the", a modifier of amount ("more than", "about") before a length of time, a
/// modifier of position ("early", "late", "mid", "earlier") before a date.
/// </summary>
internal static class TimeRecognizer
{
    private static readonly string[] Comparatives = ["more", "less", "fewer"];
    private static readonly string[] FutureAdjectives = ["near", "distant", "immediate", "foreseeable"];

    public static void Recognize(TimeContext ctx, List<TimeMatch> found)
    {
        int i = ctx.SentenceStart;
        while (i < ctx.SentenceEnd)
        {
            if (ctx.Lex[i].Kind != LexKind.None && TryMatchAt(ctx, i, out TimeMatch match))
            {
                found.Add(match);
                i = match.End;

                // After "the first nine months" or "the first half" the report speaks of a longer period than a
                // quarter: "a year earlier" is then last year, not last year's quarter.
                if (IsLongerPeriod(match))
                {
                    ctx.LastQuarter = null;
                }
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsLongerPeriod(TimeMatch match) =>
        match.Type == TimeType.Duration && match.Value is "P6M" or "P9M" or "P12M"
        || match.Type == TimeType.Date && match.Value.Length == 7 && match.Value[5] == 'H';

    private static bool TryMatchAt(TimeContext ctx, int i, out TimeMatch match)
    {
        match = default;
        int j = i;
        int approx = -1;
        int boundary = -1;
        if (ctx.Lex[j].Kind == LexKind.Approx)
        {
            bool needsThan = ctx.IsAny(j, Comparatives);
            bool needsTo = ctx.Is(j, "up");
            if (needsThan && !ctx.Is(j + 1, "than") || needsTo && !ctx.Is(j + 1, "to") || ctx.Is(j, "least"))
            {
                return false;
            }

            approx = j;
            j += needsThan || needsTo ? 2 : 1;
        }

        if (ctx.KindAt(j) == LexKind.Boundary && approx < 0)
        {
            boundary = j;
            j++;
            if (ctx.Is(j, "in"))
            {
                j++;
            }
        }

        bool the = ctx.KindAt(j) == LexKind.Determiner && ctx.Is(j, "the");
        int theAt = j;
        if (the)
        {
            j++;
            if (ctx.IsAny(j, FutureAdjectives) && ctx.Is(j + 1, "future"))
            {
                j++;
            }
        }

        if (!TryCore(ctx, j, the, out TimeMatch core))
        {
            return false;
        }

        // TimeML leaves "the" out before a calendar name ("the Oct. 23 slaying"), keeps it elsewhere ("the third quarter").
        bool calendarName = ctx.Lex[core.Start].Kind is LexKind.Month or LexKind.FullDate or LexKind.Weekday
            || ctx.Lex[core.Start].Kind == LexKind.Number && ctx.Tokens[core.Start].Span.Length == 4 && core.Type == TimeType.Date && core.End == core.Start + 1;
        int start = the && !calendarName ? theAt : core.Start;

        if (approx >= 0)
        {
            if (core.Type != TimeType.Duration || the)
            {
                return TryMatchAt(ctx, approx + 1, out match);
            }

            start = approx;
        }
        else if (boundary >= 0)
        {
            // "earlier" and "later" only modify a period named from now: "earlier this month", "later this year".
            bool relative = ctx.KindAt(boundary + 1) is LexKind.Shift || ctx.Is(boundary + 1, "in");
            if (core.Type == TimeType.Duration || ctx.Lex[boundary].Value >= 4 && !relative)
            {
                return false;
            }

            start = boundary;
        }

        match = core with { Start = start };
        return true;
    }

    private static bool TryCore(TimeContext ctx, int j, bool the, out TimeMatch best)
    {
        best = default;
        if (!ctx.InSentence(j) || ctx.Lex[j].Kind == LexKind.None)
        {
            return false;
        }

        bool any = false;
        if (RelativeRules.Match(ctx, j, the, out TimeMatch m))
        {
            best = m;
            any = true;
        }

        if (CalendarRules.Match(ctx, j, the, out m) && (!any || m.End > best.End))
        {
            best = m;
            any = true;
        }

        if (LengthRules.Match(ctx, j, the, out m) && (!any || m.End > best.End))
        {
            best = m;
            any = true;
        }

        return any;
    }
}
