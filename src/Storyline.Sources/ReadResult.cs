using Storyline.Domain;

namespace Storyline.Sources;

/// <summary>What reading one report, or one bad piece of input, gave.</summary>
public abstract record ReadResult
{
    private protected ReadResult()
    {
    }

    /// <summary>Where it came from, as messages show it ("feed.jsonl:12").</summary>
    public abstract string Location { get; }
}

/// <summary>A report that was read.</summary>
public sealed record ReportRead(SourceReport Report) : ReadResult
{
    /// <inheritdoc />
    public override string Location => Report.Location;
}

/// <summary>Input that could not be read as a report, and why.</summary>
/// <param name="Origin">The file, folder, pattern or "stdin".</param>
/// <param name="Line">The line, where the format has lines.</param>
/// <param name="Reason">Why, in words a user can act on.</param>
public sealed record ReadFailed(string Origin, int? Line, string Reason) : ReadResult
{
    /// <inheritdoc />
    /// <remarks>
    /// Control characters in the name (a newline, an escape sequence in a hostile file name) are shown escaped
    /// (<c>\n</c>, <c>\u001B</c>), so that one failure is always one line and cannot write to the terminal.
    /// </remarks>
    public override string Location => Line is int line ? $"{Printable(Origin)}:{line}" : Printable(Origin);

    /// <summary><paramref name="text"/> with its control characters escaped.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Printable(Reason)}";
}
