using System.Text;
using AngleSharp.Dom;

namespace Storyline.Sources.Html;

/// <summary>
/// Finds the article body in a parsed page. The page is cut into text blocks; each block is worth its unlinked words
/// when it reads like running text and costs its words when it reads like navigation (short, mostly links); the
/// element whose blocks are worth the most is the article. Inside it, blocks that are links, boilerplate lines or
/// in a part marked as comments, sharing, related links or the like are dropped.
/// </summary>
internal static class ContentExtractor
{
    // Elements that never hold article text. <noscript> is not one of them: a page that builds its article with a
    // script (a blog platform's post in a template) gives the text to readers without scripts there.
    private static readonly string[] Unwanted =
    [
        "script", "style", "template", "iframe", "svg", "canvas", "object", "embed", "select", "option",
        "button", "input", "textarea", "head", "link", "meta", "map", "audio", "video", "source", "picture",
    ];

    public static ContentResult Extract(IDocument document, string? title)
    {
        if (Segment(document) is not (IElement body, List<TextBlock> blocks))
        {
            return new ContentResult(string.Empty, null, null, [], []);
        }

        if (blocks.Count == 0)
        {
            return new ContentResult(string.Empty, null, body, blocks, []);
        }

        IElement root = FindRoot(body, blocks);
        List<TextBlock> kept = Keep(blocks, root, title);
        return new ContentResult(Join(kept), root, body, blocks, kept);
    }

    /// <summary>The page's body without the elements that never hold article text, cut into blocks (furniture marked).</summary>
    public static (IElement Body, List<TextBlock> Blocks)? Segment(IDocument document)
    {
        IElement? body = document.Body ?? document.DocumentElement;
        if (body is null)
        {
            return null;
        }

        RemoveUnwanted(body);
        List<TextBlock> blocks = TextBlocks.Build(body);
        MarkHintedBlocks(body, blocks);
        return (body, blocks);
    }

    /// <summary>
    /// The blocks under <paramref name="root"/> that are article text: not in a part marked as comments, sharing or
    /// the like, not link lists or furniture lines, not after the readers' comments open, not a short line at either end.
    /// </summary>
    public static List<TextBlock> Keep(List<TextBlock> blocks, IElement root, string? title, Func<TextBlock, bool>? candidate = null)
    {
        int rootWords = 0;
        var inRoot = new List<TextBlock>();
        foreach (TextBlock block in blocks)
        {
            if (IsInside(block.Owner, root))
            {
                inRoot.Add(block);
                rootWords += block.Words;
            }
        }

        var excluded = new Dictionary<IElement, bool>();
        var kept = new List<TextBlock>();
        int paragraphs = 0;
        foreach (TextBlock block in inRoot)
        {
            // The heading of the readers' comments ends the article once it has begun (two paragraphs of running
            // text), however long the thread: comments can outweigh the article they follow.
            if (paragraphs >= 2 && BoilerplateCues.IsCommentsHeading(block.Text, block.Words))
            {
                break;
            }

            if ((candidate is not null && !candidate(block)) || InExcludedPart(block.Owner, root, rootWords, excluded) || IsBoilerplate(block, title))
            {
                continue;
            }

            kept.Add(block);
            paragraphs += IsRunningText(block) ? 1 : 0;
        }

        CutAtComments(kept);
        TrimEdges(kept);
        return kept;
    }

    /// <summary>The blocks' text, paragraphs separated by a blank line.</summary>
    public static string Join(IEnumerable<TextBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (TextBlock block in blocks)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(block.Text);
        }

