using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Sources.Html;

/// <summary>
/// Reads the calendar day out of the date forms pages and feeds use: ISO 8601, RFC 822/1123 ("Tue, 12 Sep 2023
/// 10:00:00 GMT"), compact "20230912", and written dates ("September 12, 2023", "12 Sept. 2023"). The day is kept as
/// written (a report stamped 23:30 in its own time zone is of that day). Numeric day/month orders that could be read
/// either way ("04/05/2023") are not guessed.
/// </summary>
internal static partial class DateText
{
    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string s = text.Trim();
        Match iso = IsoDate().Match(s);
        if (iso.Success && iso.Index <= 2)
        {
            return TryMake(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out date);
        }

        Match compact = CompactDate().Match(s);
        if (compact.Success)
        {
            return TryMake(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value, out date);
        }

        return TryFindWritten(s, out date);
    }

    /// <summary>Finds a written date ("Sept. 12, 2023", "12 September 2023", "2023-09-12") anywhere in a line.</summary>
    public static bool TryFindWritten(string text, out DateOnly date)
    {
        date = default;
        Match m = MonthFirst().Match(text);
        if (m.Success && TryMonth(m.Groups["mon"].Value, out int month) && TryMake(m.Groups["y"].Value, month, m.Groups["d"].Value, out date))
        {
            return true;
        }

        m = DayFirst().Match(text);
        if (m.Success && TryMonth(m.Groups["mon"].Value, out month) && TryMake(m.Groups["y"].Value, month, m.Groups["d"].Value, out date))
        {
            return true;
        }

        m = IsoDate().Match(text);
        return m.Success && TryMake(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date);
    }

    /// <summary>A date in an address's path: /2023/09/12/, /2023-09-12/, /20230912/.</summary>
    public static bool TryFromUrl(string? url, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        Match m = UrlDate().Match(url);
        return m.Success && TryMake(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date);
    }

    private static bool TryMonth(string name, out int month)
    {
        month = 0;
        if (name.Length < 3)
        {
            return false;
        }

        string prefix = name[..3].ToLowerInvariant();
        month = Array.IndexOf(Months, prefix) + 1;
        return month > 0;
    }

    private static bool TryMake(string y, string m, string d, out DateOnly date) =>
        TryMake(y, int.Parse(m, CultureInfo.InvariantCulture), d, out date);

    private static bool TryMake(string y, int month, string d, out DateOnly date)
    {
        date = default;
        int year = int.Parse(y, CultureInfo.InvariantCulture);
        int day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"(?<!\d)(?<y>(?:18|19|20|21)\d\d)-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<y>(?:18|19|20|21)\d\d)(?<m>[01]\d)(?<d>[0-3]\d)(?:$|[T\s])", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"\b(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<y>(?:18|19|20|21)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?<y>(?:18|19|20|21)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d\d)[/-]?(?<m>[01]\d)[/-]?(?<d>[0-3]\d)(?:/|[-_.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
