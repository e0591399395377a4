using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Text;

/// <summary>Groups a report's tokens into sentences. Stateless and thread-safe.</summary>
/// <remarks>
/// <para>A sentence ends after a run of . ! ? or … when white space and then something other than a lowercase
/// word or clause punctuation follows ("… he'll come," said Nikolai goes on; "… we have.” Mr Kim" does not).
/// Closing quotation marks and brackets written right after the terminal punctuation belong to the sentence they close.</para>
/// <para>A period kept by an abbreviation (see <see cref="Tokenizer"/>) ends a sentence only when the next word
/// usually opens one ("in the U.S. He said", but "the U.S. official", "J. Smith"); titles such as "Mr." and
/// "St." never end one, nor a month before a day ("Sept. 11").</para>
/// <para>A paragraph break always ends a sentence, with or without punctuation, so headings, bylines and
/// "(Additional reporting from agencies)" are sentences of their own.</para>
/// </remarks>
public sealed class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/>, given its tokens from <see cref="Tokenizer"/>.</summary>
    /// <param name="text">The paragraph-normalised body the tokens point into.</param>
    /// <param name="tokens">The tokens of <paramref name="text"/>, in order.</param>
    public ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tokens.IsDefaultOrEmpty)
        {
            return [];
        }

        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        int first = 0;
        int paragraph = 0;
        int t = 0;
        while (t < tokens.Length)
        {
            int last = t;
            bool end = false;
            if (IsTerminal(text, tokens[t]))
            {
                while (last + 1 < tokens.Length
                    && tokens[last + 1].Span.Start == tokens[last].Span.End
                    && IsCloser(text, tokens[last + 1]))
                {
                    last++;
                }

                end = EndsSentence(text, tokens, t, last);
            }

            bool isFinal = last == tokens.Length - 1;
            bool breakAfter = !isFinal && IsParagraphBreak(text, tokens[last].Span.End, tokens[last + 1].Span.Start);
            if (end || breakAfter || isFinal)
            {
                var span = TextSpan.FromBounds(tokens[first].Span.Start, tokens[last].Span.End);
                sentences.Add(new Sentence(sentences.Count, span, first, last - first + 1, paragraph));
                first = last + 1;
                if (breakAfter)
                {
                    paragraph++;
                }
            }

            t = last + 1;
        }

        return sentences.ToImmutable();
    }

    /// <summary>Terminal punctuation (". ! ? …" and runs of them), or a word that ends in a kept period ("U.S.").</summary>
    private static bool IsTerminal(string text, Token token) => token.Kind switch
    {
        TokenKind.Punctuation => text[token.Span.Start] is '.' or '!' or '?' or '\u2026',
        TokenKind.Word => token.Span.Length > 1 && text[token.Span.End - 1] == '.',
        _ => false,
    };

    /// <summary>What may follow terminal punctuation, touching it, and still belong to its sentence.</summary>
    private static bool IsCloser(string text, Token token)
    {
        char c = text[token.Span.Start];
        return token.Kind switch
        {
            // Opening marks (“ ‘ „ «) never close; a straight mark touching the punctuation does.
            TokenKind.Quote => c is '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u203A',
            TokenKind.Punctuation => c is ')' or ']' or '}' or '.' or '!' or '?' or '\u2026',
            _ => false,
        };
    }

    /// <summary>
    /// Whether the sentence ends with tokens[<paramref name="last"/>], given that tokens[<paramref name="terminal"/>]
    /// is terminal and the ones after it up to <paramref name="last"/> close it.
    /// </summary>
    private static bool EndsSentence(string text, ImmutableArray<Token> tokens, int terminal, int last)
    {
        if (last + 1 >= tokens.Length)
        {
            return true;
        }

        Token next = tokens[last + 1];
        if (next.Span.Start == tokens[last].Span.End)
        {
            // No space after the punctuation: "3.5" never gets here, but "Co.,Ltd" and typos do.
            return false;
        }

        Token token = tokens[terminal];
        if (token.Kind == TokenKind.Word && last == terminal)
        {
            return AbbreviationEndsSentence(text, token, next);
        }

        char first = text[next.Span.Start];
        return next.Kind switch
        {
            TokenKind.Word => !char.IsLower(first),
            TokenKind.Punctuation => first is '(' or '[' or '{',
            _ => true,
        };
    }

    private static bool AbbreviationEndsSentence(string text, Token abbreviation, Token next)
    {
        ReadOnlySpan<char> word = text.AsSpan(abbreviation.Span.Start, abbreviation.Span.Length - 1);
        if (Abbreviations.IsNeverFinal(word))
        {
            return false;
        }

        if (Abbreviations.IsMonth(word) && next.Kind == TokenKind.Number)
        {
            return false;
        }

        return next.Kind == TokenKind.Word && Abbreviations.StartsSentence(next.Span.Slice(text));
    }

    /// <summary>Whether the gap between two tokens holds a blank line.</summary>
    private static bool IsParagraphBreak(string text, int from, int to)
    {
        ReadOnlySpan<char> gap = text.AsSpan(from, to - from);
        int newline = gap.IndexOf('\n');
        return newline >= 0 && gap[(newline + 1)..].Contains('\n');
    }
}
