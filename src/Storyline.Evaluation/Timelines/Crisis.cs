using System.Globalization;
using System.Text;

namespace Storyline.Evaluation.Timelines;

/// <summary>
/// Reads the Crisis timeline set as ../shared holds it (see its SOURCE.txt): <c>gold_timelines/&lt;topic&gt;/*.txt</c>
/// (Timeline17's block format) and <c>dated_sentences_derived/&lt;topic&gt;/time-sent.csv</c>, where each row is a day
/// and a Python-literal list of the tokenised sentences of that day's articles (a third party's sample, about twenty a
/// day; the articles themselves are not there). Each day's sentences become one report published that day, so that
/// "reports published on a day" counts days with text, not articles.
/// </summary>
public static class Crisis
{
    /// <summary>Whether <paramref name="folder"/> has the Crisis layout.</summary>
    public static bool IsCrisisFolder(string folder) =>
        Directory.Exists(Path.Combine(folder, "gold_timelines")) && Directory.Exists(Path.Combine(folder, "dated_sentences_derived"));

    /// <summary>The topics (egypt, libya, syria, yemen) with their daily text and gold timelines, by name.</summary>
    /// <exception cref="InvalidDataException">A sentence file is not in the expected format (the message names it and the line).</exception>
    public static IReadOnlyList<TimelineTopic> Read(string folder)
    {
        var topics = new List<TimelineTopic>();
        foreach (string goldFolder in Directory.EnumerateDirectories(Path.Combine(folder, "gold_timelines")).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(goldFolder);
            string sentences = Path.Combine(folder, "dated_sentences_derived", name, "time-sent.csv");
            if (!File.Exists(sentences))
            {
                continue;
            }

            var articles = new List<TimelineArticle>();
            foreach ((DateOnly day, List<string> daySentences) in ReadDays(sentences))
            {
                if (daySentences.Count > 0)
                {
                    articles.Add(new TimelineArticle(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, string.Join("\n\n", daySentences)));
                }
            }

            GoldTimeline[] timelines =
            [
                .. Directory.EnumerateFiles(goldFolder, "*.txt").Order(StringComparer.Ordinal)
                    .Select(f => new GoldTimeline(Path.GetFileName(f), Timeline17.Parse(File.ReadAllText(f)))),
            ];
            topics.Add(new TimelineTopic(name, [.. articles.OrderBy(a => a.Published)], [], [.. timelines], 0));
        }

        return topics;
    }

    /// <summary>The rows of a time-sent.csv file: a day and its sentences.</summary>
    /// <exception cref="InvalidDataException">A row is not a day and a list of quoted strings.</exception>
    public static IEnumerable<(DateOnly Day, List<string> Sentences)> ReadDays(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        string? header = reader.ReadLine();
        if (header is null || !header.StartsWith("time,", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: line 1: expected the header 'time,Sentences'");
        }

        int row = 1;
        string? first;
        while ((first = reader.ReadLine()) is not null)
        {
            row++;
            if (first.Length == 0)
            {
                continue;
            }

            int comma = first.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || !DateOnly.TryParseExact(first.AsSpan(0, comma), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
            {
                throw new InvalidDataException($"{path}: line {row}: expected a day (YYYY-MM-DD) and a comma");
            }

            // The field is a CSV cell: quoted, with doubled quotes inside, and it may run over several lines.
            var cell = new StringBuilder(first[(comma + 1)..]);
            while (!IsCompleteCell(cell))
            {
                string? more = reader.ReadLine() ?? throw new InvalidDataException($"{path}: line {row}: the quoted cell does not end");
                cell.Append('\n').Append(more);
            }

            string list = Unquote(cell.ToString());
            yield return (day, ParseList(list) ?? throw new InvalidDataException($"{path}: line {row}: not a list of quoted sentences"));
        }
    }

    private static bool IsCompleteCell(StringBuilder cell)
    {
        if (cell.Length == 0 || cell[0] != '"')
        {
            return true;
        }

        int quotes = 0;
        for (int i = 0; i < cell.Length; i++)
        {
            quotes += cell[i] == '"' ? 1 : 0;
        }

        return quotes % 2 == 0 && cell.Length > 1 && cell[^1] == '"';
    }

    private static string Unquote(string cell) =>
        cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"' ? cell[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : cell;

    // A Python list literal of strings: ['…', "…"], with backslash escapes inside.
    private static List<string>? ParseList(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            return null;
        }

        var items = new List<string>();
        int i = 1;
        while (i < trimmed.Length - 1)
        {
            char c = trimmed[i];
            if (c is ' ' or ',' or '\n')
            {
                i++;
                continue;
            }

            if (c is not ('\'' or '"'))
            {
                return null;
            }

            var item = new StringBuilder();
            i++;
            while (i < trimmed.Length - 1 && trimmed[i] != c)
            {
                if (trimmed[i] == '\\' && i + 1 < trimmed.Length - 1)
                {
                    i++;
                }

                item.Append(trimmed[i]);
                i++;
            }

            if (i >= trimmed.Length - 1)
            {
                return null;
            }

            items.Add(item.ToString());
            i++;
        }

        return items;
    }
}
