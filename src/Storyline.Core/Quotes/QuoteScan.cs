using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>The working state of <see cref="QuoteFinder"/> over one report: made, used and dropped per call.</summary>
internal sealed class QuoteScan
{
    private const int MaxSourceWords = 12;

    private readonly AnalyzedArticle article;
    private readonly string body;
    private readonly ImmutableArray<Token> tokens;
    private readonly string[] lower;
    private readonly int[] sentenceOf;
    private readonly int[] quoteOf; // index of the direct quote a token lies in (marks included), or -1
    private readonly bool[] taken; // tokens already used as cue or source of some attribution
    private readonly List<QuoteMarks.Pair> pairs;
    private Dictionary<EntityKey, Entity>? entitiesByKey;

    public QuoteScan(AnalyzedArticle article)
    {
        this.article = article;
        body = article.Body;
        tokens = article.Tokens;
        lower = new string[tokens.Length];
        sentenceOf = new int[tokens.Length];
        quoteOf = new int[tokens.Length];
        taken = new bool[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            lower[i] = tokens[i].Kind is TokenKind.Word ? Lower(body.AsSpan(tokens[i].Span.Start, tokens[i].Span.Length)) : body.Substring(tokens[i].Span.Start, tokens[i].Span.Length);
            quoteOf[i] = -1;
        }

        foreach (Sentence s in article.Sentences)
        {
            for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount && t < tokens.Length; t++)
            {
                sentenceOf[t] = s.Index;
            }
        }

