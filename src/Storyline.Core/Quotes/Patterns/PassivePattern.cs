using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>"CONTENT was reported by SOURCE [, citing Z]": the reported clause is the subject before the cue.</summary>
internal sealed class PassivePattern
{
    private readonly QuoteTokens view;
    private readonly SourcePhrases sources;
    private readonly ReportedClause clauses;

    public PassivePattern(QuoteTokens view, SourcePhrases sources, ReportedClause clauses)
    {
        this.view = view;
        this.sources = sources;
        this.clauses = clauses;
    }

    /// <summary>
    /// Whether the cue is passive with a source after "by"; then <paramref name="found"/> is its attribution, or null
    /// when there is no clause before it.
    /// </summary>
    public bool TryMatch(in CueAt cue, out FoundQuote? found)
    {
        found = null;
        int i = cue.Token;
        if (!(i + 1 <= cue.Last && view.Lower[i + 1] == "by" && sources.SourceAfter(i + 2, cue.Last) is (int p0, int p1)))
        {
            return false;
        }

        int subjectEnd = cue.CueStart - 1;
        if (subjectEnd < cue.First)
        {
            return true;
        }

        TextSpan? citing = clauses.CitingAfter(p1 + 1, cue.Last);
        found = view.Take(
            new FoundQuote(view.Span(clauses.ClauseStart(cue.First, subjectEnd), subjectEnd), QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, cue.CueEnd), view.Span(p0, p1), Citing: citing, Act: ReportedClause.ActOf(cue.Lemma)),
            cue.CueStart, cue.CueEnd, p0, p1);
        return true;
    }
}
