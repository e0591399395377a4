using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>"X quoted (cited) Y as saying (that) CONTENT": Y is the source and X relays it.</summary>
internal sealed class QuotedAsSayingPattern
{
    private readonly QuoteTokens view;
    private readonly ReportedClause clauses;

    public QuotedAsSayingPattern(QuoteTokens view, ReportedClause clauses)
    {
        this.view = view;
        this.clauses = clauses;
    }

    /// <summary>
    /// Whether the cue is "quoted/cited Y as saying" with a relaying source before it; then <paramref name="found"/>
    /// is its attribution, or null when nothing follows "as saying".
    /// </summary>
    public bool TryMatch(in CueAt cue, (int Start, int End)? relay, out FoundQuote? found)
    {
        found = null;
        if (cue.Lemma is not ("quote" or "cite"))
        {
            return false;
        }

        int afterCue = cue.CueEnd + 1;
        int asAt = -1;
        for (int j = afterCue; j <= Math.Min(cue.Last - 1, afterCue + SourcePhrases.MaxSourceWords); j++)
        {
            if (view.Lower[j] == "as" && CueLexicon.AsSaying.Contains(view.Lower[j + 1]))
            {
                asAt = j;
                break;
            }
        }

        if (asAt <= afterCue || relay is not (int r0, int r1))
        {
            return false;
        }

        int contentStart = asAt + 2;
        if (contentStart > cue.Last)
        {
            return true;
        }

        var relayed = new FoundQuote(view.Span(contentStart, clauses.ClauseEnd(contentStart, cue.Last)), QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, asAt + 1), view.Span(afterCue, asAt - 1), CitedBy: view.Span(r0, r1));
        view.Take(relayed, cue.CueStart, cue.CueEnd, r0, r1);
        found = view.Take(relayed, asAt, asAt + 1, afterCue, asAt - 1);
        return true;
    }
}
