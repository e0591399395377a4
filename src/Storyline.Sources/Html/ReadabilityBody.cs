using AngleSharp.Dom;
using SmartReader;

namespace Storyline.Sources.Html;

/// <summary>The article SmartReader finds: its text as SmartReader gives it, and the same text as our blocks.</summary>
/// <param name="Text">SmartReader's plain text of the article, paragraphs separated by blank lines.</param>
/// <param name="Paragraphs">The article's text cut into the blocks the project's own extractor uses.</param>
internal sealed record ReadabilityArticle(string Text, IReadOnlyList<string> Paragraphs)
{
    public static readonly ReadabilityArticle None = new(string.Empty, []);
}

/// <summary>
/// Runs SmartReader (a C# port of Mozilla's Readability) on a page, with its default settings. Its body is then
/// compared with the project's own, block by block (<see cref="BodyEnsemble"/>).
/// </summary>
internal static class ReadabilityBody
{
    // Readability resolves links against the page's address; any absolute address does when none is known.
    private const string NoAddress = "http://localhost/";

    // Readability gives up on a page with more elements than this (news pages have a few thousand); the page is then
    // left to our own extractor rather than held up.
    private const int MaxElements = 100_000;

    /// <summary>
    /// The article Readability finds in <paramref name="html"/>; <see cref="ReadabilityArticle.None"/> when it finds none
    /// or fails. Its own plain text is made only when <paramref name="withText"/> (it costs a walk of the article).
    /// </summary>
    public static ReadabilityArticle Extract(string html, string? url, bool withText = true)
    {
        string address = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : NoAddress;
        List<string> paragraphs = [];
        try
        {
            using var reader = new Reader(address, html) { MaxElemsToParse = MaxElements };

            // The operations run at the end are handed the article's element: its text is cut into our blocks there.
            reader.AddCustomOperationEnd(root => paragraphs = Paragraphs(root));
            Article article = reader.GetArticle();
            return new ReadabilityArticle(withText ? (article.TextContent ?? string.Empty).Trim() : string.Empty, paragraphs);
        }
#pragma warning disable CA1031 // A third-party library failing on one odd page must not stop the read: our own extractor still runs.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ReadabilityArticle.None;
        }
    }

    private static List<string> Paragraphs(IElement root)
    {
        var paragraphs = new List<string>();
        foreach (TextBlock block in TextBlocks.Build(root))
        {
            paragraphs.Add(block.Text);
        }

        return paragraphs;
    }
}
