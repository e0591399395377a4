namespace Storyline.Entities.Tagging;

/// <summary>
/// What unlabelled text says about a lower-cased word, as the tagger reads it: its cluster at several granularities
/// (k-means over word vectors, nested: each coarser cluster is a union of finer ones), its frequency rank, and how
/// often news text writes it capitalised in the middle of a sentence. Read-only once built, so one table serves every
/// thread; looked up by the word's lower-cased hash (<see cref="FeatureHash.Text"/>).
/// </summary>
/// <remarks>
/// <para>Why: a linear tagger knows only the words it was trained on. A name it never saw ("Stellantis", "Derna")
/// still falls in a cluster with names of its kind, and a capitalised word that news text usually writes in lower case
/// ("Pacific port", "Mission") is less likely a name. Cluster ids of word vectors at several granularities as
/// features follow Guo et al. (2014); casing statistics from unlabelled text are an old device for telling names at
/// the start of a sentence from common words.</para>
/// <para>File (UTF-8 text, gzip): comment lines start with '#'; <c>L</c> and the cluster counts per level, finest
/// first; <c>C</c>, a finest cluster and its cluster at each coarser level; then one line per word in rank order,
/// <c>W</c>, the word, its finest cluster (or <c>-</c> where it has no vector) and its casing bucket (0 = not seen
/// often enough). Words without a vector come after the ranked ones and have no rank. Optionally (after a line
/// <c>V</c> and the number of dimensions) a word with a vector has a fifth field: its binarised vector, two bits a
/// dimension (0: near zero, 1: strongly positive, 2: strongly negative), four dimensions a byte, in hexadecimal.</para>
/// </remarks>
public sealed partial class WordClasses
{
    /// <summary>Most cluster levels a table holds.</summary>
    public const int MaxLevels = 4;

    /// <summary>The cluster id that stands for "no vector for this word".</summary>
    public const ushort NoCluster = ushort.MaxValue;

    /// <summary>Number of casing buckets (<see cref="CasingBucket"/>), 0 included.</summary>
    public const int CasingBuckets = 7;

    private readonly Dictionary<ulong, int> index;
    private readonly ushort[] finest;
    private readonly byte[] casing;
    private readonly int ranked;
    private readonly ushort[][] parents;
    private readonly byte[] signs;
    private readonly int signBytes;

    /// <summary>Makes a table.</summary>
    /// <param name="levels">Clusters per level, finest first (at most <see cref="MaxLevels"/>).</param>
    /// <param name="parents">For each coarser level (one fewer than <paramref name="levels"/>), each finest cluster's
    /// cluster at that level.</param>
    /// <param name="words">The words, most frequent first; those without a vector (<see cref="NoCluster"/>) last.</param>
    /// <param name="signs">Optionally, the binarised vectors: <paramref name="signDimensions"/> dimensions, packed as in
    /// the file (<see cref="PackedSignBytes"/> bytes a word, in the order of <paramref name="words"/>; zeros for a
    /// word without a vector).</param>
    /// <param name="signDimensions">Dimensions of <paramref name="signs"/> (0: none).</param>
    public WordClasses(IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words, byte[]? signs = null, int signDimensions = 0)
        : this(
            [.. levels ?? throw new ArgumentNullException(nameof(levels))],
            [.. parents ?? throw new ArgumentNullException(nameof(parents))],
            [.. (words ?? throw new ArgumentNullException(nameof(words))).Select(w => FeatureHash.Text(w.Word, lower: true))],
            [.. words.Select(w => w.Cluster)],
            [.. words.Select(w => w.Casing)],
            HashLines(DataLines(levels, parents, words, signs, signDimensions)),
            signs ?? [],
            signs is null ? 0 : signDimensions)
    {
    }