        return sb.ToString();
    }

    private static void RemoveUnwanted(IElement body)
    {
        foreach (string tag in Unwanted)
        {
            foreach (IElement element in body.GetElementsByTagName(tag).ToList())
            {
                element.Remove();
            }
        }

        foreach (IElement element in body.QuerySelectorAll("[hidden],[style],[aria-hidden='true']").ToList())
        {
            string style = element.GetAttribute("style") ?? string.Empty;
            bool hidden = element.HasAttribute("hidden")
                || style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase)
                || style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
            if (hidden && element.ParentElement is not null)
            {
                element.Remove();
            }
        }
    }

    // A block inside a part whose class or id names comments, sharing, related links and the like is furniture, unless
    // that part holds most of the page (a wrapper named "page-with-sidebar").
    private static void MarkHintedBlocks(IElement body, List<TextBlock> blocks)
    {
        Dictionary<IElement, int> words = WordsUnder(blocks, body);
        int total = blocks.Sum(b => b.Words);

        var hinted = new Dictionary<IElement, bool>();
        foreach (TextBlock block in blocks)
        {
            for (IElement? e = block.Owner; e is not null && !ReferenceEquals(e, body); e = e.ParentElement)
            {
                if (!hinted.TryGetValue(e, out bool part))
                {
                    part = (e.LocalName is "nav" or "aside" || ClassHints.IsBoilerplatePart(e)) && words.GetValueOrDefault(e) < total * 0.5;
                    hinted[e] = part;
                }

                if (part)
                {
                    block.InFurniture = true;
                    break;
                }
            }
        }
    }

    /// <summary>How many of the blocks' words each element up to <paramref name="top"/> holds.</summary>
    internal static Dictionary<IElement, int> WordsUnder(IEnumerable<TextBlock> blocks, IElement top)
    {
        var words = new Dictionary<IElement, int>();
        foreach (TextBlock block in blocks)
        {
            for (IElement? e = block.Owner; e is not null; e = e.ParentElement)
            {
                words[e] = words.GetValueOrDefault(e) + block.Words;
                if (ReferenceEquals(e, top))
                {
                    break;
                }
            }
        }

        return words;
    }

    // Readers' comments follow the article: from a short "Comments" heading or a "Posted by … on …" signature on,
    // once most of the article is behind us, the rest is dropped.
    private static void CutAtComments(List<TextBlock> kept)
    {
        int total = kept.Sum(b => b.Words);
        int seen = 0;
        for (int i = 0; i < kept.Count; i++)
        {
            if (seen >= total * 0.3 && BoilerplateCues.OpensComments(kept[i].Text, kept[i].Words))
            {
                kept.RemoveRange(i, kept.Count - i);
                return;
            }

            seen += kept[i].Words;
        }
    }

    /// <summary>The element that holds the most running text and the least navigation.</summary>
    internal static IElement FindRoot(IElement body, List<TextBlock> blocks)
    {
        var worth = new Dictionary<IElement, double>();
        foreach (TextBlock block in blocks)
        {
            double value = Worth(block);
            if (value == 0)
            {
                continue;
            }

            for (IElement? e = block.Owner; e is not null; e = e.ParentElement)
            {
                worth[e] = worth.GetValueOrDefault(e) + value;
                if (ReferenceEquals(e, body))
                {
                    break;
                }
            }
        }

        IElement best = body;
        double bestScore = double.MinValue;
        foreach ((IElement element, double value) in worth)
        {
            double score = value * ClassHints.Weight(element);
            if (score > bestScore || (score == bestScore && IsInside(element, best)))
            {
                best = element;
                bestScore = score;
            }
        }

        // A single paragraph wins over its article when the rest is short; the article is the paragraph's
        // container, so climb while the parent adds real text.
        while (best.ParentElement is IElement parent && !ReferenceEquals(best, body)
            && worth.GetValueOrDefault(parent) >= worth.GetValueOrDefault(best) * 0.98
            && IsParagraphLike(best))
        {
            best = parent;
        }

        return best;
    }

    private static bool IsParagraphLike(IElement element) => element.LocalName is "p" or "span" or "font" or "b" or "i" or "em" or "strong";

    private static double Worth(TextBlock block)
    {
        int words = block.Words;
        double linkDensity = block.LinkDensity;
        if (block.InFurniture || BoilerplateCues.IsCommentSignature(block.Text))
        {
            return -words * 0.5;
        }

        if (linkDensity > 0.5)
        {
            return -words;
        }

        if (block.IsHeading)
        {
            return 0;
        }

        bool sentence = LooksLikeSentence(block.Text);
        if (words >= 25 || (words >= 8 && sentence))
        {
            return block.UnlinkedWords * (1 - linkDensity);
        }

        if (words >= 8)
        {
            return block.UnlinkedWords * 0.3;
        }

        return sentence ? 0.5 : -words * 0.5;
    }

    /// <summary>Whether a block reads as running text: long, or a sentence of some length, and not mostly links.</summary>
    internal static bool IsRunningText(TextBlock block) =>
        block.LinkDensity < 0.5 && (block.Words >= 25 || (block.Words >= 8 && LooksLikeSentence(block.Text)));

    internal static bool LooksLikeSentence(string text)
    {
        int stops = 0;
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if ((c is '.' or '!' or '?' or '"' or '\u201D') && char.IsLetterOrDigit(text[i - 1]) || (c is '.' && text[i - 1] is '"' or '\u201D' or ')'))
            {
                stops++;
            }
        }

        return stops > 0 || text.Contains(", ", StringComparison.Ordinal);
    }

    internal static bool IsInside(IElement element, IElement ancestor)
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

    // A part of the article marked as comments, sharing, related links and the like is dropped, unless it holds
    // most of the article's text (a site whose article wrapper is called "post-comments-enabled").
    internal static bool InExcludedPart(IElement owner, IElement root, int rootWords, Dictionary<IElement, bool> cache)
    {
        for (IElement? e = owner; e is not null && !ReferenceEquals(e, root); e = e.ParentElement)
        {
            if (!cache.TryGetValue(e, out bool excluded))
            {
                excluded = e.LocalName is "nav" or "aside" or "footer" or "form"
                    || (e.LocalName == "header" && TextBlocks.CountWords(e.TextContent) < 60)
                    || ClassHints.IsBoilerplatePart(e);
                if (excluded && TextBlocks.CountWords(e.TextContent) > rootWords * 0.6)
                {
                    excluded = false;
                }

                cache[e] = excluded;
            }

            if (excluded)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsBoilerplate(TextBlock block, string? title)
    {
        if (block.LinkDensity > 0.5 && !(block.Words >= 30 && block.LinkDensity < 0.8 && LooksLikeSentence(block.Text)))
        {
            return true;
        }

        if (title is not null && block.Words <= 40 && Same(block.Text, title))
        {
            return true;
        }

        return block.Words <= 20 && BoilerplateCues.IsCueLine(block.Text);
    }

    // Short lines that open or close the article without being sentences are bylines, datelines, photo credits and
    // section labels; running text keeps them only in the middle.
    private static void TrimEdges(List<TextBlock> kept)
    {
        while (kept.Count > 0 && IsEdgeNoise(kept[0]))
        {
            kept.RemoveAt(0);
        }

        while (kept.Count > 0 && IsEdgeNoise(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }
    }

    private static bool IsEdgeNoise(TextBlock block) =>
        block.Words < 8 && !LooksLikeSentence(block.Text) || block.IsHeading && block.Words < 15 || block.Words < 4
        || (block.Words <= 15 && (DateText.TryFindWritten(block.Text, out _) || block.Text.StartsWith("By ", StringComparison.Ordinal)));

    private static bool Same(string a, string b)
    {
        string x = Squash(a);
        string y = Squash(b);
        return x.Length > 0 && (x == y || (x.Length > 20 && y.StartsWith(x, StringComparison.Ordinal)) || (y.Length > 20 && x.StartsWith(y, StringComparison.Ordinal)));
    }

    internal static string Squash(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}

/// <summary>
/// The body found, the element it came from, the page's body element, every block of the page (for the dateline
/// search and the ensemble) and the blocks kept as the body.
/// </summary>
internal sealed record ContentResult(string Body, IElement? Root, IElement? Page, List<TextBlock> Blocks, List<TextBlock> Kept);
