using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// Reads source phrases around a cue: back from it to a clause boundary ("Kremlin spokesperson Dmitry Peskov said"),
/// with appositives and relative clauses ("Dmitry Peskov, the Kremlin spokesman, said"; "One source who spoke on
/// condition of anonymity told"), forward from it ("said Vladivostok resident Fyodor"), and a sentence's plain subject.
/// </summary>
internal sealed class SourcePhrases
{
    /// <summary>The longest source phrase read, in words: longer runs are clauses, not sources.</summary>
    public const int MaxSourceWords = 12;

    private readonly QuoteTokens view;
    private readonly SourceBounds bounds;

    public SourcePhrases(QuoteTokens view)
    {
        this.view = view;
        bounds = new SourceBounds(view);
    }

    // The source phrase that ends at token end, read back to a clause boundary.
    public (int Start, int End)? SourceBefore(int end, int first = 0)
    {
        if (end < 0 || end < first)
        {
            return null;
        }

        int sentenceFirst = Math.Max(first, view.Article.Sentences[view.SentenceOf[end]].FirstToken);
        if (view.Lower[end] == "," && end - 1 >= sentenceFirst)
        {
            return AppositiveSourceBefore(end, sentenceFirst, first);
        }

        // "Calloway on Thursday flatly denied": the source is before the time phrase, without it.
        if (TimeEndingAt(end) is int timeStart)
        {
            int before = timeStart - 1;
            while (before >= sentenceFirst && CueLexicon.TimeLeads.Contains(view.Lower[before]))
            {
                before--;
            }

            return before >= sentenceFirst && before < end ? SourceBefore(before, first) : null;
        }

        // "Sen. Claire McCaskill (D-Mo.) said": the name before the parenthesis, with it.
        if (view.Lower[end] == ")" && OpeningBracket(end, sentenceFirst) is int open && open - 1 >= sentenceFirst)
        {
            return SourceBefore(open - 1, first) is (int named, _) ? (named, end) : null;
        }

        int start = end + 1;
        int words = 0;
        for (int j = end; j >= sentenceFirst; j--)
        {
            if (view.QuoteOf[j] >= 0 || view.Taken[j])
            {
                break;
            }

            // "A person familiar with the companies' planning": a plural's apostrophe is part of the phrase.
            if (words > 0 && view.IsPluralPossessive(j))
            {
                start = j;
                continue;
            }

            Token token = view.Tokens[j];
            string w = view.Lower[j];
            if (token.Kind == TokenKind.Punctuation && w is not ("." or "-" or "&"))
            {
                // An appositive: "Dmitry Peskov, the Kremlin spokesman, said" keeps the name and the role.
                if (w == "," && words > 0 && j - 1 >= sentenceFirst && IsAppositive(start, end) && (view.IsCapitalized(j - 1) || view.Lower[j - 1] == ")"))
                {
                    start = j;
                    continue;
                }

                break;
            }

            if (token.Kind == TokenKind.Quote || CueLexicon.Lemma(w) is not null && words > 0 && w != "state")
            {
                break;
            }

            // "Authorities in eastern Libya said": a short place after a group of people is part of the source.
            if (w is "in" or "at" && words is > 0 and <= 3 && j > sentenceFirst && CueLexicon.PlacedGroups.Contains(view.Lower[j - 1]))
            {
                start = j;
                continue;
            }

            if (CueLexicon.SourceStops.Contains(w) && !(j > sentenceFirst && words > 0 && CueLexicon.SourceModifiers.Contains(view.Lower[j - 1]))
                && !(CueLexicon.NameLinks.Contains(w) && words > 0 && j > sentenceFirst && view.IsCapitalized(j + 1) && view.IsCapitalized(j - 1)))
            {
                break;
            }

            if (w is "and" or "or" && words >= 2)
            {
                // "Egypt, Turkey and the United Arab Emirates said": a list of names from the sentence start is one source.
                if (w == "and" && NamesFrom(sentenceFirst, j - 1))
                {
                    start = sentenceFirst;
                    break;
                }

                break;
            }

            // A finite verb ends the subject: "Fairways are important here and Woods found" (a relative clause is
            // taken in below: "a person who has seen it said").
            if (FunctionWords.Auxiliaries.Contains(w) && !view.IsCapitalized(j))
            {
                break;
            }

            start = j;
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }

            if (words >= MaxSourceWords)
            {
                return null;
            }

            // A pronoun next to the cue is the whole subject: "after 18 starts he knows"; so is "it", unless a preposition
            // makes it an object ("sources familiar with it said"): "the 250,000 people it says need help" is no source
            // of ours (an "it" names nobody), where it was "250,000 people it".
            if (j == end && (CueLexicon.Pronouns.Contains(w)
                || (w == "it" && !(j > sentenceFirst && FunctionWords.Prepositions.Contains(view.Lower[j - 1])))))
            {
                break;
            }
        }

