using System.Globalization;
using System.Text.Json;
using Storyline.Domain;

namespace Storyline.Evaluation.Quotes;

/// <summary>A gold quotation of the Gender Gap Tracker set, as annotated.</summary>
/// <param name="Text">The quoted or reported words (a direct quote with its marks).</param>
/// <param name="Speaker">The speaker's words in the text ("she", "Justin Trudeau"); empty for a floating quote, whose
/// speaker is named in an earlier sentence.</param>
/// <param name="Reference">The speaker's resolved name ("Darian Lonechild").</param>
/// <param name="Verb">The reporting verb, where annotated.</param>
/// <param name="QuoteAt">Where the annotation tool put the quote (its offsets are into another version of the text:
/// a hint for choosing among repeated occurrences, never a position).</param>
/// <param name="SpeakerAt">Where the annotation tool put the speaker, likewise a hint; -1 when none.</param>
public sealed record GgtQuote(string Text, string Speaker, string Reference, int QuoteAt, int SpeakerAt, string Verb = "");

/// <summary>An article of the Gender Gap Tracker set: its id, outlet, text and gold quotations in annotation order.</summary>
/// <param name="Id">The article id (<c>rawtext/ID.txt</c>).</param>
/// <param name="Outlet">The outlet ("CBC News").</param>
/// <param name="Text">The released article text.</param>
/// <param name="AnnotatedLength">Length of the text the annotation offsets point into, to scale the position hints.</param>
/// <param name="Quotes">Its gold quotations.</param>
public sealed record GgtArticle(string Id, string Outlet, string Text, int AnnotatedLength, IReadOnlyList<GgtQuote> Quotes);

/// <summary>A gold quotation placed in the text being scored.</summary>
/// <param name="Quote">The annotation.</param>
/// <param name="Span">Where its words are; null when they are not in the text (removed by cleaning, or edited).</param>
/// <param name="SpeakerSpan">Where its speaker's words are; null for a floating quote or when not found.</param>
public sealed record PlacedGgtQuote(GgtQuote Quote, TextSpan? Span, TextSpan? SpeakerSpan);

/// <summary>
/// Reads the Gender Gap Tracker quote-extraction gold set (<c>annotations.jsonl</c>, one article a line, and
/// <c>rawtext/ID.txt</c>). The annotation offsets do not line up with the released text (see the set's SOURCE.txt), so
/// quotes and speakers are placed by their words (<see cref="Place"/>), the offsets serving only to choose among
/// repeated occurrences.
/// </summary>
public static class GgtReader
{
    /// <summary>Whether <paramref name="folder"/> has the Gender Gap Tracker layout.</summary>
    public static bool IsGgtFolder(string folder) =>
        File.Exists(Path.Combine(folder, "annotations.jsonl")) && Directory.Exists(Path.Combine(folder, "rawtext"));

    /// <summary>Every annotated article with a text, in id order.</summary>
    /// <exception cref="InvalidDataException">A line of annotations.jsonl is not an article, naming the file and line.</exception>
    public static IReadOnlyList<GgtArticle> ReadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        string annotations = Path.Combine(folder, "annotations.jsonl");
        var articles = new List<GgtArticle>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(annotations))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            GgtArticle? article;
            try
            {
                article = Parse(line, id => Path.Combine(folder, "rawtext", id + ".txt"));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{annotations}:{lineNumber}: not a Gender Gap Tracker article ({e.Message})", e);
            }

            if (article is not null)
            {
                articles.Add(article);
            }
        }

        return [.. articles.OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>One line of annotations.jsonl, with its text read from the path <paramref name="textPath"/> gives; null when that file is missing.</summary>
    public static GgtArticle? Parse(string line, Func<string, string> textPath)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(textPath);
        using JsonDocument json = JsonDocument.Parse(line);
        JsonElement root = json.RootElement;
        string id = root.GetProperty("_id").GetString() ?? throw new FormatException("_id is null");
        string path = textPath(id);
        if (!File.Exists(path))
        {
            return null;
        }

        string annotated = root.TryGetProperty("articleBodyText", out JsonElement body) && body.ValueKind == JsonValueKind.String ? body.GetString()! : string.Empty;
        var quotes = new List<GgtQuote>();
        foreach (JsonElement q in root.GetProperty("quotations").EnumerateArray())
        {
            quotes.Add(new GgtQuote(
                Field(q, "quote"),
                Field(q, "speaker").Trim(),
                Field(q, "reference").Trim(),
                StartOf(Field(q, "quote_index")),
                StartOf(Field(q, "speaker_index")),
                Field(q, "verb").Trim()));
        }

        string outlet = root.TryGetProperty("outlet", out JsonElement o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : string.Empty;
        return new GgtArticle(id, outlet, File.ReadAllText(path), annotated.Length, quotes);
    }

    /// <summary>
    /// Places the gold quotes of <paramref name="article"/> in <paramref name="text"/> (the text being scored, e.g. the
    /// cleaned body): each quote at the occurrence of its words nearest to where the annotation put it (scaled to this
    /// text's length), preferring one no earlier quote took; each speaker at the whole-word occurrence of its words
    /// nearest to where the annotation put it relative to the quote.
    /// </summary>
    public static IReadOnlyList<PlacedGgtQuote> Place(GgtArticle article, string text)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(text);
        double scale = article.AnnotatedLength > 0 ? (double)text.Length / article.AnnotatedLength : 1;
        var taken = new HashSet<int>();
        var placed = new List<PlacedGgtQuote>(article.Quotes.Count);
        foreach (GgtQuote quote in article.Quotes)
        {
            string words = quote.Text.Trim();
            int hint = quote.QuoteAt >= 0 ? (int)(quote.QuoteAt * scale) : 0;
            List<int> occurrences = Occurrences(text, words, wholeWords: false);
            List<int> free = [.. occurrences.Where(o => !taken.Contains(o))];
            int at = Nearest(free.Count > 0 ? free : occurrences, hint);
            if (at < 0 || words.Length == 0)
            {
                placed.Add(new PlacedGgtQuote(quote, null, null));
                continue;
            }

            taken.Add(at);
            TextSpan? speaker = null;
            if (quote.Speaker.Length > 0)
            {
                int expected = quote.SpeakerAt >= 0 && quote.QuoteAt >= 0 ? at + (quote.SpeakerAt - quote.QuoteAt) : at;
                int s = Nearest(Occurrences(text, quote.Speaker, wholeWords: true), expected);
                speaker = s >= 0 ? new TextSpan(s, quote.Speaker.Length) : null;
            }

            placed.Add(new PlacedGgtQuote(quote, new TextSpan(at, words.Length), speaker));
        }

        return placed;
    }

    private static string Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    // "(35,238)" → 35; anything else → -1.
    private static int StartOf(string index)
    {
        string[] parts = index.Trim().Trim('(', ')').Split(',');
        return parts.Length == 2 && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int start) ? start : -1;
    }

    private static List<int> Occurrences(string text, string words, bool wholeWords)
    {
        var found = new List<int>();
        if (words.Length == 0)
        {
            return found;
        }

        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            int end = at + words.Length;
            if (!wholeWords || ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))))
            {
                found.Add(at);
            }
        }

        return found;
    }

    private static int Nearest(List<int> occurrences, int hint) =>
        occurrences.Count == 0 ? -1 : occurrences.MinBy(o => Math.Abs(o - hint));
}
