using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// Where a reported clause starts and ends: after the cue and its object ("told reporters that …"), up to the end of
/// the sentence or a trailing ", citing …" / ", according to …"; or, for a clause before its cue, from the sentence
/// start or the last colon. Also reads the citing chain ("…, citing a government source").
/// </summary>
internal sealed class ReportedClause
{
    // How far "said in a statement on Monday that …" may put its "that" after the cue.
    private const int MaxLeadIn = 8;

    // How far into a clause its finite verb may stand: "the price of vegetables will rise".
    private const int MaxSubjectWords = 8;

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

        // Where and how it was said comes before what was said: "said in a statement on Monday that …", "said in a
        // statement Thursday night they pulled …".
        if (afterCue <= last && (FunctionWords.Prepositions.Contains(view.Lower[afterCue]) || CueLexicon.AdverbialOpeners.Contains(view.Lower[afterCue])))
        {
            for (int k = afterCue + 1; k <= Math.Min(last, afterCue + MaxLeadIn); k++)
            {
                if (view.Tokens[k].Kind == TokenKind.Quote || view.QuoteOf[k] >= 0)
                {
                    break;
                }

                string w = view.Lower[k];
                if (w == "that" || ((FunctionWords.SubjectPronouns.Contains(w) || FunctionWords.SubjectContractions.Contains(w)) && IsClause(k, last)))
                {
                    return k;
                }
            }
        }

