using System.Security.Cryptography;
using System.Text;

namespace Storyline.Domain;

/// <summary>
/// A report's identity: the first 16 hex digits of the SHA-256 of its outlet, date and whitespace-normalised text,
/// so that the same report read twice, from any file, gets the same id.
/// </summary>
public readonly record struct ArticleId(string Value) : IComparable<ArticleId>
{
    /// <summary>Number of hex digits kept from the hash (64 bits).</summary>
    public const int Length = 16;

    /// <summary>The content address of a report.</summary>
    public static ArticleId FromContent(string? outlet, DateOnly published, string? title, string text)
    {
        var canonical = new StringBuilder(text.Length + 64);
        canonical.Append(outlet?.Trim() ?? string.Empty).Append('\n');
        canonical.Append(published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        AppendCollapsed(canonical, title ?? string.Empty);
        canonical.Append('\n');
        AppendCollapsed(canonical, text);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return new ArticleId(Convert.ToHexStringLower(hash)[..Length]);
    }

    /// <inheritdoc />
    public int CompareTo(ArticleId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    // Runs of white space count as one space, and leading/trailing space is ignored, so that re-wrapped
    // copies of one report are one report.
    private static void AppendCollapsed(StringBuilder sb, string text)
    {
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }
    }
}

/// <summary>A story's number, given in order of creation: stable for a given input order.</summary>
public readonly record struct StoryId(long Value) : IComparable<StoryId>
{
    /// <inheritdoc />
    public int CompareTo(StoryId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
