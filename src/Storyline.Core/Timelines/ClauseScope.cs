using System.Collections.Frozen;
using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>
/// Whether a time expression dates its sentence's own news or only a clause inside it. "Mr Kim and Mr Putin may meet in
/// Vladivostok, where Mr Putin arrived on Monday" is not Monday's news: "on Monday" sits in a relative clause. A
/// clause opened by a relative or subordinating word (where, which, who, whom, whose, when, while, whereas, although,
/// though, because) runs to the next comma, semicolon, colon or dash; an expression inside one is subordinate. "That"
/// is left alone: after a reporting verb it opens what was said ("Peskov said that they will meet on Friday"), which is
/// the news. Stateless.
/// </summary>
public static class ClauseScope
{
    private static readonly FrozenSet<string> Openers = new[]
    {
        "where", "which", "who", "whom", "whose", "when", "while", "whereas", "although", "though", "because",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="time"/> lies in a subordinate clause of its sentence.</summary>
    public static bool IsSubordinate(AnalyzedArticle report, TimeExpression time)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        if (time.Sentence < 0 || time.Sentence >= report.Sentences.Length || report.Tokens.IsDefaultOrEmpty)
        {
            return false;
        }

        Sentence sentence = report.Sentences[time.Sentence];
        int end = Math.Min(sentence.FirstToken + sentence.TokenCount, report.Tokens.Length);
        bool inside = false;
        for (int i = sentence.FirstToken; i < end; i++)
        {
            Token token = report.Tokens[i];
            if (token.Span.Start >= time.Span.Start)
            {
                break;
            }

            ReadOnlySpan<char> text = report.Body.AsSpan(token.Span.Start, token.Span.Length);
            if (token.Kind == TokenKind.Punctuation && text is "," or ";" or ":" or "\u2014" or "\u2013" or "-" or "(" or ")")
            {
                inside = false;
            }
            else if (token.Kind == TokenKind.Word && Openers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text))
            {
                inside = true;
            }
        }

        return inside;
    }
}
