using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.QuotedAsSayingPattern"/>: "X quoted Y as saying …".</summary>
public sealed class QuotedAsSayingPatternTests
{
    // body, content, source, cue, who relays it
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // The source is Y; the outlet relays it
        { "Russian news agencies quoted Dmitry Peskov as saying that the leaders will meet.", "that the leaders will meet", "Dmitry Peskov", "quoted Dmitry Peskov as saying", "Russian news agencies" },
        // cited … as saying, without "that"
        { "Interfax cited several unidentified sources as saying Kim was due to visit.", "Kim was due to visit", "several unidentified sources", "cited several unidentified sources as saying", "Interfax" },
        // The reporter's words after ", but the reports …" are not Peskov's (issue 18)
        { "Russian news agencies quoted Kremlin spokesperson Dmitry Peskov as saying that Mr Putin and Mr Kim will meet after the forum, but the reports didn't specify when or where.", "that Mr Putin and Mr Kim will meet after the forum", "Kremlin spokesperson Dmitry Peskov", "quoted Kremlin spokesperson Dmitry Peskov as saying", "Russian news agencies" },
        // as telling
        { "The paper quoted a senior official as telling aides the deal was off.", "aides the deal was off", "a senior official", "quoted a senior official as telling", "The paper" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_quoted_person_is_the_source_and_the_quoter_relays(string body, string content, string source, string cue, string relay)
    {
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);
        AnalyzedArticle analyzed = PatternCase.Analyze(body);
        Quote quote = Assert.Single(analyzed.Quotes);
        Assert.Equal(relay, analyzed.Text(quote.CitedBy!.Value));
    }
}
