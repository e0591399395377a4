using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// The indirect attributions of a sentence: at each unused cue, the attribution patterns in turn, the first that
/// decides wins ("according to"; a participle after a comma; the passive "was reported by"; "quoted X as saying";
/// "X said that"; the clause first, then the source). Between them stand the checks that make a verb no cue here:
/// a participle or a noun ("additional reporting"), "want to", "called for", a lone "citing", and a weak cue ("found",
/// "believes") with no clause after it.
/// </summary>
internal sealed class ReportedSpeech
{
    private readonly QuoteTokens view;
    private readonly SourcePhrases sources;
    private readonly ReportedClause clauses;
    private readonly AccordingToPattern accordingTo;
    private readonly ParticiplePattern participle;
    private readonly PassivePattern passive;
    private readonly QuotedAsSayingPattern quotedAsSaying;
    private readonly SaidThatPattern saidThat;
    private readonly ClauseThenSourcePattern clauseThenSource;

    public ReportedSpeech(QuoteTokens view, SourcePhrases sources, ReportedClause clauses)
    {
        this.view = view;
        this.sources = sources;
        this.clauses = clauses;
        accordingTo = new AccordingToPattern(view, clauses);
        participle = new ParticiplePattern(view, sources, clauses);
        passive = new PassivePattern(view, sources, clauses);
        quotedAsSaying = new QuotedAsSayingPattern(view, clauses);
        saidThat = new SaidThatPattern(view, clauses);
        clauseThenSource = new ClauseThenSourcePattern(view, sources, clauses);
    }

    /// <summary>Adds the sentence's indirect attributions to <paramref name="found"/>.</summary>
    public void Find(Sentence sentence, List<FoundQuote> found)
    {
        int first = sentence.FirstToken;
        int end = Math.Min(view.Count, sentence.FirstToken + sentence.TokenCount); // exclusive
        int last = end - 1;
        while (last > first && view.Tokens[last].Kind is TokenKind.Punctuation or TokenKind.Quote && view.QuoteOf[last] < 0)
        {
            last--;
        }

        int coveredUntil = -1; // a cue inside an earlier attribution's reported clause is not an attribution of its own
        TextSpan? earlier = null;
        for (int i = first; i <= last; i++)
        {
            if (view.Taken[i] || view.QuoteOf[i] >= 0 || i <= coveredUntil)
            {
                continue;
            }

            FoundQuote? attribution = accordingTo.Starts(i, last)
                ? accordingTo.Match(sentence.Index, i, first, last)
                : AtCue(sentence.Index, i, first, last, earlier);
            if (attribution is not null)
            {
                found.Add(attribution);
                earlier = attribution.Source ?? earlier;
                int contentEndToken = view.TokenAt(attribution.Content.End - 1);
                coveredUntil = Math.Max(coveredUntil, Math.Max(contentEndToken, view.TokenAt(attribution.Cue!.Value.End - 1)));
            }
        }
    }

    // earlier: the source of the sentence's attribution before this cue, where there is one.
    private FoundQuote? AtCue(int sentence, int i, int first, int last, TextSpan? earlier)
    {
        if (view.Cue(i) is not (int cueStart, int cueEnd, string lemma))
        {
            return null;
        }

        var cue = new CueAt(sentence, i, first, last, cueStart, cueEnd, lemma);
        if (participle.Match(cue) is FoundQuote byParticiple)
        {
            return byParticiple;
        }

        if (IsNoCue(cue))
        {
            return null;
        }

        if (passive.TryMatch(cue, out FoundQuote? byPassive))
        {
            return byPassive;
        }

        // "dozens of deaths were reported in …": a passive cue without "by" has its source nowhere before it (what
        // comes before is what was reported).
        bool passiveWithoutBy = IsPassive(cue);
        (int, int)? source = passiveWithoutBy ? null : sources.SourceBefore(cueStart - 1, first);
        if (source is null && !passiveWithoutBy && cueStart - 1 > first && view.Lower[cueStart - 1] is "and" or "but" && earlier is TextSpan previousSource)
        {
            // "Mahathir said …, but added that …": a second verb of the same speaker.
            source = (view.TokenAt(previousSource.Start), view.TokenAt(previousSource.End - 1));
        }

        if (quotedAsSaying.TryMatch(cue, source, out FoundQuote? relayed))
        {
            return relayed;
        }

        if (lemma == "cite" && view.Lower[i] == "citing")
        {
            return null;
        }

        int afterCue = clauses.ContentStart(cue);
        if (saidThat.Match(cue, source, afterCue) is FoundQuote said)
        {
            return said;
        }

        return CueLexicon.WeakCues.Contains(lemma) ? null : clauseThenSource.Match(cue, source, afterCue);
    }

    // "were reported", "is said", "had been told": a form of "be" among the cue's auxiliaries before a participle.
    private bool IsPassive(in CueAt cue)
    {
        if (view.Lower[cue.Token].EndsWith("ing", StringComparison.Ordinal))
        {
            return false;
        }

        for (int j = cue.CueStart; j < cue.Token; j++)
        {
            if (CueLexicon.BeForms.Contains(view.Lower[j]))
            {
                return true;
            }
        }

        return false;
    }

    // A participle that continues an attribution already found ("…, citing X"; chains are read there) or is a noun
    // ("additional reporting"): only "as saying" and "is saying" are cues. And "want to", "called for", "called on",
    // "showed up": not reporting.
    private bool IsNoCue(in CueAt cue)
    {
        int i = cue.Token;
        if (view.Lower[i].EndsWith("ing", StringComparison.Ordinal) && (i == cue.First || !CueLexicon.ProgressiveAuxiliaries.Contains(view.Lower[i - 1])))
        {
            return true;
        }

        return i + 1 <= cue.Last
            && ((view.Lower[i + 1] == "to" && !CueLexicon.SpeechBeforeTo.Contains(cue.Lemma))
                || (CueLexicon.PhrasalParticles.Contains(view.Lower[i + 1]) && CueLexicon.PhrasalVerbs.Contains(cue.Lemma)));
    }
}
