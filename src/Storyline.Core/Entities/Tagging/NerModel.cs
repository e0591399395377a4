using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Storyline.Vectors;

namespace Storyline.Entities.Tagging;

/// <summary>
/// The trained named-entity tagger: gazetteer lists and one or two linear-chain passes. Immutable and thread-safe;
/// load it once and share it.
/// </summary>
/// <remarks>
/// <para>Why an averaged structured perceptron with first-order Viterbi over BILOU labels, rather than a CRF: it
/// reaches the same accuracy on CoNLL-2003 with rich features (Ratinov and Roth 2009), trains in seconds per
/// epoch without gradients or line searches, and decodes with one weight row per feature, which keeps tagging far
/// above 200,000 tokens a second. Document-level consistency comes from a second pass that sees the first pass's
/// labels for the same word elsewhere in the document; its training input comes from first-pass models trained on
/// the other folds (jackknifing), so that it learns how far to trust a first pass that makes mistakes.</para>
/// <para>File format (gzip): "SLNER", version, (from version 2) the feature groups and the fingerprint of the word
/// classes (0: none), gazetteer lists (names and phrases), then per pass: row count, weight scale, sorted 32-bit
/// feature keys as delta varints, each row's 17 weights as zig-zag varints of int16 steps of the scale, and the
/// transition matrix as floats. The word classes are a file of their own beside the model
/// (<see cref="WordClassesFileName"/>), checked against the fingerprint when the model is loaded.</para>
/// </remarks>
public sealed partial class NerModel
{
    private const string Magic = "SLNER";

    // A row not looked up yet (FeatureIndex gives −1 for none).
    private const int Unknown = int.MinValue;
    private const int Version = 2;

    // Version 3: version 2 with the word vectors' weights (written only by a model that has them, so that a model
    // without them is saved byte for byte as before).
    private const int DenseVersion = 3;

    /// <summary>The word-classes table's file name, beside the model.</summary>
    public const string WordClassesFileName = "word-classes.tsv.gz";

    internal NerModel(GazetteerLists gazetteer, LinearChain first, LinearChain? second, WordClasses? words = null, NerFeatureSet features = NerFeatureSet.None, WordVectors? vectors = null)
    {
        if (features != NerFeatureSet.None && words is null)
        {
            throw new ArgumentException("Word-class features need a word-classes table.", nameof(words));
        }

        if (EmbeddingFeatures.Positions(features) > 0)
        {
            Embeddings = EmbeddingFeatures.For(vectors ?? throw new ArgumentException("Embedding features need the word vectors.", nameof(vectors)));
        }

        Words = features == NerFeatureSet.None ? null : words;
        Features = features;
        Gazetteer = gazetteer;
        First = first;
        Second = second;
        Combined = new CombinedWeights(first, second);
        firstAllowed = LinearChain.Allowed(first.Transitions);
        secondAllowed = second is null ? null : LinearChain.Allowed(second.Transitions);
    }

    /// <summary>The name lists the model was trained with.</summary>
    public GazetteerLists Gazetteer { get; }

    /// <summary>The word classes the model reads (null: it uses none).</summary>
    public WordClasses? Words { get; }

    /// <summary>The optional feature groups the model was trained with.</summary>
    public NerFeatureSet Features { get; }

    // The word vectors as features, where the model reads them.
    internal EmbeddingFeatures? Embeddings { get; }

    /// <summary>Number of feature rows, over both passes.</summary>
    public int FeatureCount => First.Keys.Length + (Second?.Keys.Length ?? 0);

    /// <summary>Whether the model has a second, document-consistency pass.</summary>
    public bool HasSecondPass => Second is not null;

    internal LinearChain First { get; }

    internal LinearChain? Second { get; }

    private CombinedWeights Combined { get; }

    // Each pass's transitions as its decoder reads them.
    private readonly float[] firstAllowed;
    private readonly float[]? secondAllowed;

    /// <summary>Labels every token of <paramref name="document"/> (<see cref="NerLabels"/>, BILOU).</summary>
    public void Tag(TaggingDocument document, Span<byte> labels)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (labels.Length < document.Tokens.Length)
        {
            throw new ArgumentException("One label per token is needed.", nameof(labels));
        }

