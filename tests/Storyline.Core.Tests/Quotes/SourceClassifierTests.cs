using Storyline.Domain;
using Storyline.Quotes;

namespace Storyline.Core.Tests.Quotes;

public sealed class SourceClassifierTests
{
    // source words, whether a person's name is its head, whether an organisation's name is in it, expected kind
    public static TheoryData<string, bool, bool, SourceKind> Sources => new()
    {
        // Anonymous before organisation: the officials are unnamed
        { "unidentified US officials", false, false, SourceKind.Anonymous },
        { "One source who spoke on condition of anonymity", false, false, SourceKind.Anonymous },
        { "a person familiar with the matter", false, false, SourceKind.Anonymous },
        { "officials who asked not to be named", false, false, SourceKind.Anonymous },
        // State media before outlet
        { "state media", false, false, SourceKind.StateMedia },
        { "footage from Rossiya-1 TV state channel", false, true, SourceKind.StateMedia },
        { "KCNA", false, true, SourceKind.StateMedia },
        { "Russia's TASS news agency", false, true, SourceKind.StateMedia },
        // Outlets
        { "Russian news agency Interfax", false, true, SourceKind.NewsOutlet },
        { "South Korean broadcaster YTN", false, true, SourceKind.NewsOutlet },
        { "the New York Times", false, true, SourceKind.NewsOutlet },
        // Experts
        { "analysts", false, false, SourceKind.Expert },
        { "Experts", false, false, SourceKind.Expert },
        // Members of the public, even when named
        { "Vladivostok resident Fyodor", true, false, SourceKind.Public },
        { "Russians", false, false, SourceKind.Public },
        // Named people with their roles
        { "Kremlin spokesperson Dmitry Peskov", true, true, SourceKind.NamedPerson },
        { "Japan's chief cabinet secretary Hirokazu Matsuno", true, false, SourceKind.NamedPerson },
        // Organisations: by name or by an organisation word; "agency" alone is not an outlet
        { "The Kremlin", false, true, SourceKind.Organization },
        { "South Korea's intelligence agency", false, false, SourceKind.Organization },
        // Unnamed officials are unnamed sources, not an organisation (issue 18)
        { "US officials", false, false, SourceKind.Anonymous },
        { "Russian officials", false, false, SourceKind.Anonymous },
        // Footage is evidence, not a news outlet speaking (issue 18)
        { "The footage", false, false, SourceKind.Unknown },
        // A bare pronoun says nothing by itself
        { "he", false, false, SourceKind.Unknown },
        // "ria" must match as a word only, not inside "Korea"
        { "North Korean ambassador", false, false, SourceKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Each_source_gets_its_kind(string source, bool hasPerson, bool hasOrganization, SourceKind expected)
    {
        Assert.Equal(expected, SourceClassifier.Classify(source, hasPerson, hasOrganization));
    }
}
