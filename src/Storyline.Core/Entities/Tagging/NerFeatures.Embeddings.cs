using System.Buffers;

namespace Storyline.Entities.Tagging;

/// <content>The tokens' word vectors, for <see cref="NerFeatureSet.Embeddings"/>: each distinct word of the document
/// that the table knows gets a slot holding its scaled vector (<see cref="EmbeddingFeatures"/>).</content>
internal sealed partial class NerFeatures
{
    private int[]? vectorSlot;
    private int[]? vectorIds;
    private float[]? vectorValues;
    private int dimensions;

    /// <summary>Positions whose vectors a token reads (0: the group is off; see <see cref="EmbeddingFeatures.Positions"/>).</summary>
    public int EmbeddingPositions => vectorSlot is null ? 0 : EmbeddingFeatures.Positions(set);

    /// <summary>Number of distinct words of the document with a vector.</summary>
    public int VectorSlots { get; private set; }

    /// <summary>
    /// The slot of the token at <paramref name="offset"/> from token <paramref name="i"/>, or −1 where it is beyond
    /// <paramref name="i"/>'s sentence or has no vector.
    /// </summary>
    public int VectorSlot(int i, int offset)
    {
        var (first, n) = sentences[sentenceOf[i]];
        int j = i + offset;
        return j < first || j >= first + n ? -1 : vectorSlot![j];
    }

    /// <summary>The scaled vector in a slot.</summary>
    public ReadOnlySpan<float> Vector(int slot) => vectorValues.AsSpan(slot * dimensions, dimensions);

    /// <summary>The word-vector table's id of the word in a slot.</summary>
    public int VectorId(int slot) => vectorIds![slot];

    private void ReadVectors(EmbeddingFeatures embeddings)
    {
        dimensions = embeddings.Dimensions;
        int size = Math.Max(count, 1);
        vectorSlot = ArrayPool<int>.Shared.Rent(size);
        vectorIds = ArrayPool<int>.Shared.Rent(size);
        vectorValues = ArrayPool<float>.Shared.Rent(size * dimensions);
        var slots = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
        {
            int id = embeddings.Find(tokens[i].Slice(text));
            if (id < 0)
            {
                vectorSlot[i] = -1;
                continue;
            }

            if (!slots.TryGetValue(id, out int slot))
            {
                slot = slots.Count;
                slots[id] = slot;
                vectorIds[slot] = id;
                embeddings.Fill(id, vectorValues.AsSpan(slot * dimensions, dimensions));
            }

            vectorSlot[i] = slot;
        }

        VectorSlots = slots.Count;
    }

    private void ReturnVectors()
    {
        if (vectorSlot is not null)
        {
            ArrayPool<int>.Shared.Return(vectorSlot);
            ArrayPool<int>.Shared.Return(vectorIds!);
            ArrayPool<float>.Shared.Return(vectorValues!);
            vectorSlot = null;
        }
    }
}
