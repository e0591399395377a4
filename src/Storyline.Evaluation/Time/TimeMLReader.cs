using System.Globalization;
using System.Text;
using Storyline.Domain;

namespace Storyline.Evaluation.Time;

/// <summary>A TIMEX3 tag of a TimeML document: its id, its characters in the plain text [Start, End), type and value.</summary>
public sealed record Timex(string Id, int Start, int End, TimeType Type, string Value);

/// <summary>
/// A TimeML document: the creation time (the DCT TIMEX3, functionInDocument="CREATION_TIME"), the plain text of its
/// TEXT element (tags removed, entities decoded) and the TIMEX3 tags in it as offsets into that text.
/// </summary>
/// <param name="Name">The file's path relative to the data folder.</param>
/// <param name="CreationDate">The document creation time: the anchor.</param>
/// <param name="Text">The TEXT content with tags removed.</param>
/// <param name="Timexes">The TIMEX3 tags inside TEXT, in order.</param>
/// <param name="Head">The file up to and including the TEXT start tag, kept so that predictions keep the DCT and ids.</param>
public sealed record TimeMLDocument(string Name, DateOnly CreationDate, string Text, IReadOnlyList<Timex> Timexes, string Head);

/// <summary>Reads TimeML (.tml) files, as TempEval-3 distributes them.</summary>
public static class TimeMLReader
{
    /// <summary>Every .tml file under <paramref name="folder"/> (recursive), in path order.</summary>
    public static IEnumerable<TimeMLDocument> ReadFolder(string folder)
    {
        foreach (string path in Directory.EnumerateFiles(folder, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return Parse(Path.GetRelativePath(folder, path), File.ReadAllText(path));
        }
    }

    /// <summary>Reads one document from its XML text.</summary>
    public static TimeMLDocument Parse(string name, string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        DateOnly dct = ReadCreationDate(name, xml);
        int open = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        int close = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            throw new InvalidDataException($"{name}: no <TEXT> element");
        }

        int bodyStart = open + "<TEXT>".Length;
        var text = new StringBuilder(close - bodyStart);
        var timexes = new List<Timex>();
        (int Start, Dictionary<string, string> Attributes)? current = null;
        for (int i = bodyStart; i < close;)
        {
            char c = xml[i];
            if (c == '<')
            {
                int end = xml.IndexOf('>', i);
                string tag = xml[(i + 1)..end];
                if (tag.StartsWith("TIMEX3", StringComparison.Ordinal))
                {
                    current = (text.Length, Attributes(tag));
                }
                else if (tag == "/TIMEX3" && current is { } t)
                {
                    timexes.Add(new Timex(
                        t.Attributes.GetValueOrDefault("tid", string.Empty),
                        t.Start,
                        text.Length,
                        ParseType(t.Attributes.GetValueOrDefault("type", "DATE")),
                        t.Attributes.GetValueOrDefault("value", string.Empty)));
                    current = null;
                }

                i = end + 1;
            }
            else if (c == '&')
            {
                int end = xml.IndexOf(';', i);
                text.Append(Entity(xml.AsSpan(i + 1, end - i - 1)));
                i = end + 1;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return new TimeMLDocument(name, dct, text.ToString(), timexes, xml[..bodyStart]);
    }

    /// <summary>The TimeML type name of a <see cref="TimeType"/>.</summary>
    public static string TypeName(TimeType type) => type switch
    {
        TimeType.Time => "TIME",
        TimeType.Duration => "DURATION",
        TimeType.Set => "SET",
        _ => "DATE",
    };

    private static TimeType ParseType(string type) => type switch
    {
        "TIME" => TimeType.Time,
        "DURATION" => TimeType.Duration,
        "SET" => TimeType.Set,
        _ => TimeType.Date,
    };

    private static DateOnly ReadCreationDate(string name, string xml)
    {
        int at = xml.IndexOf("CREATION_TIME", StringComparison.Ordinal);
        int tagStart = at < 0 ? -1 : xml.LastIndexOf("<TIMEX3", at, StringComparison.Ordinal);
        if (tagStart < 0)
        {
            throw new InvalidDataException($"{name}: no creation time (TIMEX3 functionInDocument=\"CREATION_TIME\")");
        }

        string tag = xml[(tagStart + 1)..xml.IndexOf('>', tagStart)];
        string value = Attributes(tag).GetValueOrDefault("value", string.Empty);
        if (value.Length < 10 || !DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly dct))
        {
            throw new InvalidDataException($"{name}: creation time '{value}' is not a date");
        }

        return dct;
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = tag.IndexOf(' ', StringComparison.Ordinal);
        while (i >= 0 && i < tag.Length)
        {
            int eq = tag.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            string key = tag[i..eq].Trim();
            int q1 = tag.IndexOf('"', eq);
            int q2 = q1 < 0 ? -1 : tag.IndexOf('"', q1 + 1);
            if (q2 < 0)
            {
                break;
            }

            attributes[key] = System.Net.WebUtility.HtmlDecode(tag[(q1 + 1)..q2]);
            i = q2 + 1;
        }

        return attributes;
    }

    private static string Entity(ReadOnlySpan<char> name) => name switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => System.Net.WebUtility.HtmlDecode("&" + name.ToString() + ";"),
    };
}
