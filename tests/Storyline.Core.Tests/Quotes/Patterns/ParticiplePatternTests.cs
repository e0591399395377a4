using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.ParticiplePattern"/>: "…, saying that …", whose speaker is the sentence's subject.</summary>
public sealed class ParticiplePatternTests
{
    // body, content, source, cue
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // A pronoun subject
        { "He spoke on Tuesday, saying that the election was safe.", "that the election was safe", "He", "saying" },
        // A named subject after "But"
        { "But Mr Peskov left the room, adding the talks would go on.", "the talks would go on", "Mr Peskov", "adding" },
        // The hearer after "telling" is not part of the content
        { "She left the summit early, telling reporters the deal was dead.", "the deal was dead", "She", "telling" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_subject_says_the_participle_clause(string body, string content, string? source, string? cue) =>
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);
}
