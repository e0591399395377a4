using System.Globalization;

namespace Storyline.Storage;

/// <summary>How both stores keep a day: as <c>yyyy-MM-dd</c> text, which sorts as the days do.</summary>
public static class DayText
{
    /// <summary><paramref name="day"/> as stored.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day <paramref name="text"/> stores.</summary>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
