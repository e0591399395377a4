using Storyline.Domain;
using Storyline.Entities.Tagging;

namespace Storyline.Core.Tests.Entities.Tagging;

/// <summary>
/// <see cref="NerFeatureSet.PhraseEvidence"/>: a name the first pass found is looked for word for word elsewhere in the
/// document, and each token of a match learns its place in the name and the name's commonest type.
/// </summary>
public sealed class PhraseEvidenceTests
{
    private static readonly GazetteerLists NoLists = new([("city", [])]);

    private static readonly WordClasses Table = new([4, 2], [[0, 0, 1, 1]], [("the", 0, 1)]);

    private const NerFeatureSet Groups = NerFeatureSet.Clusters | NerFeatureSet.PhraseEvidence;

    // Each case: the document's sentences; the first pass's labels, one letter per token of the whole document
    // (O outside; B, I, L, U of a name, with its type after it: BO = begin of an organisation); the token asked about;
    // the place and type it should learn (null: none).
    public static TheoryData<string, string[], string, int, string?> Cases => new()
    {
        {
            "a name found whole once lends its span to a later mention the first pass missed",
            ["Bank of America said .", "Bank of America rose ."],
            "BO IO LO O O O O O O O", 5, "B ORG"
        },
        {
            "… to each of its words: the inner word",
            ["Bank of America said .", "Bank of America rose ."],
            "BO IO LO O O O O O O O", 6, "I ORG"
        },
        {
            "… and the last",
            ["Bank of America said .", "Bank of America rose ."],
            "BO IO LO O O O O O O O", 7, "L ORG"
        },
        {
            "the tokens the first pass named carry the same evidence",
            ["Bank of America said .", "Bank of America rose ."],
            "BO IO LO O O O O O O O", 0, "B ORG"
        },
        {
            "the longest name wins: America inside Bank of America is the end of an organisation, not a place",
            ["Bank of America said .", "America rose ."],
            "BO IO LO O O UL O O", 2, "L ORG"
        },
        {
            "a word named alone elsewhere is a unit where no longer name covers it",
            ["Bank of America said .", "America rose ."],
            "BO IO LO O O UL O O", 5, "U LOC"
        },
        {
            "the words must be written the same: a lower-case run is no mention",
            ["Bank of America said .", "the bank of america rose ."],
            "BO IO LO O O O O O O O O", 6, null
        },
        {
            "the type is the one the name got most often",
            ["Jordan won .", "Jordan lost .", "Jordan drew .", "Jordan ."],
            "UP O O UP O O UL O O O O", 9, "U PER"
        },
        {
            "a word never in a name learns nothing",
            ["Bank of America said .", "Bank of America rose ."],
            "BO IO LO O O O O O O O", 3, null
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_token_learns_its_place_in_a_name_found_elsewhere(string why, string[] sentences, string firstPass, int token, string? expected)
    {
        _ = why;
        TaggingDocument doc = TaggingDocument.FromTokens([.. sentences.Select(s => (IReadOnlyList<string>)s.Split(' '))]);
        byte[] labels = [.. firstPass.Split(' ').Select(Label)];
        Assert.Equal(doc.Tokens.Length, labels.Length);

        HashSet<ulong> features = Evidence(doc, labels, token, Groups);
        for (int part = 1; part <= 4; part++)
        {
            for (int type = 1; type <= 4; type++)
            {
                bool present = features.Contains(FeatureHash.Feature(46, (ulong)part, (ulong)type));
                bool wanted = expected is not null && Describe(part, type) == expected;
                Assert.True(present == wanted, $"{why}: {Describe(part, type)} {(present ? "present" : "absent")}");
            }
        }
    }

    [Fact]
    public void Without_the_group_no_phrase_evidence_is_given()
    {
        TaggingDocument doc = TaggingDocument.FromTokens([["Bank", "of", "America", "said", "."], ["Bank", "of", "America", "rose", "."]]);
        byte[] labels = [.. "BO IO LO O O O O O O O".Split(' ').Select(Label)];
        HashSet<ulong> with = Evidence(doc, labels, 5, Groups);
        HashSet<ulong> without = Evidence(doc, labels, 5, NerFeatureSet.Clusters);
        Assert.Equal(2, with.Except(without).Count());
        Assert.Empty(without.Except(with));
    }

    private static HashSet<ulong> Evidence(TaggingDocument doc, byte[] labels, int token, NerFeatureSet groups)
    {
        using var features = new NerFeatures(doc, NoLists, Table, groups);
        features.SetFirstPass(labels);
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        int n = features.ExtractEvidence(token, buffer);
        return [.. buffer[..n].ToArray()];
    }

    private static byte Label(string code) => code == "O" ? (byte)NerLabels.Outside : (byte)NerLabels.Of(
        code[0] switch { 'B' => NerLabels.Part.Begin, 'I' => NerLabels.Part.Inside, 'L' => NerLabels.Part.Last, _ => NerLabels.Part.Unit },
        code[1] switch { 'P' => EntityType.Person, 'O' => EntityType.Organization, 'L' => EntityType.Location, _ => EntityType.Miscellaneous });

    private static string Describe(int part, int type) =>
        "?BILU"[part] + " " + NerLabels.TypeNames[type - 1];
}