        // "One source who spoke on condition of anonymity told …": the relative clause belongs to the source.
        for (int j = start - 1; j >= Math.Max(sentenceFirst + 1, start - MaxSourceWords); j--)
        {
            if (view.QuoteOf[j] >= 0 || view.Tokens[j].Kind != TokenKind.Word
                || (CueLexicon.Lemma(view.Lower[j]) is string verb && view.Lower[j] != "spoke" && !CueLexicon.AnonymityRequests.Contains(verb)))
            {
                break;
            }

            if (view.Lower[j] is "who" or "whose")
            {
                if (SourceBefore(j - 1, first) is (int headStart, _))
                {
                    start = headStart;
                }

                break;
            }
        }

        // "what he said about Uber": a free relative, no source — unless a quotation follows ("what officials called
        // "a hate crime"": the quoted words are theirs).
        if (start <= end && (FunctionWords.WhWords.Contains(view.Lower[start]) || (start - 1 >= sentenceFirst && FunctionWords.WhWords.Contains(view.Lower[start - 1]))))
        {
            if (!QuoteSoonAfter(end + 1))
            {
                return null;
            }

            if (FunctionWords.WhWords.Contains(view.Lower[start]))
            {
                start++;
            }
        }

        // "engineers have long warned": words between an auxiliary and the cue are adverbs, not the subject; the
        // subject is before the auxiliary.
        if (start <= end && start - 1 >= sentenceFirst && FunctionWords.Auxiliaries.Contains(view.Lower[start - 1]) && !view.IsCapitalized(start - 1)
            && end - start < 2 && Enumerable.Range(start, end - start + 1).All(j => view.Tokens[j].Kind == TokenKind.Word && !view.IsCapitalized(j) && !CueLexicon.Pronouns.Contains(view.Lower[j])))
        {
            int aux = start - 1;
            while (aux - 1 >= sentenceFirst && (FunctionWords.Auxiliaries.Contains(view.Lower[aux - 1]) || CueLexicon.CuePrefix.Contains(view.Lower[aux - 1])))
            {
                aux--;
            }

            return aux - 1 >= first ? SourceBefore(aux - 1, first) : null;
        }

