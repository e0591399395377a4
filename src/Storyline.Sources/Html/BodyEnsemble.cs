using System.Text;
using AngleSharp.Dom;

namespace Storyline.Sources.Html;

/// <summary>Which extractor gave a page's body.</summary>
public enum BodySource
{
    /// <summary>No body was found.</summary>
    None,

    /// <summary>Readability's part of the page, cleaned block by block by the project's own rules (the two agreed or Readability was trusted).</summary>
    Ensemble,

    /// <summary>The project's own block scorer alone (Readability found nothing, or less than it).</summary>
    Own,

    /// <summary>SmartReader (Readability) alone.</summary>
    Readability,

    /// <summary>The page's JSON-LD <c>articleBody</c>: the markup held too little of it (a page built by script).</summary>
    StructuredData,
}

/// <summary>How <see cref="HtmlArticleExtractor"/> finds a page's body.</summary>
public enum BodyExtraction
{
    /// <summary>Both extractors, combined block by block (the default; see docs/QUALITY.md).</summary>
    Ensemble,

    /// <summary>The project's own block scorer alone.</summary>
    Own,

    /// <summary>SmartReader (Readability) alone, with its default settings.</summary>
    Readability,
}

/// <summary>
/// Combines Readability's body with the project's own block scorer. Readability is good at finding the part of a page
/// that holds the article, and poor at cleaning inside it (it keeps related links, sign-up boxes, readers' comments,
/// captions); our scorer's block rules are the reverse. So the body is Readability's part of the page, cleaned by
/// our rules; a block only Readability keeps, before the first or after the last block both keep, must read as
/// running text. Where Readability finds nothing our scorer's body stands; where the markup holds neither, the
/// page's JSON-LD <c>articleBody</c> does.
/// </summary>
internal static class BodyEnsemble
{
    // The part of the page Readability chose is the deepest element holding this share of its words: its body is
    // the top candidate and some siblings, and a stray line elsewhere must not widen the part to the whole page.
    private const double RegionShare = 0.9;

    // A JSON-LD articleBody shorter than this is a summary, not the article.
    private const int ReferenceMinWords = 50;

    /// <summary>The body's paragraphs and where they came from.</summary>
    public static (IReadOnlyList<string> Paragraphs, BodySource Source) Combine(
        List<TextBlock> blocks, IElement? page, List<TextBlock> own, IReadOnlyList<string> readability, string? title, string? reference)
    {
        (IReadOnlyList<string> paragraphs, BodySource source) = FromMarkup(blocks, page, own, readability, title);
        if (reference is null || TextBlocks.CountWords(reference) < ReferenceMinWords)
        {
            return (paragraphs, source);
        }

        // The page says what its article is: of the two bodies, keep the one closer to it; when the markup holds
        // less than half of it (the text is put in place by a script), the article is the page's own statement.
        Dictionary<string, int> wanted = WordBag.Of(reference);
        List<string> ownParagraphs = own.ConvertAll(b => b.Text);
        (double f1, double recall) combined = Agreement(paragraphs, wanted);
        (double f1, double recall) alone = Agreement(ownParagraphs, wanted);
        if (Math.Max(combined.recall, alone.recall) < 0.5)
        {
            return (Paragraphs(reference), BodySource.StructuredData);
        }

        return alone.f1 > combined.f1 ? (ownParagraphs, BodySource.Own) : (paragraphs, source);
    }