        int count = document.Tokens.Length;
        if (count == 0)
        {
            return;
        }

        const int L = LinearChain.Labels;
        int width = Combined.Width;
        using var features = new NerFeatures(document, Gazetteer, Words, Features, Embeddings);
        var dense = features.EmbeddingPositions > 0 ? new DenseScores(this, features, width) : null;
        float[] scores = ArrayPool<float>.Shared.Rent(count * width);
        byte[] back = ArrayPool<byte>.Shared.Rent(count * L);

        // A word's own features come first in every token's features, so the scores they add up to are the same
        // floats wherever the word occurs: they are summed once per distinct word of the document and copied to
        // its other occurrences ("the", ",", names said again), and each token's other features are added after.
        float[] wordScores = ArrayPool<float>.Shared.Rent(count * width);
        int[] wordToken = ArrayPool<int>.Shared.Rent(count);
        var words = new Dictionary<ulong, int>(count);
        int[] windowRows = ArrayPool<int>.Shared.Rent(features.WindowSlots * NerFeatures.WindowCount);
        Array.Fill(windowRows, Unknown, 0, features.WindowSlots * NerFeatures.WindowCount);
        try
        {
            Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
            Span<int> rows = stackalloc int[NerFeatures.MaxPerToken];
            Span<int> slots = stackalloc int[NerFeatures.WindowCount];
            Span<ulong> values = stackalloc ulong[NerFeatures.WindowCount];
            for (int t = 0; t < count; t++)
            {
                Span<float> row = scores.AsSpan(t * width, width);
                ref int distinct = ref CollectionsMarshal.GetValueRefOrAddDefault(words, features.WordHash(t), out bool seen);
                if (seen && features.SameWord(wordToken[distinct], t))
                {
                    wordScores.AsSpan(distinct * width, width).CopyTo(row);
                }
                else
                {
                    row.Clear();
                    AddRows(row, features.ExtractWord(t, buffer), buffer, rows, 0);
                    if (!seen)
                    {
                        distinct = words.Count - 1;
                        wordToken[distinct] = t;
                        row.CopyTo(wordScores.AsSpan(distinct * width, width));
                    }
                }

                // The window features' rows, found once per distinct value and feature, then the rest's.
                features.Window(t, slots, values);
                int found = 0;
                for (int k = 0; k < NerFeatures.WindowCount; k++)
                {
                    ref int known = ref windowRows[(slots[k] * NerFeatures.WindowCount) + k];
                    if (known == Unknown)
                    {
                        known = Combined.Row(FeatureHash.Feature(14 + k, values[k]));
                    }

                    if (known >= 0)
                    {
                        rows[found++] = known;
                    }
                }

                int rest = features.ExtractRest(t, buffer);
                found += Combined.Rows(buffer[..rest], rows[found..]);
                foreach (int r in rows[..found])
                {
                    Combined.Add(row, r, 0);
                }

                dense?.Add(t, row[..L], 0);
            }

            DecodeSentences(features, scores, width, 0, First.Transitions, firstAllowed, labels, back);
            if (Second is not null)
            {
                features.SetFirstPass(labels);
                for (int t = 0; t < count; t++)
                {
                    AddRows(scores.AsSpan((t * width) + L, L), features.ExtractEvidence(t, buffer), buffer, rows, L);
                    dense?.Add(t, scores.AsSpan((t * width) + L, L), L);
                }

                DecodeSentences(features, scores, width, L, Second.Transitions, secondAllowed!, labels, back);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<byte>.Shared.Return(back);
            ArrayPool<float>.Shared.Return(wordScores);
            ArrayPool<int>.Shared.Return(wordToken);
            ArrayPool<int>.Shared.Return(windowRows);
        }
    }

    // All of a token's look-ups first, then all its row additions, in feature order: the look-ups (and then the
    // row reads) do not wait on one another, so their cache misses overlap instead of coming one after another.
    private void AddRows(Span<float> scores, int n, ReadOnlySpan<ulong> features, Span<int> rows, int from)
    {
        int found = Combined.Rows(features[..n], rows);
        foreach (int r in rows[..found])
        {
            Combined.Add(scores, r, from);
        }
    }

