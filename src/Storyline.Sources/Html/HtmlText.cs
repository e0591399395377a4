using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Sources.Html;

/// <summary>Plain text of an HTML fragment (a feed item's content): its blocks as paragraphs separated by blank lines.</summary>
public static class HtmlText
{
    /// <summary>The text of <paramref name="fragment"/>; plain text without tags comes back with its white space tidied.</summary>
    public static string ToParagraphs(string? fragment)
    {
        if (string.IsNullOrWhiteSpace(fragment))
        {
            return string.Empty;
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
}
