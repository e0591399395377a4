using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Storyline.Sources.Html;

/// <summary>
/// What a page says about itself in machine-readable form: JSON-LD (schema.org NewsArticle and kin), meta tags
/// (Open Graph, Dublin Core, Parse.ly, Sailthru, itemprop) and the title element. Read before the body is cut.
/// </summary>
internal sealed partial class PageMetadata
{
    // Meta names, most trusted first, that give the original publication time (never the modification time).
    private static readonly string[] PublishedNames =
    [
        "article:published_time", "og:article:published_time", "datepublished", "article.published", "published_time",
        "og:published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date.created",
        "dcterms.created", "dc.date", "dcterms.date", "citation_publication_date", "pubdate", "publishdate", "publish-date",
        "publish_date", "publication_date", "originalpublicationdate", "date", "displaydate", "article_date_original",
        "cxenseparse:recs:publishtime", "og:pubdate", "datecreated",
    ];

    private static readonly string[] AuthorNames =
    [
        "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "citation_author",
    ];

    private static readonly string[] ArticleTypes =
    [
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle",
        "LiveBlogPosting", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "TechArticle", "ScholarlyArticle",
    ];

    public string? Title { get; private set; }

    public string? HtmlTitle { get; private set; }

    public string? Heading { get; private set; }

    public DateOnly? Published { get; private set; }

    public string? PublishedSource { get; private set; }

    public string? Author { get; private set; }

    public string? Outlet { get; private set; }

    public string? Url { get; private set; }

    public bool NotFreeToRead { get; private set; }

    /// <summary>The article's text as the page's JSON-LD gives it (<c>articleBody</c>), where it does.</summary>
    public string? ArticleBody { get; private set; }

    public static PageMetadata Read(IDocument document)
    {
        var meta = new PageMetadata();
        meta.ReadJsonLd(document);
        meta.ReadMeta(document);
        meta.ReadElements(document);
        return meta;
    }

