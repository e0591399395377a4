using System.Globalization;
using Storyline.Views;

namespace Storyline.Cli.Output;

/// <summary>Small pieces of text every renderer uses: dates, ids, counts, shortened prose.</summary>
internal static class Words
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is DateOnly d ? Day(d) : string.Empty;

    public static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Score(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A report id as shown in tables: its first eight characters (any unique prefix finds it).</summary>
    public static string ShortId(string id) => id[..Math.Min(8, id.Length)];

    /// <summary>"1 report", "2 reports".</summary>
    public static string Count(long n, string singular, string? plural = null) => Labels.Count(n, singular, plural);

    /// <summary>At most <paramref name="max"/> characters, cut at a space where there is one, with an ellipsis.</summary>
    public static string Shorten(string text, int max)
    {
        text = Screen.Clean(text);
        if (text.Length <= max)
        {
            return text;
        }

        int cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)] + "…";
    }
}
