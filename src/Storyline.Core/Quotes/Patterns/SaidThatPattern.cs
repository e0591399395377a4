using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>"SOURCE CUE [object] [that] CONTENT [, citing Z]": "The Kremlin said it had nothing to say", "X told reporters that …".</summary>
internal sealed class SaidThatPattern
{
    private readonly QuoteTokens view;
    private readonly ReportedClause clauses;

    public SaidThatPattern(QuoteTokens view, ReportedClause clauses)
    {
        this.view = view;
        this.clauses = clauses;
    }

    /// <summary>The attribution, or null when there is no source before the cue or nothing reported after it.</summary>
    /// <param name="cue">The cue.</param>
    /// <param name="source">The source phrase before the cue, where one was read.</param>
    /// <param name="contentStart">The first token after the cue and its object (<see cref="ReportedClause.ContentStart"/>).</param>
    public FoundQuote? Match(in CueAt cue, (int Start, int End)? source, int contentStart)
    {
        int contentEnd = clauses.ClauseEnd(contentStart, cue.Last);
        if (cue.CueStart - 2 >= cue.First && view.Lower[cue.CueStart - 1] == "who" && view.Lower[cue.CueStart - 2] == ",")
        {
            // "Mayor Ruth Calloway, who denied last week that she planned to resign, told …": a relative clause between
            // commas; the reported clause ends at its closing comma.
            for (int k = contentStart; k <= contentEnd; k++)
            {
                if (view.Lower[k] == "," && view.QuoteOf[k] < 0)
                {
                    contentEnd = k - 1;
                    break;
                }
            }
        }

        bool clauseAfter = contentEnd >= contentStart && !clauses.IsAdverbial(contentStart, contentEnd);
        if (source is not (int s0, int s1) || !clauseAfter || clauses.ActOf(contentStart, contentEnd, cue.Lemma) is not QuoteAct act)
        {
            return null;
        }

        TextSpan? citing = clauses.CitingAfter(contentEnd + 1, cue.Last);
        return view.Take(
            new FoundQuote(view.Span(contentStart, contentEnd), QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, cue.CueEnd), view.Span(s0, s1), Citing: citing, Act: act),
            cue.CueStart, cue.CueEnd, s0, s1);
    }
}
