using Storyline.Domain;

namespace Storyline.Sources;

/// <summary>
/// Reads the seed text format: optional leading white space, <c>date YYYY-MM-DD</c>, white space, then the body
/// with paragraphs separated by blank lines. One report per file; the file name carries no meaning.
/// </summary>
public sealed class SeedTextReader(ReaderOptions options)
{
    private const string Header = "date";

    /// <summary>Reads one report from <paramref name="text"/>, naming <paramref name="origin"/> in errors.</summary>
    public ReadResult Read(string origin, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = SkipWhiteSpace(text, 0);
        if (!text.AsSpan(i).StartsWith(Header, StringComparison.OrdinalIgnoreCase)
            || i + Header.Length >= text.Length
            || !char.IsWhiteSpace(text[i + Header.Length]))
        {
            return new ReadFailed(origin, null, "no date: a report must start with 'date YYYY-MM-DD'");
        }

        i = SkipWhiteSpace(text, i + Header.Length);
        int dateEnd = i;
        while (dateEnd < text.Length && !char.IsWhiteSpace(text[dateEnd]))
        {
            dateEnd++;
        }

        if (!DateCheck.TryRead(text[i..dateEnd], options, out DateOnly date, out string reason))
        {
            return new ReadFailed(origin, null, reason);
        }

        string body = text[dateEnd..].Trim();
        if (body.Length == 0)
        {
            return new ReadFailed(origin, null, "no text after the date");
        }

        if (body.Length > options.MaxReportCharacters)
        {
            return new ReadFailed(origin, null, Limits.TextTooLong(body.Length, options));
        }

        return new ReportRead(new SourceReport(origin, null, date, body));
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
