namespace Storyline.Entities.Tagging;

/// <summary>How the tagger is trained.</summary>
/// <param name="Epochs">Passes over the training sentences.</param>
/// <param name="Seed">Seed of the sentence shuffle; the same seed, data and options give the same model.</param>
/// <param name="SecondPass">Whether to train the document-consistency pass.</param>
/// <param name="Folds">Folds for the jackknifed first-pass labels the second pass learns from.</param>
/// <param name="Prune">Rows whose largest averaged weight is below this are dropped from the saved model.</param>
/// <param name="Features">The optional feature groups (they need word classes).</param>
/// <param name="SecondEpochs">Passes over the training sentences for the second pass (0: <paramref name="Epochs"/>).</param>
/// <param name="MinCount">Features seen fewer times than this in the training data get no weights (a regulariser).</param>
public sealed record NerTrainingOptions(int Epochs = 10, int Seed = 17, bool SecondPass = true, int Folds = 5, float Prune = 0.01f, NerFeatureSet Features = NerFeatureSet.None, int SecondEpochs = 0, int MinCount = 1);

/// <summary>A training document: its tokens and sentences, and a gold BILOU label per token.</summary>
/// <param name="Document">The tokens and sentences.</param>
/// <param name="Labels">One gold label per token (<see cref="NerLabels"/>).</param>
public sealed record LabeledDocument(TaggingDocument Document, byte[] Labels);

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged structured perceptron (Collins 2002): decode each sentence with the
/// current weights, add the gold sequence's features and subtract the predicted one's where they differ, and keep
/// the average of the weights over all steps. Deterministic: sentences are shuffled with a seeded generator.
/// </summary>
public static class NerTrainer
{
    private const int L = LinearChain.Labels;

    /// <summary>Trains a model.</summary>
    /// <param name="documents">Training documents.</param>
    /// <param name="gazetteer">Name lists for the gazetteer features.</param>
    /// <param name="options">Epochs, seed, passes, feature groups.</param>
    /// <param name="progress">Told of each step ("pass 1, epoch 3: 2,310 sentences wrong").</param>
    /// <param name="onEpoch">Called after each epoch of the final pass with the epoch number and the model so far, for a
    /// development score.</param>
    /// <param name="words">The word classes, where <see cref="NerTrainingOptions.Features"/> asks for them.</param>
    /// <param name="onFirstEpoch">Called after each epoch of the first pass (of the whole data, not the jackknife
    /// folds) with the one-pass model so far.</param>
    public static NerModel Train(
        IReadOnlyList<LabeledDocument> documents,
        GazetteerLists gazetteer,
        NerTrainingOptions options,
        Action<string>? progress = null,
        Action<int, NerModel>? onEpoch = null,
        WordClasses? words = null,
        Action<int, NerModel>? onFirstEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Features != NerFeatureSet.None && words is null)
        {
            throw new ArgumentException("The feature groups " + options.Features + " need word classes.", nameof(words));
        }

        var inputs = new Inputs(gazetteer, options.Features == NerFeatureSet.None ? null : words, options.Features);
        if (!options.SecondPass)
        {
            var set1 = Prepare(documents, inputs, null, options.MinCount);
            Action<int, NerModel>? report = onEpoch ?? onFirstEpoch;
            return Fit(set1, options.Epochs, options, progress, "pass 1", report is null ? null : (e, c) => report(e, inputs.Model(c, null)));
        }

        // First-pass labels for the training documents from models that did not see them (jackknifing).
        var firstPass = new byte[documents.Count][];
        for (int fold = 0; fold < options.Folds; fold++)
        {
            var train = documents.Where((_, i) => i % options.Folds != fold).ToList();
            LinearChain chain = Fit(Prepare(train, inputs, null, options.MinCount), options.Epochs, options, progress, $"fold {fold + 1}/{options.Folds}", null).First;
            for (int i = fold; i < documents.Count; i += options.Folds)
            {
                firstPass[i] = new byte[documents[i].Labels.Length];
                using var features = inputs.Features(documents[i].Document);
                NerModel.Decode(chain, features, firstPass[i]);
            }
        }

