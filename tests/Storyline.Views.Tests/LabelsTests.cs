using Storyline.Domain;

namespace Storyline.Views.Tests;

/// <summary>The words people read: one list for the command line and the web UI.</summary>
public sealed class LabelsTests
{
    public static TheoryData<long, string, string?, string> Counts => new()
    {
        { 1, "report", null, "1 report" },                    // was "1 reports"
        { 2, "report", null, "2 reports" },
        { 0, "report", null, "0 reports" },                   // zero takes the plural
        { 1, "new story", "new stories", "1 new story" },     // was "1 new stories"
        { 3, "story", null, "3 stories" },                    // -y after a consonant
        { 2, "entity", null, "2 entities" },
        { 2, "survey", null, "2 surveys" },                   // -y after a vowel stays
        { 1, "mention", null, "1 mention" },                  // was "1 mentions in 1 reports"
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_count_takes_the_singular_for_one(long n, string singular, string? plural, string expected) =>
        Assert.Equal(expected, Labels.Count(n, singular, plural));

    public static TheoryData<string, string> ClaimKeys => new()
    {
        { "kim jong un|visit", "Kim Jong Un: visit" },        // a person's key, title-cased
        { "kim jong un+vladimir putin|meet", "Kim Jong Un and Vladimir Putin: meet" }, // both sides (was "Kim Jong Un+vladimir Putin")
        { "country:kp|missile_launch", "country:kp: missile launch" }, // a country's key (archives before issue 18) stays a key
        { "no bar here", "no bar here" },                     // not a claim key: as it is
    };

    [Theory]
    [MemberData(nameof(ClaimKeys))]
    public void A_claim_key_is_shown_in_words(string key, string expected) => Assert.Equal(expected, Labels.ClaimKey(key));

    [Theory]
    // The CLI used to print Location/Organization/Miscellaneous where the web said Place/Organisation/Other.
    [InlineData(EntityType.Person, "Person")]
    [InlineData(EntityType.Organization, "Organisation")]
    [InlineData(EntityType.Location, "Place")]
    [InlineData(EntityType.Miscellaneous, "Other")]
    public void Entity_types_have_the_web_uis_words(EntityType type, string expected) => Assert.Equal(expected, Labels.Of(type));

    [Fact]
    public void Every_kind_of_source_is_in_words_never_its_enum_name()
    {
        foreach (SourceKind kind in Enum.GetValues<SourceKind>())
        {
            string label = Labels.Of(kind);
            Assert.DoesNotContain(kind.ToString(), label, StringComparison.Ordinal);
            Assert.Equal(label, label.ToLowerInvariant());
        }
    }

    [Fact]
    public void The_web_labels_are_keyed_by_the_json_values()
    {
        var all = Labels.All();

        Assert.Equal("named person", all["sourceKind"]["namedPerson"]);
        Assert.Equal("Place", all["entityType"]["location"]);
        Assert.Equal("unconfirmed", all["certainty"]["unconfirmed"]);
        Assert.Equal(Enum.GetValues<SourceKind>().Length, all["sourceKind"].Count);
    }
}