    private static void DecodeSentences(NerFeatures features, float[] scores, int width, int offset, float[] transitions, float[] allowed, Span<byte> labels, byte[] back)
    {
        foreach (var (first, n) in features.Sentences)
        {
            if (n > 0)
            {
                LinearChain.Viterbi(scores.AsSpan((first * width) + offset), width, n, transitions, allowed, labels.Slice(first, n), back);
            }
        }
    }

    internal static void Decode(LinearChain chain, NerFeatures features, Span<byte> labels)
    {
        foreach (var (first, n) in features.Sentences)
        {
            if (n == 0)
            {
                continue;
            }

            float[] scores = ArrayPool<float>.Shared.Rent(n * LinearChain.Labels);
            byte[] back = ArrayPool<byte>.Shared.Rent(n * LinearChain.Labels);
            chain.Emissions(features, first, n, scores);
            LinearChain.Viterbi(scores, n, chain.Transitions, labels.Slice(first, n), back);
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<byte>.Shared.Return(back);
        }
    }

    /// <summary>Writes the model in its compact binary form.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        bool dense = Embeddings is not null;
        writer.Write(Magic);
        writer.Write(dense ? DenseVersion : Version);
        writer.Write((int)Features);
        writer.Write(Words?.Fingerprint ?? 0UL);
        if (dense)
        {
            writer.Write(Embeddings!.Vectors.Count);
            writer.Write(Embeddings.Dimensions);
        }

        writer.Write(Gazetteer.ListCount);
        foreach (var (list, phrases) in Gazetteer.Lists)
        {
            writer.Write(list);
            writer.Write(phrases.Count);
            foreach (string phrase in phrases)
            {
                writer.Write(phrase);
            }
        }

