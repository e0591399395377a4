using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.DirectQuotePattern"/>: a direct quote and the cue beside it.</summary>
public sealed class DirectQuotePatternTests
{
    // body, content (inside the marks), source, cue
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // Curly marks, speaker after, inverted: "…," said X, who …
        { "\u201CA forum is taking place,\u201D said Nikolai, who also declined to give his surname.", "A forum is taking place,", "Nikolai", "said" },
        // Straight marks, speaker after, not inverted
        { "\"We will see,\" the spokesperson said.", "We will see,", "the spokesperson", "said" },
        // Pronoun speaker after the quote
        { "\u201CIt is done,\u201D he said.", "It is done,", "he", "said" },
        // An auxiliary folded into the cue
        { "\u201CIt is done,\u201D he has said.", "It is done,", "he", "has said" },
        // Speaker before, with a colon
        { "Mr Peskov said: \u201CThe meeting will happen.\u201D", "The meeting will happen.", "Mr Peskov", "said" },
        // Speaker before, with a comma
        { "Mr Peskov said, \u201CThe meeting will happen.\u201D", "The meeting will happen.", "Mr Peskov", "said" },
        // Cue, then the speaker, then a colon: "said Nikolai: "…"" (an adverb before the cue is part of it)
        { "Then said Nikolai: \u201CThe security will be running.\u201D", "The security will be running.", "Nikolai", "Then said" },
        // Speaker with a role before the name, after the quote
        { "\u201CThe teeth,\u201D said Vladivostok resident Fyodor.", "The teeth,", "Vladivostok resident Fyodor", "said" },
        // Single curly marks as quotation marks; the odd ‘ in "Kim‘s" is an apostrophe, not a mark
        { "\u2018Mr Kim\u2018s trip is on,\u2019 an aide said.", "Mr Kim\u2018s trip is on,", "an aide", "said" },
        // Doubled apostrophes as double marks (some archives)
        { "''We wanted control,'' Michael Cernech, the city manager, said.", "We wanted control,", "Michael Cernech, the city manager", "said" },
        // Appositive speaker with a trailing prepositional phrase after the cue
        { "\u201CIt was clear,\u201D Doug Usher, director of research, said at the time.", "It was clear,", "Doug Usher, director of research", "said" },
        // "what X called": a free relative whose quotation is X's
        { "The attack was what officials called \u201Ca hate crime.\u201D", "a hate crime.", "officials", "called" },
        // A capitalised pronoun and a cue with a clause of their own open a new sentence; the quote is the speaker's before
        { "Putin answered: \u201CThat's why we came here.\u201D He did not say whether weapons were on the agenda.", "That's why we came here.", "Putin", "answered" },
        // A participle before a colon: the speaker is the sentence's subject
        { "Mr Trump praised the deal, telling CNBC: \u201CIt is a great deal.\u201D", "It is a great deal.", "Mr Trump", "telling" },
        // The words between the quote and a coordinated cue are no source; the sentence's subject is (issue 18: "that
        // Saturday, but" was the source)
        { "The Harbourton Water Authority confirmed that a pump had \u201Cmalfunctioned\u201D that Saturday, but said the backup worked.", "malfunctioned", "The Harbourton Water Authority", "said" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_quote_takes_the_cue_and_speaker_beside_it(string body, string content, string? source, string? cue) =>
        PatternCase.Check(body, QuoteKind.Direct, content, source, cue);

    // Words in marks that are not a quote: comment says why.
    public static TheoryData<string> NotQuotes => new()
    {
        // A title in marks inside a sentence, with no cue
        "He hosted \u201CThe Apprentice\u201D for years.",
        // Apostrophes only
        "Mr Kim\u2018s delegation and the countries' leaders met in the '90s.",
        // A scare quote inside a sentence
        "The so-called \u201Chit piece\u201D ran on Monday.",
    };

    [Theory]
    [MemberData(nameof(NotQuotes))]
    public void Marks_without_a_cue_inside_a_sentence_are_no_quote(string body) => PatternCase.None(body, QuoteKind.Direct);
}
