using Storyline.Vectors;

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
/// <param name="Ensemble">Learners per pass, each on its own sentence order (seeds <paramref name="Seed"/> on), whose
/// averaged weights are averaged into one model.</param>
/// <param name="WordDropout">The share of training tokens whose own word features (the word and its lower-cased form)
/// are hidden from the learner for that step, as if the word were new: the model learns to name words it never saw
/// from their classes, shape and context.</param>
public sealed record NerTrainingOptions(int Epochs = 10, int Seed = 17, bool SecondPass = true, int Folds = 5, float Prune = 0.01f, NerFeatureSet Features = NerFeatureSet.None, int SecondEpochs = 0, int MinCount = 1, int Ensemble = 1, float WordDropout = 0);

/// <summary>A training document: its tokens and sentences, and a gold BILOU label per token.</summary>
/// <param name="Document">The tokens and sentences.</param>
/// <param name="Labels">One gold label per token (<see cref="NerLabels"/>).</param>
public sealed record LabeledDocument(TaggingDocument Document, byte[] Labels);

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged structured perceptron (Collins 2002): decode each sentence with the
/// current weights, add the gold sequence's features and subtract the predicted one's where they differ, and keep
/// the average of the weights over all steps. Deterministic: sentences are shuffled with a seeded generator.
/// </summary>
public static partial class NerTrainer
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
    /// <param name="vectors">The word vectors, where <see cref="NerTrainingOptions.Features"/> asks for
    /// <see cref="NerFeatureSet.Embeddings"/>.</param>
    public static NerModel Train(
        IReadOnlyList<LabeledDocument> documents,
        GazetteerLists gazetteer,
        NerTrainingOptions options,
        Action<string>? progress = null,
        Action<int, NerModel>? onEpoch = null,
        WordClasses? words = null,
        Action<int, NerModel>? onFirstEpoch = null,
        WordVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(options);
        if (options.WordDropout > 0 && options.MinCount > 1)
        {
            throw new ArgumentException("Word dropout finds a token's word features by their place, which a count cut-off can shift.", nameof(options));
        }

        if (options.Features != NerFeatureSet.None && words is null)
        {
            throw new ArgumentException("The feature groups " + options.Features + " need word classes.", nameof(words));
        }

        if (EmbeddingFeatures.Positions(options.Features) > 0 && vectors is null)
        {
            throw new ArgumentException("The feature groups " + options.Features + " need the word vectors.", nameof(vectors));
        }

        EmbeddingFeatures? embeddings = EmbeddingFeatures.Positions(options.Features) > 0 ? EmbeddingFeatures.For(vectors!) : null;
        var inputs = new Inputs(gazetteer, options.Features == NerFeatureSet.None ? null : words, options.Features, embeddings);
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
    private sealed record Inputs(GazetteerLists Gazetteer, WordClasses? Words, NerFeatureSet Groups, EmbeddingFeatures? Embeddings)
    {
        public NerFeatures Features(TaggingDocument document) => new(document, Gazetteer, Words, Groups, Embeddings);

        public NerModel Model(LinearChain first, LinearChain? second) => new(Gazetteer, first, second, Words, Groups, Embeddings?.Vectors);
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

        // The word vectors (EmbeddingFeatures): per token and position, a row of DenseValues or −1.
        public required int DensePositions { get; init; }

        public required int DenseDimensions { get; init; }

        public required int[] DenseSlots { get; init; }

        public required float[] DenseValues { get; init; }
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
        int positions = EmbeddingFeatures.Positions(inputs.Groups);
        int dimensions = inputs.Embeddings?.Dimensions ?? 0;
        var denseRows = new Dictionary<int, int>();
        var denseSlots = new List<int>();
        var denseValues = new List<float>();
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
                for (int p = 0; p < positions; p++)
                {
                    int slot = features.VectorSlot(i, EmbeddingFeatures.Offset(p, positions));
                    if (slot < 0)
                    {
                        denseSlots.Add(-1);
                        continue;
                    }

                    if (!denseRows.TryGetValue(features.VectorId(slot), out int denseRow))
                    {
                        denseRow = denseRows.Count;
                        denseRows[features.VectorId(slot)] = denseRow;
                        denseValues.AddRange(features.Vector(slot));
                    }

                    denseSlots.Add(denseRow);
                }
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
            DensePositions = positions,
            DenseDimensions = dimensions,
            DenseSlots = [.. denseSlots],
            DenseValues = [.. denseValues],
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
        int longest = set.Sentences.Max(s => s.Count);
        var scores = new float[longest * L];
        var back = new byte[longest * L];
        var predicted = new byte[longest];

        // One learner, or several from different sentence orders whose averaged weights are averaged (an ensemble
        // whose scores are the mean of its members', in one model).
        var learners = new Learner[Math.Max(1, options.Ensemble)];
        for (int m = 0; m < learners.Length; m++)
        {
            learners[m] = new Learner(set, options.Seed + m, options.WordDropout);
        }

        LinearChain? averaged = null;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            int wrong = 0;
            foreach (Learner learner in learners)
            {
                wrong += learner.Epoch(set, scores, back, predicted);
            }

            progress?.Invoke($"{stage}, epoch {epoch}: {wrong / learners.Length:N0} of {set.Sentences.Count:N0} sentences wrong");
            if (onEpoch is not null || epoch == epochs)
            {
                averaged = Average(set, learners, options.Prune);
                onEpoch?.Invoke(epoch, averaged);
            }
        }

        return set.Inputs.Model(firstPass ?? averaged!, firstPass is null ? null : averaged);
    }
}
