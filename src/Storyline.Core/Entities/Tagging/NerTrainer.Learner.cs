namespace Storyline.Entities.Tagging;

/// <content>The perceptron learners of <see cref="NerTrainer"/> and the averaging of their weights into one chain.</content>
public static partial class NerTrainer
{
    // The perceptron's state: current weights w and transitions tw, and u, tu, c for averaging (Daumé's trick: the
    // average is w − u / c).
    private sealed class Learner(TrainingSet set, int seed, float wordDropout)
    {
        private readonly int[] order = [.. Enumerable.Range(0, set.Sentences.Count)];
        private readonly Random random = new(seed);

        // Which tokens hide their word features in this step (WordDropout), drawn from a generator of its own.
        private readonly Random dropout = new(seed ^ 0x5EED);
        private bool[] hidden = [];

        public float[] W { get; } = new float[set.Rows * L];

        public float[] U { get; } = new float[set.Rows * L];

        public float[] TW { get; } = new float[(L + 1) * L];

        public float[] TU { get; } = new float[(L + 1) * L];

        // The word vectors' weights and their sums for averaging, as W and U (EmbeddingFeatures.Index's layout).
        public float[] DW { get; } = new float[EmbeddingFeatures.WeightCount(set.DensePositions, set.DenseDimensions)];

        public float[] DU { get; } = new float[EmbeddingFeatures.WeightCount(set.DensePositions, set.DenseDimensions)];

        public float C { get; private set; } = 1;

        // One pass over the shuffled sentences; returns how many were decoded wrong.
        public int Epoch(TrainingSet set, float[] scores, byte[] back, byte[] predicted)
        {
            float[] w = W, u = U, tw = TW, tu = TU, dw = DW, du = DU;
            int positions = set.DensePositions, d = set.DenseDimensions;
            float c = C;
            random.Shuffle(order);
            int wrong = 0;
            foreach (int s in order)
            {
                var (first, n) = set.Sentences[s];
                if (hidden.Length < n)
                {
                    hidden = new bool[n * 2];
                }

                for (int t = 0; t < n; t++)
                {
                    hidden[t] = wordDropout > 0 && dropout.NextSingle() < wordDropout;
                    Span<float> row = scores.AsSpan(t * L, L);
                    row.Clear();
                    for (int k = set.TokenOffsets[first + t]; k < set.TokenOffsets[first + t + 1]; k++)
                    {
                        if (!hidden[t] || !IsWordFeature(set, first + t, k))
                        {
                            LinearChain.Add(row, w.AsSpan(set.TokenFeatures[k] * L, L));
                        }
                    }

                    for (int p = 0; p < positions; p++)
                    {
                        int slot = set.DenseSlots[((first + t) * positions) + p];
                        if (slot >= 0)
                        {
                            EmbeddingFeatures.Score(dw, p, set.DenseValues.AsSpan(slot * d, d), row);
                        }
                    }
                }

                LinearChain.Viterbi(scores, n, tw, predicted, back);
                ReadOnlySpan<byte> gold = set.Gold.AsSpan(first, n);
                if (!gold.SequenceEqual(predicted.AsSpan(0, n)))
                {
                    wrong++;
                    for (int t = 0; t < n; t++)
                    {
                        int g = gold[t];
                        int p = predicted[t];
                        if (g != p)
                        {
                            for (int k = set.TokenOffsets[first + t]; k < set.TokenOffsets[first + t + 1]; k++)
                            {
                                if (hidden[t] && IsWordFeature(set, first + t, k))
                                {
                                    continue;
                                }

                                int r = set.TokenFeatures[k] * L;
                                w[r + g] += 1;
                                u[r + g] += c;
                                w[r + p] -= 1;
                                u[r + p] -= c;
                            }

                            for (int q = 0; q < positions; q++)
                            {
                                int slot = set.DenseSlots[((first + t) * positions) + q];
                                if (slot >= 0)
                                {
                                    ReadOnlySpan<float> x = set.DenseValues.AsSpan(slot * d, d);
                                    EmbeddingFeatures.AddScaled(dw.AsSpan(EmbeddingFeatures.Index(q, g, d), d), x, 1);
                                    EmbeddingFeatures.AddScaled(du.AsSpan(EmbeddingFeatures.Index(q, g, d), d), x, c);
                                    EmbeddingFeatures.AddScaled(dw.AsSpan(EmbeddingFeatures.Index(q, p, d), d), x, -1);
                                    EmbeddingFeatures.AddScaled(du.AsSpan(EmbeddingFeatures.Index(q, p, d), d), x, -c);
                                }
                            }
                        }

                        int gp = t == 0 ? 0 : gold[t - 1] + 1;
                        int pp = t == 0 ? 0 : predicted[t - 1] + 1;
                        if (gp != pp || g != p)
                        {
                            tw[(gp * L) + g] += 1;
                            tu[(gp * L) + g] += c;
                            tw[(pp * L) + p] -= 1;
                            tu[(pp * L) + p] -= c;
                        }
                    }
                }

                c++;
            }

            C = c;
            return wrong;
        }

        // A token's features start with NerFeatures.ExtractWord's: the bias, then the word and its lower-cased form.
        private static bool IsWordFeature(TrainingSet set, int token, int k) => k - set.TokenOffsets[token] is 1 or 2;
    }

    private static LinearChain Average(TrainingSet set, Learner[] learners, float prune)
    {
        var kept = new List<int>();
        var averaged = new float[set.Rows * L];
        var transitions = new float[(L + 1) * L];
        var dense = new float[learners[0].DW.Length];
        foreach (Learner learner in learners)
        {
            for (int i = 0; i < dense.Length; i++)
            {
                dense[i] += learner.DW[i] - (learner.DU[i] / learner.C);
            }

            for (int i = 0; i < averaged.Length; i++)
            {
                averaged[i] += learner.W[i] - (learner.U[i] / learner.C);
            }

            for (int i = 0; i < transitions.Length; i++)
            {
                transitions[i] += learner.TW[i] - (learner.TU[i] / learner.C);
            }
        }

        if (learners.Length > 1)
        {
            for (int i = 0; i < averaged.Length; i++)
            {
                averaged[i] /= learners.Length;
            }

            for (int i = 0; i < transitions.Length; i++)
            {
                transitions[i] /= learners.Length;
            }

            for (int i = 0; i < dense.Length; i++)
            {
                dense[i] /= learners.Length;
            }
        }

        for (int r = 0; r < set.Rows; r++)
        {
            float max = 0;
            for (int y = 0; y < L; y++)
            {
                max = Math.Max(max, Math.Abs(averaged[(r * L) + y]));
            }

            if (max >= prune)
            {
                kept.Add(r);
            }
        }

        var keys = new uint[kept.Count];
        var weights = new float[kept.Count * L];
        for (int i = 0; i < kept.Count; i++)
        {
            keys[i] = set.Keys[kept[i]];
            Array.Copy(averaged, kept[i] * L, weights, i * L, L);
        }

        // Quantised now, so that the model in memory tags exactly as the saved one will.
        (float scale, short[] steps) = NerModel.Quantize(weights);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = steps[i] * scale;
        }

        return new LinearChain(keys, weights, transitions, scale, dense, set.DensePositions);
    }
}
