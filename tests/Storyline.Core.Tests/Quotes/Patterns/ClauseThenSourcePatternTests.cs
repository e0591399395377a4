using Storyline.Domain;

namespace Storyline.Core.Tests.Quotes.Patterns;

/// <summary><see cref="Storyline.Quotes.ClauseThenSourcePattern"/>: "CONTENT, SOURCE CUE." and "CONTENT, CUE SOURCE.".</summary>
public sealed class ClauseThenSourcePatternTests
{
    // body, content, source, cue
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // Clause first, then source and cue
        { "North Korea may have millions of shells, analysts say.", "North Korea may have millions of shells", "analysts", "say" },
        // Then source, cue, an adverbial and a citing chain
        { "Kim appears to have departed for Russia on a train, South Korean broadcaster YTN reported on Monday, citing a government source.", "Kim appears to have departed for Russia on a train", "South Korean broadcaster YTN", "reported" },
        // Inverted: cue, then source
        { "The talks will go on next week, said the foreign minister.", "The talks will go on next week", "the foreign minister", "said" },
        // After a semicolon the clause starts there
        { "The vote was close; the measure failed, officials said.", "the measure failed", "officials", "said" },
        // An inverted one-word source with an appositive after it is a source, not the start of a list
        { "The talks will continue, said Peskov, Putin's spokesman.", "The talks will continue", "Peskov", "said" },
        { "The strike will go ahead, said Smith, CEO of Acme Corp.", "The strike will go ahead", "Smith", "said" },
        // A finding inside the clause does not take the closing source and cue with it (the sample's "— the Linden
        // Avenue station taken")
        { "In East Harbourton, a sample taken on Friday showed traces of bacteria, the Harbourton Water Authority said.", "In East Harbourton, a sample taken on Friday showed traces of bacteria", "the Harbourton Water Authority", "said" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_clause_before_the_comma_is_the_content(string body, string content, string? source, string? cue) =>
        PatternCase.Check(body, QuoteKind.Indirect, content, source, cue);

    [Fact]
    public void A_list_of_places_after_the_cue_is_not_an_inverted_source()
    {
        // The sample's "— Shahat": the places are the subject of what the administration said, not who said it.
        AnalyzedArticle analyzed = PatternCase.Analyze(
            "The eastern-based administration, which rivals the government in Tripoli, said Shahat, Al-Marj, Sousse and Derna were the worst hit.");

        Assert.DoesNotContain(analyzed.Quotes, q => q.Source is TextSpan s && analyzed.Text(s) == "Shahat");
    }
}
