using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Time;

/// <summary>A time expression found by the grammar: tokens [Start, End), its TIMEX3 type and value.</summary>
internal readonly record struct TimeMatch(int Start, int End, TimeType Type, string Value);

/// <summary>
/// What the grammar sees of one report while it is tagged: the tokens and their lexicon readings, the anchor, the
/// sentence being read, and what earlier sentences said (the last quarter named). One per call, never shared.
/// </summary>
internal sealed class TimeContext
{
    private static readonly string[] FutureCues =
    [
        "will", "shall", "going", "plans", "plan", "planning", "planned", "preparing", "scheduled", "slated", "expects", "expected", "due",
        "upcoming", "intends", "hopes", "wo", "would", "payable", "effective",
    ];
    private static readonly string[] PastCues =
    [
        "was", "were", "had", "did", "said", "met", "took", "made", "came", "went", "told", "left", "began", "fell", "rose", "won", "lost",
        "gave", "saw", "found", "held", "struck", "sent", "hit", "got", "led", "paid", "sold", "bought", "spent", "put", "cut", "set",
        "became", "ran", "brought", "thought", "wrote", "spoke", "broke", "chose", "drove", "flew", "grew", "knew", "meant", "read",
        "stood", "taught", "understood", "shot", "fought", "caught", "kept", "built", "felt", "heard", "beat", "quit",
    ];

    // Modal verbs that, before "be", speak of what may come ("could be targeted at noon on Friday"), unless denied: then
    // they report what was not possible ("could not be reached on Monday", "neither … could be located Wednesday").
    private static readonly string[] Modals = ["could", "might", "may"];
    private static readonly string[] Negations = ["not", "n't", "never", "neither", "nor", "no"];

    // Adjectives that, before "to", forecast ("unlikely to leave before Saturday", "poised to win"); "due" is a
    // future cue of its own, so that "had been due to expire Friday" still looks back.
    private static readonly string[] Forecasts = ["likely", "unlikely", "poised", "about", "ready", "certain", "sure", "bound"];

    private static readonly string[] AdjectiveMarkers = ["a", "an", "the", "this", "its", "their", "his", "her", "still", "already", "newly", "recently"];
    private static readonly string[] PresentBe = ["is", "are", "am", "be", "being"];
    private static readonly string[] UntilWords = ["until", "till"];
    private static readonly string[] ForwardPrepositions = ["through", "until", "till", "til", "by", "starting", "beginning"];

    public TimeContext(string text, ImmutableArray<Token> tokens, Lex[] lex, DateOnly anchor)
    {
        Text = text;
        Tokens = tokens;
        Lex = lex;
        Anchor = anchor;
    }

    public string Text { get; }

    public ImmutableArray<Token> Tokens { get; }

    public Lex[] Lex { get; }

    public DateOnly Anchor { get; }

    /// <summary>First token of the sentence being read.</summary>
    public int SentenceStart { get; set; }

    /// <summary>One past the last token of the sentence being read.</summary>
    public int SentenceEnd { get; set; }

    /// <summary>The last quarter the report named ("the third quarter" → 1989, 3), for "the quarter", "a year earlier".</summary>
    public (int Year, int Quarter)? LastQuarter { get; set; }

    public ReadOnlySpan<char> Word(int i) => Text.AsSpan(Tokens[i].Span.Start, Tokens[i].Span.Length);

    public bool InSentence(int i) => i >= SentenceStart && i < SentenceEnd;

    public LexKind KindAt(int i) => InSentence(i) ? Lex[i].Kind : LexKind.None;

