using System.Collections.Immutable;
using Storyline.Stories;

namespace Storyline.Core.Tests.Stories;

public sealed class MinHashTests
{
    // Signatures are stored with each report and compared across runs and machines: whichever way Sign computes them
    // (vector lanes where the processor has them, one hash at a time elsewhere), they must be these values.
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(257)]
    [InlineData(1000)]
    public void Signatures_are_those_of_the_reference_definition(int count)
    {
        var random = new Random(count);
        string[] vocabulary = ["kim", "putin", "summit", "vladivostok", "train", "rocket", "2023", "é", "naïve", "über", "x"];
        string[] words = [.. Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)] + (random.Next(4) == 0 ? random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))];

        ImmutableArray<uint> expected = Reference(words), actual = MinHash.Sign(words);
        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public void Fewer_words_than_a_shingle_have_no_signature()
    {
        Assert.Empty(MinHash.Sign(["two", "words"]));
    }

    // The definition, one hash function at a time: FNV-1a over "w1 w2 w3 ", then SplitMix64's finaliser of the shingle
    // hash plus h times the golden ratio, top 32 bits, minimum over the shingles.
    private static ImmutableArray<uint> Reference(string[] words)
    {
        uint[] mins = [.. Enumerable.Repeat(uint.MaxValue, MinHash.Size)];
        for (int i = 0; i + MinHash.ShingleWords <= words.Length; i++)
        {
            ulong shingle = 14695981039346656037UL;
            for (int w = 0; w < MinHash.ShingleWords; w++)
            {
                foreach (char c in words[i + w])
                {
                    shingle = (shingle ^ c) * 1099511628211UL;
                }

                shingle = (shingle ^ ' ') * 1099511628211UL;
            }

            for (int h = 0; h < MinHash.Size; h++)
            {
                ulong z = shingle + ((ulong)h * 0x9E3779B97F4A7C15UL);
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                mins[h] = Math.Min(mins[h], (uint)(z >> 32));
            }
        }

        return [.. mins];
    }
}