    private static (IReadOnlyList<string>, BodySource) FromMarkup(List<TextBlock> blocks, IElement? page, List<TextBlock> own, IReadOnlyList<string> readability, string? title)
    {
        HashSet<TextBlock> read = Align(blocks, readability);
        if (read.Count == 0 || page is null)
        {
            // Readability found nothing, or nothing our blocks hold.
            return own.Count > 0 ? (own.ConvertAll(b => b.Text), BodySource.Own) : (readability, readability.Count > 0 ? BodySource.Readability : BodySource.None);
        }

        List<TextBlock> candidates = ContentExtractor.Keep(blocks, Region(read, page), title, read.Contains);
        var ownSet = new HashSet<TextBlock>(own);
        int first = int.MaxValue;
        int last = -1;
        foreach (TextBlock block in candidates)
        {
            if (ownSet.Contains(block))
            {
                first = Math.Min(first, block.Index);
                last = block.Index;
            }
        }

        var kept = new List<string>();
        foreach (TextBlock block in candidates)
        {
            if (ownSet.Contains(block) || (block.Index > first && block.Index < last) || ContentExtractor.IsRunningText(block))
            {
                kept.Add(block.Text);
            }
        }

        if (kept.Count > 0)
        {
            return (kept, BodySource.Ensemble);
        }

        return own.Count > 0 ? (own.ConvertAll(b => b.Text), BodySource.Own) : (readability, BodySource.Readability);
    }

    /// <summary>
    /// The page's blocks whose text Readability kept, found in order in its text (letters and digits only, lower
    /// case). A short block must be found where the last one ended, so that a "Share" or "Video" elsewhere in
    /// Readability's text does not count; a long one may be found anywhere.
    /// </summary>
    internal static HashSet<TextBlock> Align(List<TextBlock> blocks, IReadOnlyList<string> readability)
    {
        var found = new HashSet<TextBlock>();
        if (readability.Count == 0)
        {
            return found;
        }

        var text = new StringBuilder();
        foreach (string paragraph in readability)
        {
            text.Append(ContentExtractor.Squash(paragraph)).Append('|');
        }

        string squashed = text.ToString();
        int cursor = 0;
        foreach (TextBlock block in blocks)
        {
            string key = ContentExtractor.Squash(block.Text);
            if (key.Length == 0)
            {
                continue;
            }

            int at = squashed.IndexOf(key, cursor, StringComparison.Ordinal);
            if (at >= 0 && (key.Length >= 25 || at - cursor <= 40))
            {
                found.Add(block);
                cursor = at + key.Length;
            }
            else if (key.Length >= 40 && squashed.Contains(key, StringComparison.Ordinal))
            {
                found.Add(block);
            }
        }

        return found;
    }

    // The deepest element that holds RegionShare of the words of the given blocks.
    private static IElement Region(HashSet<TextBlock> read, IElement body)
    {
        Dictionary<IElement, int> words = ContentExtractor.WordsUnder(read, body);
        int total = read.Sum(b => b.Words);
        IElement region = body;
        int regionDepth = -1;
        foreach ((IElement element, int count) in words)
        {
            if (count < total * RegionShare)
            {
                continue;
            }

            int depth = 0;
            for (IElement? e = element; e is not null; e = e.ParentElement)
            {
                depth++;
            }

            if (depth > regionDepth)
            {
                region = element;
                regionDepth = depth;
            }
        }

        return region;
    }

    private static (double F1, double Recall) Agreement(IReadOnlyList<string> paragraphs, Dictionary<string, int> wanted)
    {
        Dictionary<string, int> found = WordBag.Of(string.Join("\n", paragraphs));
        int overlap = 0;
        int foundTotal = 0;
        foreach ((string word, int count) in found)
        {
            foundTotal += count;
            overlap += Math.Min(count, wanted.GetValueOrDefault(word));
        }

        int wantedTotal = wanted.Values.Sum();
        if (overlap == 0)
        {
            return (0, 0);
        }

        double precision = (double)overlap / foundTotal;
        double recall = (double)overlap / wantedTotal;
        return (2 * precision * recall / (precision + recall), recall);
    }

    // JSON-LD text: paragraphs are separated by line breaks, or not at all; a few sites put markup in it.
    private static List<string> Paragraphs(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = HtmlText.ToParagraphs(text);
        }

        var paragraphs = new List<string>();
        foreach (string line in text.Split('\n'))
        {
            string paragraph = PageMetadata.Collapse(line)!;
            if (paragraph.Length > 0)
            {
                paragraphs.Add(paragraph);
            }
        }

        return paragraphs;
    }
}