        LinearChain first = Fit(Prepare(documents, inputs, null, options.MinCount), options.Epochs, options, progress, "pass 1", onFirstEpoch is null ? null : (e, c) => onFirstEpoch(e, inputs.Model(c, null))).First;
        var set2 = Prepare(documents, inputs, firstPass, options.MinCount);
        int secondEpochs = options.SecondEpochs > 0 ? options.SecondEpochs : options.Epochs;
        return Fit(set2, secondEpochs, options, progress, "pass 2", onEpoch is null ? null : (e, c) => onEpoch(e, inputs.Model(first, c)), first);
    }

    // What the features are made from: the gazetteer, the word classes and the feature groups.
    private sealed record Inputs(GazetteerLists Gazetteer, WordClasses? Words, NerFeatureSet Groups)
    {
        public NerFeatures Features(TaggingDocument document) => new(document, Gazetteer, Words, Groups);

        public NerModel Model(LinearChain first, LinearChain? second) => new(Gazetteer, first, second, Words, Groups);
    }

    private sealed class TrainingSet
    {
        public required Inputs Inputs { get; init; }

        public required int Rows { get; init; }

        public required uint[] Keys { get; init; }

        public required int[] TokenFeatures { get; init; }

        public required int[] TokenOffsets { get; init; }

        public required byte[] Gold { get; init; }

        public required List<(int First, int Count)> Sentences { get; init; }
    }

    private static TrainingSet Prepare(IReadOnlyList<LabeledDocument> documents, Inputs inputs, byte[][]? firstPass, int minCount)
    {
        // Features seen fewer than minCount times are left out: counted in a first sweep.
        HashSet<uint>? kept = minCount > 1 ? Frequent(documents, inputs, firstPass, minCount) : null;
        var rows = new Dictionary<uint, int>();
        var keys = new List<uint>();
        var tokenFeatures = new List<int>();
        var offsets = new List<int> { 0 };
        var gold = new List<byte>();
        var sentences = new List<(int, int)>();
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        for (int d = 0; d < documents.Count; d++)
        {
            LabeledDocument doc = documents[d];
            using var features = inputs.Features(doc.Document);
            if (firstPass is not null)
            {
                features.SetFirstPass(firstPass[d]);
            }

            int baseToken = gold.Count;
            foreach (var (first, n) in doc.Document.Sentences)
            {
                if (n > 0)
                {
                    sentences.Add((baseToken + first, n));
                }
            }

            for (int i = 0; i < features.Count; i++)
            {
                int count = features.Extract(i, buffer);
                for (int k = 0; k < count; k++)
                {
                    uint key = LinearChain.Key(buffer[k]);
                    if (kept is not null && !kept.Contains(key))
                    {
                        continue;
                    }

                    if (!rows.TryGetValue(key, out int row))
                    {
                        row = keys.Count;
                        rows[key] = row;
                        keys.Add(key);
                    }

                    tokenFeatures.Add(row);
                }

                offsets.Add(tokenFeatures.Count);
                gold.Add(doc.Labels[i]);
            }
        }

        return new TrainingSet
        {
            Inputs = inputs,
            Rows = keys.Count,
            Keys = [.. keys],
            TokenFeatures = [.. tokenFeatures],
            TokenOffsets = [.. offsets],
            Gold = [.. gold],
            Sentences = sentences,
        };
    }

    private static HashSet<uint> Frequent(IReadOnlyList<LabeledDocument> documents, Inputs inputs, byte[][]? firstPass, int minCount)
    {
        var counts = new Dictionary<uint, int>();
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        for (int d = 0; d < documents.Count; d++)
        {
            using var features = inputs.Features(documents[d].Document);
            if (firstPass is not null)
            {
                features.SetFirstPass(firstPass[d]);
            }

            for (int i = 0; i < features.Count; i++)
            {
                int count = features.Extract(i, buffer);
                for (int k = 0; k < count; k++)
                {
                    ref int seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, LinearChain.Key(buffer[k]), out _);
                    seen++;
                }
            }
        }

        return [.. counts.Where(c => c.Value >= minCount).Select(c => c.Key)];
    }

    private static NerModel Fit(TrainingSet set, int epochs, NerTrainingOptions options, Action<string>? progress, string stage, Action<int, LinearChain>? onEpoch, LinearChain? firstPass = null)
    {
        var w = new float[set.Rows * L];
        var u = new float[set.Rows * L];
        var tw = new float[(L + 1) * L];
        var tu = new float[(L + 1) * L];
        float c = 1;
        int longest = set.Sentences.Max(s => s.Count);
        var scores = new float[longest * L];
        var back = new byte[longest * L];
        var predicted = new byte[longest];
        int[] order = [.. Enumerable.Range(0, set.Sentences.Count)];
        var random = new Random(options.Seed);
        LinearChain? averaged = null;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int wrong = 0;
            foreach (int s in order)
            {
                var (first, n) = set.Sentences[s];
                for (int t = 0; t < n; t++)
                {
                    Span<float> row = scores.AsSpan(t * L, L);
                    row.Clear();
                    for (int k = set.TokenOffsets[first + t]; k < set.TokenOffsets[first + t + 1]; k++)
                    {
                        LinearChain.Add(row, w.AsSpan(set.TokenFeatures[k] * L, L));
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
                                int r = set.TokenFeatures[k] * L;
                                w[r + g] += 1;
                                u[r + g] += c;
                                w[r + p] -= 1;
                                u[r + p] -= c;
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

            progress?.Invoke($"{stage}, epoch {epoch}: {wrong:N0} of {set.Sentences.Count:N0} sentences wrong");
            if (onEpoch is not null || epoch == epochs)
            {
                averaged = Average(set, w, u, tw, tu, c, options.Prune);
                onEpoch?.Invoke(epoch, averaged);
            }
        }

        return set.Inputs.Model(firstPass ?? averaged!, firstPass is null ? null : averaged);
    }

    private static LinearChain Average(TrainingSet set, float[] w, float[] u, float[] tw, float[] tu, float c, float prune)
    {
        var kept = new List<int>();
        var averaged = new float[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            averaged[i] = w[i] - (u[i] / c);
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

        var transitions = new float[tw.Length];
        for (int i = 0; i < tw.Length; i++)
        {
            transitions[i] = tw[i] - (tu[i] / c);
        }

        return new LinearChain(keys, weights, transitions, scale);
    }
}
