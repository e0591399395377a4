using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Sources.Html;

/// <summary>Plain text of an HTML fragment (a feed item's content): its blocks as paragraphs separated by blank lines.</summary>
public static class HtmlText
{
    /// <summary>The text of <paramref name="fragment"/>; plain text without tags comes back with its white space tidied.</summary>
    /// <remarks>
    /// A fragment nested deeper than <paramref name="maxDepth"/> is not parsed (see <see cref="HtmlNesting"/>): its
    /// tags are dropped and its text kept as one paragraph.
    /// </remarks>
    public static string ToParagraphs(string? fragment, int maxDepth = HtmlArticleExtractor.DefaultMaxDepth)
    {
        if (string.IsNullOrWhiteSpace(fragment))
        {
            return string.Empty;
        }

        if (HtmlNesting.MaxDepth(fragment, stopAbove: maxDepth) > maxDepth)
        {
            return StripTags(fragment);
        }

        using IDocument document = new HtmlParser().ParseDocument("<html><body>" + fragment + "</body></html>");
        IElement? body = document.Body;
        if (body is null)
        {
            return string.Empty;
        }

        foreach (IElement unwanted in body.QuerySelectorAll("script, style, iframe, noscript").ToList())
        {
            unwanted.Remove();
        }

        return string.Join("\n\n", TextBlocks.Build(body).Select(b => b.Text));
    }

    private static string StripTags(string fragment)
    {
        var sb = new System.Text.StringBuilder(fragment.Length);
        bool inTag = false;
        bool space = false;
        foreach (char c in fragment)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
                space = sb.Length > 0;
            }
            else if (!inTag)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = sb.Length > 0;
                    continue;
                }

                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
