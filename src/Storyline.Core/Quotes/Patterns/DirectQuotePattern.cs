using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// A direct quote and the cue beside it: after the closing mark ("…," said X / "…," X said / "…," X, the role, said),
/// or before the opening mark (X said: "…" / X said, "…" / said X: "…" / "…, telling CNBC: "…"" with the sentence's
/// subject as speaker).
/// </summary>
internal sealed class DirectQuotePattern
{
    private readonly QuoteTokens view;
    private readonly SourcePhrases sources;

    public DirectQuotePattern(QuoteTokens view, SourcePhrases sources)
    {
        this.view = view;
        this.sources = sources;
    }

    /// <summary>The attribution of the quote in mark pair <paramref name="q"/>, or null when it has no cue of its own.</summary>
    public FoundQuote? Match(int q)
    {
        QuoteMarks.Pair pair = view.Pairs[q];
        var content = TextSpan.FromBounds(pair.ContentStart, pair.Close);
        int close = view.TokenAt(pair.CloseEnd);
        int open = view.TokenAt(pair.Open);
        if (close < 0 || open < 0)
        {
            return null;
        }

        int sentence = view.SentenceOf[open];

        // After the closing mark, in the same paragraph: [,] cue source | [,] source cue
        int i = close + 1;
        if (i < view.Count && view.Lower[i] is "," or "\u2014" or "-")
        {
            i++;
        }

        if (i < view.Count && view.QuoteOf[i] < 0 && view.SameParagraph(close, i) && !EndsSentence(close - 1, i))
        {
            if (view.Cue(i) is (int cueStart, int cueEnd, _))
            {
                if (sources.SourceAfter(cueEnd + 1) is (int s0, int s1))
                {
                    return view.Take(new FoundQuote(content, QuoteKind.Direct, sentence, view.Span(cueStart, cueEnd), view.Span(s0, s1)), cueStart, cueEnd, s0, s1);
                }
            }
            else
            {
                // The source may carry an appositive: "…," Doug Usher, director of research at X, said at the time.
                for (int j = i; j < Math.Min(view.Count, i + 2 * SourcePhrases.MaxSourceWords); j++)
                {
                    if (view.QuoteOf[j] >= 0 || view.SentenceOf[j] != view.SentenceOf[i] || (view.Tokens[j].Kind is not (TokenKind.Word or TokenKind.Number) && view.Lower[j] is not ("." or "'s" or "," or "(" or ")" or "-")))
                    {
                        break;
                    }

                    if (j > i && view.Cue(j) is (int cs, int ce, _))
                    {
                        int sourceEnd = cs - 1;
                        while (sourceEnd > i && view.Lower[sourceEnd] == ",")
                        {
                            sourceEnd--;
                        }

                        if (sources.SourceBetween(i, sourceEnd) is (int s0, int s1))
                        {
                            return view.Take(new FoundQuote(content, QuoteKind.Direct, sentence, view.Span(cs, ce), view.Span(s0, s1)), cs, ce, s0, s1);
                        }

                        break;
                    }
                }
            }
        }

        // Before the opening mark: source cue [in a statement] [:|,] "…"  or  cue source [:|,] "…"
        int k = open - 1;
        if (k >= 0 && view.Lower[k] is ":" or ",")
        {
            k--;
        }

        int reach = view.Lower[Math.Max(0, open - 1)] == ":" ? 10 : 5;
        for (int back = 0; back < reach && k - back >= 0; back++)
        {
            int c = k - back;
            if (view.QuoteOf[c] >= 0 || view.Lower[c] is "." or "?" or "!" or ";")
            {
                break;
            }

            if (view.CueEndingAt(c) is (int cueStart, int cueEnd))
            {
                if (back > 0 && view.Lower[open - 1] != ":")
                {
                    break; // "said the plan was "…"": the quote is inside a reported clause, handled as a partial quote.
                }

                if (sources.SourceBefore(cueStart - 1) is (int s0, int s1))
                {
                    return view.Take(new FoundQuote(content, QuoteKind.Direct, sentence, view.Span(cueStart, cueEnd), view.Span(s0, s1)), cueStart, cueEnd, s0, s1);
                }

                if (cueStart > 0 && view.Lower[cueStart - 1] == "," && view.Lower[c].EndsWith("ing", StringComparison.Ordinal) && sources.Subject(view.SentenceOf[c]) is (int u0, int u1))
                {
                    // "Mr. Trump expressed admiration …, telling CNBC: "…"": the speaker is the sentence's subject.
                    return view.Take(new FoundQuote(content, QuoteKind.Direct, sentence, view.Span(cueStart, cueEnd), view.Span(u0, u1)), cueStart, cueEnd, u0, u1);
                }

                break;
            }
        }

        // "said Nikolai: "…""
        for (int c = Math.Max(0, k - SourcePhrases.MaxSourceWords); c <= k; c++)
        {
            if (view.Cue(c) is (int cueStart, int cueEnd, string lemma) && !CueLexicon.TakesObject.Contains(lemma) && cueEnd < k
                && sources.SourceAfter(cueEnd + 1) is (int s0, int s1) && s1 == k && view.Lower[open - 1] is ":" or ",")
            {
                return view.Take(new FoundQuote(content, QuoteKind.Direct, sentence, view.Span(cueStart, cueEnd), view.Span(s0, s1)), cueStart, cueEnd, s0, s1);
            }
        }

        return null;
    }

    // Whether a sentence ends between the quote's last word and the token after the closing mark ("… home." Then …).
    // A speaker and a cue that end the sentence still attribute it ("… home." Mr Peskov said.); a speaker and a cue
    // with a clause of their own open a new sentence ("…here." He did not say whether …).
    private bool EndsSentence(int lastInside, int after) =>
        lastInside >= 0 && view.Lower[lastInside] is "." or "?" or "!" && after < view.Count && view.IsCapitalized(after)
        && view.Cue(after) is null && !SpeakerThenCueEnd(after);

    private bool SpeakerThenCueEnd(int from)
    {
        for (int j = from; j < Math.Min(view.Count, from + 6); j++)
        {
            if (view.Tokens[j].Kind is not TokenKind.Word)
            {
                return false;
            }

            if (j > from && view.Cue(j) is (_, int cueEnd, _))
            {
                return cueEnd + 1 >= view.Count || view.Lower[cueEnd + 1] is "." or "," or "!" or "?" || view.SentenceOf[cueEnd + 1] != view.SentenceOf[j];
            }
        }

        return false;
    }
}
