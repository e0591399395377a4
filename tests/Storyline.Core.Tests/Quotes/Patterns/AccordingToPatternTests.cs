using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.AccordingToPattern"/>: "according to X".</summary>
public sealed class AccordingToPatternTests
{
    // body, content, source, cue
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // At the start: According to X, CONTENT.
        { "According to US officials, Mr Putin could focus on supplies.", "Mr Putin could focus on supplies", "US officials", "According to" },
        // At the end: CONTENT, according to X.
        { "The two may meet in Vladivostok, according to the TASS news agency.", "The two may meet in Vladivostok", "the TASS news agency", "according to" },
        // After a colon, the clause starts there
        { "One thing is clear: the talks failed, according to diplomats.", "the talks failed", "diplomats", "according to" },
        // The source ends before a clause of its own (issue 18: "… who asked not to be named because")
        { "A pump broke down for nine hours, according to a person familiar with the investigation who asked not to be named because they were not authorised to speak.", "A pump broke down for nine hours", "a person familiar with the investigation who asked not to be named", "according to" },
        // A lead-in word before "According" that is punctuation
        { "\u2014 According to the police, two people were hurt.", "two people were hurt", "the police", "According to" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_source_is_what_follows_according_to(string body, string content, string? source, string? cue) =>
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);
}
