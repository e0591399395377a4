using System.Globalization;

namespace Storyline.Sources;

/// <summary>Reads and checks a report's publication date; the reason says what is wrong when it is not usable.</summary>
internal static class DateCheck
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>
    /// Parses "YYYY-MM-DD" or an ISO-8601 date and time (the calendar date as written is kept: a report dated
    /// 23:30 local time is of that local day), then checks it is neither before the earliest nor in the future.
    /// </summary>
    public static bool TryRead(string? text, ReaderOptions options, out DateOnly date, out string reason)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "no date";
            return false;
        }

        string trimmed = text.Trim();
        if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (trimmed.Length >= 10 && DateTimeOffset.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset moment))
            {
                date = DateOnly.FromDateTime(moment.DateTime);
            }
            else
            {
                reason = $"date '{Shorten(trimmed)}' is not a valid YYYY-MM-DD date";
                return false;
            }
        }

        DateOnly today = DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime);
        if (date > today.AddDays(options.MaxDaysInFuture))
        {
            reason = $"date {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd})";
            return false;
        }

        if (date < options.EarliestDate)
        {
            reason = $"date {date:yyyy-MM-dd} is before {options.EarliestDate:yyyy-MM-dd}";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
