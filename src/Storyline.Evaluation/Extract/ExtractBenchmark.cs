using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Storyline.Sources.Html;

namespace Storyline.Evaluation.Extract;

/// <summary>One benchmark page: its id, its HTML and the gold article text.</summary>
public sealed record ExtractPage(string Id, string Html, string Gold);

/// <summary>
/// Reads an extraction benchmark laid out as <c>input/&lt;id&gt;.html</c> and <c>GoldStandard/&lt;id&gt;.txt</c>
/// (the folder itself, or its <c>dev</c> subfolder). Two gold forms are read:
/// <list type="bullet">
/// <item>L3S-GN1: the page as annotated HTML, content blocks in elements of class <c>x-nc-sel1</c>…<c>x-nc-sel5</c>.
/// The gold body is the main text, <c>x-nc-sel2</c>; the headline (sel1), supplemental lines such as datelines and
/// captions (sel3), related links (sel4) and user comments (sel5) are not article body.</item>
/// <item>CleanEval: a <c>URL:</c> line, then the cleaned text with <c>&lt;p&gt;</c>, <c>&lt;h&gt;</c>, <c>&lt;l&gt;</c>
/// markers opening its paragraphs, headings and list items; the markers are dropped.</item>
/// </list>
/// </summary>
public static partial class ExtractBenchmark
{
    /// <summary>The gold class of L3S-GN1 that is the article's main text.</summary>
    public const string MainTextClass = "x-nc-sel2";

    /// <summary>The pages with both an input and a gold file, in id order; <paramref name="limit"/> takes the first few.</summary>
    public static IEnumerable<ExtractPage> Read(string folder, int? limit = null)
    {
        string root = Directory.Exists(Path.Combine(folder, "input")) ? folder : Path.Combine(folder, "dev");
        string inputs = Path.Combine(root, "input");
        string gold = Path.Combine(root, "GoldStandard");
        if (!Directory.Exists(inputs) || !Directory.Exists(gold))
        {
            throw new DirectoryNotFoundException($"{folder}: expected input/ and GoldStandard/ (or dev/input and dev/GoldStandard)");
        }

        var files = Directory.GetFiles(inputs, "*.htm*").OrderBy(f => f, StringComparer.Ordinal).ToList();
        int taken = 0;
        foreach (string input in files)
        {
            string id = Path.GetFileNameWithoutExtension(input);
            string goldFile = Path.Combine(gold, id + ".txt");
            if (!File.Exists(goldFile))
            {
                continue;
            }

            if (limit is int max && taken >= max)
            {
                yield break;
            }

            taken++;
            string html = HtmlDecoder.Decode(File.ReadAllBytes(input));
            string goldText = HtmlDecoder.Decode(File.ReadAllBytes(goldFile));
            yield return new ExtractPage(id, html, goldText.Contains("x-nc-sel", StringComparison.Ordinal) ? L3sGold(goldText) : CleanEvalGold(goldText));
        }
    }

    /// <summary>The text of the L3S main-text blocks: text whose nearest annotated element is of class sel2.</summary>
    public static string L3sGold(string annotatedHtml)
    {
        using IDocument document = new HtmlParser().ParseDocument(annotatedHtml);
        var sb = new StringBuilder();
        if (document.Body is IElement body)
        {
            Collect(body, inMain: false, sb);
        }

        return sb.ToString().Trim();
    }

    private static void Collect(INode node, bool inMain, StringBuilder sb)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText text)
            {
                if (inMain)
                {
                    sb.Append(text.Data).Append(' ');
                }
            }
            else if (child is IElement element && element.LocalName is not ("script" or "style"))
            {
                bool main = inMain;
                string? cls = element.ClassName;
                if (cls is not null && cls.Contains("x-nc-sel", StringComparison.Ordinal))
                {
                    main = cls.Contains(MainTextClass, StringComparison.Ordinal);
                }

                Collect(element, main, sb);
            }
        }
    }

    /// <summary>CleanEval gold text without its URL line and paragraph markers.</summary>
    public static string CleanEvalGold(string text)
    {
        string body = text.StartsWith("URL:", StringComparison.Ordinal) ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
        return Markers().Replace(body, string.Empty).Trim();
    }

    [GeneratedRegex(@"<[phl]>", RegexOptions.CultureInvariant)]
    private static partial Regex Markers();
}
