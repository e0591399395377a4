using Storyline.Evaluation.Ner;

namespace Storyline.Evaluation.Tests.Ner;

public sealed class WordClassBuilderTests
{
    [Fact]
    public void Binarising_marks_values_beyond_the_mean_of_their_sign_in_each_dimension()
    {
        // Three words of two dimensions. Dimension 0: positives 1 and 0.2 (mean 0.6), negative -1 (mean -1): the first
        // word is strongly positive, the second near zero, the third strongly negative. Dimension 1: positives 0.5 and
        // 0.5 (mean 0.5), no negative: the second and third are strongly positive.
        float[] vectors = [1f, 0f, 0.2f, 0.5f, -1f, 0.5f];

        byte[] packed = WordClassBuilder.Binarize(vectors, 3, 2);

        // Two bits a dimension, dimension 0 lowest: 1 = strongly positive, 2 = strongly negative.
        Assert.Equal([0b01, 0b0100, 0b0110], packed);
    }
}
