using System.Buffers;
using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Time;

/// <summary>
/// Finds time expressions in a report and normalises them to TIMEX3 (type and value), anchored on the report's
/// publication date, never on the clock: "on Monday" in a report of Tuesday 2023-09-12 is 2023-09-11, "last week"
/// is 2023-W36, "the past 17 months" is P17M. A hand-written recogniser over the text stage's tokens and sentences;
/// its lexicon and grammar are this project's own. Holds no state: thread-safe.
/// </summary>
public sealed class TimeTagger : IAnalysisStage
{
    /// <inheritdoc />
    public string Name => "time";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article with { Times = Tag(article.Body, article.Tokens, article.Sentences, article.Article.Published) };
    }

    /// <summary>The time expressions of <paramref name="text"/>, given its tokens and sentences, anchored on <paramref name="anchor"/>.</summary>
    public ImmutableArray<TimeExpression> Tag(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, DateOnly anchor)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tokens.IsDefaultOrEmpty)
        {
            return [];
        }

        Lex[] lex = ArrayPool<Lex>.Shared.Rent(tokens.Length);
        try
        {
            bool any = false;
            for (int i = 0; i < tokens.Length; i++)
            {
                Token token = tokens[i];
                lex[i] = LexClassifier.Classify(text.AsSpan(token.Span.Start, token.Span.Length), token.Kind);
                any |= lex[i].Kind != LexKind.None;
            }

            if (!any)
            {
                return [];
            }

            var ctx = new TimeContext(text, tokens, lex, anchor);
            var found = new List<TimeMatch>();
            var times = ImmutableArray.CreateBuilder<TimeExpression>();
            foreach (Sentence sentence in sentences.IsDefaultOrEmpty ? [new Sentence(0, new TextSpan(0, text.Length), 0, tokens.Length, 0)] : sentences)
            {
                ctx.SentenceStart = sentence.FirstToken;
                ctx.SentenceEnd = sentence.FirstToken + sentence.TokenCount;
                found.Clear();
                TimeRecognizer.Recognize(ctx, found);
                foreach (TimeMatch match in found)
                {
                    int start = tokens[match.Start].Span.Start;
                    TextSpan last = tokens[match.End - 1].Span;
                    int end = last.End - (LexClassifier.IsPossessive(text.AsSpan(last.Start, last.Length)) ? 2 : 0);
                    times.Add(new TimeExpression(new TextSpan(start, end - start), match.Type, match.Value, sentence.Index, anchor));
                }
            }

            return times.ToImmutable();
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(lex);
        }
    }
}
