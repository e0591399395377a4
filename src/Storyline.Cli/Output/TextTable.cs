using System.Text;

namespace Storyline.Cli.Output;

/// <summary>How a column of a <see cref="TextTable"/> is laid out.</summary>
internal enum Cell
{
    /// <summary>Never wrapped: dates, numbers, ids, keys, names, words from a short list. Left-aligned.</summary>
    Fixed,

    /// <summary>Never wrapped, right-aligned: counts and scores.</summary>
    Number,

    /// <summary>Running text: wrapped at spaces to the room the fixed columns leave, on a terminal only.</summary>
    Prose,
}

/// <summary>
/// A plain-text table: a header, a rule, and rows, columns two spaces apart. Rendering is a pure function of the rows
/// and the width: with no width (not a terminal) every row is one line; with a width, only prose columns wrap, at
/// spaces, and a row that cannot fit is made wider rather than a word, number or key cut.
/// </summary>
internal sealed class TextTable
{
    private const string Gap = "  ";
    private readonly List<(string Header, Cell Kind)> columns = [];
    private readonly List<string[]> rows = [];

    public TextTable(string? title = null) => Title = title;

    /// <summary>The line above the table, where there is one.</summary>
    public string? Title { get; }

    /// <summary>How many rows it has.</summary>
    public int Count => rows.Count;

    public TextTable Column(string header, Cell kind = Cell.Fixed)
    {
        columns.Add((header, kind));
        return this;
    }

    /// <summary>Adds a row; each value is cleaned for the terminal (<see cref="Screen.Clean"/>).</summary>
    public TextTable Row(params string?[] values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"a row of {values.Length} values for {columns.Count} columns", nameof(values));
        }

        rows.Add([.. values.Select(Screen.Clean)]);
        return this;
    }

    /// <summary>The table as lines, laid out for <paramref name="width"/> (null: no wrapping).</summary>
    public IReadOnlyList<string> Render(int? width)
    {
        var lines = new List<string>();
        if (Title is not null)
        {
            lines.AddRange(Screen.Wrap(Screen.Clean(Title), width));
        }

        int[] widths = Widths(width);
        string[] header = [.. columns.Select(c => c.Header)];
        lines.Add(Join([.. header.Select(h => new[] { h })], widths, 0));
        lines.Add(string.Join(Gap, widths.Select(w => new string('-', w))).TrimEnd());
        foreach (string[] row in rows)
        {
            string[][] cells = [.. row.Select((text, i) => columns[i].Kind == Cell.Prose ? [.. Screen.Wrap(text, width is null ? null : widths[i])] : new[] { text })];
            int height = cells.Max(c => c.Length);
            for (int line = 0; line < height; line++)
            {
                lines.Add(Join(cells, widths, line));
            }
        }

        return lines;
    }

    private string Join(string[][] cells, int[] widths, int line)
    {
        var text = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            string value = line < cells[i].Length ? cells[i][line] : string.Empty;
            if (i > 0)
            {
                text.Append(Gap);
            }

            text.Append(columns[i].Kind == Cell.Number ? value.PadLeft(widths[i]) : value.PadRight(widths[i]));
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Each column's width: the widest of its values, except prose columns on a terminal too narrow for that, which
    /// share the room the others leave (each at least <see cref="Screen.MinProseWidth"/> and its longest word).
    /// </summary>
    private int[] Widths(int? width)
    {
        int[] natural = [.. columns.Select((c, i) => rows.Select(r => r[i].Length).Append(c.Header.Length).Max())];
        int total = natural.Sum() + (Gap.Length * Math.Max(0, columns.Count - 1));
        if (width is not int room || total <= room)
        {
            return natural;
        }

        int[] prose = [.. Enumerable.Range(0, columns.Count).Where(i => columns[i].Kind == Cell.Prose)];
        if (prose.Length == 0)
        {
            return natural;
        }

        int left = room - (total - prose.Sum(i => natural[i]));
        int[] widths = [.. natural];
        // Narrow prose columns keep their width; the room left is shared among the wider ones.
        int share = 0;
        var open = prose.OrderBy(i => natural[i]).ToList();
        while (open.Count > 0)
        {
            share = Math.Max(0, left) / open.Count;
            if (natural[open[0]] > share)
            {
                break;
            }

            left -= natural[open[0]];
            open.RemoveAt(0);
        }

        foreach (int i in open)
        {
            int longestWord = rows.Select(r => r[i].Split(' ').Max(w => w.Length)).Append(columns[i].Header.Length).Max();
            widths[i] = Math.Min(natural[i], Math.Max(Math.Max(share, Screen.MinProseWidth), longestWord));
        }

        return widths;
    }
}
