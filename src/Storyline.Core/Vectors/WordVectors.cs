using System.Text;

namespace Storyline.Vectors;

/// <summary>
/// A read-only table of pretrained word vectors (GloVe 6B 100d, lower-cased, the most frequent words in frequency
/// order), int8-quantised with one scale per word, plus the common direction that sentence vectors built from them
/// share. Loaded once and shared by every thread.
/// </summary>
/// <remarks>
/// <para>The table is derived from <c>../shared/data/embeddings</c> by <c>storyline train embeddings</c> and committed
/// as <c>models/embeddings/glove-100d.q8.bin</c> (format in <see cref="Write"/>). Words are in GloVe's frequency order,
/// so a word's rank stands in for its corpus frequency: by Zipf's law a word of rank r in a vocabulary of V words has
/// probability about 1 / (r · (ln V + γ)). That estimate is what smooth-inverse-frequency weighting needs (Arora, Liang
/// and Ma 2017); GloVe's own counts are not published.</para>
/// <para>Look-ups take a span: the caller lower-cases a token into a buffer and asks, so no string is made per word.</para>
/// </remarks>
public sealed class WordVectors
{
    /// <summary>The vocabulary GloVe 6B ranks its words in (its frequency order covers 400,000 words).</summary>
    public const int GloveVocabulary = 400_000;

    private const uint Magic = 0x56574C53; // "SLWV", little-endian
    private const int Version = 1;
    private static readonly double Harmonic = Math.Log(GloveVocabulary) + 0.5772156649;
    private static readonly Lazy<WordVectors?> ShippedTable = new(LoadShipped);

    private readonly string[] words;
    private readonly sbyte[] values;
    private readonly float[] scales;
    private readonly float[] common;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private WordVectors(string[] words, float[] scales, sbyte[] values, int dimensions, float[] common)
    {
        this.words = words;
        this.scales = scales;
        this.values = values;
        this.common = common;
        Dimensions = dimensions;
        var index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            index.TryAdd(words[i], i);
        }

        lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Where the committed table is, next to the program: models/embeddings/glove-100d.q8.bin.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", "embeddings", "glove-100d.q8.bin");

    /// <summary>
    /// The committed table, loaded on first use (about 10 MB, a few tens of milliseconds); <see langword="null"/> when the
    /// program was built without it, so that a caller can fall back to words alone.
    /// </summary>
    public static WordVectors? Shipped => ShippedTable.Value;

    /// <summary>How many numbers a vector has.</summary>
    public int Dimensions { get; }

    /// <summary>How many words the table holds.</summary>
    public int Count => words.Length;

    /// <summary>
    /// The unit direction that weighted averages of these vectors share (the first singular vector of a corpus of news
    /// sentence vectors); removing it from a sentence vector leaves what the sentence is about.
    /// </summary>
    public ReadOnlySpan<float> CommonComponent => common;

    /// <summary>The word with id <paramref name="id"/> (its frequency rank minus one).</summary>
    public string Word(int id) => words[id];

    /// <summary>Finds a word, already lower-cased as GloVe's vocabulary is; its id is its frequency rank minus one.</summary>
    public bool TryFind(ReadOnlySpan<char> lowerCaseWord, out int id) => lookup.TryGetValue(lowerCaseWord, out id);

    /// <summary>The estimated probability of the word in running text (Zipf's law over its rank).</summary>
    public double Probability(int id) => 1.0 / ((id + 1) * Harmonic);

    /// <summary>
    /// The smooth-inverse-frequency weight a / (a + p(w)) of a word: near 1 for rare words, small for function words.
    /// </summary>
    /// <param name="id">The word.</param>
    /// <param name="smoothing">Arora et al.'s a; 1e-3 is their usual value.</param>
    public float SifWeight(int id, double smoothing = 1e-3) => (float)(smoothing / (smoothing + Probability(id)));

