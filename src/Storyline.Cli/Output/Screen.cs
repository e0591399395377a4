using System.Text;

namespace Storyline.Cli.Output;

/// <summary>
/// Where text for people is written: the one place every string from a report reaches the terminal (through
/// <see cref="Clean"/>). Output is whole lines. On a terminal, prose is wrapped at spaces to its width; numbers,
/// dates, names and keys never are. When standard output is not a terminal (a pipe, a file), nothing is wrapped.
/// </summary>
internal sealed class Screen(TextWriter writer, int? width)
{
    /// <summary>The narrowest a wrapped column or paragraph is made, however narrow the terminal.</summary>
    public const int MinProseWidth = 16;

    /// <summary>The terminal's width, or null when the output is not a terminal (no wrapping).</summary>
    public int? Width { get; } = width is > 0 ? width : null;

    /// <summary>
    /// Text as it may be shown: line breaks and tabs become spaces, other control characters are dropped. Every
    /// string that reaches the terminal goes through here (issue 23 adds the escape-sequence rules at this point).
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? clean = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool keep = !char.IsControl(c);
            if (keep && clean is null)
            {
                continue;
            }

            clean ??= new StringBuilder(text, 0, i, text.Length);
            if (keep)
            {
                clean.Append(c);
            }
            else if (c is '\n' or '\r' or '\t')
            {
                clean.Append(' ');
            }
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>A blank line.</summary>
    public void Line() => writer.WriteLine();

    /// <summary>A paragraph of prose, wrapped at spaces on a terminal; <paramref name="indent"/> starts its later lines.</summary>
    public void Line(string text, string indent = "")
    {
        int? wrapAt = Width is int w ? Math.Max(MinProseWidth, w - indent.Length) : null;
        bool first = true;
        foreach (string line in Wrap(Clean(text), wrapAt))
        {
            writer.WriteLine(first ? line : indent + line);
            first = false;
        }
    }

    /// <summary>A table (see <see cref="TextTable"/>), with its title above it and a blank line after.</summary>
    public void Write(TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (string line in table.Render(Width))
        {
            writer.WriteLine(line);
        }

        writer.WriteLine();
    }

    /// <summary>Writes what is buffered.</summary>
    public void Flush() => writer.Flush();

    /// <summary>
    /// <paramref name="text"/> cut at spaces into lines of at most <paramref name="width"/> characters (a single word
    /// longer than that is a line of its own, whole); all of it on one line where <paramref name="width"/> is null.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int? width)
    {
        if (width is not int w || text.Length <= w)
        {
            return [text];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > w)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }
}
