using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// Where a reported clause starts and ends: after the cue and its object ("told reporters that …"), up to the end of
/// the sentence or a trailing ", citing …" / ", according to …"; or, for a clause before its cue, from the sentence
/// start or the last colon. Also reads the citing chain ("…, citing a government source").
/// </summary>
internal sealed class ReportedClause
{
    private readonly QuoteTokens view;
    private readonly SourcePhrases sources;

    public ReportedClause(QuoteTokens view, SourcePhrases sources)
    {
        this.view = view;
        this.sources = sources;
    }

    /// <summary>
    /// The first token of the reported clause after a cue: past the object of "told reporters that …" and a colon or
    /// comma right after the cue.
    /// </summary>
    public int ContentStart(in CueAt cue)
    {
        int afterCue = cue.CueEnd + 1;
        int last = cue.Last;
        if (CueLexicon.TakesObject.Contains(cue.Lemma))
        {
            for (int j = afterCue; j <= Math.Min(last, afterCue + 5); j++)
            {
                if (view.Lower[j] == "that")
                {
                    afterCue = j;
                    break;
                }

                if (view.Lower[j] is "," or ":")
                {
                    afterCue = j + 1;
                    break;
                }
            }

            if (afterCue == cue.CueEnd + 1 && afterCue <= last && CueLexicon.Addressees.Contains(view.Lower[afterCue]))
            {
                afterCue++;
            }
        }

        if (afterCue <= last && view.Lower[afterCue] is ":" or ",")
        {
            afterCue++;
        }

        return afterCue;
    }

    // The reported clause runs to the end of the sentence, or to a trailing ", citing …" / ", according to …".
    public int ClauseEnd(int start, int last)
    {
        for (int j = start; j <= last; j++)
        {
            if (view.Lower[j] == "," && j + 1 <= last && (view.Lower[j + 1] is "citing" or "according" || (CueLexicon.SubjectPronouns.Contains(view.Lower[j + 1]) && j + 2 <= last && CueLexicon.Lemma(view.Lower[j + 2]) is not null)))
            {
                return j - 1;
            }

            if (view.Lower[j] == ":" && j + 1 <= last && view.QuoteOf[j + 1] >= 0 && j > start)
            {
                return j - 1;
            }

            if (view.Lower[j] == "citing" && view.QuoteOf[j] < 0)
            {
                return j - 1;
            }
        }

        return last;
    }

    // A clause that ends at the cue starts after the last ", but", "; " or the sentence start: the whole lead-in.
    public int ClauseStart(int first, int end)
    {
        for (int j = end; j > first; j--)
        {
            if (view.QuoteOf[j] < 0 && view.Lower[j] is ";" or ":")
            {
                return j + 1;
            }
        }

        return first;
    }

    // A few words after the cue that only say when or where it was said ("said on Monday"): no reported clause.
    public bool IsAdverbial(int start, int end)
    {
        int words = end - start + 1;
        if (words <= 0)
        {
            return true;
        }

        if (words > 5)
        {
            return false;
        }

        return CueLexicon.AdverbialOpeners.Contains(view.Lower[start]) || view.Lower[start] is "." or "," or "\u2014";
    }

    // "…, citing a government source": whom the source cites; its tokens are marked as used.
    public TextSpan? CitingAfter(int from, int last)
    {
        for (int j = from; j <= last; j++)
        {
            if (view.Lower[j] == "citing" && j + 1 <= last && sources.SourceAfter(j + 1, last, allowPrepositions: true) is (int c0, int c1))
            {
                for (int k = j; k <= c1; k++)
                {
                    view.Taken[k] = true;
                }

                return view.Span(c0, c1);
            }
        }

        return null;
    }
}
