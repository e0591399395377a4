using Storyline.Evaluation.Embeddings;
using Storyline.Testing;
using Storyline.Vectors;

namespace Storyline.Evaluation.Tests.Embeddings;

public sealed class WordVectorBuilderTests
{
    [Fact]
    public void The_first_singular_vector_of_rows_along_one_axis_is_that_axis()
    {
        // Rows (3, 1), (3, -1), (-3, 1): the Gram matrix is [[27, -3], [-3, 3]]; its top eigenvector is about (0.99251, -0.12218)
        // with eigenvalue 15 + sqrt(153) = 27.37, of a total 30.
        float[][] rows = [[3, 1], [3, -1], [-3, 1]];

        (float[] vector, double share) = WordVectorBuilder.FirstSingularVector(rows, 2);

        Assert.Equal(0.99251, vector[0], 4);
        Assert.Equal(-0.12218, vector[1], 4);
        Assert.Equal(27.369 / 30, share, 3);
    }

    [Fact]
    public void Reuters_bodies_are_read_decoded_and_without_their_signature()
    {
        string path = Path.Combine(Path.GetTempPath(), $"storyline-reuters-{Guid.NewGuid():N}.sgm");
        File.WriteAllText(path, "<REUTERS><TEXT><TITLE>T</TITLE><BODY>Shares rose &lt;5 pct&gt; today.\n Reuter\n&#3;</BODY></TEXT></REUTERS>\n<REUTERS><TEXT><BODY>Second story.\n Reuter</BODY></TEXT></REUTERS>");
        try
        {
            Assert.Equal(["Shares rose <5 pct> today.", "Second story."], WordVectorBuilder.ReutersBodies(path).Select(b => b.Trim()).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SharedFact("data/embeddings/glove-6b-100d-top200k.q8.txt.gz")]
    public void A_small_build_from_the_shared_data_reads_back()
    {
        string output = Path.Combine(Path.GetTempPath(), $"storyline-vectors-{Guid.NewGuid():N}.bin");
        try
        {
            WordVectorBuildSummary summary = WordVectorBuilder.Build(
                Path.Combine(TestPaths.Shared, "data", "embeddings", "glove-6b-100d-top200k.q8.txt.gz"),
                Path.Combine(TestPaths.Shared, "data", "unlabelled", "reuters21578", "reuters21578_all.sgm.gz"),
                output,
                words: 2_000);

            WordVectors table = WordVectors.Load(output);
            Assert.Equal(2_000, table.Count);
            Assert.Equal("the", table.Word(0));
            Assert.True(summary.Sentences > 10_000);
            Assert.InRange(summary.CommonShare, 0.3, 0.99);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
