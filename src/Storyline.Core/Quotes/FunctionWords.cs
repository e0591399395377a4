using System.Collections.Frozen;

namespace Storyline.Quotes;

/// <summary>
/// The function words the attribution patterns read to tell a verb from a noun and a clause from a thing: pronouns,
/// auxiliaries and modals, prepositions, and the past forms that mark a finite verb. Our own lists; lower case, with
/// both the straight and the curly apostrophe.
/// </summary>
public static class FunctionWords
{
    /// <summary>Subject pronouns: after one of them, the next lower-case word is a verb ("they get it").</summary>
    public static readonly FrozenSet<string> SubjectPronouns = new[] { "i", "you", "he", "she", "it", "we", "they", "there" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A pronoun and a verb in one word: each opens a clause ("he's qualified", "they'd scored").</summary>
    public static readonly FrozenSet<string> SubjectContractions = WithBothApostrophes(
    [
        "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "he'd", "he'll", "she's", "she'd",
        "she'll", "it's", "it'd", "it'll", "we're", "we've", "we'd", "we'll", "they're", "they've", "they'd", "they'll",
        "there's", "that's", "there'd", "there'll",
    ]);

    /// <summary>Words with "'s" that are a pronoun and "is"/"has", not a possessive ("he's said" is "he has said").</summary>
    public static readonly FrozenSet<string> NotPossessive = WithBothApostrophes(
        ["he's", "she's", "it's", "that's", "there's", "who's", "what's", "here's", "let's", "where's", "how's"]);

    /// <summary>Auxiliaries, modals and forms of "be": a finite verb wherever they stand.</summary>
    public static readonly FrozenSet<string> Auxiliaries = WithBothApostrophes(
    [
        "is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "shall",
        "should", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't",
        "don't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "cannot",
    ]);

    /// <summary>Modals and negated auxiliaries that belong to a cue when they stand before it: "can't say", "didn't respond".</summary>
    public static readonly FrozenSet<string> CueAuxiliaries = WithBothApostrophes(
    [
        "can", "could", "may", "might", "must", "should", "shall", "cannot", "isn't", "aren't", "wasn't", "weren't",
        "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't",
        "been", "being", "be", "now", "even", "just", "reportedly",
    ]);

    /// <summary>Irregular past forms: a finite verb after a subject ("Moeckel made it").</summary>
    public static readonly FrozenSet<string> IrregularPast = new[]
    {
        "said", "told", "went", "came", "made", "took", "gave", "got", "knew", "thought", "saw", "left", "found", "met",
        "felt", "became", "began", "brought", "held", "kept", "lost", "paid", "ran", "sent", "spent", "stood", "won",
        "wrote", "broke", "chose", "drove", "fell", "flew", "grew", "led", "meant", "rose", "sold", "shot", "sat", "spoke",
        "struck", "taught", "threw", "understood", "wore", "bought", "built", "caught", "dealt", "fought", "fled", "forgot",
        "heard", "hid", "laid", "lay", "rode", "rang", "sank", "sang", "shook", "stole", "stuck", "swore", "swept", "tore",
        "did", "had", "was", "were",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before a past participle that make it an adjective, not a verb: "a more complicated confrontation".</summary>
    public static readonly FrozenSet<string> Degree = new[] { "more", "most", "less", "least", "very", "so", "too", "well", "highly", "much", "fully" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions: words after a cue that start no reported clause ("explained from Winnipeg").</summary>
    public static readonly FrozenSet<string> Prepositions = new[]
    {
        "of", "about", "with", "to", "for", "from", "in", "on", "at", "into", "over", "by", "as", "against", "during", "after",
        "before", "through", "without", "under", "via", "amid", "among", "toward", "towards", "across", "behind", "near",
        "since", "until", "upon", "within", "outside", "inside",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions of place and time: after a cue they say where or when it was said, never what ("said in Ottawa").</summary>
    public static readonly FrozenSet<string> PlaceAndTimePrepositions = new[]
    {
        "in", "on", "at", "from", "during", "after", "before", "since", "until", "into", "near", "across", "inside", "outside",
        "to", "via", "through", "within",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a free relative or a question: a source that starts with one is none ("what he said").</summary>
    public static readonly FrozenSet<string> WhWords = new[] { "what", "how", "why", "whatever", "whoever", "whichever" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Plural nouns without an "s": a base-form verb after them is a verb ("police say").</summary>
    public static readonly FrozenSet<string> PluralNouns = new[] { "people", "police", "staff", "media", "children", "men", "women", "personnel", "clergy", "youth", "public" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower-case nouns in -ly: not adverbs that fold into a cue ("the family said").</summary>
    public static readonly FrozenSet<string> NounsInLy = new[]
    {
        "family", "ally", "assembly", "supply", "rally", "anomaly", "monopoly", "tally", "reply", "fly", "bully", "belly",
        "homily", "jelly", "lily", "folly", "gully", "daily", "weekly", "monthly", "quarterly", "elderly", "only",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns for people in -al and -ic, which are no adjectives: "official", "critic", "rival".</summary>
    public static readonly FrozenSet<string> PeopleInAlIc = new[]
    {
        "official", "critic", "rival", "individual", "general", "professional", "principal", "criminal", "cardinal", "liberal",
        "radical", "democratic", "republic", "medic", "cleric", "skeptic", "sceptic", "mechanic",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a lower-case word is an adverb in -ly that may stand between a subject and its verb ("generally say").</summary>
    public static bool IsLyAdverb(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        return lowerWord.Length >= 5 && lowerWord.EndsWith("ly", StringComparison.Ordinal) && !NounsInLy.Contains(lowerWord);
    }

    /// <summary>Whether a lower-case word with "'s" is a possessive ("mayor's"), not a pronoun and a verb ("he's").</summary>
    public static bool IsPossessive(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        return lowerWord.Length > 2 && (lowerWord.EndsWith("'s", StringComparison.Ordinal) || lowerWord.EndsWith("\u2019s", StringComparison.Ordinal)
            || lowerWord.EndsWith("s'", StringComparison.Ordinal) || lowerWord.EndsWith("s\u2019", StringComparison.Ordinal))
            && !NotPossessive.Contains(lowerWord);
    }

    private static FrozenSet<string> WithBothApostrophes(string[] words) =>
        words.Concat(words.Select(w => w.Replace('\'', '\u2019'))).ToFrozenSet(StringComparer.Ordinal);
}