    private WordClasses(int[] levels, ushort[][] parents, ulong[] hashes, ushort[] clusters, byte[] buckets, ulong fingerprint, byte[] signs, int signDimensions)
    {
        SignDimensions = signDimensions;
        signBytes = PackedSignBytes(signDimensions);
        this.signs = signs;
        if (signs.Length != (long)signBytes * hashes.Length)
        {
            throw new ArgumentException("The binarised vectors need one packed entry per word.", nameof(signs));
        }

        if (levels.Length is 0 or > MaxLevels || parents.Length != levels.Length - 1 || parents.Any(p => p.Length != levels[0]))
        {
            throw new ArgumentException("One to four levels, and a parent per finest cluster for each coarser level.", nameof(parents));
        }

        Levels = levels;
        this.parents = parents;
        index = new Dictionary<ulong, int>(hashes.Length);
        finest = clusters;
        casing = buckets;
        int withVector = 0;
        for (int i = 0; i < hashes.Length; i++)
        {
            if (clusters[i] != NoCluster && clusters[i] >= levels[0])
            {
                throw new ArgumentException($"Word {i} has cluster {clusters[i]}, beyond {levels[0]}.", nameof(clusters));
            }

            casing[i] = Math.Min(buckets[i], (byte)(CasingBuckets - 1));

            // The first line of a word wins (GloVe's vocabulary is unique; the casing-only words come after it).
            if (index.TryAdd(hashes[i], i))
            {
                withVector += clusters[i] == NoCluster ? 0 : 1;
            }
        }

        ranked = withVector;
        Count = hashes.Length;
        Fingerprint = fingerprint;
    }

    /// <summary>Dimensions of the words' binarised vectors (0: the table has none).</summary>
    public int SignDimensions { get; }

    /// <summary>Bytes of one word's packed binarised vector of <paramref name="dimensions"/> dimensions.</summary>
    public static int PackedSignBytes(int dimensions) => (dimensions + 3) / 4;

    /// <summary>
    /// The word's binarised vector as features: for each dimension where it is strongly positive, 2·d, strongly
    /// negative, 2·d + 1; returns how many (none for an unknown word or a table without vectors).
    /// </summary>
    public int Signs(int entry, Span<int> into)
    {
        if (entry < 0 || signBytes == 0)
        {
            return 0;
        }

        int n = 0;
        ReadOnlySpan<byte> packed = signs.AsSpan(entry * signBytes, signBytes);
        for (int b = 0; b < packed.Length; b++)
        {
            int bits = packed[b];
            for (int k = 0; bits != 0; k++, bits >>= 2)
            {
                int code = bits & 3;
                if (code != 0)
                {
                    into[n++] = (2 * ((b * 4) + k)) + (code - 1);
                }
            }
        }

        return n;
    }

    /// <summary>An empty table: every word unknown.</summary>
    public static WordClasses Empty { get; } = new([1], [], []);

    /// <summary>Clusters per level, finest first.</summary>
    public IReadOnlyList<int> Levels { get; }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>A hash of the table's content, stored in a model trained with it, so that a model is never read
    /// with another table.</summary>
    public ulong Fingerprint { get; }

    /// <summary>
    /// The entry of a word by its lower-cased hash: its index (for <see cref="Cluster"/>, <see cref="RankBucket"/>,
    /// <see cref="Casing"/>), or −1 where the table does not know it.
    /// </summary>
    public int Find(ulong lowerHash) => index.TryGetValue(lowerHash, out int at) ? at : -1;

    /// <summary>The word's cluster at a level (0 = finest), or <see cref="NoCluster"/>.</summary>
    public ushort Cluster(int entry, int level)
    {
        if (entry < 0)
        {
            return NoCluster;
        }

        ushort c = finest[entry];
        return c == NoCluster || level == 0 ? c : parents[level - 1][c];
    }

    /// <summary>A bucket of the word's frequency rank: ⌊log2(rank + 1)⌋ + 1 for a word with a vector, 0 otherwise.</summary>
    public int RankBucket(int entry) => entry < 0 || entry >= ranked || finest[entry] == NoCluster ? 0 : 1 + (31 - int.LeadingZeroCount(entry + 1));

    /// <summary>The word's casing bucket (see <see cref="CasingBucket"/>), 0 where unknown.</summary>
    public int Casing(int entry) => entry < 0 ? 0 : casing[entry];

    /// <summary>
    /// The casing bucket of a word written capitalised <paramref name="capitalized"/> times in mid-sentence and in lower
    /// case <paramref name="lower"/> times: 0 if seen fewer than 3 times, else 1–6 by the capitalised share (below 2 %,
    /// 10 %, 40 %, 80 %, 98 %, and from 98 %).
    /// </summary>
    public static byte CasingBucket(int capitalized, int lower)
    {
        int n = capitalized + lower;
        if (n < 3)
        {
            return 0;
        }

        double share = (double)capitalized / n;
        return share switch
        {
            < 0.02 => 1,
            < 0.10 => 2,
            < 0.40 => 3,
            < 0.80 => 4,
            < 0.98 => 5,
            _ => 6,
        };
    }
}