        return afterCue;
    }

    /// <summary>
    /// What the words from <paramref name="start"/> to <paramref name="end"/> after a cue with lemma
    /// <paramref name="lemma"/> report, or null when they report nothing: a belief or a finding by the verb
    /// ("believes …", "found …"); a statement when they are a clause (<see cref="IsClause"/>); a speech act told without
    /// its words when they are a thing ("denied the report", "accused him of lying"); nothing when they only say where
    /// or when ("explained from Winnipeg") or the verb reports only with a clause ("added yet another goal").
    /// </summary>
    public QuoteAct? ActOf(int start, int end, string lemma)
    {
        if (start > end)
        {
            return null;
        }

        // "Talks continued, and people familiar with the talks said …": a coordinator after the cue opens a clause of
        // its own, which the cue does not report.
        if (CueLexicon.Coordinators.Contains(view.Lower[start]))
        {
            return null;
        }

        if (CueLexicon.BeliefCues.Contains(lemma))
        {
            return QuoteAct.Belief;
        }

        if (CueLexicon.FindingCues.Contains(lemma))
        {
            return QuoteAct.Finding;
        }

        if (FunctionWords.PlaceAndTimePrepositions.Contains(view.Lower[start]))
        {
            // "said at 7:30 p.m., there were no units": a clause after the time or place is still reported.
            int comma = CommaAfter(start, end);
            return comma > 0 && comma < end && IsClause(comma + 1, end) ? QuoteAct.Statement : null;
        }

        bool weak = CueLexicon.WeakCues.Contains(lemma);
        if (IsClause(start, end) || (!weak && HasVerb(start, end)))
        {
            return QuoteAct.Statement;
        }

        return CueLexicon.SpeechOnlyWithClause.Contains(lemma) ? null : QuoteAct.Description;
    }

    // The first comma within a few words of start, or -1.
    private int CommaAfter(int start, int end)
    {
        for (int k = start + 1; k <= Math.Min(end, start + MaxLeadIn); k++)
        {
            if (view.Lower[k] == ",")
            {
                return k;
            }

            if (view.Tokens[k].Kind == TokenKind.Quote || view.QuoteOf[k] >= 0)
            {
                break;
            }
        }

        return -1;
    }

    // Whether any word of the span may be a finite verb, read generously (any -s word counts): after a speech verb,
    // only a plain noun phrase ("denied interference in the election", "confirmed the move") is a thing.
    private bool HasVerb(int start, int end)
    {
        for (int k = start; k <= end; k++)
        {
            if (view.Tokens[k].Kind == TokenKind.Quote || view.QuoteOf[k] >= 0)
            {
                return true;
            }

            if (view.Tokens[k].Kind != TokenKind.Word)
            {
                continue;
            }

            string v = view.Lower[k];
            string before = k > start ? view.Lower[k - 1] : string.Empty;
            if (v == "that" || FunctionWords.Auxiliaries.Contains(v) || FunctionWords.SubjectContractions.Contains(v) || FunctionWords.IrregularPast.Contains(v)
                || (k > start && v.Length > 4 && v.EndsWith("ed", StringComparison.Ordinal) && !FunctionWords.Degree.Contains(before) && !CueLexicon.Determiners.Contains(before))
                || (k > start && v.Length > 3 && v.EndsWith('s') && !v.EndsWith("ss", StringComparison.Ordinal) && !CueLexicon.Determiners.Contains(before) && !FunctionWords.Prepositions.Contains(before)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The act of an attribution whose content is not read after its cue (the passive): by the verb alone.</summary>
    public static QuoteAct ActOf(string lemma) =>
        CueLexicon.BeliefCues.Contains(lemma) ? QuoteAct.Belief : CueLexicon.FindingCues.Contains(lemma) ? QuoteAct.Finding : QuoteAct.Statement;

    /// <summary>
    /// Whether the words open a clause: "that …", "whether …", a pronoun and its verb ("they get it", "he's
    /// qualified"), or a subject and a finite verb within a few words ("investigators believe Moeckel made it", "the
    /// price will rise"); a quotation in them counts as speech.
    /// </summary>
    public bool IsClause(int start, int end)
    {
        string w = view.Lower[start];
        if (w is "that" or "whether" or "if" || FunctionWords.SubjectContractions.Contains(w))
        {
            return true;
        }

        if (FunctionWords.SubjectPronouns.Contains(w))
        {
            return start + 1 <= end && view.Tokens[start + 1].Kind == TokenKind.Word && !view.IsCapitalized(start + 1)
                && !CueLexicon.Determiners.Contains(view.Lower[start + 1]) && !FunctionWords.Prepositions.Contains(view.Lower[start + 1])
                && view.Lower[start + 1] is not ("and" or "or");
        }

        if (FunctionWords.Prepositions.Contains(w) || FunctionWords.WhWords.Contains(w) || FunctionWords.IsLyAdverb(w) || view.Tokens[start].Kind != TokenKind.Word && view.Tokens[start].Kind != TokenKind.Number)
        {
            return false;
        }

        for (int k = start + 1; k <= Math.Min(end, start + MaxSubjectWords); k++)
        {
            if (view.Tokens[k].Kind == TokenKind.Quote || view.QuoteOf[k] >= 0)
            {
                return true; // a partial quote in the clause: "adding the cuts "worry me as a parent""
            }

            if (view.Tokens[k].Kind is not (TokenKind.Word or TokenKind.Number))
            {
                return false;
            }

            string v = view.Lower[k];
            string before = view.Lower[k - 1];
            if (FunctionWords.Auxiliaries.Contains(v) || FunctionWords.SubjectContractions.Contains(v) || FunctionWords.IrregularPast.Contains(v)
                || (v.Length > 4 && v.EndsWith("ed", StringComparison.Ordinal) && !FunctionWords.Degree.Contains(before) && !CueLexicon.Determiners.Contains(before))
                || (v.Length > 2 && v.EndsWith('s') && !v.EndsWith("ss", StringComparison.Ordinal) && (view.IsCapitalized(k - 1) || before is "it" or "this" or "he" or "she")))
            {
                return true;
            }
        }

        return false;
    }

    // The reported clause runs to the end of the sentence, or to a trailing ", citing …" / ", according to …", or to a
    // source and its cue that close the sentence (", the Harbourton Water Authority said.": theirs is the sentence).
    public int ClauseEnd(int start, int last)
    {
        for (int j = start; j <= last; j++)
        {
            if (view.Lower[j] == "," && j > start && view.QuoteOf[j] < 0 && IsClosingAttribution(j + 1, last))
            {
                return j - 1;
            }

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

            if (view.Lower[j] is "," or ";" && j > start && j + 1 <= last && view.QuoteOf[j] < 0 && IsReportersContinuation(j + 1, last))
            {
                return j - 1;
            }
        }

        return last;
    }

    // A source phrase and a reporting verb that end the sentence: ", the authority said." (not a weak cue: ", experts
    // believe" may be part of what was reported).
    private bool IsClosingAttribution(int at, int last)
    {
        int cue = last;
        while (cue > at && view.Tokens[cue].Kind == TokenKind.Punctuation && view.QuoteOf[cue] < 0)
        {
            cue--;
        }

        if (cue - at is < 1 or > SourcePhrases.MaxSourceWords || CueLexicon.Lemma(view.Lower[cue]) is not string lemma
            || CueLexicon.WeakCues.Contains(lemma) || CueLexicon.BeliefCues.Contains(lemma))
        {
            return false;
        }

        return sources.SourceBefore(cue - 1, at) is (int sourceStart, _) && sourceStart == at;
    }

    // What follows a comma that is no longer the source's words: "…, though President Putin is due to speak" (the
    // reporter's aside); "…, but the reports didn't specify when" (a new subject); "…, but added that …" (a new
    // attribution of the same speaker). "…, but if the president …" and "…, but it is …" may still be the speaker's.
    private bool IsReportersContinuation(int at, int last)
    {
        string w = view.Lower[at];
        if (w is "though" or "although")
        {
            return true;
        }

        if (w != "but" || at + 1 > last)
        {
            return false;
        }

        string next = view.Lower[at + 1];
        return CueLexicon.Lemma(next) is not null || next is "the" or "a" or "an" or "those" or "these";
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