        pairs = QuoteMarks.Find(body);
        int p = 0;
        for (int i = 0; i < tokens.Length && p < pairs.Count; i++)
        {
            int start = tokens[i].Span.Start;
            while (p < pairs.Count && pairs[p].CloseEnd < start)
            {
                p++;
            }

            if (p < pairs.Count && start >= pairs[p].Open && start <= pairs[p].CloseEnd)
            {
                quoteOf[i] = p;
            }
        }
    }

    // One string, made lower-case as it is made (not a copy, then a lower-cased copy of that).
    private static string Lower(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(buffer);
        return new string(buffer);
    }

    public ImmutableArray<Quote> Run()
    {
        var found = new List<Found>();
        var direct = new Found?[pairs.Count];

        // Direct quotes first, so that their cues ("," he said) are not read again as indirect attributions.
        for (int q = 0; q < pairs.Count; q++)
        {
            direct[q] = AttributeDirect(q);
        }

        foreach (Sentence sentence in article.Sentences)
        {
            FindIndirect(sentence, found);
        }

        // A direct quote with no cue of its own takes the attribution whose reported clause holds it (a partial quote:
        // it had "nothing to say"), or else that of the quote just before it in the same passage (a second sentence
        // of the same speaker's words).
        Found? previous = null;
        int previousParagraph = -1;
        for (int q = 0; q < pairs.Count; q++)
        {
            QuoteMarks.Pair pair = pairs[q];
            var content = TextSpan.FromBounds(pair.ContentStart, pair.Close);
            int openToken = TokenAt(pair.Open);
            if (openToken < 0)
            {
                continue;
            }

            int sentence = sentenceOf[openToken];
            int paragraph = article.Sentences[sentence].Paragraph;
            Found? quote = direct[q];
            if (quote is null)
            {
                Found? holder = found.FirstOrDefault(f => f.Kind == QuoteKind.Indirect && f.Sentence == sentence
                    && f.Content.Start <= pair.Open && (f.Content.End > pair.Open || OnlyColonBetween(f.Content.End, pair.Open)));
                if (holder is not null)
                {
                    quote = holder with { Content = content, Kind = QuoteKind.Direct, Sentence = sentence, Partial = true };
                }
                else if (previous is not null && previous.Source is not null
                    && (paragraph == previousParagraph || (paragraph == previousParagraph + 1 && OpensParagraph(openToken))))
                {
                    quote = previous with { Content = content, Sentence = sentence, Continued = true };
                }
                else if (Words(content) >= 4 && StartsClause(openToken))
                {
                    // Unattributed words in marks that open a sentence are a quote of someone unnamed; inside a
                    // sentence they are a title or a scare quote ("The Apprentice", a "hit piece").
                    quote = new Found(content, QuoteKind.Direct, sentence, null, null);
                }
            }

            if (quote is not null)
            {
                found.Add(quote);
                if (quote.Source is not null)
                {
                    previous = quote;
                    previousParagraph = article.Sentences[sentenceOf[TokenAt(pair.Close) is int c and >= 0 ? c : openToken]].Paragraph;
                }
            }
        }

        return Resolve(found.Where(f => f.Content.Length > 0 && f.Source is not { Length: <= 0 }).OrderBy(f => f.Content.Start).ThenBy(f => f.Kind).ToList());
    }

    private bool OnlyColonBetween(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(body[i]) && body[i] != ':')
            {
                return false;
            }
        }

        return body.AsSpan(from, to - from).Contains(':');
    }

    private bool StartsClause(int token)
    {
        Sentence s = article.Sentences[sentenceOf[token]];
        return token == s.FirstToken || lower[token - 1] is ":" or "—";
    }

    private bool OpensParagraph(int token)
    {
        Sentence s = article.Sentences[sentenceOf[token]];
        return s.FirstToken == token && (s.Index == 0 || article.Sentences[s.Index - 1].Paragraph != s.Paragraph);
    }

    // "…," said X / "…," X said / X said: "…" / said X: "…"
    private Found? AttributeDirect(int q)
    {
        QuoteMarks.Pair pair = pairs[q];
        var content = TextSpan.FromBounds(pair.ContentStart, pair.Close);
        int close = TokenAt(pair.CloseEnd);
        int open = TokenAt(pair.Open);
        if (close < 0 || open < 0)
        {
            return null;
        }

        int sentence = sentenceOf[open];

        // After the closing mark, in the same paragraph: [,] cue source | [,] source cue
        int i = close + 1;
        if (i < tokens.Length && lower[i] is "," or "\u2014" or "-")
        {
            i++;
        }

        if (i < tokens.Length && quoteOf[i] < 0 && SameParagraph(close, i) && !EndsSentence(close - 1, i))
        {
            if (Cue(i) is (int cueStart, int cueEnd, _))
            {
                if (SourceAfter(cueEnd + 1) is (int s0, int s1))
                {
                    return Take(new Found(content, QuoteKind.Direct, sentence, Span(cueStart, cueEnd), Span(s0, s1)), cueStart, cueEnd, s0, s1);
                }
            }
            else
            {
                // The source may carry an appositive: "…," Doug Usher, director of research at X, said at the time.
                for (int j = i; j < Math.Min(tokens.Length, i + 2 * MaxSourceWords); j++)
                {
                    if (quoteOf[j] >= 0 || sentenceOf[j] != sentenceOf[i] || (tokens[j].Kind is not (TokenKind.Word or TokenKind.Number) && lower[j] is not ("." or "'s" or "," or "(" or ")" or "-")))
                    {
                        break;
                    }

                    if (j > i && Cue(j) is (int cs, int ce, _))
                    {
                        int sourceEnd = cs - 1;
                        while (sourceEnd > i && lower[sourceEnd] == ",")
                        {
                            sourceEnd--;
                        }

                        if (SourceBetween(i, sourceEnd) is (int s0, int s1))
                        {
                            return Take(new Found(content, QuoteKind.Direct, sentence, Span(cs, ce), Span(s0, s1)), cs, ce, s0, s1);
                        }

                        break;
                    }
                }
            }
        }

        // Before the opening mark: source cue [in a statement] [:|,] "…"  or  cue source [:|,] "…"
        int k = open - 1;
        if (k >= 0 && lower[k] is ":" or ",")
        {
            k--;
        }

        int reach = lower[Math.Max(0, open - 1)] == ":" ? 10 : 5;
        for (int back = 0; back < reach && k - back >= 0; back++)
        {
            int c = k - back;
            if (quoteOf[c] >= 0 || lower[c] is "." or "?" or "!" or ";")
            {
                break;
            }

            if (CueEndingAt(c) is (int cueStart, int cueEnd))
            {
                if (back > 0 && lower[open - 1] != ":")
                {
                    break; // "said the plan was "…"": the quote is inside a reported clause, handled as a partial quote.
                }

                if (SourceBefore(cueStart - 1) is (int s0, int s1))
                {
                    return Take(new Found(content, QuoteKind.Direct, sentence, Span(cueStart, cueEnd), Span(s0, s1)), cueStart, cueEnd, s0, s1);
                }

                if (cueStart > 0 && lower[cueStart - 1] == "," && lower[c].EndsWith("ing", StringComparison.Ordinal) && Subject(sentenceOf[c]) is (int u0, int u1))
                {
                    // "Mr. Trump expressed admiration …, telling CNBC: "…"": the speaker is the sentence's subject.
                    return Take(new Found(content, QuoteKind.Direct, sentence, Span(cueStart, cueEnd), Span(u0, u1)), cueStart, cueEnd, u0, u1);
                }

                break;
            }
        }

        // "said Nikolai: "…""
        for (int c = Math.Max(0, k - MaxSourceWords); c <= k; c++)
        {
            if (Cue(c) is (int cueStart, int cueEnd, string lemma) && !CueLexicon.TakesObject.Contains(lemma) && cueEnd < k
                && SourceAfter(cueEnd + 1) is (int s0, int s1) && s1 == k && lower[open - 1] is ":" or ",")
            {
                return Take(new Found(content, QuoteKind.Direct, sentence, Span(cueStart, cueEnd), Span(s0, s1)), cueStart, cueEnd, s0, s1);
            }
        }

        return null;
    }

    private void FindIndirect(Sentence sentence, List<Found> found)
    {
        int first = sentence.FirstToken;
        int end = Math.Min(tokens.Length, sentence.FirstToken + sentence.TokenCount); // exclusive
        int last = end - 1;
        while (last > first && tokens[last].Kind is TokenKind.Punctuation or TokenKind.Quote && quoteOf[last] < 0)
        {
            last--;
        }

        int coveredUntil = -1; // a cue inside an earlier attribution's reported clause is not an attribution of its own
        for (int i = first; i <= last; i++)
        {
            if (taken[i] || quoteOf[i] >= 0 || i <= coveredUntil)
            {
                continue;
            }

            Found? attribution = lower[i] == "according" && i + 1 <= last && lower[i + 1] == "to"
                ? AccordingTo(sentence, i, first, last)
                : ReportingVerb(sentence, i, first, last);
            if (attribution is not null)
            {
                found.Add(attribution);
                int contentEndToken = TokenAt(attribution.Content.End - 1);
                coveredUntil = Math.Max(coveredUntil, Math.Max(contentEndToken, TokenAt(attribution.Cue!.Value.End - 1)));
            }
        }
    }

    private Found? AccordingTo(Sentence sentence, int at, int first, int last)
    {
        int sourceStart = at + 2;
        int sourceEnd = sourceStart;
        while (sourceEnd + 1 <= last && lower[sourceEnd + 1] != "," && quoteOf[sourceEnd + 1] < 0 && sourceEnd - sourceStart < MaxSourceWords)
        {
            sourceEnd++;
        }

        if (sourceStart > last)
        {
            return null;
        }

        TextSpan content;
        if (at == first || (at == first + 1 && tokens[first].Kind != TokenKind.Word))
        {
            // According to X, CONTENT.
            if (sourceEnd + 2 > last)
            {
                return null;
            }

            content = Span(sourceEnd + 2, last);
        }
        else
        {
            // CONTENT, according to X.
            int contentEnd = lower[at - 1] == "," ? at - 2 : at - 1;
            if (contentEnd < first)
            {
                return null;
            }

            content = Span(ClauseStart(first, contentEnd), contentEnd);
        }

        var result = new Found(content, QuoteKind.Indirect, sentence.Index, Span(at, at + 1), Span(sourceStart, sourceEnd));
        return Take(result, at, at + 1, sourceStart, sourceEnd);
    }

    private Found? ReportingVerb(Sentence sentence, int i, int first, int last)
    {
        if (Cue(i) is not (int cueStart, int cueEnd, string lemma))
        {
            return null;
        }

        if (lower[i].EndsWith("ing", StringComparison.Ordinal) && i > first && lower[i - 1] == "," && lemma is not ("cite" or "quote")
            && Subject(sentence.Index) is (int u0, int u1) && u1 < i - 1 && ClauseEnd(cueEnd + 1, last) is int participleEnd && participleEnd > cueEnd + 1)
        {
            // "…, saying that …", "…, noting …": the participle's speaker is the sentence's subject.
            int contentStart = cueEnd + 1;
            if (CueLexicon.TakesObject.Contains(lemma) && lower[contentStart] is "reporters" or "him" or "her" or "them" or "us")
            {
                contentStart++;
            }

            if (contentStart <= participleEnd && !IsAdverbial(contentStart, participleEnd))
            {
                var participle = new Found(Span(contentStart, participleEnd), QuoteKind.Indirect, sentence.Index, Span(cueStart, cueEnd), Span(u0, u1));
                return Take(participle, cueStart, cueEnd, cueStart, cueEnd);
            }
        }

        if (lower[i].EndsWith("ing", StringComparison.Ordinal) && (i == first || lower[i - 1] is not ("as" or "is" or "are" or "was" or "were" or "been" or "be")))
        {
            // A participle continues an attribution already found ("…, citing X"; chains are read there) or is a noun
            // ("additional reporting"): only "as saying" and "is saying" are cues.
            return null;
        }

        if (i + 1 <= last && ((lower[i + 1] == "to" && lemma is not ("say" or "tell" or "report" or "write" or "explain" or "confirm" or "announce" or "state" or "reply" or "respond"))
            || (lower[i + 1] is "for" or "off" or "up" or "on" or "out" && lemma is "call" or "ask" or "show" or "find" or "want" or "hope" or "feel" or "know" or "continue")))
        {
            return null; // "want to", "called for", "called on", "showed up": not reporting
        }

        // Passive: CONTENT was reported by SOURCE [citing Z]
        if (i + 1 <= last && lower[i + 1] == "by" && SourceAfter(i + 2, last) is (int p0, int p1))
        {
            int subjectEnd = cueStart - 1;
            if (subjectEnd < first)
            {
                return null;
            }

            TextSpan? citing = CitingAfter(p1 + 1, last);
            return Take(new Found(Span(ClauseStart(first, subjectEnd), subjectEnd), QuoteKind.Indirect, sentence.Index, Span(cueStart, cueEnd), Span(p0, p1), Citing: citing), cueStart, cueEnd, p0, p1);
        }

        (int, int)? source = SourceBefore(cueStart - 1, first);
        TextSpan? citedBy = null;
        int afterCue = cueEnd + 1;

        // X quoted/cited Y as saying (that) CONTENT: Y is the source and X relays it.
        if (lemma is "quote" or "cite")
        {
            int asAt = -1;
            for (int j = afterCue; j <= Math.Min(last - 1, afterCue + MaxSourceWords); j++)
            {
                if (lower[j] == "as" && lower[j + 1] is "saying" or "telling" or "stating")
                {
                    asAt = j;
                    break;
                }
            }

            if (asAt > afterCue && source is (int r0, int r1))
            {
                citedBy = Span(r0, r1);
                int contentStart = asAt + 2;
                if (contentStart > last)
                {
                    return null;
                }

                var relayed = new Found(Span(contentStart, last), QuoteKind.Indirect, sentence.Index, Span(cueStart, asAt + 1), Span(afterCue, asAt - 1), CitedBy: citedBy);
                Take(relayed, cueStart, cueEnd, r0, r1);
                return Take(relayed, asAt, asAt + 1, afterCue, asAt - 1);
            }
        }

        if (lemma == "cite" && lower[i] == "citing")
        {
            return null;
        }

        // Skip the object of "told reporters that", and a colon or comma right after the cue.
        if (CueLexicon.TakesObject.Contains(lemma))
        {
            for (int j = afterCue; j <= Math.Min(last, afterCue + 5); j++)
            {
                if (lower[j] == "that")
                {
                    afterCue = j;
                    break;
                }

                if (lower[j] is "," or ":")
                {
                    afterCue = j + 1;
                    break;
                }
            }

            if (afterCue == cueEnd + 1 && afterCue <= last && lower[afterCue] is "reporters" or "him" or "her" or "them" or "us" or "me" or "journalists")
            {
                afterCue++;
            }
        }

        if (afterCue <= last && lower[afterCue] is ":" or ",")
        {
            afterCue++;
        }

        int contentEndToken = ClauseEnd(afterCue, last);
        bool clauseAfter = contentEndToken >= afterCue && !IsAdverbial(afterCue, contentEndToken);
        if (source is (int s0, int s1) && clauseAfter)
        {
            // SOURCE CUE [that] CONTENT [, citing Z]
            TextSpan? citing = CitingAfter(contentEndToken + 1, last);
            return Take(new Found(Span(afterCue, contentEndToken), QuoteKind.Indirect, sentence.Index, Span(cueStart, cueEnd), Span(s0, s1), Citing: citing), cueStart, cueEnd, s0, s1);
        }

        if (CueLexicon.WeakCues.Contains(lemma))
        {
            return null;
        }

        // CONTENT, SOURCE CUE [adverbial] [, citing Z].   |   CONTENT, CUE SOURCE.
        if (source is (int b0, int b1) && b0 - 1 > first && lower[b0 - 1] == ",")
        {
            TextSpan? citing = CitingAfter(afterCue, last);
            int contentEnd = b0 - 2;
            return Take(new Found(Span(ClauseStart(first, contentEnd), contentEnd), QuoteKind.Indirect, sentence.Index, Span(cueStart, cueEnd), Span(b0, b1), Citing: citing), cueStart, cueEnd, b0, b1);
        }

        if (source is null && cueStart - 1 > first && lower[cueStart - 1] == "," && SourceAfter(cueEnd + 1, last) is (int a0, int a1))
        {
            int contentEnd = cueStart - 2;
            return Take(new Found(Span(ClauseStart(first, contentEnd), contentEnd), QuoteKind.Indirect, sentence.Index, Span(cueStart, cueEnd), Span(a0, a1)), cueStart, cueEnd, a0, a1);
        }

        return null;
    }

    // The reported clause runs to the end of the sentence, or to a trailing ", citing …" / ", according to …".
    private int ClauseEnd(int start, int last)
    {
        for (int j = start; j <= last; j++)
        {
            if (lower[j] == "," && j + 1 <= last && (lower[j + 1] is "citing" or "according" || (lower[j + 1] is "he" or "she" or "they" && j + 2 <= last && CueLexicon.Lemma(lower[j + 2]) is not null)))
            {
                return j - 1;
            }

            if (lower[j] == ":" && j + 1 <= last && quoteOf[j + 1] >= 0 && j > start)
            {
                return j - 1;
            }

            if (lower[j] == "citing" && quoteOf[j] < 0)
            {
                return j - 1;
            }
        }

        return last;
    }

    // A clause that ends at the cue starts after the last ", but", "; " or the sentence start: the whole lead-in.
    private int ClauseStart(int first, int end)
    {
        for (int j = end; j > first; j--)
        {
            if (quoteOf[j] < 0 && lower[j] is ";" or ":")
            {
                return j + 1;
            }
        }

        return first;
    }

    private bool IsAdverbial(int start, int end)
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

        return lower[start] is "on" or "in" or "at" or "last" or "this" or "yesterday" or "today" or "tonight" or "earlier" or "later"
            or "during" or "after" or "before" or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday"
            or "sunday" or "recently" or "previously" or "again" or "so" or "too" or "publicly" or "privately" or "afterward" or "afterwards"
            or "." or "," or "\u2014";
    }

    private TextSpan? CitingAfter(int from, int last)
    {
        for (int j = from; j <= last; j++)
        {
            if (lower[j] == "citing" && j + 1 <= last && SourceAfter(j + 1, last, allowPrepositions: true) is (int c0, int c1))
            {
                for (int t = j; t <= c1; t++)
                {
                    taken[t] = true;
                }

                return Span(c0, c1);
            }
        }

        return null;
    }

    // The cue at token i: the verb (with its auxiliaries and adverbs before it folded in), or null.
    private (int Start, int End, string Lemma)? Cue(int i)
    {
        if (i >= tokens.Length || tokens[i].Kind != TokenKind.Word || quoteOf[i] >= 0 || taken[i])
        {
            return null;
        }

        string? lemma = CueLexicon.Lemma(lower[i]);
        if (lemma is null)
        {
            return null;
        }

        if (i > 0 && lower[i - 1] is "a" or "an" or "the" or "his" or "her" or "their" or "its" or "our" or "my" or "your" or "this" or "that")
        {
            return null; // a noun or an adjective: "an expected meeting", "the report", "his call"
        }

        int start = i;
        while (start - 1 >= 0 && CueLexicon.CuePrefix.Contains(lower[start - 1]) && quoteOf[start - 1] < 0 && start - 1 >= article.Sentences[sentenceOf[i]].FirstToken)
        {
            start--;
        }

        return (start, i, lemma);
    }

    private (int Start, int End)? CueEndingAt(int i) => Cue(i) is (int s, int e, _) ? (s, e) : null;

    // The source phrase that ends at token end, read back to a clause boundary.
    private (int Start, int End)? SourceBefore(int end, int first = 0)
    {
        if (end < 0 || end < first)
        {
            return null;
        }

        int sentenceFirst = Math.Max(first, article.Sentences[sentenceOf[end]].FirstToken);
        if (lower[end] == "," && end - 1 >= sentenceFirst)
        {
            return AppositiveSourceBefore(end, sentenceFirst, first);
        }

        int start = end + 1;
        int words = 0;
        for (int j = end; j >= sentenceFirst; j--)
        {
            if (quoteOf[j] >= 0 || taken[j])
            {
                break;
            }

            Token token = tokens[j];
            string w = lower[j];
            if (token.Kind == TokenKind.Punctuation && w is not ("." or "-" or "&"))
            {
                // An appositive: "Dmitry Peskov, the Kremlin spokesman, said" keeps the name and the role.
                if (w == "," && words > 0 && j - 1 >= sentenceFirst && IsAppositive(start, end))
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

            if (CueLexicon.SourceStops.Contains(w) && !(w is "of" or "for" or "at" or "in" or "on" && words > 0 && j > sentenceFirst && IsCapitalized(j + 1) && IsCapitalized(j - 1)))
            {
                break;
            }

            if (w is "and" or "or" && words >= 2)
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
        }

        // "One source who spoke on condition of anonymity told …": the relative clause belongs to the source.
        for (int j = start - 1; j >= Math.Max(sentenceFirst + 1, start - MaxSourceWords); j--)
        {
            if (quoteOf[j] >= 0 || tokens[j].Kind != TokenKind.Word || CueLexicon.Lemma(lower[j]) is not null && lower[j] != "spoke")
            {
                break;
            }

            if (lower[j] is "who" or "whose")
            {
                if (SourceBefore(j - 1, first) is (int headStart, _))
                {
                    start = headStart;
                }

                break;
            }
        }

        return Valid(start, end) ? (start, end) : null;
    }

    // "Mike Shields, president of the Congressional Leadership Fund, a super PAC …, said": the source is the name and
    // its appositives. The name is the farthest one (within reach) that a comma follows; failing a known name, the
    // nearest capitalised word before a comma.
    private (int Start, int End)? AppositiveSourceBefore(int comma, int sentenceFirst, int first)
    {
        int best = -1;
        for (int j = comma - 1; j > sentenceFirst && comma - j < 3 * MaxSourceWords; j--)
        {
            if (quoteOf[j] >= 0 || tokens[j].Kind == TokenKind.Quote || lower[j] is ";" or ":" || (CueLexicon.Lemma(lower[j]) is not null && taken[j]))
            {
                break;
            }

            if (lower[j] == "," && (IsCapitalized(j - 1) || tokens[j - 1].Kind == TokenKind.Number))
            {
                int nameEnd = tokens[j - 1].Kind == TokenKind.Number ? j - 2 : j - 1;
                bool named = nameEnd >= 0 && article.Mentions.Any(m => m.Span.End == tokens[nameEnd].Span.End && m.Type is EntityType.Person or EntityType.Organization);
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

        int headEnd = tokens[best - 1].Kind == TokenKind.Number ? best - 2 : best - 1;
        return headEnd >= sentenceFirst && lower[headEnd] != "," && SourceBefore(headEnd, first) is (int s0, _) ? (s0, comma - 1) : null;
    }

    private bool IsAppositive(int start, int end)
    {
        string w = lower[start];
        return w is "the" or "a" or "an" or "who" or "whose" && end - start < 10;
    }

    // The source phrase that starts at token start: "said Vladivostok resident Fyodor, who …" → "Vladivostok resident Fyodor".
    private (int Start, int End)? SourceAfter(int start, int last = -1, bool allowPrepositions = false)
    {
        if (last < 0)
        {
            last = start < tokens.Length ? sentenceOf[start] is int s ? article.Sentences[s].FirstToken + article.Sentences[s].TokenCount - 1 : start : start;
        }

        int end = start - 1;
        int words = 0;
        for (int j = start; j <= last && j < tokens.Length; j++)
        {
            string w = lower[j];
            if (quoteOf[j] >= 0 || tokens[j].Kind == TokenKind.Quote || (tokens[j].Kind == TokenKind.Punctuation && w is not ("-" or "&" or "'s")))
            {
                break;
            }

            if (w is "that" or "whether" or "if" || (w is "who" or "which" or "adding" or "using" or "citing" or "saying" or "noting" or "and" && words > 0))
            {
                break;
            }

            if (!allowPrepositions && w is "in" or "on" or "at" or "during" or "after" or "before" or "as" or "to" or "when" or "while" or "last" or "this" or "of" or "about" or "by" or "for" or "with" or "from")
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

        return end >= start && Valid(start, end) ? (start, end) : null;
    }

    // The subject of a sentence, where it is plain: a pronoun or a name that opens it (after "But", "And").
    private (int Start, int End)? Subject(int sentence)
    {
        Sentence s = article.Sentences[sentence];
        int first = s.FirstToken;
        if (first < tokens.Length && lower[first] is "but" or "and" or "meanwhile" or "still" or "then")
        {
            first++;
        }

        if (first >= tokens.Length)
        {
            return null;
        }

        if (CueLexicon.Pronouns.Contains(lower[first]))
        {
            return (first, first);
        }

        int start = tokens[first].Span.Start;
        Mention? name = article.Mentions.FirstOrDefault(m => m.Span.Start >= start && m.Span.Start <= start + 4 && m.Type is EntityType.Person or EntityType.Organization);
        if (name is null)
        {
            return null;
        }

        int end = TokenAt(name.Span.End - 1);
        return end >= first ? (first, end) : null;
    }

    private (int Start, int End)? SourceBetween(int start, int end) => end >= start && Valid(start, end) ? (start, end) : null;

    private bool Valid(int start, int end)
    {
        if (end < start)
        {
            return false;
        }

        for (int j = start; j <= end; j++)
        {
            if (tokens[j].Kind == TokenKind.Word && !CueLexicon.NotSources.Contains(lower[j]))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCapitalized(int j) => j >= 0 && j < tokens.Length && tokens[j].Kind == TokenKind.Word && char.IsUpper(body[tokens[j].Span.Start]);

    private bool SameParagraph(int a, int b) => article.Sentences[sentenceOf[a]].Paragraph == article.Sentences[sentenceOf[b]].Paragraph;

    // Whether a sentence ends between the quote's last word and the token after the closing mark ("… home." Then …).
    private bool EndsSentence(int lastInside, int after) =>
        lastInside >= 0 && lower[lastInside] is "." or "?" or "!" && after < tokens.Length && IsCapitalized(after)
        && !CueLexicon.Pronouns.Contains(lower[after]) && Cue(after) is null && !LooksLikeSpeakerThenCue(after);

    private bool LooksLikeSpeakerThenCue(int from)
    {
        for (int j = from; j < Math.Min(tokens.Length, from + 6); j++)
        {
            if (tokens[j].Kind is not TokenKind.Word)
            {
                return false;
            }

            if (CueLexicon.Lemma(lower[j]) is not null)
            {
                return j > from;
            }
        }

        return false;
    }

    private Found Take(Found found, int cueStart, int cueEnd, int sourceStart, int sourceEnd)
    {
        for (int j = cueStart; j <= cueEnd; j++)
        {
            taken[j] = true;
        }

        for (int j = sourceStart; j <= sourceEnd; j++)
        {
            taken[j] = true;
        }

        return found;
    }

    private TextSpan Span(int firstToken, int lastToken) => TextSpan.FromBounds(tokens[firstToken].Span.Start, tokens[lastToken].Span.End);

    private int TokenAt(int offset) => Text.TokenIndex.At(tokens, offset);

    private int Words(TextSpan span)
    {
        int count = 0;
        bool inWord = false;
        for (int i = span.Start; i < span.End; i++)
        {
            bool letter = char.IsLetterOrDigit(body[i]);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    // Speakers: a person named in the source phrase; a pronoun or a bare role ("the spokesperson") resolves to the
    // latest speaker or person before it, with that role where one is named.
    private ImmutableArray<Quote> Resolve(List<Found> found)
    {
        var quotes = ImmutableArray.CreateBuilder<Quote>(found.Count);
        Mention? lastSpeaker = null;
        var bySource = new Dictionary<TextSpan, (EntityKey? Speaker, SourceKind Kind)>();
        foreach (Found f in found)
        {
            EntityKey? speaker = null;
            SourceKind kind = SourceKind.Unknown;
            if (f.Source is TextSpan known && bySource.TryGetValue(known, out var seen))
            {
                // A second quote of the same source phrase (a continued quote): the same speaker, however far from the name.
                (speaker, kind) = seen;
            }
            else if (f.Source is TextSpan source)
            {
                var inside = article.Mentions.Where(m => source.Overlaps(m.Span)).ToList();
                Mention? person = inside.LastOrDefault(m => m.Type == EntityType.Person && IsHead(m.Span, source));
                Mention? organization = inside.LastOrDefault(m => m.Type == EntityType.Organization);
                string text = article.Text(source);
                string lowerText = text.ToLowerInvariant();
                if (person is null && IsBackReference(lowerText))
                {
                    person = BackReference(lowerText, source.Start, lastSpeaker);
                }

                kind = SourceClassifier.Classify(text, person is not null && inside.Contains(person), organization is not null);
                if (kind == SourceKind.Unknown && person is not null)
                {
                    kind = SourceKind.NamedPerson;
                }

                if ((kind == SourceKind.NamedPerson && person is not null && FirstNameOnly(person.Entity, f.Sentence))
                    || (kind == SourceKind.Unknown && IsSingleName(text) && FirstNameOnly(null, f.Sentence)))
                {
                    kind = SourceKind.Public;
                }

                speaker = person?.Entity ?? organization?.Entity;
                if (person is not null)
                {
                    lastSpeaker = person;
                }

                bySource[source] = (speaker, kind);
            }

            SourceKind citingKind = f.Citing is TextSpan citing
                ? SourceClassifier.Classify(article.Text(citing), false, article.Mentions.Any(m => citing.Overlaps(m.Span) && m.Type == EntityType.Organization))
                : SourceKind.Unknown;
            quotes.Add(new Quote(f.Content, f.Kind, f.Sentence, f.Cue, f.Source, speaker, kind, f.CitedBy, f.Citing, citingKind));
        }

        return quotes.ToImmutable();
    }

    // A name is the source's head when nothing but an appositive follows it: "Kremlin spokesperson Dmitry Peskov",
    // "Dmitry Peskov, the Kremlin spokesman" — not "South Korea's intelligence agency".
    private bool IsHead(TextSpan name, TextSpan source)
    {
        ReadOnlySpan<char> rest = body.AsSpan(name.End, Math.Max(0, source.End - name.End)).Trim();
        return rest.IsEmpty || rest[0] == ',' || rest[0] == '(';
    }

    private static bool IsSingleName(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && text.All(char.IsLetter) && !CueLexicon.Pronouns.Contains(text.ToLowerInvariant());

    private static bool IsBackReference(string lowerSource)
    {
        string trimmed = lowerSource.Trim();
        return CueLexicon.Pronouns.Contains(trimmed)
            || (trimmed.StartsWith("the ", StringComparison.Ordinal) && trimmed.Split(' ').Length <= 4 && !trimmed.EndsWith('s'));
    }

    private Mention? BackReference(string lowerSource, int before, Mention? lastSpeaker)
    {
        string trimmed = lowerSource.Trim();
        if (trimmed.StartsWith("the ", StringComparison.Ordinal))
        {
            // "the spokesperson": the latest person before it whose role has that word, then the latest speaker.
            string role = trimmed[4..];
            string roleWord = role.Split(' ')[^1];
            Mention? withRole = article.Mentions.LastOrDefault(m => m.Span.End <= before && m.Type == EntityType.Person && RoleMatches(m, roleWord));
            return withRole ?? (lastSpeaker is not null && RoleMatches(lastSpeaker, roleWord) ? lastSpeaker : null);
        }

        if (trimmed is "they" or "we")
        {
            return null;
        }

        return lastSpeaker ?? article.Mentions.LastOrDefault(m => m.Span.End <= before && m.Type == EntityType.Person);
    }

    // Whether the mention's role, or one of its entity's roles, has the role's last word ("spokesman" of "the
    // kremlin spokesman").
    private bool RoleMatches(Mention mention, string roleWord)
    {
        if (mention.Role is string r && r.Contains(roleWord, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Entity? entity = EntityOf(mention.Entity);
        return entity is not null && entity.Roles.Any(x => x.Contains(roleWord, StringComparison.OrdinalIgnoreCase));
    }

    // The article's first entity with the key, from a table made on first use: a scan of the entities for every
    // mention cost mentions × entities.
    private Entity? EntityOf(EntityKey key)
    {
        if (entitiesByKey is null)
        {
            entitiesByKey = new Dictionary<EntityKey, Entity>(article.Entities.Length);
            foreach (Entity entity in article.Entities)
            {
                entitiesByKey.TryAdd(entity.Key, entity);
            }
        }

        return entitiesByKey.GetValueOrDefault(key);
    }

    // A member of the public who gives only a first name: one-word name, and the report says so or calls them a resident.
    private bool FirstNameOnly(EntityKey? person, int sentence)
    {
        if (person is EntityKey key)
        {
            Entity? entity = EntityOf(key);
            if (entity is null || entity.Name.Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }
        }

        string own = string.Concat(article.Sentences.Where(s => s.Index >= sentence && s.Index <= sentence + 1).Select(s => article.SentenceText(s))).ToLowerInvariant();
        return own.Contains("surname", StringComparison.Ordinal) || own.Contains("first name", StringComparison.Ordinal)
            || own.Contains("last name", StringComparison.Ordinal) || own.Contains("full name", StringComparison.Ordinal);
    }

    private sealed record Found(
        TextSpan Content,
        QuoteKind Kind,
        int Sentence,
        TextSpan? Cue,
        TextSpan? Source,
        TextSpan? CitedBy = null,
        TextSpan? Citing = null,
        bool Partial = false,
        bool Continued = false);
}
