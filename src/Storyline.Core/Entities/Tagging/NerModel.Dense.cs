namespace Storyline.Entities.Tagging;

/// <content>The word vectors' scores at tagging time.</content>
public sealed partial class NerModel
{
    // A document's word-vector scores: the scores of each distinct word's vector at each position, for both passes
    // side by side (the layout of CombinedWeights), made the first time the word is met and then added to every token
    // it is next to or at.
    private sealed class DenseScores(NerModel model, NerFeatures features, int width)
    {
        private readonly int positions = features.EmbeddingPositions;
        private readonly float[] scores = new float[features.VectorSlots * features.EmbeddingPositions * width];
        private readonly bool[] made = new bool[features.VectorSlots];

        // Adds the scores of lanes [from, from + into.Length) of the token's row: the first pass's before its decode,
        // the second pass's after its evidence, in the order the plain decode (LinearChain.Emissions) adds them.
        public void Add(int token, Span<float> into, int from)
        {
            for (int p = 0; p < positions; p++)
            {
                int slot = features.VectorSlot(token, EmbeddingFeatures.Offset(p, positions));
                if (slot < 0)
                {
                    continue;
                }

                if (!made[slot])
                {
                    Make(slot);
                }

                LinearChain.Add(into, scores.AsSpan((((slot * positions) + p) * width) + from, into.Length));
            }
        }

        private void Make(int slot)
        {
            const int L = LinearChain.Labels;
            ReadOnlySpan<float> x = features.Vector(slot);
            LinearChain?[] passes = [model.First, model.Second];
            for (int p = 0; p < positions; p++)
            {
                Span<float> into = scores.AsSpan(((slot * positions) + p) * width, width);
                for (int k = 0; k * L < width; k++)
                {
                    LinearChain pass = passes[k]!;
                    if (pass.DensePositions == positions)
                    {
                        EmbeddingFeatures.Score(pass.Dense, p, x, into.Slice(k * L, L));
                    }
                }
            }

            made[slot] = true;
        }
    }
}