    /// <summary>Adds <paramref name="weight"/> times the word's vector to <paramref name="sum"/>.</summary>
    public void AddTo(int id, float weight, Span<float> sum)
    {
        if (sum.Length != Dimensions)
        {
            throw new ArgumentException($"The sum has {sum.Length} numbers; vectors have {Dimensions}.", nameof(sum));
        }

        float factor = weight * scales[id] / 127f;
        ReadOnlySpan<sbyte> row = values.AsSpan(id * Dimensions, Dimensions);
        for (int i = 0; i < row.Length; i++)
        {
            sum[i] += factor * row[i];
        }
    }

    /// <summary>The word's vector, as floats.</summary>
    public float[] Vector(int id)
    {
        var vector = new float[Dimensions];
        AddTo(id, 1f, vector);
        return vector;
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a table; the message says why.</exception>
    public static WordVectors Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("not a Storyline word-vector table (bad magic number)");
            }

            int version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"word-vector table version {version}; this program reads version {Version}");
            }

            int count = reader.ReadInt32();
            int dimensions = reader.ReadInt32();
            if (count < 0 || count > 10_000_000 || dimensions < 1 || dimensions > 4096)
            {
                throw new InvalidDataException($"implausible table size ({count} words of {dimensions} numbers)");
            }

            var common = new float[dimensions];
            for (int i = 0; i < dimensions; i++)
            {
                common[i] = reader.ReadSingle();
            }

            var words = new string[count];
            var scales = new float[count];
            var values = new sbyte[checked(count * dimensions)];
            Span<byte> name = stackalloc byte[255];
            for (int w = 0; w < count; w++)
            {
                int length = reader.ReadByte();
                reader.BaseStream.ReadExactly(name[..length]);
                words[w] = Encoding.UTF8.GetString(name[..length]);
                scales[w] = reader.ReadSingle();
                reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(w * dimensions, dimensions)));
            }

            return new WordVectors(words, scales, values, dimensions, common);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the word-vector table ends early (truncated file)");
        }
    }

    /// <summary>Reads the table at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a table; the message names the file and why.</exception>
    public static WordVectors Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        try
        {
            return Read(new BufferedStream(file, 1 << 16));
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"{path}: {error.Message}", error);
        }
    }

    /// <summary>
    /// Writes a table: the magic "SLWV", version, word count and dimensions (int32 little-endian), the common
    /// component (float32 each), then each word in rank order as a length byte, its UTF-8 bytes, its scale (float32)
    /// and its numbers (int8; value = number · scale / 127).
    /// </summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="words">The words, most frequent first, each at most 255 UTF-8 bytes.</param>
    /// <param name="scales">Each word's scale.</param>
    /// <param name="values">The words' numbers, one row of <paramref name="dimensions"/> a word.</param>
    /// <param name="dimensions">How many numbers a vector has.</param>
    /// <param name="common">The common component (unit length, or all zero).</param>
    public static void Write(Stream stream, IReadOnlyList<string> words, IReadOnlyList<float> scales, ReadOnlySpan<sbyte> values, int dimensions, ReadOnlySpan<float> common)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(scales);
        if (values.Length != words.Count * dimensions || scales.Count != words.Count || common.Length != dimensions)
        {
            throw new ArgumentException("words, scales, values and the common component disagree on sizes");
        }

        // BinaryWriter writes little-endian on every platform.
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(words.Count);
        writer.Write(dimensions);
        foreach (float value in common)
        {
            writer.Write(value);
        }

        for (int w = 0; w < words.Count; w++)
        {
            byte[] name = Encoding.UTF8.GetBytes(words[w]);
            if (name.Length is 0 or > 255)
            {
                throw new ArgumentException($"word {w} is empty or longer than 255 bytes", nameof(words));
            }

            writer.Write((byte)name.Length);
            writer.Write(name);
            writer.Write(scales[w]);
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.Slice(w * dimensions, dimensions)));
        }
    }

    private static WordVectors? LoadShipped() => File.Exists(DefaultPath) ? Load(DefaultPath) : null;
}
