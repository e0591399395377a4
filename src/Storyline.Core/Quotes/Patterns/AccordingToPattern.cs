using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>"According to X, CONTENT." and "CONTENT, according to X.": the source is the words after "according to".</summary>
internal sealed class AccordingToPattern
{
    private readonly QuoteTokens view;
    private readonly ReportedClause clauses;

    public AccordingToPattern(QuoteTokens view, ReportedClause clauses)
    {
        this.view = view;
        this.clauses = clauses;
    }

    /// <summary>Whether "according to" stands at token <paramref name="at"/>.</summary>
    public bool Starts(int at, int last) => view.Lower[at] == "according" && at + 1 <= last && view.Lower[at + 1] == "to";

    /// <summary>The attribution "according to" at token <paramref name="at"/> makes, or null.</summary>
    public FoundQuote? Match(int sentence, int at, int first, int last)
    {
        int sourceStart = at + 2;
        int sourceEnd = sourceStart;
        // The source ends at a comma, a quotation, or a clause of its own ("… who asked not to be named because they …").
        while (sourceEnd + 1 <= last && view.Lower[sourceEnd + 1] is not ("," or "because") && !CueLexicon.ClauseOpeners.Contains(view.Lower[sourceEnd + 1])
            && view.QuoteOf[sourceEnd + 1] < 0 && sourceEnd - sourceStart < SourcePhrases.MaxSourceWords)
        {
            sourceEnd++;
        }

        if (sourceStart > last)
        {
            return null;
        }

        TextSpan content;
        if (at == first || (at == first + 1 && view.Tokens[first].Kind != TokenKind.Word))
        {
            // According to X, CONTENT.
            if (sourceEnd + 2 > last)
            {
                return null;
            }

            content = view.Span(sourceEnd + 2, last);
        }
        else
        {
            // CONTENT, according to X.
            int contentEnd = view.Lower[at - 1] == "," ? at - 2 : at - 1;
            if (contentEnd < first)
            {
                return null;
            }

            content = view.Span(clauses.ClauseStart(first, contentEnd), contentEnd);
        }

        var result = new FoundQuote(content, QuoteKind.Indirect, sentence, view.Span(at, at + 1), view.Span(sourceStart, sourceEnd));
        return view.Take(result, at, at + 1, sourceStart, sourceEnd);
    }
}
