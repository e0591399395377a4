using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// Where a source phrase may begin and end, once read: no coordinator or clause word at its edges, a second verb's
/// subject shared with the first ("I laughed and said"), a trailing "who" or "because" dropped, and at least one word
/// that can name a source. Also a sentence's plain subject.
/// </summary>
internal sealed class SourceBounds
{
    private readonly QuoteTokens view;

    public SourceBounds(QuoteTokens view) => this.view = view;

    // A source phrase as read, or null when it is none: one that ends with a coordinator is a first verb phrase, and the
    // cue a second verb of its subject ("I laughed and said", "Fain has been critical of Trump and has said", "a pump
    // had "malfunctioned" that Saturday, but said"); a coordinator that opens it is not part of it (", and officials
    // said"); one that ends with a comma, or opens with "that" or "to", is a clause ("… and that Russia wanted").
    public (int Start, int End)? Phrase(int start, int end)
    {
        end = WithoutTrailer(start, end);
        if (start > end)
        {
            return null;
        }

        if (CueLexicon.Coordinators.Contains(view.Lower[end]))
        {
            return SharedSubject(start, end - 1);
        }

        while (start <= end && CueLexicon.Coordinators.Contains(view.Lower[start]))
        {
            start++;
        }

        if (start > end || view.Lower[end] == "," || (view.Lower[start] is "that" or "to" && !view.IsCapitalized(start)))
        {
            return null;
        }

        return Valid(start, end) ? (start, end) : null;
    }

    // The subject of a verb phrase that a second, coordinated verb shares: the pronoun or the name that opens the
    // phrase ("I laughed and said"), else the plain subject of the sentence, before the phrase.
    private (int Start, int End)? SharedSubject(int start, int end)
    {
        if (start > end)
        {
            return Subject(view.SentenceOf[start]) is (int s0, int s1) && s1 < start ? (s0, s1) : null;
        }

        if (CueLexicon.Pronouns.Contains(view.Lower[start]))
        {
            return (start, start);
        }

        Mention? name = view.Article.Mentions.FirstOrDefault(m => m.Span.Start == view.Tokens[start].Span.Start && m.Type is EntityType.Person or EntityType.Organization);
        if (name is not null && view.TokenAt(name.Span.End - 1) is int nameEnd && nameEnd <= end)
        {
            return (start, nameEnd);
        }

        return Subject(view.SentenceOf[start]) is (int u0, int u1) && u1 < start ? (u0, u1) : null;
    }

    // The phrase without a word that opens a clause of its own at its end, and the comma before it ("Mayor Ruth
    // Calloway, who denied …", "a person … who asked not to be named because they …").
    public int WithoutTrailer(int start, int end)
    {
        if (end > start && CueLexicon.SourceTrailers.Contains(view.Lower[end]))
        {
            end--;
            if (end > start && view.Lower[end] == ",")
            {
                end--;
            }
        }

        return end;
    }

    // The subject of a sentence, where it is plain: a pronoun or a name that opens it (after "But", "And").
    public (int Start, int End)? Subject(int sentence)
    {
        Sentence s = view.Article.Sentences[sentence];
        int first = s.FirstToken;
        if (first < view.Count && CueLexicon.SentenceConnectives.Contains(view.Lower[first]))
        {
            first++;
        }

        if (first >= view.Count)
        {
            return null;
        }

        if (CueLexicon.Pronouns.Contains(view.Lower[first]))
        {
            return (first, first);
        }

        int start = view.Tokens[first].Span.Start;
        Mention? name = view.Article.Mentions.FirstOrDefault(m => m.Span.Start >= start && m.Span.Start <= start + 4 && m.Type is EntityType.Person or EntityType.Organization);
        if (name is null)
        {
            return null;
        }

        int end = view.TokenAt(name.Span.End - 1);
        return end >= first ? (first, end) : null;
    }

    public bool Valid(int start, int end)
    {
        if (end < start)
        {
            return false;
        }

        for (int j = start; j <= end; j++)
        {
            if (view.Tokens[j].Kind == TokenKind.Word && !CueLexicon.NotSources.Contains(view.Lower[j]))
            {
                return true;
            }
        }

        return false;
    }
}
