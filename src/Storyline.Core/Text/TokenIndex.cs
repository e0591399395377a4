using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Text;

/// <summary>Finding tokens by character offset.</summary>
public static class TokenIndex
{
    /// <summary>The index of the token that covers <paramref name="offset"/> (binary search), or -1 when none does.</summary>
    public static int At(ImmutableArray<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            TextSpan span = tokens[mid].Span;
            if (offset < span.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}
