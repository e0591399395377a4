using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// The token view the attribution patterns read: each token's lower-case form, its sentence, the quotation-mark pair
/// it lies in, and whether an attribution already used it as cue or source; and the cue reading every pattern shares.
/// Made, used and dropped per report.
/// </summary>
internal sealed class QuoteTokens
{
    public QuoteTokens(AnalyzedArticle article)
    {
        Article = article;
        Body = article.Body;
        Tokens = article.Tokens;
        Lower = new string[Tokens.Length];
        SentenceOf = new int[Tokens.Length];
        QuoteOf = new int[Tokens.Length];
        Taken = new bool[Tokens.Length];
        for (int i = 0; i < Tokens.Length; i++)
        {
            Lower[i] = Tokens[i].Kind is TokenKind.Word ? LowerOf(Body.AsSpan(Tokens[i].Span.Start, Tokens[i].Span.Length)) : Body.Substring(Tokens[i].Span.Start, Tokens[i].Span.Length);
            QuoteOf[i] = -1;
        }

        foreach (Sentence s in article.Sentences)
        {
            for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount && t < Tokens.Length; t++)
            {
                SentenceOf[t] = s.Index;
            }
        }

        Pairs = QuoteMarks.Find(Body);
        int p = 0;
        for (int i = 0; i < Tokens.Length && p < Pairs.Count; i++)
        {
            int start = Tokens[i].Span.Start;
            while (p < Pairs.Count && Pairs[p].CloseEnd < start)
            {
                p++;
            }

            if (p < Pairs.Count && start >= Pairs[p].Open && start <= Pairs[p].CloseEnd)
            {
                QuoteOf[i] = p;
            }
        }
    }

    public AnalyzedArticle Article { get; }

    public string Body { get; }

    public ImmutableArray<Token> Tokens { get; }

    /// <summary>Each token lower-cased (words) or as written (punctuation, marks).</summary>
    public string[] Lower { get; }

    /// <summary>The index of each token's sentence.</summary>
    public int[] SentenceOf { get; }

    /// <summary>The index of the quotation-mark pair each token lies in (marks included), or -1.</summary>
    public int[] QuoteOf { get; }

    /// <summary>Tokens already used as cue or source of some attribution.</summary>
    public bool[] Taken { get; }

    /// <summary>The report's quotation-mark pairs, in order.</summary>
    public List<QuoteMarks.Pair> Pairs { get; }

    public int Count => Tokens.Length;

    public Sentence SentenceAt(int token) => Article.Sentences[SentenceOf[token]];

    /// <summary>The last token of the sentence a token lies in.</summary>
    public int SentenceLast(int token)
    {
        Sentence s = SentenceAt(token);
        return s.FirstToken + s.TokenCount - 1;
    }

    /// <summary>
    /// Whether token <paramref name="j"/> is the apostrophe of a plural's possessive ("the companies' planning"): glued
    /// to a word in s, a word after it, and no quotation mark of a pair.
    /// </summary>
    public bool IsPluralPossessive(int j) =>
        j > 0 && j + 1 < Tokens.Length && QuoteOf[j] < 0 && Lower[j] is "'" or "\u2019"
        && Tokens[j - 1].Kind == TokenKind.Word && Tokens[j - 1].Span.End == Tokens[j].Span.Start && Lower[j - 1].EndsWith('s')
        && Tokens[j + 1].Kind == TokenKind.Word && Tokens[j + 1].Span.Start > Tokens[j].Span.End;

    /// <summary>Whether token <paramref name="j"/> is a capitalised word.</summary>
    public bool IsCapitalized(int j) => j >= 0 && j < Tokens.Length && Tokens[j].Kind == TokenKind.Word && char.IsUpper(Body[Tokens[j].Span.Start]);

    public bool SameParagraph(int a, int b) => SentenceAt(a).Paragraph == SentenceAt(b).Paragraph;

    public TextSpan Span(int firstToken, int lastToken) => TextSpan.FromBounds(Tokens[firstToken].Span.Start, Tokens[lastToken].Span.End);

    public int TokenAt(int offset) => Text.TokenIndex.At(Tokens, offset);

    /// <summary>Marks the cue and source tokens of an attribution as used, and hands the attribution back.</summary>
    public FoundQuote Take(FoundQuote found, int cueStart, int cueEnd, int sourceStart, int sourceEnd)
    {
        for (int j = cueStart; j <= cueEnd; j++)
        {
            Taken[j] = true;
        }

        for (int j = sourceStart; j <= sourceEnd; j++)
        {
            Taken[j] = true;
        }

        return found;
    }

    /// <summary>The number of words (runs of letters and digits) in a span.</summary>
    public int Words(TextSpan span)
    {
        int count = 0;
        bool inWord = false;
        for (int i = span.Start; i < span.End; i++)
        {
            bool letter = char.IsLetterOrDigit(Body[i]);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    /// <summary>The cue at token i: the verb (with its auxiliaries and adverbs before it folded in), or null.</summary>
    public (int Start, int End, string Lemma)? Cue(int i)
    {
        if (i >= Tokens.Length || Tokens[i].Kind != TokenKind.Word || QuoteOf[i] >= 0 || Taken[i])
        {
            return null;
        }

        string? lemma = CueLexicon.Lemma(Lower[i]);
        if (lemma is null)
        {
            return null;
        }

        if (i > 0 && (CueLexicon.Determiners.Contains(Lower[i - 1]) || FunctionWords.IsPossessive(Lower[i - 1])))
        {
            return null; // a noun or an adjective: "an expected meeting", "the report", "his call", "the mayor's claims"
        }

        if (IsNaming(i) || (CueLexicon.NounLike.Contains(lemma) && IsNoun(i, lemma)))
        {
            return null;
        }

        // "a person familiar with the talks who asked not to be named said …": the request for anonymity describes the
        // source; it reports nothing.
        if (i > 0 && Lower[i - 1] == "who" && CueLexicon.AnonymityRequests.Contains(lemma))
        {
            return null;
        }

        int first = SentenceAt(i).FirstToken;
        int start = i;
        while (start - 1 >= first && QuoteOf[start - 1] < 0 && IsCuePrefix(start - 1))
        {
            start--;
        }

        // "have neither confirmed nor denied": both verbs are the cue.
        int end = i;
        if (i + 2 < Tokens.Length && Lower[i + 1] == "nor" && CueLexicon.Lemma(Lower[i + 2]) is not null && QuoteOf[i + 2] < 0)
        {
            end = i + 2;
        }

        return (start, end, lemma);
    }

    // Auxiliaries, modals and adverbs before the verb belong to the cue: "has said", "can't say", "generally say". An
    // adverb in -ly only after a subject-like word, so that "the family said" keeps its noun.
    private bool IsCuePrefix(int j)
    {
        string w = Lower[j];
        if (IsCapitalized(j) && j > SentenceAt(j).FirstToken)
        {
            return false; // a name: "Theresa May said", "Will Smith said"
        }

        if (CueLexicon.CuePrefix.Contains(w) || FunctionWords.CueAuxiliaries.Contains(w))
        {
            return true;
        }

        // "has so far confirmed", "have thus far said"
        if ((w == "far" && j > 0 && Lower[j - 1] is "so" or "thus") || (w is "so" or "thus" && j + 1 < Tokens.Length && Lower[j + 1] == "far"))
        {
            return true;
        }

        return FunctionWords.IsLyAdverb(w) && !IsCapitalized(j) && j > 0 && !CueLexicon.Determiners.Contains(Lower[j - 1]);
    }

    private bool IsFiniteVerb(int j)
    {
        string v = Lower[j];
        return Tokens[j].Kind == TokenKind.Word && (FunctionWords.Auxiliaries.Contains(v) || FunctionWords.IrregularPast.Contains(v) || (v.Length > 4 && v.EndsWith("ed", StringComparison.Ordinal)));
    }

    // "global", "public", "dangerous", "unconfirmed" (opening the sentence or after a determiner): adjectives, not the
    // subject of a verb; people in -al and -ic ("officials", "critic") are nouns.
    private bool LooksAdjective(int j)
    {
        string a = Lower[j];
        if (Tokens[j].Kind != TokenKind.Word || a.Length <= 4 || FunctionWords.PeopleInAlIc.Contains(a) || (IsCapitalized(j) && j != SentenceAt(j).FirstToken))
        {
            return false;
        }

        return a.EndsWith("al", StringComparison.Ordinal) || a.EndsWith("ic", StringComparison.Ordinal) || a.EndsWith("ous", StringComparison.Ordinal)
            || a.EndsWith("ful", StringComparison.Ordinal)
            || (a.EndsWith("ed", StringComparison.Ordinal) && (j == 0 || Tokens[j - 1].Kind != TokenKind.Word || CueLexicon.Determiners.Contains(Lower[j - 1]) || j == SentenceAt(j).FirstToken));
    }

    // "an app called Screenwise Meter", "a trope called "boys will be boys"": "called" after a common noun and before a
    // name or a quotation names something; nobody speaks.
    private bool IsNaming(int i)
    {
        if (Lower[i] != "called" || i == 0 || i + 1 >= Tokens.Length)
        {
            return false;
        }

        bool nameFollows = Tokens[i + 1].Kind == TokenKind.Quote || QuoteOf[i + 1] >= 0 || (IsCapitalized(i + 1) && !FunctionWords.SubjectPronouns.Contains(Lower[i + 1]));
        string before = Lower[i - 1];
        bool plural = FunctionWords.PluralNouns.Contains(before) || (before.EndsWith('s') && !before.EndsWith("ss", StringComparison.Ordinal));
        return nameFollows && Tokens[i - 1].Kind == TokenKind.Word && !IsCapitalized(i - 1) && !plural && !FunctionWords.SubjectPronouns.Contains(before)
            && !CueLexicon.CuePrefix.Contains(before) && (i < 2 || !FunctionWords.WhWords.Contains(Lower[i - 2]));
    }

    // A cue word that is as often a noun is one here when another cue follows it ("reports say", "report shows"), or,
    // in its base form ("remark", "estimate"), when the word before it cannot be the subject of a verb in that form:
    // "the strange remark", "a final cost estimate", "the PBO report" — but "analysts claim", "they report", "police
    // say", "Trump and Clinton claim", and "will report" (the auxiliary is then folded into the cue).
    private bool IsNoun(int i, string lemma)
    {
        string w = Lower[i];
        bool past = w.EndsWith("ed", StringComparison.Ordinal) || FunctionWords.IrregularPast.Contains(w);
        if (!past && i + 1 < Tokens.Length && Tokens[i + 1].Kind == TokenKind.Word && CueLexicon.Lemma(Lower[i + 1]) is not null
            && !w.EndsWith("ing", StringComparison.Ordinal))
        {
            return true;
        }

        if (!string.Equals(w, lemma, StringComparison.Ordinal) || i == 0)
        {
            // A plural noun ("reports", "fears") before a finite verb ("Unconfirmed reports spread"), after a word
            // shaped like an adjective ("global fears"), or the object of an infinitive ("to calm fears").
            return !past && w.EndsWith('s') && ((i + 1 < Tokens.Length && IsFiniteVerb(i + 1)) || (i > 0 && LooksAdjective(i - 1))
                || (i >= 2 && Lower[i - 2] == "to" && Tokens[i - 1].Kind == TokenKind.Word && !IsCapitalized(i - 1)));
        }

        int p = i - 1;
        if (Tokens[p].Kind != TokenKind.Word)
        {
            return false; // after punctuation: inverted ("…, say analysts") or a list
        }

        string before = Lower[p];
        if (FunctionWords.SubjectPronouns.Contains(before) || before is "who" or "which" or "that" or "to" or "and" or "or"
            || CueLexicon.CuePrefix.Contains(before) || FunctionWords.CueAuxiliaries.Contains(before) || FunctionWords.IsLyAdverb(before)
            || FunctionWords.PluralNouns.Contains(before) || (before.Length > 3 && before.EndsWith('s') && !before.EndsWith("ss", StringComparison.Ordinal)))
        {
            return false;
        }

        // Coordinated subjects are plural: "Trump and Clinton claim".
        int first = SentenceAt(i).FirstToken;
        for (int j = p - 1; j >= Math.Max(first, p - 5); j--)
        {
            if (Lower[j] is "and" or "&")
            {
                return false;
            }
        }

        return true;
    }

    public (int Start, int End)? CueEndingAt(int i) => Cue(i) is (int s, int e, _) ? (s, e) : null;

    // One string, made lower-case as it is made (not a copy, then a lower-cased copy of that).
    private static string LowerOf(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(buffer);
        return new string(buffer);
    }
}