        // "Late on Monday the eastern administration said", "Sept. 26, the White House said": a time phrase that opens
        // the sentence is not part of the source.
        start = AfterLeadingTime(start, end);
        return bounds.Phrase(start, end);
    }

    // Whether the tokens from first to last are capitalised words ("Mr. Grassley"), or names separated by commas
    // whose every part opens with a name the entity stage found ("Egypt, Turkey"), not a sentence opener ("Meanwhile,
    // Turkey", "In Gaza, Hamas").
    private bool NamesFrom(int first, int last)
    {
        if (last < first || !view.IsCapitalized(first) || !view.IsCapitalized(last))
        {
            return false;
        }

        bool commas = false;
        for (int k = first; k <= last; k++)
        {
            if (view.QuoteOf[k] >= 0 || view.Taken[k])
            {
                return false;
            }

            commas |= view.Lower[k] == ",";
        }

        bool partStart = true;
        for (int k = first; k <= last; k++)
        {
            if (view.Lower[k] == ",")
            {
                partStart = true;
                continue;
            }

            if ((!view.IsCapitalized(k) && view.Lower[k] != ".") || (commas && partStart && !OpensMention(k)))
            {
                return false;
            }

            partStart = false;
        }

        return true;
    }

    private bool OpensMention(int token)
    {
        int offset = view.Tokens[token].Span.Start;
        return view.Article.Mentions.Any(m => m.Span.Start == offset);
    }

    // The first token of the time expression that ends at token <paramref name="token"/>, or null.
    private int? TimeEndingAt(int token)
    {
        int end = view.Tokens[token].Span.End;
        foreach (TimeExpression time in view.Article.Times)
        {
            if (time.Span.End == end && view.TokenAt(time.Span.Start) is int first && first >= 0 && first <= token)
            {
                return first;
            }
        }

        return null;
    }

    private int AfterLeadingTime(int start, int end)
    {
        int j = start;
        while (j <= end && CueLexicon.TimeLeads.Contains(view.Lower[j]))
        {
            j++;
        }

        foreach (TimeExpression time in view.Article.Times)
        {
            // Only a phrase of its own: a comma, a determiner or a name after it ("Recent polling" keeps its adjective).
            if (j <= end && time.Span.Start == view.Tokens[j].Span.Start && view.TokenAt(time.Span.End - 1) is int last && last >= j && last < end
                && (view.Lower[last + 1] == "," || CueLexicon.Determiners.Contains(view.Lower[last + 1]) || view.IsCapitalized(last + 1)))
            {
                j = last + 1;
                while (j <= end && view.Lower[j] == ",")
                {
                    j++;
                }

                return j;
            }
        }

        return start;
    }

    private bool QuoteSoonAfter(int from)
    {
        for (int k = from; k < Math.Min(view.Count, from + 6); k++)
        {
            if (view.Tokens[k].Kind == TokenKind.Quote || view.QuoteOf[k] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // "Mike Shields, president of the Congressional Leadership Fund, a super PAC …, said": the source is the name and
    // its appositives. The name is the farthest one (within reach) that a comma follows; failing a known name, the
    // nearest capitalised word before a comma.
    private (int Start, int End)? AppositiveSourceBefore(int comma, int sentenceFirst, int first)
    {
        int best = -1;
        for (int j = comma - 1; j > sentenceFirst && comma - j < 3 * MaxSourceWords; j--)
        {
            if (view.QuoteOf[j] >= 0 || view.Tokens[j].Kind == TokenKind.Quote || view.Lower[j] is ";" or ":" || (CueLexicon.Lemma(view.Lower[j]) is not null && view.Taken[j]))
            {
                break;
            }

            if (view.Lower[j] == "," && (view.IsCapitalized(j - 1) || view.Tokens[j - 1].Kind == TokenKind.Number || view.Lower[j - 1] == ")"))
            {
                int nameEnd = NameBefore(j);
                bool named = nameEnd >= 0 && view.Article.Mentions.Any(m => m.Span.End == view.Tokens[nameEnd].Span.End && m.Type is EntityType.Person or EntityType.Organization);
                if (named || best < 0)
                {
                    best = j;
                }
            }
        }

        if (best < 0)
        {
            return null;
        }

        int headEnd = NameBefore(best);
        return headEnd >= sentenceFirst && view.Lower[headEnd] != "," && SourceBefore(headEnd, first) is (int s0, _) ? (s0, comma - 1) : null;
    }

    // The last token of the name before a comma: "Yin Myint May, 60, a doctor, said" — an age after the name is
    // skipped, and so is a parenthesis ("Rep. Bobby Scott (D-Va.), ranking member, said").
    private int NameBefore(int comma)
    {
        if (view.Lower[comma - 1] == ")" && OpeningBracket(comma - 1, 0) is int open)
        {
            return open - 1;
        }

        if (view.Tokens[comma - 1].Kind != TokenKind.Number)
        {
            return comma - 1;
        }

        return comma - 2 >= 0 && view.Lower[comma - 2] == "," ? comma - 3 : comma - 2;
    }

    // The "(" that the ")" at <paramref name="close"/> closes, within a few tokens, or null.
    private int? OpeningBracket(int close, int floor)
    {
        for (int j = close - 1; j >= Math.Max(floor, close - 8); j--)
        {
            if (view.Lower[j] == "(")
            {
                return j;
            }

            if (view.Lower[j] == ")")
            {
                return null;
            }
        }

        return null;
    }

    private bool IsAppositive(int start, int end)
    {
        string w = view.Lower[start];
        return CueLexicon.AppositiveOpeners.Contains(w) && end - start < 10;
    }

    // The source phrase that starts at token start: "said Vladivostok resident Fyodor, who …" → "Vladivostok resident Fyodor".
    public (int Start, int End)? SourceAfter(int start, int last = -1, bool allowPrepositions = false)
    {
        if (last < 0)
        {
            last = start < view.Count ? view.SentenceOf[start] is int s ? view.Article.Sentences[s].FirstToken + view.Article.Sentences[s].TokenCount - 1 : start : start;
        }

        // "said he fully supports it": a pronoun after the cue that a verb follows opens the reported clause; only
        // one that ends the clause is the source ("…," said he.).
        if (start <= last && start < view.Count && CueLexicon.Pronouns.Contains(view.Lower[start]))
        {
            return start == last || view.Tokens[start + 1].Kind == TokenKind.Punctuation ? (start, start) : null;
        }

        int end = start - 1;
        int words = 0;
        for (int j = start; j <= last && j < view.Count; j++)
        {
            string w = view.Lower[j];
            if (view.QuoteOf[j] >= 0 || view.Tokens[j].Kind == TokenKind.Quote || (view.Tokens[j].Kind == TokenKind.Punctuation && w is not ("-" or "&" or "'s")))
            {
                break;
            }

            if (FunctionWords.Auxiliaries.Contains(w) && !view.IsCapitalized(j))
            {
                break;
            }

            if (CueLexicon.ClauseOpeners.Contains(w) || (CueLexicon.SourceAfterBreaks.Contains(w) && words > 0))
            {
                break;
            }

            if (!allowPrepositions && CueLexicon.SourceAfterStops.Contains(w))
            {
                if (words == 0)
                {
                    return null; // "said in a speech", "said of Mr. Trump": no source after the cue
                }

                break;
            }

            end = j;
            words++;
            if (words > MaxSourceWords)
            {
                return null;
            }
        }

        end = bounds.WithoutTrailer(start, end);
        return end >= start && bounds.Valid(start, end) ? (start, end) : null;
    }

    public (int Start, int End)? SourceBetween(int start, int end) => end >= start ? bounds.Phrase(start, end) : null;

    /// <summary>The subject of a sentence, where it is plain: a pronoun or a name that opens it (after "But", "And").</summary>
    public (int Start, int End)? Subject(int sentence) => bounds.Subject(sentence);
}
