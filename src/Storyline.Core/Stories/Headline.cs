using Storyline.Domain;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// A report's headline, as a story's title shows it: the report's own title where it has one, else its lead sentence
/// cut at a clause boundary to about <see cref="TargetWords"/> words ("North Korean leader Kim Jong-un arrived in Russia
/// ahead of an expected meeting with president Vladimir Putin, Russian news agency Interfax reported …" → "North Korean
/// leader Kim Jong-un arrived in Russia ahead of an expected meeting with president Vladimir Putin"). Stateless.
/// </summary>
public static class Headline
{
    /// <summary>The length a cut lead aims at, in words.</summary>
    public const int TargetWords = 12;

    /// <summary>A lead of at most this many words is kept whole; a clause boundary may end a cut lead up to here.</summary>
    public const int MaxWords = 18;

    /// <summary>A cut lead has at least this many words: an opening phrase ("In Russia's Pacific port,") is no headline.</summary>
    public const int MinWords = 6;

    // Words that open a subordinate or reporting clause: a headline can end before them.
    private static readonly HashSet<string> ClauseWords = new(
        ["after", "ahead", "although", "amid", "as", "because", "before", "but", "despite", "following", "since", "that",
         "until", "when", "where", "which", "while", "who", "whose", "according", "saying", "citing", "officials", "police"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The headline of an analysed report; empty when it has neither title nor sentence.</summary>
    public static string Of(AnalyzedArticle report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Article.Title is { } title && Clean(title) is { Length: > 0 } cleaned)
        {
            return cleaned;
        }

        foreach (Sentence sentence in report.Sentences)
        {
            string lead = Cut(report.Body, report.Tokens.AsSpan(sentence.FirstToken, Math.Min(sentence.TokenCount, report.Tokens.Length - sentence.FirstToken)));
            if (lead.Length > 0)
            {
                return lead;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// A sentence (its <paramref name="tokens"/> in <paramref name="text"/>) cut to a headline: whole up to
    /// <see cref="MaxWords"/> words; else up to the clause boundary (punctuation, or a word that opens a clause) nearest
    /// to <see cref="TargetWords"/> words, between <see cref="MinWords"/> and <see cref="MaxWords"/>, a punctuation
    /// boundary preferred; else the first <see cref="TargetWords"/> words and an ellipsis. Closing punctuation goes.
    /// </summary>
    public static string Cut(string text, ReadOnlySpan<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Word positions: for each word, the token index; the end of the headline is the end of a token.
        var wordTokens = new List<int>();
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
            {
                wordTokens.Add(i);
            }
        }

        if (wordTokens.Count == 0)
        {
            return string.Empty;
        }

        int endToken;
        bool ellipsis = false;
        if (wordTokens.Count <= MaxWords)
        {
            endToken = wordTokens[^1];
        }
        else
        {
            int best = -1;
            int bestCost = int.MaxValue;
            for (int w = MinWords; w <= MaxWords && w < wordTokens.Count; w++)
            {
                // A boundary after word w (w words kept): punctuation between word w and word w + 1, or a clause word next.
                int last = wordTokens[w - 1], next = wordTokens[w];
                bool punctuation = false;
                for (int t = last + 1; t < next; t++)
                {
                    punctuation |= tokens[t].Kind == TokenKind.Punctuation || IsDash(text, tokens[t]);
                }

                bool clause = !punctuation && ClauseWords.Contains(text.AsSpan(tokens[next].Span.Start, tokens[next].Span.Length).ToString());
                if (!punctuation && !clause)
                {
                    continue;
                }

                int cost = (Math.Abs(w - TargetWords) * 2) + (punctuation ? 0 : 3);
                if (cost < bestCost)
                {
                    (best, bestCost) = (w, cost);
                }
            }

            if (best > 0)
            {
                endToken = wordTokens[best - 1];
            }
            else
            {
                endToken = wordTokens[TargetWords - 1];
                ellipsis = true;
            }
        }

        int start = tokens[wordTokens[0]].Span.Start;
        int end = tokens[endToken].Span.End;

        // Keep a closing quotation mark or bracket that belongs to the kept words.
        int after = endToken + 1;
        while (after < tokens.Length && tokens[after].Span.Start == end && tokens[after].Kind == TokenKind.Quote && QuoteOpenBefore(text, start, end))
        {
            end = tokens[after].Span.End;
            after++;
        }

        string headline = Collapse(text.AsSpan(start, end - start));
        return ellipsis ? headline + " …" : headline;
    }

    // A title as a headline: white space collapsed, without a trailing " | Outlet" or " - Outlet" of one to four words.
    private static string Clean(string title)
    {
        string clean = Collapse(title.AsSpan().Trim());
        foreach (string separator in new[] { " | ", " - ", " – ", " — " })
        {
            int at = clean.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                string tail = clean[(at + separator.Length)..];
                int words = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words <= 4 && at >= 20 && tail.Length > 0 && char.IsUpper(tail[0]) && !tail.Any(char.IsDigit))
                {
                    return clean[..at].TrimEnd();
                }
            }
        }

        return clean;
    }

    private static bool IsDash(string text, Token token) =>
        token.Kind == TokenKind.Symbol && token.Span.Length == 1 && text[token.Span.Start] is '—' or '–' or '-';

    // Whether the kept text opens a quotation it does not close (so the closing mark after it belongs to it).
    private static bool QuoteOpenBefore(string text, int start, int end)
    {
        int marks = 0;
        foreach (char c in text.AsSpan(start, end - start))
        {
            marks += c is '"' or '\u201C' or '\u201D' ? 1 : 0;
        }

        return marks % 2 == 1;
    }

    private static string Collapse(ReadOnlySpan<char> text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
