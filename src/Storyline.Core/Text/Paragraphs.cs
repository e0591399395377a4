using System.Text;

namespace Storyline.Text;

/// <summary>Normalises the paragraph layout of plain text.</summary>
public static class Paragraphs
{
    /// <summary>
    /// Line endings become "\n"; each paragraph (text between blank lines) is trimmed and its inner line breaks
    /// become spaces; paragraphs are joined by exactly one blank line; the result has no leading or trailing space.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var sb = new StringBuilder(unified.Length);
        foreach (string block in unified.Split("\n\n", StringSplitOptions.None))
        {
            string paragraph = block.Replace('\n', ' ').Trim();
            if (paragraph.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(paragraph);
        }

        return sb.ToString();
    }
}
