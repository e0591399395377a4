using System.Text.Json;
using Storyline.Domain;

namespace Storyline.Sources;

/// <summary>
/// Reads JSON Lines: one article per line with <c>date</c> (or <c>published</c>), <c>text</c> (or <c>body</c>), and
/// optional <c>title</c>, <c>url</c>, <c>source</c>, <c>id</c>. Blank lines are skipped; a bad line is reported with
/// its number and the others are read.
/// </summary>
public sealed class JsonLinesReader(ReaderOptions options)
{
    /// <summary>Reads every line of <paramref name="text"/>.</summary>
    public IEnumerable<ReadResult> Read(string origin, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int lineNumber = 0;
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            lineNumber++;
            if (end - start > options.MaxLineCharacters)
            {
                yield return new ReadFailed(origin, lineNumber, $"line is {end - start:N0} characters, over the limit of {options.MaxLineCharacters:N0} (ReaderOptions.MaxLineCharacters); not parsed");
                start = end + 1;
                continue;
            }

            string line = text[start..end].Trim();
            start = end + 1;
            if (line.Length > 0)
            {
                yield return ReadLine(origin, lineNumber, line);
            }
        }
    }

    private ReadResult ReadLine(string origin, int lineNumber, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return new ReadFailed(origin, lineNumber, $"invalid JSON ({ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.')})");
        }
        catch (ArgumentException)
        {
            // Text handed over as a string can hold a lone surrogate, which cannot become the UTF-8 the parser reads.
            return new ReadFailed(origin, lineNumber, "not valid Unicode text (a lone surrogate)");
        }

        using (document)
        {
            try
            {
                return ReadReport(origin, lineNumber, document.RootElement);
            }
            catch (InvalidOperationException ex)
            {
                // A string escape that is not UTF-16 ("\ud800" alone) cannot become text.
                return new ReadFailed(origin, lineNumber, $"invalid text in a field ({ex.Message.TrimEnd('.')})");
            }
        }
    }

    private ReadResult ReadReport(string origin, int lineNumber, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ReadFailed(origin, lineNumber, "not a JSON object");
        }

        string? dateText = StringField(root, "date") ?? StringField(root, "published");
        if (!DateCheck.TryRead(dateText, options, out DateOnly date, out string reason))
        {
            return new ReadFailed(origin, lineNumber, reason);
        }

        string? body = StringField(root, "text") ?? StringField(root, "body");
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ReadFailed(origin, lineNumber, "no text (expected a 'text' or 'body' field)");
        }

        if (body.Length > options.MaxReportCharacters)
        {
            return new ReadFailed(origin, lineNumber, Limits.TextTooLong(body.Length, options));
        }

        return new ReportRead(new SourceReport(
            origin,
            lineNumber,
            date,
            body,
            Title: StringField(root, "title"),
            Url: StringField(root, "url"),
            Outlet: StringField(root, "source") ?? StringField(root, "outlet"),
            ExternalId: StringField(root, "id"),
            Author: StringField(root, "author"),
            Paywalled: root.TryGetProperty("paywalled", out JsonElement paywalled) && paywalled.ValueKind == JsonValueKind.True));
    }

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        }
        : null;
}
