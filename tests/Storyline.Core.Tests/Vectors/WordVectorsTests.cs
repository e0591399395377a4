using Storyline.Text;
using Storyline.Vectors;

namespace Storyline.Core.Tests.Vectors;

public sealed class WordVectorsTests
{
    // A hand-made table of four 3-number words, most frequent first; the common component is the first axis.
    internal static WordVectors Tiny(float[]? common = null)
    {
        string[] words = ["the", "quake", "earthquake", "jong"];
        float[] scales = [1f, 2f, 2f, 1f];
        sbyte[] values =
        [
            127, 0, 0,     // the: along the common axis only
            0, 127, 0,     // quake
            0, 127, 64,    // earthquake: close to quake
            0, 0, 127,     // jong
        ];
        using var buffer = new MemoryStream();
        WordVectors.Write(buffer, words, scales, values, 3, common ?? [1f, 0f, 0f]);
        buffer.Position = 0;
        return WordVectors.Read(buffer);
    }

    [Fact]
    public void A_written_table_reads_back_word_for_word_and_number_for_number()
    {
        WordVectors table = Tiny();

        Assert.Equal(4, table.Count);
        Assert.Equal(3, table.Dimensions);
        Assert.True(table.TryFind("earthquake", out int id));
        Assert.Equal(2, id);
        Assert.Equal("earthquake", table.Word(id));
        // value = integer * scale / 127
        Assert.Equal([0f, 2f, 64 * 2f / 127], table.Vector(id));
        Assert.Equal([1f, 0f, 0f], table.CommonComponent.ToArray());
        Assert.False(table.TryFind("Earthquake", out _)); // the vocabulary is lower-cased; callers lower-case first
    }

    [Fact]
    public void Rarer_words_weigh_more()
    {
        WordVectors table = Tiny();

        // Zipf: rank 1 has p = 1 / (ln 400000 + γ) ≈ 0.074, so with a = 1e-3 its weight is about 0.013.
        Assert.InRange(table.SifWeight(0), 0.012f, 0.015f);
        Assert.True(table.SifWeight(0) < table.SifWeight(1));
        Assert.True(table.SifWeight(1) < table.SifWeight(3));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4 }, "bad magic")]
    [InlineData(new byte[] { 0x53, 0x4C, 0x57, 0x56, 9, 0, 0, 0 }, "version 9")]
    [InlineData(new byte[] { 0x53, 0x4C, 0x57, 0x56, 1, 0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0 }, "ends early")]
    public void A_file_that_is_not_a_table_is_refused_with_the_reason(byte[] bytes, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => WordVectors.Read(new MemoryStream(bytes)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_broken_file_names_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"storyline-vectors-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => WordVectors.Load(path));
            Assert.StartsWith(path + ":", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_table_is_built_into_the_program()
    {
        WordVectors? shipped = WordVectors.Shipped;

        Assert.NotNull(shipped);
        Assert.Equal(100_000, shipped.Count);
        Assert.Equal(100, shipped.Dimensions);
        Assert.True(shipped.TryFind("the", out int the));
        Assert.Equal(0, the); // frequency order: "the" first
        float length = TextEmbedder.Dot(shipped.CommonComponent, shipped.CommonComponent);
        Assert.InRange(length, 0.999f, 1.001f);
    }

    [Theory]
    // Given two words, the shipped vectors place a near-synonym closer than an unrelated word.
    [InlineData("earthquake", "quake", "bank")]
    [InlineData("killed", "dead", "election")]
    [InlineData("kremlin", "moscow", "football")]
    [InlineData("spill", "oil", "vaccine")]
    public void Related_words_are_closer_than_unrelated_ones(string word, string near, string far)
    {
        WordVectors shipped = WordVectors.Shipped!;
        float[] Unit(string w)
        {
            Assert.True(shipped.TryFind(w, out int id), w);
            float[] v = shipped.Vector(id);
            float n = MathF.Sqrt(TextEmbedder.Dot(v, v));
            return [.. v.Select(x => x / n)];
        }

        Assert.True(TextEmbedder.Dot(Unit(word), Unit(near)) > TextEmbedder.Dot(Unit(word), Unit(far)) + 0.2f);
    }
}
