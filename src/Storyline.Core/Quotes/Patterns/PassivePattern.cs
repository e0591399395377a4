using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>"CONTENT was reported by SOURCE [, citing Z]": the reported clause is the subject before the cue.</summary>
internal sealed class PassivePattern
{
    // How long the subject of the sentence before may be ("Kim's trip").
    private const int MaxSubjectTokens = 8;

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

        int subjectStart = clauses.ClauseStart(cue.First, subjectEnd);
        TextSpan content = view.Span(subjectStart, subjectEnd);
        if (subjectStart == subjectEnd && view.Lower[subjectStart] is "it" or "this" or "that")
        {
            // "Kim's trip is still unconfirmed. It was first reported by the New York Times": what was reported is the
            // subject of the sentence before, not the word "It".
            if (SubjectOfPreviousSentence(cue.Sentence) is not TextSpan antecedent)
            {
                return true;
            }

            content = antecedent;
        }

        TextSpan? citing = clauses.CitingAfter(p1 + 1, cue.Last);
        found = view.Take(
            new FoundQuote(content, QuoteKind.Indirect, cue.Sentence, view.Span(cue.CueStart, cue.CueEnd), view.Span(p0, p1), Citing: citing, Act: ReportedClause.ActOf(cue.Lemma)),
            cue.CueStart, cue.CueEnd, p0, p1);
        return true;
    }

    // The words before the first finite verb of the previous sentence in the same paragraph ("Kim's trip" of "Kim's trip
    // is still unconfirmed"), when they are a short noun phrase.
    private TextSpan? SubjectOfPreviousSentence(int sentence)
    {
        if (sentence == 0 || view.Article.Sentences[sentence - 1].Paragraph != view.Article.Sentences[sentence].Paragraph)
        {
            return null;
        }

        Sentence previous = view.Article.Sentences[sentence - 1];
        int first = previous.FirstToken;
        for (int k = first + 1; k < Math.Min(first + previous.TokenCount, first + MaxSubjectTokens); k++)
        {
            if (view.Tokens[k].Kind != TokenKind.Word)
            {
                return null;
            }

            if (FunctionWords.Auxiliaries.Contains(view.Lower[k]) || FunctionWords.IrregularPast.Contains(view.Lower[k]) || CueLexicon.Lemma(view.Lower[k]) is not null)
            {
                return view.Span(first, k - 1);
            }
        }

        return null;
    }
}
