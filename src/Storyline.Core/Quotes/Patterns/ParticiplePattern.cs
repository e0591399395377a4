using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>"He spoke on Tuesday, saying that …", "…, noting …": a participle after a comma, whose speaker is the sentence's subject.</summary>
internal sealed class ParticiplePattern
{
    private readonly QuoteTokens view;
    private readonly SourcePhrases sources;
    private readonly ReportedClause clauses;

    public ParticiplePattern(QuoteTokens view, SourcePhrases sources, ReportedClause clauses)
    {
        this.view = view;
        this.sources = sources;
        this.clauses = clauses;
    }

    /// <summary>The attribution, or null (a participle that is not this pattern is then no cue at all).</summary>
    public FoundQuote? Match(in CueAt cue)
    {
        int i = cue.Token;
        if (!(view.Lower[i].EndsWith("ing", StringComparison.Ordinal) && i > cue.First && view.Lower[i - 1] == "," && cue.Lemma is not ("cite" or "quote")
            && sources.Subject(cue.Sentence) is (int u0, int u1) && u1 < i - 1 && clauses.ClauseEnd(cue.CueEnd + 1, cue.Last) is int participleEnd && participleEnd > cue.CueEnd + 1))
        {
            return null;
        }

        int contentStart = cue.CueEnd + 1;
        if (CueLexicon.TakesObject.Contains(cue.Lemma) && CueLexicon.Addressees.Contains(view.Lower[contentStart]))
        {
            contentStart++;
        }

        if (contentStart > participleEnd || clauses.IsAdverbial(contentStart, participleEnd) || clauses.ActOf(contentStart, participleEnd, cue.Lemma) is not QuoteAct act)
        {
            return null;
        }

        var participle = new FoundQuote(view.Span(contentStart, participleEnd), QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, cue.CueEnd), view.Span(u0, u1), Act: act);
        return view.Take(participle, cue.CueStart, cue.CueEnd, cue.CueStart, cue.CueEnd);
    }
}
