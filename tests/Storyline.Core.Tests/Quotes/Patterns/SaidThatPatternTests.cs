using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.SaidThatPattern"/>: "SOURCE CUE [object] [that] CONTENT".</summary>
public sealed class SaidThatPatternTests
{
    // body, content, source, cue
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // The plain case, no "that"
        { "The Kremlin said it had nothing to say on the matter.", "it had nothing to say on the matter", "The Kremlin", "said" },
        // told + object + that: the object is not part of the content
        { "Hirokazu Matsuno told reporters that Tokyo will be watching.", "that Tokyo will be watching", "Hirokazu Matsuno", "told" },
        // An auxiliary and an adverb fold into the cue
        { "The minister has also said the plan would go ahead.", "the plan would go ahead", "The minister", "has also said" },
        // A relative clause belongs to the source
        { "One source who spoke on condition of anonymity told Reuters that a visit was expected.", "that a visit was expected", "One source who spoke on condition of anonymity", "told" },
        // An appositive source: name, role, cue
        { "Dmitry Peskov, the Kremlin spokesman, said the talks went well.", "the talks went well", "Dmitry Peskov, the Kremlin spokesman", "said" },
        // A trailing ", citing …" ends the content
        { "The agency reported the train had crossed, citing officials.", "the train had crossed", "The agency", "reported" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_source_before_the_cue_and_the_clause_after_it(string body, string content, string? source, string? cue) =>
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);

    // Verbs of the lexicon that report nothing here: comment says why.
    public static TheoryData<string> NotAttributions => new()
    {
        // Only an adverbial after the cue: no reported clause
        "The minister said on Monday.",
        // "want to" is no reporting
        "The minister wanted to leave early.",
        // "called for" is no reporting
        "The minister called for calm.",
        // "reporting" as a noun
        "(Additional reporting from agencies)",
        // "an expected meeting": an adjective, not a cue
        "Kim arrived ahead of an expected meeting with Putin.",
    };

    [Theory]
    [MemberData(nameof(NotAttributions))]
    public void A_cue_word_that_reports_nothing_gives_no_attribution(string body) => PatternCase.None(body, QuoteKind.Indirect);
}
