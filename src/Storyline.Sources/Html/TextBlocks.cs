using System.Text;
using AngleSharp.Dom;

namespace Storyline.Sources.Html;

/// <summary>
/// A run of text between two block boundaries of a page (a paragraph, a heading, a list item, a table cell's text),
/// with how many of its words sit inside links. The unit the extractor keeps or drops.
/// </summary>
internal sealed class TextBlock
{
    public TextBlock(int index, IElement owner, string text, int words, int linkedWords, bool isHeading, bool isListItem)
    {
        Index = index;
        Owner = owner;
        Text = text;
        Words = words;
        LinkedWords = linkedWords;
        IsHeading = isHeading;
        IsListItem = isListItem;
    }

    /// <summary>Position in document order.</summary>
    public int Index { get; }

    /// <summary>The nearest block-level element that holds the text.</summary>
    public IElement Owner { get; }

    public string Text { get; }

    public int Words { get; }

    public int LinkedWords { get; }

    public bool IsHeading { get; }

    public bool IsListItem { get; }

    /// <summary>Whether the block sits in a part marked as comments, sharing, navigation and the like.</summary>
    public bool InFurniture { get; set; }

    public double LinkDensity => Words == 0 ? 0 : (double)LinkedWords / Words;

    public int UnlinkedWords => Words - LinkedWords;
}

/// <summary>Cuts a cleaned page body into <see cref="TextBlock"/>s in document order.</summary>
internal static class TextBlocks
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
    };

    public static List<TextBlock> Build(IElement root)
    {
        var builder = new Builder();
        builder.Walk(root, root, linkDepth: 0);
        builder.Flush();
        return builder.Blocks;
    }

    /// <summary>Whether the element starts and ends a block of text.</summary>
    public static bool IsBlock(IElement element) => BlockTags.Contains(element.LocalName);

    /// <summary>Counts words: runs of letters or digits.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private sealed class Builder
    {
        private readonly StringBuilder text = new();
        private IElement? owner;
        private int words;
        private int linkedWords;
        private int breaks;

        public List<TextBlock> Blocks { get; } = [];

        public void Walk(INode node, IElement currentOwner, int linkDepth)
        {
            foreach (INode child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText textNode:
                        AddText(textNode.Data, currentOwner, linkDepth > 0);
                        break;
                    case IElement element when element.LocalName == "br":
                        // Two line breaks in a row end a paragraph in pages laid out without <p>.
                        breaks++;
                        if (breaks >= 2)
                        {
                            Flush();
                        }
                        else
                        {
                            text.Append(' ');
                        }

                        break;
                    case IElement element when IsBlock(element):
                        Flush();
                        Walk(element, element, linkDepth);
                        Flush();
                        break;
                    case IElement element:
                        Walk(element, currentOwner, element.LocalName == "a" ? linkDepth + 1 : linkDepth);
                        break;
                }
            }
        }

        public void Flush()
        {
            breaks = 0;
            if (owner is null || words == 0)
            {
                Reset();
                return;
            }

            string value = Normalize(text);
            string tag = owner.LocalName;
            bool heading = tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6';
            Blocks.Add(new TextBlock(Blocks.Count, owner, value, words, linkedWords, heading, tag is "li" or "dd" or "dt"));
            Reset();
        }

        private void AddText(string data, IElement currentOwner, bool inLink)
        {
            if (string.IsNullOrWhiteSpace(data))
            {
                if (data.Length > 0)
                {
                    text.Append(' ');
                }

                return;
            }

            breaks = 0;
            if (owner is not null && !ReferenceEquals(owner, currentOwner) && words > 0)
            {
                // Text of the parent after a nested block: still one run, owned by the parent.
                currentOwner = owner;
            }

            owner ??= currentOwner;
            int count = CountWords(data);
            words += count;
            if (inLink)
            {
                linkedWords += count;
            }

            text.Append(data);
        }

        private void Reset()
        {
            text.Clear();
            owner = null;
            words = 0;
            linkedWords = 0;
        }

        private static string Normalize(StringBuilder raw)
        {
            var sb = new StringBuilder(raw.Length);
            bool space = false;
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (char.IsWhiteSpace(c) || c == '\u00A0')
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

            return sb.ToString();
        }
    }
}
