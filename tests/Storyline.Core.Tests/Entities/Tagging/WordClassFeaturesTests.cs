using Storyline.Entities.Tagging;

namespace Storyline.Core.Tests.Entities.Tagging;

/// <summary>The optional feature groups that read the word classes: what each adds, on small documents.</summary>
public sealed class WordClassFeaturesTests
{
    private static readonly GazetteerLists NoLists = new([("city", [])]);

    // Two levels: four fine clusters, the first two in coarse cluster 0, the others in 1; "win" nearly always in lower
    // case in news text, "japan" always capitalised.
    private static readonly (string, ushort, byte)[] Words =
    [
        ("the", 0, 1),
        ("win", 1, 1),
        ("japan", 3, 6),
        ("cup", 1, 1),
    ];

    // Binarised vectors of five dimensions (two bytes a word): "japan" strongly positive in dimension 0 and strongly
    // negative in dimension 4; the others near zero everywhere.
    private static readonly byte[] Signs = [0, 0, 0, 0, 0b01, 0b10, 0, 0];

    private static WordClasses Table(bool signs = false) =>
        signs ? new WordClasses([4, 2], [[0, 0, 1, 1]], Words, Signs, 5) : new WordClasses([4, 2], [[0, 0, 1, 1]], Words);

    private static TaggingDocument Doc(params string[] sentences) =>
        TaggingDocument.FromTokens([.. sentences.Select(s => (IReadOnlyList<string>)s.Split(' '))]);

    private static HashSet<ulong> FeaturesOf(TaggingDocument doc, int token, NerFeatureSet set, WordClasses? table = null)
    {
        using var features = new NerFeatures(doc, NoLists, table ?? Table(), set);
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        int n = features.Extract(token, buffer);
        return [.. buffer[..n].ToArray()];
    }

    private static ulong WordFeature(string word) => FeatureHash.Feature(2, FeatureHash.Text(word, lower: false));

    private const NerFeatureSet Base = NerFeatureSet.Clusters | NerFeatureSet.Casing;

    [Fact]
    public void A_headline_word_in_capitals_is_read_as_the_document_writes_it_elsewhere()
    {
        TaggingDocument doc = Doc("JAPAN WIN CUP", "Japan won the cup .");

        // "JAPAN" is written "Japan" in the body; "WIN" is not in the body, and news text writes "win" in lower case;
        // "CUP" is written "cup" in the body.
        Assert.Contains(WordFeature("Japan"), FeaturesOf(doc, 0, Base | NerFeatureSet.HeadlineCase));
        Assert.Contains(WordFeature("win"), FeaturesOf(doc, 1, Base | NerFeatureSet.HeadlineCase));
        Assert.Contains(WordFeature("cup"), FeaturesOf(doc, 2, Base | NerFeatureSet.HeadlineCase));

        // Without the group, or outside a headline, a word keeps its own form.
        Assert.Contains(WordFeature("JAPAN"), FeaturesOf(doc, 0, Base));
        Assert.DoesNotContain(WordFeature("Japan"), FeaturesOf(doc, 0, Base));
        Assert.Contains(WordFeature("Japan"), FeaturesOf(doc, 3, Base | NerFeatureSet.HeadlineCase));
    }

    [Fact]
    public void A_headline_word_the_document_and_news_text_leave_open_keeps_its_capitals()
    {
        // "NATO" is neither in the body nor known: an acronym stays as written.
        TaggingDocument doc = Doc("NATO WIN CUP", "They won .");
        Assert.Contains(WordFeature("NATO"), FeaturesOf(doc, 0, Base | NerFeatureSet.HeadlineCase));
    }

    [Fact]
    public void The_cluster_with_its_case_tells_a_sentence_opener_from_a_word_inside()
    {
        // "Japan" first and "Japan" inside: the same cluster, another place; with the group their features differ by more.
        TaggingDocument doc = Doc("Japan won .", "They beat Japan .");
        int without = FeaturesOf(doc, 0, Base).Except(FeaturesOf(doc, 5, Base)).Count();
        int with = FeaturesOf(doc, 0, Base | NerFeatureSet.ClusterCase).Except(FeaturesOf(doc, 5, Base | NerFeatureSet.ClusterCase)).Count();
        Assert.Equal(without + 2, with);
    }

    [Fact]
    public void Binarised_vectors_give_one_feature_per_strong_dimension()
    {
        WordClasses table = Table(signs: true);
        Span<int> dims = stackalloc int[8];
        Assert.Equal(2, table.Signs(table.Find(FeatureHash.Text("Japan", lower: true)), dims));
        Assert.Equal([0, 9], dims[..2].ToArray());
        Assert.Equal(0, table.Signs(table.Find(FeatureHash.Text("the", lower: true)), dims));
        Assert.Equal(0, table.Signs(-1, dims));

        TaggingDocument doc = Doc("Japan won .");
        HashSet<ulong> with = FeaturesOf(doc, 0, Base | NerFeatureSet.VectorSigns, table);
        Assert.Equal(2, with.Except(FeaturesOf(doc, 0, Base, table)).Count());
    }

    [Fact]
    public void A_table_with_binarised_vectors_reads_back_the_same()
    {
        using var stream = new MemoryStream();
        WordClasses.Write(stream, [4, 2], [[0, 0, 1, 1]], Words, "test", Signs, 5);
        stream.Position = 0;
        WordClasses loaded = WordClasses.Load(stream);

        Assert.Equal(Table(signs: true).Fingerprint, loaded.Fingerprint);
        Assert.NotEqual(Table().Fingerprint, loaded.Fingerprint);
        Assert.Equal(5, loaded.SignDimensions);
        Span<int> dims = stackalloc int[8];
        Assert.Equal(2, loaded.Signs(loaded.Find(FeatureHash.Text("JAPAN", lower: true)), dims));
        Assert.Equal([0, 9], dims[..2].ToArray());
    }
}
