using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// The working state of <see cref="QuoteFinder"/> over one report: made, used and dropped per call. Direct quotes
/// first (<see cref="DirectQuotePattern"/>), so that their cues ("," he said) are not read again; then each sentence's
/// indirect attributions (<see cref="ReportedSpeech"/>); then the direct quotes with no cue of their own; then the
/// speakers (<see cref="SpeakerResolver"/>).
/// </summary>
internal sealed class QuoteScan
{
    private readonly QuoteTokens view;
    private readonly DirectQuotePattern directQuotes;
    private readonly ReportedSpeech reportedSpeech;

    public QuoteScan(AnalyzedArticle article)
    {
        view = new QuoteTokens(article);
        var sources = new SourcePhrases(view);
        var clauses = new ReportedClause(view, sources);
        directQuotes = new DirectQuotePattern(view, sources);
        reportedSpeech = new ReportedSpeech(view, sources, clauses);
    }

    /// <summary>Every quote and attribution of the report, in text order, with its speaker.</summary>
    public ImmutableArray<Quote> Run()
    {
        var found = new List<FoundQuote>();
        var direct = new FoundQuote?[view.Pairs.Count];

        // Direct quotes first, so that their cues ("," he said) are not read again as indirect attributions.
        for (int q = 0; q < view.Pairs.Count; q++)
        {
            direct[q] = directQuotes.Match(q);
        }

        foreach (Sentence sentence in view.Article.Sentences)
        {
            reportedSpeech.Find(sentence, found);
        }

        // A direct quote with no cue of its own takes the attribution whose reported clause holds it (a partial quote:
        // it had "nothing to say"), or else that of the quote just before it in the same passage (a second sentence
        // of the same speaker's words).
        FoundQuote? previous = null;
        int previousParagraph = -1;
        for (int q = 0; q < view.Pairs.Count; q++)
        {
            QuoteMarks.Pair pair = view.Pairs[q];
            var content = TextSpan.FromBounds(pair.ContentStart, pair.Close);
            int openToken = view.TokenAt(pair.Open);
            if (openToken < 0)
            {
                continue;
            }

            int sentence = view.SentenceOf[openToken];
            int paragraph = view.Article.Sentences[sentence].Paragraph;
            FoundQuote? quote = direct[q];
            if (quote is null)
            {
                FoundQuote? holder = found.FirstOrDefault(f => f.Kind == QuoteKind.Indirect && f.Sentence == sentence
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
                else if (view.Words(content) >= 4 && StartsClause(openToken))
                {
                    // Unattributed words in marks that open a sentence are a quote of someone unnamed; inside a
                    // sentence they are a title or a scare quote ("The Apprentice", a "hit piece").
                    quote = new FoundQuote(content, QuoteKind.Direct, sentence, null, null);
                }
            }

            if (quote is not null)
            {
                found.Add(quote);
                if (quote.Source is not null)
                {
                    previous = quote;
                    previousParagraph = view.Article.Sentences[view.SentenceOf[view.TokenAt(pair.Close) is int c and >= 0 ? c : openToken]].Paragraph;
                }
            }
        }

        return new SpeakerResolver(view.Article).Resolve(found.Where(f => f.Content.Length > 0 && f.Source is not { Length: <= 0 }).OrderBy(f => f.Content.Start).ThenBy(f => f.Kind).ToList());
    }

    private bool OnlyColonBetween(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(view.Body[i]) && view.Body[i] != ':')
            {
                return false;
            }
        }

        return view.Body.AsSpan(from, to - from).Contains(':');
    }

    private bool StartsClause(int token)
    {
        Sentence s = view.Article.Sentences[view.SentenceOf[token]];
        return token == s.FirstToken || view.Lower[token - 1] is ":" or "—";
    }

    private bool OpensParagraph(int token)
    {
        Sentence s = view.Article.Sentences[view.SentenceOf[token]];
        return s.FirstToken == token && (s.Index == 0 || view.Article.Sentences[s.Index - 1].Paragraph != s.Paragraph);
    }
}
