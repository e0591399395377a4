using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Text;

/// <summary>Splits news text into tokens. Stateless and thread-safe.</summary>
public sealed class Tokenizer
{
    /// <summary>The tokens of <paramref name="text"/>, in order, as spans into it.</summary>
    public ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = ImmutableArray.CreateBuilder<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TextSpan.FromBounds(start, i), char.IsDigit(c) ? TokenKind.Number : TokenKind.Word));
                continue;
            }

            i++;
            TokenKind kind = c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' ? TokenKind.Quote
                : char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            tokens.Add(new Token(TextSpan.FromBounds(start, i), kind));
        }

        return tokens.ToImmutable();
    }
}
