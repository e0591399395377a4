using System.Xml;

namespace Storyline.Sources.Feeds;

/// <summary>One entry of a feed, as the feed gives it.</summary>
/// <param name="Id">The guid or Atom id, where given.</param>
/// <param name="Title">The headline.</param>
/// <param name="Link">The address of the full report.</param>
/// <param name="Published">The publication date text (pubDate, published, dc:date; updated only when nothing else).</param>
/// <param name="Author">The author's name.</param>
/// <param name="Content">The full text, as HTML (content:encoded, Atom content).</param>
/// <param name="Summary">The description or summary, as HTML.</param>
public sealed record FeedItem(string? Id, string? Title, string? Link, string? Published, string? Author, string? Content, string? Summary);

/// <summary>A feed's name and entries.</summary>
public sealed record Feed(string? Title, string? Link, IReadOnlyList<FeedItem> Items);

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom with an <see cref="XmlReader"/>: DTDs are refused (no entity expansion),
/// the document is limited in size, and malformed XML gives a reason rather than an exception.
/// </summary>
public static class FeedParser
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    /// <summary>Whether <paramref name="text"/> looks like an RSS or Atom document.</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> start = text.TrimStart();
        if (start.Length > 4096)
        {
            start = start[..4096];
        }

        return start.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<feed", StringComparison.OrdinalIgnoreCase) && start.Contains(AtomNs, StringComparison.OrdinalIgnoreCase)
            || start.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase) && start.Contains("purl.org/rss", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a feed; <paramref name="reason"/> says why when it cannot.</summary>
    /// <remarks>
    /// A document nested deeper than <paramref name="maxDepth"/> is refused before it is loaded (see
    /// <see cref="Html.HtmlNesting"/>): walking such a tree recursively would overflow the stack.
    /// </remarks>
    public static bool TryParse(string xml, out Feed feed, out string reason, long maxCharacters = 32L * 1024 * 1024, int maxDepth = Html.HtmlArticleExtractor.DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(xml);
        feed = new Feed(null, null, []);
        if (Html.HtmlNesting.MaxDepth(xml, stopAbove: maxDepth) > maxDepth)
        {
            reason = $"feed nests elements more than {maxDepth:N0} levels deep (ReaderOptions.MaxHtmlDepth); refused unparsed";
            return false;
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = new XmlDocument { XmlResolver = null };
            document.Load(reader);
            XmlElement? root = document.DocumentElement;
            if (root is null)
            {
                reason = "not a feed: empty document";
                return false;
            }

            if (root.LocalName == "feed")
            {
                feed = ReadAtom(root);
            }
            else if (root.LocalName is "rss" or "RDF")
            {
                feed = ReadRss(root);
            }
            else
            {
                reason = $"not a feed: the document is <{root.Name}>, not <rss> or <feed>";
                return false;
            }

            reason = string.Empty;
            return true;
        }
        catch (XmlException ex)
        {
            reason = $"malformed feed XML: {ex.Message}";
            return false;
        }
    }

    private static Feed ReadRss(XmlElement root)
    {
        XmlElement? channel = Child(root, "channel");
        var items = new List<FeedItem>();
        foreach (XmlElement item in root.GetElementsByTagName("*").OfType<XmlElement>().Where(e => e.LocalName == "item"))
        {
            string? author = Text(item, "creator") ?? Text(item, "author");
            items.Add(new FeedItem(
                Text(item, "guid") ?? item.GetAttribute("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#").NullIfEmpty(),
                Text(item, "title"),
                Text(item, "link") ?? (IsPermalink(item) ? Text(item, "guid") : null),
                Text(item, "pubDate") ?? Text(item, "date") ?? Text(item, "published") ?? Text(item, "issued") ?? Text(item, "modified") ?? Text(item, "updated"),
                author,
                Text(item, "encoded"),
                Text(item, "description") ?? Text(item, "summary")));
        }

        return new Feed(channel is null ? null : Text(channel, "title"), channel is null ? null : Text(channel, "link"), items);
    }

    private static bool IsPermalink(XmlElement item)
    {
        XmlElement? guid = Child(item, "guid");
        return guid is not null && !string.Equals(guid.GetAttribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
            && guid.InnerText.Trim().StartsWith("http", StringComparison.OrdinalIgnoreCase);
    }

    private static Feed ReadAtom(XmlElement root)
    {
        var items = new List<FeedItem>();
        foreach (XmlElement entry in root.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "entry"))
        {
            XmlElement? author = Child(entry, "author");
            items.Add(new FeedItem(
                Text(entry, "id"),
                Text(entry, "title"),
                AtomLink(entry),
                Text(entry, "published") ?? Text(entry, "issued") ?? Text(entry, "created") ?? Text(entry, "updated"),
                author is null ? null : Text(author, "name") ?? author.InnerText.Trim().NullIfEmpty(),
                Text(entry, "content"),
                Text(entry, "summary")));
        }

        return new Feed(Text(root, "title"), AtomLink(root), items);
    }

    private static string? AtomLink(XmlElement element)
    {
        string? any = null;
        foreach (XmlElement link in element.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "link"))
        {
            string rel = link.GetAttribute("rel");
            string href = link.GetAttribute("href");
            if (href.Length == 0)
            {
                continue;
            }

            if (rel.Length == 0 || rel == "alternate")
            {
                return href;
            }

            any ??= href;
        }

        return any;
    }

    private static XmlElement? Child(XmlElement parent, string localName) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == localName);

    private static string? Text(XmlElement parent, string localName) => Child(parent, localName)?.InnerText.Trim().NullIfEmpty();

    private static string? NullIfEmpty(this string s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
