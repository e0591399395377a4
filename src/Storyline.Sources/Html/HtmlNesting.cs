namespace Storyline.Sources.Html;

/// <summary>
/// Measures how deeply a page's elements nest, from its text, before it is parsed. A page nested tens of thousands
/// of levels deep is an attack or a broken generator: an HTML5 parser spends time proportional to the depth on every
/// tag (the "in scope" checks), so 100,000 levels take minutes, and any recursive walk of the tree overflows the
/// stack. This scan is one pass with no recursion, so the page can be refused before the parser sees it.
/// </summary>
/// <remarks>
/// The count follows the tree builder closely enough for a limit: elements with no content (<c>br</c>, <c>img</c>,
/// <c>x/</c>) and those whose end tag may be left out and which close their like (<c>p</c>, <c>li</c>, <c>td</c>, …)
/// are not counted; an end tag closes the latest open element of its name and everything opened after it, and an
/// end tag with no open element of its name is ignored, as the parser ignores it. The text of <c>script</c>,
/// <c>style</c>, <c>textarea</c>, <c>title</c> and comments is skipped.
/// </remarks>
public static class HtmlNesting
{
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        // End tag optional; a second one closes the first.
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "tbody", "thead", "tfoot",
        "colgroup", "caption", "html", "head", "body",
        // A second one closes the first (the adoption agency for "a" and "nobr"), or is ignored ("form").
        "a", "nobr", "button", "form",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext", "noembed", "noframes"];

    /// <summary>
    /// The deepest nesting found, stopping early once it passes <paramref name="stopAbove"/> (the value returned is then
    /// <paramref name="stopAbove"/> + 1).
    /// </summary>
    public static int MaxDepth(ReadOnlySpan<char> html, int stopAbove = int.MaxValue)
    {
        var open = new Stack<string>();
        var openByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lookup = openByName.GetAlternateLookup<ReadOnlySpan<char>>();
        var notCounted = NotCounted.GetAlternateLookup<ReadOnlySpan<char>>();
        int deepest = 0;
        int i = 0;
        while (i < html.Length)
        {
            int lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            i += lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i..].StartsWith("!--"))
            {
                int end = html[(i + 3)..].IndexOf("-->");
                i = end < 0 ? html.Length : i + 3 + end + 3;
                continue;
            }

            bool closing = html[i] == '/';
            int nameStart = closing ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                // "<!doctype", "<?xml", "< 3", "</ >": not an element.
                int gt = html[i..].IndexOf('>');
                i = gt < 0 ? html.Length : i + gt + 1;
                continue;
            }

            ReadOnlySpan<char> name = html[nameStart..nameEnd];
            int tagEnd = TagEnd(html, nameEnd);
            bool selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            i = tagEnd < 0 ? html.Length : tagEnd + 1;
            if (closing)
            {
                if (lookup.TryGetValue(name, out int count) && count > 0)
                {
                    // Pop to the latest open element of this name. Each element is pushed and popped once, so the
                    // whole scan stays linear however the tags are misnested.
                    string popped;
                    do
                    {
                        popped = open.Pop();
                        openByName[popped]--;
                    }
                    while (!name.Equals(popped, StringComparison.OrdinalIgnoreCase));
                }

                continue;
            }

            if (RawTextElement(name) is string raw)
            {
                int end = IndexOfEndTag(html, i, raw);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (selfClosing || notCounted.Contains(name))
            {
                continue;
            }

            string key = name.ToString().ToLowerInvariant();
            open.Push(key);
            openByName[key] = openByName.GetValueOrDefault(key) + 1;
            if (open.Count > deepest)
            {
                deepest = open.Count;
                if (deepest > stopAbove)
                {
                    return deepest;
                }
            }
        }

        return deepest;
    }

    // The '>' that ends a tag, outside quoted attribute values; -1 when the text ends first.
    private static int TagEnd(ReadOnlySpan<char> html, int from)
    {
        char quote = '\0';
        for (int j = from; j < html.Length; j++)
        {
            char c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j;
            }
        }

        return -1;
    }

    private static string? RawTextElement(ReadOnlySpan<char> name)
    {
        foreach (string raw in RawText)
        {
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
            {
                return raw;
            }
        }

        return null;
    }

    private static int IndexOfEndTag(ReadOnlySpan<char> html, int from, string name)
    {
        int j = from;
        while (j < html.Length)
        {
            int lt = html[j..].IndexOf("</", StringComparison.Ordinal);
            if (lt < 0)
            {
                return -1;
            }

            j += lt + 2;
            if (html[j..].StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                return j - 2;
            }
        }

        return -1;
    }
}
