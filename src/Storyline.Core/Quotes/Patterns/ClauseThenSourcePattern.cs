using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// "CONTENT, SOURCE CUE [adverbial] [, citing Z]." ("Kim appears to have departed, YTN reported on Monday, citing a
/// government source") and "CONTENT, CUE SOURCE." ("…, said the minister").
/// </summary>
internal sealed class ClauseThenSourcePattern
{
    private readonly QuoteTokens view;
    private readonly SourcePhrases sources;
    private readonly ReportedClause clauses;

    public ClauseThenSourcePattern(QuoteTokens view, SourcePhrases sources, ReportedClause clauses)
    {
        this.view = view;
        this.sources = sources;
        this.clauses = clauses;
    }

    /// <summary>The attribution, or null.</summary>
    /// <param name="cue">The cue.</param>
    /// <param name="source">The source phrase before the cue, where one was read.</param>
    /// <param name="afterCue">The first token after the cue and its object (<see cref="ReportedClause.ContentStart"/>).</param>
    public FoundQuote? Match(in CueAt cue, (int Start, int End)? source, int afterCue)
    {
        if (source is (int b0, int b1) && b0 - 1 > cue.First && view.Lower[b0 - 1] == ",")
        {
            TextSpan? citing = clauses.CitingAfter(afterCue, cue.Last);
            int contentEnd = b0 - 2;
            return view.Take(
                new FoundQuote(view.Span(clauses.ClauseStart(cue.First, contentEnd), contentEnd), QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, cue.CueEnd), view.Span(b0, b1), Citing: citing),
                cue.CueStart, cue.CueEnd, b0, b1);
        }

        // Inverted, the source ends the sentence or an appositive follows it: "…, said the minister(, who …)." A name
        // that a comma and another name follow opens a list, the subject of a reported clause ("The administration, which
        // rivals the government in Tripoli, said Shahat, Al-Marj and Derna were the worst hit"), not a source.
        if (source is null && cue.CueStart - 1 > cue.First && view.Lower[cue.CueStart - 1] == "," && sources.SourceAfter(cue.CueEnd + 1, cue.Last) is (int a0, int a1)
            && (a1 == cue.Last || (view.Lower[a1 + 1] == "," && !(a0 == a1 && ListGoesOn(a1 + 2, cue.Last)))))
        {
            int contentEnd = cue.CueStart - 2;
            return view.Take(
                new FoundQuote(view.Span(clauses.ClauseStart(cue.First, contentEnd), contentEnd), QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, cue.CueEnd), view.Span(a0, a1)),
                cue.CueStart, cue.CueEnd, a0, a1);
        }

        return null;
    }

    // Whether the words from start are more names of a list: capitalised words (and hyphens) up to a comma, "and" or
    // "or" ("Al-Marj, Sousse and Derna"), not an appositive ("Putin's spokesman", "Kremlin spokesman", "CEO of Acme").
    private bool ListGoesOn(int start, int last)
    {
        int k = start;
        while (k <= last && (view.IsCapitalized(k) || view.Lower[k] == "-"))
        {
            k++;
        }

        return k > start && k <= last && view.Lower[k] is "," or "and" or "or";
    }
}