        writer.Write(Second is null ? 1 : 2);
        WriteChain(writer, First, dense);
        if (Second is not null)
        {
            WriteChain(writer, Second, dense);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/> (or a version-1 model, which reads no word classes).</summary>
    /// <param name="stream">The model.</param>
    /// <param name="words">Gives the word classes, where the model reads them; it must be the table the model was
    /// trained with.</param>
    /// <param name="vectors">Gives the word vectors, where the model reads them (default: <see cref="WordVectors.Shipped"/>).</param>
    /// <exception cref="InvalidDataException">The stream is not a model of a known version, or the word classes or
    /// vectors are missing or not the model's.</exception>
    public static NerModel Load(Stream stream, Func<WordClasses?>? words = null, Func<WordVectors?>? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
        int version = string.Equals(reader.ReadString(), Magic, StringComparison.Ordinal) ? reader.ReadInt32() : -1;
        if (version is not (1 or Version or DenseVersion))
        {
            throw new InvalidDataException("Not a Storyline NER model of version 1 to " + DenseVersion + ".");
        }

        var features = version >= 2 ? (NerFeatureSet)reader.ReadInt32() : NerFeatureSet.None;
        ulong fingerprint = version >= 2 ? reader.ReadUInt64() : 0;
        WordClasses? table = null;
        if (features != NerFeatureSet.None)
        {
            table = words?.Invoke() ?? throw new InvalidDataException($"The model reads word classes ({WordClassesFileName}), and none were found.");
            if (table.Fingerprint != fingerprint)
            {
                throw new InvalidDataException($"The word classes are not the ones the model was trained with (fingerprint {table.Fingerprint:x16}, the model's {fingerprint:x16}); retrain the model or restore {WordClassesFileName}.");
            }
        }

        WordVectors? vectorTable = null;
        if (version >= DenseVersion)
        {
            int vectorWords = reader.ReadInt32();
            int dimensions = reader.ReadInt32();
            vectorTable = (vectors ?? (() => WordVectors.Shipped)).Invoke()
                ?? throw new InvalidDataException("The model reads the word vectors (models/embeddings/glove-100d.q8.bin), and none were found.");
            if (vectorTable.Count != vectorWords || vectorTable.Dimensions != dimensions)
            {
                throw new InvalidDataException($"The word vectors are not the ones the model was trained with ({vectorTable.Count:N0} words of {vectorTable.Dimensions}, the model's {vectorWords:N0} of {dimensions}).");
            }
        }

        int listCount = reader.ReadInt32();
        var lists = new List<(string, IReadOnlyList<string>)>(listCount);
        for (int l = 0; l < listCount; l++)
        {
            string name = reader.ReadString();
            var phrases = new string[reader.ReadInt32()];
            for (int p = 0; p < phrases.Length; p++)
            {
                phrases[p] = reader.ReadString();
            }

            lists.Add((name, phrases));
        }

        int passes = reader.ReadInt32();
        bool dense = version >= DenseVersion;
        LinearChain first = ReadChain(reader, dense);
        LinearChain? second = passes > 1 ? ReadChain(reader, dense) : null;
        return new NerModel(new GazetteerLists(lists), first, second, table, features, vectorTable);
    }

    /// <summary>Reads a model from a file, with the word classes beside it (<see cref="WordClassesFileName"/>).</summary>
    public static NerModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string classes = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, WordClassesFileName);
        using FileStream file = File.OpenRead(path);
        return Load(file, () => File.Exists(classes) ? WordClasses.Load(classes) : null);
    }

    /// <summary>Where the committed model is, next to the program: models/ner/model.bin.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "ner", "model.bin");

    /// <summary>The committed model, loaded once for the process; null where it was not shipped with the program.</summary>
    public static NerModel? Default => DefaultModel.Value;

    private static readonly Lazy<NerModel?> DefaultModel = new(() => File.Exists(DefaultPath) ? Load(DefaultPath) : null, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Quantises weights to int16 steps of one scale, so that a model in memory tags exactly as it will once saved
    /// and loaded.
    /// </summary>
    internal static (float Scale, short[] Steps) Quantize(ReadOnlySpan<float> weights)
    {
        float max = 0;
        foreach (float w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        float scale = max == 0 ? 1 : max / short.MaxValue;
        var steps = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            steps[i] = (short)Math.Round(weights[i] / scale);
        }

        return (scale, steps);
    }

    private static void WriteChain(BinaryWriter writer, LinearChain chain, bool dense)
    {
        const int L = LinearChain.Labels;
        int rows = chain.Keys.Length;
        int[] order = [.. Enumerable.Range(0, rows).OrderBy(r => chain.Keys[r])];
        (float scale, short[] steps) = Quantize(chain.Weights);
        writer.Write(rows);
        writer.Write(scale);
        uint previous = 0;
        foreach (int r in order)
        {
            writer.Write7BitEncodedInt64(chain.Keys[r] - previous);
            previous = chain.Keys[r];
        }

        foreach (int r in order)
        {
            for (int y = 0; y < L; y++)
            {
                int v = steps[(r * L) + y];
                writer.Write7BitEncodedInt((v << 1) ^ (v >> 31));
            }
        }

        foreach (float t in chain.Transitions)
        {
            writer.Write(t);
        }

        if (dense)
        {
            writer.Write(chain.DensePositions);
            writer.Write(chain.Dense.Length);
            foreach (float w in chain.Dense)
            {
                writer.Write(w);
            }
        }
    }

    private static LinearChain ReadChain(BinaryReader reader, bool dense)
    {
        const int L = LinearChain.Labels;
        int rows = reader.ReadInt32();
        float scale = reader.ReadSingle();
        var keys = new uint[rows];
        uint key = 0;
        for (int r = 0; r < rows; r++)
        {
            key += (uint)reader.Read7BitEncodedInt64();
            keys[r] = key;
        }

        var weights = new float[rows * L];
        for (int i = 0; i < weights.Length; i++)
        {
            int z = reader.Read7BitEncodedInt();
            weights[i] = ((z >>> 1) ^ -(z & 1)) * scale;
        }

        var transitions = new float[(L + 1) * L];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        if (!dense)
        {
            return new LinearChain(keys, weights, transitions, scale);
        }

        int positions = reader.ReadInt32();
        int length = reader.ReadInt32();
        if (positions is not (0 or 1 or 3) || length < 0 || length > 1 << 20)
        {
            throw new InvalidDataException($"Implausible word-vector weights ({positions} positions, {length} weights).");
        }

        var weightsOfVectors = new float[length];
        for (int i = 0; i < length; i++)
        {
            weightsOfVectors[i] = reader.ReadSingle();
        }

        return new LinearChain(keys, weights, transitions, scale, weightsOfVectors, positions);
    }
}
