using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Text;

/// <summary>Groups a report's tokens into sentences. Stateless and thread-safe.</summary>
public sealed class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/>, given its tokens.</summary>
    public ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        int first = 0;
        int paragraph = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            bool last = t == tokens.Length - 1;
            bool end = tokens[t].Kind == TokenKind.Punctuation && text[tokens[t].Span.Start] is '.' or '!' or '?';
            bool breakAfter = !last && text.AsSpan(tokens[t].Span.End, tokens[t + 1].Span.Start - tokens[t].Span.End).Contains("\n\n", StringComparison.Ordinal);
            if (end || last || breakAfter)
            {
                var span = TextSpan.FromBounds(tokens[first].Span.Start, tokens[t].Span.End);
                sentences.Add(new Sentence(sentences.Count, span, first, t - first + 1, paragraph));
                first = t + 1;
                if (breakAfter)
                {
                    paragraph++;
                }
            }
        }

        return sentences.ToImmutable();
    }
}
