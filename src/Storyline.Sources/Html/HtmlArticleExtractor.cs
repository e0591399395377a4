using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Sources.Html;

/// <summary>An article as found in a web page.</summary>
/// <param name="Body">The article text, paragraphs separated by a blank line; empty when none was found.</param>
/// <param name="Title">The headline.</param>
/// <param name="Published">The original publication day, where the page gives one.</param>
/// <param name="PublishedFrom">Where the date was found ("JSON-LD datePublished", "meta article:published_time", "address", …).</param>
/// <param name="Outlet">The publisher or site name; the host name when nothing better is given.</param>
/// <param name="Author">The byline's name or names.</param>
/// <param name="Url">The page's address (canonical where the page names one).</param>
/// <param name="Paywalled">Whether the page shows only a teaser of a paid article.</param>
public sealed record HtmlArticle(
    string Body,
    string? Title,
    DateOnly? Published,
    string? PublishedFrom,
    string? Outlet,
    string? Author,
    string? Url,
    bool Paywalled)
{
    /// <summary>Which extractor gave the body.</summary>
    public BodySource BodyFrom { get; init; }
}

/// <summary>
/// Extracts the article from a web page: body, headline, publication date, outlet, author, and whether it is a
/// paywalled teaser. The body comes from SmartReader and the project's own block scorer together
/// (<see cref="BodyEnsemble"/>), or from either alone; everything else from the page's metadata and visible lines.
/// Stateless and thread-safe.
/// </summary>
public sealed partial class HtmlArticleExtractor
{
    /// <summary>The nesting depth pages are refused beyond, unless another is given.</summary>
    public const int DefaultMaxDepth = 512;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };
    private readonly int maxDepth;
    private readonly BodyExtraction bodyExtraction;

    /// <summary>
    /// An extractor that refuses pages nested deeper than <paramref name="maxDepth"/> (see <see cref="HtmlNesting"/>)
    /// and finds the body with <paramref name="body"/>.
    /// </summary>
    public HtmlArticleExtractor(int maxDepth = DefaultMaxDepth, BodyExtraction body = BodyExtraction.Ensemble)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        if (!Enum.IsDefined(body))
        {
            throw new ArgumentOutOfRangeException(nameof(body), body, "not a way of extracting the body");
        }

        this.maxDepth = maxDepth;
        bodyExtraction = body;
    }

    /// <summary>
    /// Extracts the article from <paramref name="html"/>; <paramref name="url"/> is where it came from, where known.
    /// A page nested too deeply to parse safely gives an empty article; <see cref="TryExtract"/> says why.
    /// </summary>
    public HtmlArticle Extract(string html, string? url = null) =>
        TryExtract(html, url, out HtmlArticle article, out _) ? article : new HtmlArticle(string.Empty, null, null, null, null, null, url, false);

    /// <summary>
    /// Extracts the article, or says why the page cannot be read safely (nested deeper than the limit: parsing it
    /// would take minutes and walking it could overflow the stack).
    /// </summary>
    public bool TryExtract(string html, string? url, out HtmlArticle article, out string reason)
    {
        ArgumentNullException.ThrowIfNull(html);
        int depth = HtmlNesting.MaxDepth(html, stopAbove: maxDepth);
        if (depth > maxDepth)
        {
            article = new HtmlArticle(string.Empty, null, null, null, null, null, url, false);
            reason = $"page nests elements more than {maxDepth:N0} levels deep (ReaderOptions.MaxHtmlDepth); refused unparsed";
            return false;
        }

        article = Parse(html, url);
        reason = string.Empty;
        return true;
    }

    private HtmlArticle Parse(string html, string? url)
    {
        var parser = new HtmlParser(ParserOptions);
        using IDocument document = parser.ParseDocument(RepairTitle(html));
        PageMetadata meta = PageMetadata.Read(document);
        string? title = CleanTitle(meta);
        DateOnly? published = meta.Published;
        string? publishedFrom = meta.PublishedSource;
        if (published is null && TimeElementDate(document) is DateOnly fromTime)
        {
            published = fromTime;
            publishedFrom = "time element";
        }

        string? address = url ?? meta.Url;
        if (published is null && (DateText.TryFromUrl(address, out DateOnly fromUrl) || DateText.TryFromUrl(meta.Url, out fromUrl)))
        {
            published = fromUrl;
            publishedFrom = "address";
        }

        ContentResult content = ContentExtractor.Extract(document, title ?? meta.Heading);
        (string body, BodySource bodyFrom) = Body(html, url ?? meta.Url, content, title ?? meta.Heading, meta.ArticleBody);
        if (published is null && VisibleDate(content) is DateOnly visible)
        {
            published = visible;
            publishedFrom = "dateline";
        }

        string? author = meta.Author ?? Byline(content);
        string? outlet = meta.Outlet ?? Host(address);
        bool paywalled = meta.NotFreeToRead || HasPaywallMarkup(document) || LooksLikeTeaser(body);
        return new HtmlArticle(body, title, published, publishedFrom, outlet?.Trim(), author, Absolute(meta.Url, url) ?? url, paywalled) { BodyFrom = bodyFrom };
    }

    private (string Body, BodySource From) Body(string html, string? url, ContentResult own, string? title, string? articleBody)
    {
        if (bodyExtraction == BodyExtraction.Own)
        {
            return (own.Body, own.Body.Length > 0 ? BodySource.Own : BodySource.None);
        }

        ReadabilityArticle readability = ReadabilityBody.Extract(html, url, withText: bodyExtraction == BodyExtraction.Readability);
        if (bodyExtraction == BodyExtraction.Readability)
        {
            return (readability.Text, readability.Text.Length > 0 ? BodySource.Readability : BodySource.None);
        }

        (IReadOnlyList<string> paragraphs, BodySource from) = BodyEnsemble.Combine(own.Blocks, own.Page, own.Kept, readability.Paragraphs, title, articleBody);
        return (string.Join("\n\n", paragraphs), from);
    }

    /// <summary>Whether text looks like an HTML page rather than seed text, JSON or a feed.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> start = text.TrimStart();
        if (start.Length > 2048)
        {
            start = start[..2048];
        }

        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<", StringComparison.Ordinal) && (start.Contains("<html", StringComparison.OrdinalIgnoreCase) || start.Contains("<body", StringComparison.OrdinalIgnoreCase) || start.Contains("<head", StringComparison.OrdinalIgnoreCase)));
    }

    // A <title> that is never closed swallows the whole page in an HTML5 parser (its content is raw text up to
    // </title>). Old pages do this; browsers of their day ended the title at the next tag, and so do we.
    internal static string RepairTitle(string html)
    {
        Match open = TitleOpen().Match(html);
        if (!open.Success)
        {
            return html;
        }

        int start = open.Index + open.Length;
        int close = html.IndexOf("</title", start, StringComparison.OrdinalIgnoreCase);
        if (close >= 0 && close - start < 1000)
        {
            return html;
        }

        int end = html.IndexOfAny(['<', '\n'], start);
        return end < 0 ? html : string.Concat(html.AsSpan(0, end), "</title>", html.AsSpan(end));
    }

    private static string? CleanTitle(PageMetadata meta)
    {
        string? title = meta.Title ?? meta.Heading ?? meta.HtmlTitle;
        title = PageMetadata.Collapse(title);
        if (string.IsNullOrEmpty(title))
        {
            return null;
        }

        // "<headline> - <site>" or "<site> | <headline>": keep the longest part when the title came from <title>.
        if (ReferenceEquals(title, meta.HtmlTitle) || title == meta.HtmlTitle)
        {
            string[] parts = TitleSeparators().Split(title);
            if (parts.Length > 1)
            {
                title = parts.OrderByDescending(p => TextBlocks.CountWords(p)).First().Trim();
            }
        }

        return title;
    }

    // <time> marked as the publication time first; then the first <time datetime> outside comments and side lists.
    private static DateOnly? TimeElementDate(IDocument document)
    {
        foreach (string selector in new[] { "time[pubdate]", "time[itemprop='datePublished']", "[itemprop='datePublished'][datetime]", "[itemprop='datePublished'][content]" })
        {
            IElement? marked = document.QuerySelector(selector);
            string? value = marked?.GetAttribute("datetime") ?? marked?.GetAttribute("content");
            if (DateText.TryParse(value, out DateOnly date))
            {
                return date;
            }
        }

        foreach (IElement time in document.QuerySelectorAll("time[datetime]"))
        {
            if (InSidePart(time) || IsUpdateStamp(time))
            {
                continue;
            }

            if (DateText.TryParse(time.GetAttribute("datetime"), out DateOnly date))
            {
                return date;
            }
        }

        return null;
    }

    private static bool IsUpdateStamp(IElement time)
    {
        string around = (time.ClassName ?? string.Empty) + " " + (time.ParentElement?.TextContent ?? string.Empty);
        return around.Contains("updated", StringComparison.OrdinalIgnoreCase) && !around.Contains("publish", StringComparison.OrdinalIgnoreCase)
            || around.Contains("modified", StringComparison.OrdinalIgnoreCase);
    }

    private static bool InSidePart(IElement element)
    {
        for (IElement? e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "aside" or "nav" or "footer" || ClassHints.IsBoilerplatePart(e))
            {
                return true;
            }
        }

        return false;
    }

    // A date written in the lines around the start of the article: the byline or dateline ("Published September 12,
    // 2023"), looked for from a few blocks before the body to its first paragraphs. "Updated" lines are passed over
    // when another date is there.
    private static DateOnly? VisibleDate(ContentResult content)
    {
        List<TextBlock> blocks = content.Blocks;
        int first = content.Root is null ? 0 : blocks.FindIndex(b => IsInside(b.Owner, content.Root));
        if (first < 0)
        {
            first = 0;
        }

        DateOnly? updated = null;
        for (int i = Math.Max(0, first - 8); i < Math.Min(blocks.Count, first + 6); i++)
        {
            string text = blocks[i].Text;
            if (text.Length > 400 || !DateText.TryFindWritten(text, out DateOnly date))
            {
                continue;
            }

            if (text.Contains("updated", StringComparison.OrdinalIgnoreCase) || text.Contains("modified", StringComparison.OrdinalIgnoreCase))
            {
                updated ??= date;
                continue;
            }

            return date;
        }

        return updated;
    }

    // "By Jane Smith" as its own short line near the start of the article.
    private static string? Byline(ContentResult content)
    {
        List<TextBlock> blocks = content.Blocks;
        int first = content.Root is null ? 0 : blocks.FindIndex(b => IsInside(b.Owner, content.Root));
        for (int i = Math.Max(0, first - 8); i >= 0 && i < Math.Min(blocks.Count, first + 4); i++)
        {
            Match m = BylineLine().Match(blocks[i].Text);
            if (m.Success && !InSidePart(blocks[i].Owner) && PageMetadata.PlausibleAuthor(m.Groups["name"].Value) is string name)
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsInside(IElement element, IElement ancestor)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
        {
            if (ReferenceEquals(e, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPaywallMarkup(IDocument document) =>
        document.QuerySelector(".paywall, #paywall, [class*='paywall'], [id*='paywall'], [data-paywall], .subscriber-only, .premium-content, [class*='meteredContent'], [class*='piano-'], .tp-modal") is not null;

    private static bool LooksLikeTeaser(string body)
    {
        int words = TextBlocks.CountWords(body);
        return words < 200 && BoilerplateCues.SubscriptionPrompts.Any(p => body.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Host(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Host.Length > 0
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host)
            : null;

    private static string? Absolute(string? candidate, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return null;
        }

        if (Uri.TryCreate(candidate, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute.ToString();
        }

        return Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? b) && Uri.TryCreate(b, candidate, out Uri? combined) ? combined.ToString() : null;
    }

    [GeneratedRegex(@"<title\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleOpen();

    [GeneratedRegex(@"\s+[|\u2013\u2014:-]\s+|\s+::\s+", RegexOptions.CultureInvariant)]
    private static partial Regex TitleSeparators();

    [GeneratedRegex(@"^\s*By\s+(?<name>[\p{Lu}][\p{L}.'\-]+(?:\s+(?:[\p{Lu}][\p{L}.'\-]*|and|de|van|von|da|del|la|le|bin|al)){0,5})", RegexOptions.CultureInvariant)]
    private static partial Regex BylineLine();
}