    private void ReadJsonLd(IDocument document)
    {
        foreach (IElement script in document.QuerySelectorAll("script[type]"))
        {
            if (!(script.GetAttribute("type") ?? string.Empty).Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using JsonDocument json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions
                {
                    AllowTrailingCommas = true,
                    CommentHandling = JsonCommentHandling.Skip,
                    MaxDepth = 64,
                });
                Visit(json.RootElement, 0);
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common; the meta tags and the page itself still speak.
            }
        }
    }

    private void Visit(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out JsonElement graph))
        {
            Visit(graph, depth + 1);
        }

        if (!IsArticle(element))
        {
            return;
        }

        Title ??= Str(element, "headline");
        if (Published is null && (Str(element, "datePublished") ?? Str(element, "dateCreated")) is string published
            && DateText.TryParse(published, out DateOnly date))
        {
            Published = date;
            PublishedSource = "JSON-LD datePublished";
        }

        Author ??= Name(element, "author") ?? Name(element, "creator");
        Outlet ??= Name(element, "publisher");
        ArticleBody ??= Str(element, "articleBody");
        Url ??= Str(element, "url") ?? Str(element, "mainEntityOfPage");
        if (IsFalse(element, "isAccessibleForFree"))
        {
            NotFreeToRead = true;
        }

        if (element.TryGetProperty("hasPart", out JsonElement parts))
        {
            foreach (JsonElement part in parts.ValueKind == JsonValueKind.Array ? parts.EnumerateArray() : Enumerable.Repeat(parts, 1))
            {
                if (part.ValueKind == JsonValueKind.Object && IsFalse(part, "isAccessibleForFree"))
                {
                    NotFreeToRead = true;
                }
            }
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out JsonElement type))
        {
            return false;
        }

        IEnumerable<JsonElement> types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray() : [type];
        return types.Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString(), StringComparer.OrdinalIgnoreCase));
    }

    private static bool IsFalse(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value)
        && (value.ValueKind == JsonValueKind.False
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "false", StringComparison.OrdinalIgnoreCase)));

    private static string? Str(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => NullIfEmpty(value.GetString()),
            JsonValueKind.Object => Str(value, "@id"),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => NullIfEmpty(value[0].GetString()),
            _ => null,
        };
    }

    // A person or organisation: a string, an object with a name, or a list of them (joined with "and").
    private static string? Name(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out JsonElement value))
        {
            return null;
        }

        var names = new List<string>();
        foreach (JsonElement item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : Enumerable.Repeat(value, 1))
        {
            string? n = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => Str(item, "name"),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(n) && !n.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                names.Add(n.Trim());
            }
        }

        return names.Count == 0 ? null : string.Join(" and ", names.Distinct(StringComparer.Ordinal));
    }

    private void ReadMeta(IDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IElement meta in document.QuerySelectorAll("meta"))
        {
            string? key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
            string? content = meta.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(content))
            {
                values.TryAdd(key.Trim(), content.Trim());
            }
        }

        if (Published is null)
        {
            foreach (string name in PublishedNames)
            {
                if (values.TryGetValue(name, out string? text) && DateText.TryParse(text, out DateOnly date))
                {
                    Published = date;
                    PublishedSource = "meta " + name;
                    break;
                }
            }
        }

        if (Published is null && values.TryGetValue("parsely-page", out string? parsely))
        {
            Match m = ParselyPubDate().Match(parsely);
            if (m.Success && DateText.TryParse(m.Groups[1].Value, out DateOnly date))
            {
                Published = date;
                PublishedSource = "meta parsely-page";
            }
        }

        foreach (string name in AuthorNames)
        {
            if (Author is not null)
            {
                break;
            }

            if (values.TryGetValue(name, out string? author) && PlausibleAuthor(author) is string cleaned)
            {
                Author = cleaned;
            }
        }

        Title ??= values.GetValueOrDefault("og:title") ?? values.GetValueOrDefault("twitter:title") ?? values.GetValueOrDefault("headline");
        Outlet ??= values.GetValueOrDefault("og:site_name") ?? values.GetValueOrDefault("application-name") ?? values.GetValueOrDefault("publisher");
        Url ??= values.GetValueOrDefault("og:url");
        if (values.TryGetValue("article:content_tier", out string? tier) && !string.Equals(tier, "free", StringComparison.OrdinalIgnoreCase))
        {
            NotFreeToRead = true;
        }
    }

    private void ReadElements(IDocument document)
    {
        HtmlTitle = NullIfEmpty(Collapse(document.QuerySelector("title")?.TextContent));
        Heading = NullIfEmpty(Collapse(document.QuerySelector("h1")?.TextContent));
        if (Title is null)
        {
            Title = Heading ?? HtmlTitle;
        }

        if (Author is null)
        {
            IElement? rel = document.QuerySelector("a[rel~='author'], [itemprop='author'] [itemprop='name'], [itemprop='author']");
            if (rel is not null && PlausibleAuthor(Collapse(rel.TextContent)) is string author)
            {
                Author = author;
            }
        }

        Url ??= document.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
    }

    /// <summary>A name as a byline gives it, without "By", or nothing where it is a prompt, an address or too long.</summary>
    internal static string? PlausibleAuthor(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string s = Collapse(text)!;
        Match by = ByPrefix().Match(s);
        if (by.Success)
        {
            s = s[by.Length..];
        }

        s = s.Trim(' ', ',', '|', '-', '\u2014');
        if (s.Length < 3 || s.Length > 80 || s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.Contains('@', StringComparison.Ordinal)
            || s.Contains("email", StringComparison.OrdinalIgnoreCase) || s.Contains("e-mail", StringComparison.OrdinalIgnoreCase)
            || s.Contains("follow", StringComparison.OrdinalIgnoreCase) || s.Contains("contact", StringComparison.OrdinalIgnoreCase)
            || s.Contains("more from", StringComparison.OrdinalIgnoreCase) || s.Contains("view all", StringComparison.OrdinalIgnoreCase)
            || TextBlocks.CountWords(s) > 10 || !char.IsLetter(s[0]))
        {
            return null;
        }

        return s;
    }

    internal static string? Collapse(string? text) => text is null ? null : Spaces().Replace(text, " ").Trim();

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"""pub_date""\s*:\s*""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex ParselyPubDate();

    [GeneratedRegex(@"^\s*(?:written\s+)?by[:\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
