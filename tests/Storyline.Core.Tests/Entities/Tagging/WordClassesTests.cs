using System.IO.Compression;
using System.Text;
using Storyline.Entities.Tagging;

namespace Storyline.Core.Tests.Entities.Tagging;

public sealed class WordClassesTests
{
    // Two levels: four fine clusters, the first two in coarse cluster 0, the others in 1.
    private static readonly int[] Levels = [4, 2];
    private static readonly ushort[][] Parents = [[0, 0, 1, 1]];
    private static readonly (string, ushort, byte)[] Words =
    [
        ("the", 0, 1),
        ("moscow", 3, 6),
        ("derna", 2, 0),
        ("köln", 3, 6),
        ("stellantis", WordClasses.NoCluster, 6),
    ];

    private static WordClasses RoundTrip(out WordClasses made)
    {
        made = new WordClasses(Levels, Parents, Words);
        using var stream = new MemoryStream();
        WordClasses.Write(stream, Levels, Parents, Words, "a test table\nof five words");
        stream.Position = 0;
        return WordClasses.Load(stream);
    }

    [Fact]
    public void A_table_written_and_read_back_is_the_same_table()
    {
        WordClasses loaded = RoundTrip(out WordClasses made);

        Assert.Equal(made.Fingerprint, loaded.Fingerprint);
        Assert.Equal(made.Levels, loaded.Levels);
        Assert.Equal(5, loaded.Count);
        foreach (WordClasses table in new[] { made, loaded })
        {
            int moscow = table.Find(FeatureHash.Text("Moscow", lower: true));
            Assert.Equal(3, table.Cluster(moscow, 0));
            Assert.Equal(1, table.Cluster(moscow, 1));
            Assert.Equal(6, table.Casing(moscow));
            Assert.Equal(2, table.RankBucket(moscow));
            Assert.Equal(3, table.Cluster(table.Find(FeatureHash.Text("KÖLN", lower: true)), 0));

            // A word with only casing evidence has no cluster and no rank; an unknown word has nothing.
            int stellantis = table.Find(FeatureHash.Text("Stellantis", lower: true));
            Assert.Equal(WordClasses.NoCluster, table.Cluster(stellantis, 1));
            Assert.Equal(0, table.RankBucket(stellantis));
            Assert.Equal(6, table.Casing(stellantis));
            Assert.Equal(-1, table.Find(FeatureHash.Text("zorvik", lower: true)));
            Assert.Equal(WordClasses.NoCluster, table.Cluster(-1, 0));
        }
    }

    [Fact]
    public void Another_table_has_another_fingerprint()
    {
        var other = new WordClasses(Levels, Parents, [.. Words.Select(w => w.Item1 == "derna" ? (w.Item1, (ushort)1, w.Item3) : w)]);
        Assert.NotEqual(new WordClasses(Levels, Parents, Words).Fingerprint, other.Fingerprint);
    }

    public static TheoryData<byte, int, byte> Casing => new()
    {
        // Too rare to say.
        { 0, 2, 0 },
        // Always in lower case ("pacific" would be; "mission" nearly).
        { 0, 50, 1 },
        { 3, 97, 2 },
        { 30, 70, 3 },
        { 60, 40, 4 },
        { 90, 10, 5 },
        // Always capitalised (a name).
        { 99, 1, 6 },
    };

    [Theory]
    [MemberData(nameof(Casing))]
    public void Casing_buckets_follow_the_capitalised_share(byte capitalized, int lower, byte bucket) =>
        Assert.Equal(bucket, WordClasses.CasingBucket(capitalized, lower));

    [Fact]
    public void A_broken_line_is_reported_with_its_number()
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("# header\nL\t4\t2\nW\tthe\tzero\t1\n"));
        }

        stream.Position = 0;
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => WordClasses.Load(stream));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }
}