    public bool Is(int i, string word) => InSentence(i) && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsAny(int i, string[] words)
    {
        if (!InSentence(i))
        {
            return false;
        }

        ReadOnlySpan<char> w = Word(i);
        foreach (string word in words)
        {
            if (w.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsCapitalized(int i) => InSentence(i) && char.IsUpper(Text[Tokens[i].Span.Start]);

    public bool IsPunctuation(int i) => InSentence(i) && Tokens[i].Kind == TokenKind.Punctuation;

    /// <summary>
    /// Which way an unanchored day or month in tokens [start, end) points: +1 to the future when the nearest tense cue
    /// is a future one ("will meet on Friday") or a preposition of reach comes just before ("runs through Wednesday"),
    /// −1 to the past otherwise: news reports what happened, so a bare "Monday" is most often the one just gone.
    /// </summary>
    public int Direction(int start, int end) => Direction(start, end, 10, -1);

    /// <summary>
    /// As <see cref="Direction(int, int)"/>, looking <paramref name="window"/> tokens back (half as many ahead), and
    /// <paramref name="none"/> where no cue is found.
    /// </summary>
    public int Direction(int start, int end, int window, int none)
    {
        // "until Thursday, they had not called": reach, but from the past.
        bool reach = IsAny(start - 1, ForwardPrepositions) || (Is(start - 1, "on") && IsAny(start - 2, ForwardPrepositions))
            || (Is(start - 1, "as") && Is(start - 3, "as"));
        if (reach && !(IsAny(start - 1, UntilWords) && Is(end + 2, "had")) && !HadBefore(start))
        {
            return 1;
        }

        for (int i = start - 1, seen = 0; i >= SentenceStart && seen < window; i--, seen++)
        {
            int cue = Cue(i);

            // A participle after a present "be" is passive, not past: "will be held", "the case is heard".
            if (cue < 0 && IsAny(i - 1, PresentBe))
            {
                continue;
            }

            // A plan made in the past: "had been due to expire Friday", "had planned to".
            if (cue > 0 && (Is(i - 1, "had") || Is(i - 1, "been") && Is(i - 2, "had")))
            {
                return -1;
            }

            if (cue != 0)
            {
                return cue;
            }
        }

        for (int i = end, seen = 0; i < SentenceEnd && seen < (window + 1) / 2; i++, seen++)
        {
            int cue = Cue(i);
            if (cue != 0)
            {
                return cue;
            }
        }

        return none;
    }

    // "had filed reports by Wednesday": a past perfect takes the reach out of "by", "until".
    private bool HadBefore(int start)
    {
        for (int i = start - 1; i >= SentenceStart && i >= start - 6; i--)
        {
            if (Is(i, "had"))
            {
                return true;
            }
        }

        return false;
    }

    // A negation just before a modal or right after it.
    private bool Negated(int modal)
    {
        for (int k = modal - 6; k <= modal + 1; k++)
        {
            if (k != modal && IsAny(k, Negations))
            {
                return true;
            }
        }

        return false;
    }

    private int Cue(int i)
    {
        if (Tokens[i].Kind != TokenKind.Word)
        {
            return 0;
        }

        ReadOnlySpan<char> w = Word(i);
        if (w.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019ll", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        // "is to resume", "guidelines to be published": an arrangement; "unlikely to leave": a forecast.
        if (w.Equals("to", StringComparison.OrdinalIgnoreCase) && (Is(i - 1, "is") || Is(i - 1, "are") || Is(i + 1, "be") || IsAny(i - 1, Forecasts)))
        {
            return 1;
        }

        // "could be targeted on Friday" looks ahead; "could not be reached on Monday" says nothing of when, nor does a
        // modal before another verb ("could have been", "may meet"): the scan goes on. "May" with a capital is the month.
        if (char.IsLower(w[0]) && IsAny(i, Modals) && Is(i + 1, "be") && !Negated(i))
        {
            return 1;
        }

        // "set to resume", "expected to arrive", "scheduled to meet": an arrangement for later.
        bool arranged = Is(i + 1, "to") && (w.Equals("set", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ed", StringComparison.OrdinalIgnoreCase));
        if (arranged)
        {
            return 1;
        }

        foreach (string cue in FutureCues)
        {
            // "announced the plan Aug. 21": after a determiner, "plan" is a noun, not a tense.
            if (w.Equals(cue, StringComparison.OrdinalIgnoreCase))
            {
                return IsAny(i - 1, AdjectiveMarkers) ? 0 : 1;
            }
        }

        foreach (string cue in PastCues)
        {
            if (w.Equals(cue, StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
        }

        // A lower-case word in -ed is most often a past verb ("arrived", "reported"), unless it is an adjective
        // after a determiner ("a still unspecified date") or not a past form at all ("succeed", "need").
        bool pastForm = w.Length > 4 && char.IsLower(w[0]) && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal);
        return pastForm && !IsAny(i - 1, AdjectiveMarkers) ? -1 : 0;
    }
}
