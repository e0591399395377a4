using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.PassivePattern"/>: "CONTENT was reported by SOURCE".</summary>
public sealed class PassivePatternTests
{
    // body, content, source, cue, citing (null: none)
    public static TheoryData<string, string, string, string, string?> Cases => new()
    {
        // The subject before the cue is the content
        { "The train's arrival was reported by Interfax.", "The train's arrival", "Interfax", "was reported", null },
        // A citing chain after the source
        { "The crossing was reported by Interfax, citing footage from state TV.", "The crossing", "Interfax", "was reported", "footage from state TV" },
        // "It" reported is the subject of the sentence before (issue 18: the New York Times was recorded as saying "It")
        { "Kim's trip is still unconfirmed. It was first reported by the New York Times citing unidentified US officials.", "Kim's trip", "the New York Times", "was first reported", "unidentified US officials" },
        // The clause starts after a colon
        { "One more thing: the meeting was confirmed by the Kremlin.", "the meeting", "the Kremlin", "was confirmed", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_subject_is_the_content_and_the_agent_the_source(string body, string content, string source, string cue, string? citing)
    {
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);
        AnalyzedArticle analyzed = PatternCase.Analyze(body);
        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.Equal(citing, quote.Citing is TextSpan c ? analyzed.Text(c) : null);
    }
}
