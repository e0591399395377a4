using System.Globalization;

namespace Storyline.Domain;

/// <summary>Reading TIMEX3 values (ISO-8601 based: "2023-09-12", "2023-09-12TMO", "2023-W36", "2019").</summary>
public static class TimexValue
{
    /// <summary>The TIMEX3 value of a calendar day.</summary>
    public static string OfDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads the calendar day a value starts with, where it names a single day ("2023-09-12", "2023-09-12TMO").</summary>
    public static bool TryGetDay(string value, out DateOnly day)
    {
        day = default;
        if (value.Length < 10 || value[4] != '-' || value[7] != '-')
        {
            return false;
        }

        if (value.Length > 10 && value[10] != 'T')
        {
            return false;
        }

        return DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
