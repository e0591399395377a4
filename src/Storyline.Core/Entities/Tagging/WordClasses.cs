using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

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
/// often enough). Words without a vector come after the ranked ones and have no rank.</para>
/// </remarks>
public sealed class WordClasses
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

    /// <summary>Makes a table.</summary>
    /// <param name="levels">Clusters per level, finest first (at most <see cref="MaxLevels"/>).</param>
    /// <param name="parents">For each coarser level (one fewer than <paramref name="levels"/>), each finest cluster's
    /// cluster at that level.</param>
    /// <param name="words">The words, most frequent first; those without a vector (<see cref="NoCluster"/>) last.</param>
    public WordClasses(IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(words);
        if (levels.Count is 0 or > MaxLevels || parents.Count != levels.Count - 1 || parents.Any(p => p.Length != levels[0]))
        {
            throw new ArgumentException("One to four levels, and a parent per finest cluster for each coarser level.", nameof(parents));
        }

        Levels = [.. levels];
        this.parents = [.. parents];
        index = new Dictionary<ulong, int>(words.Count);
        finest = new ushort[words.Count];
        casing = new byte[words.Count];
        int withVector = 0;
        for (int i = 0; i < words.Count; i++)
        {
            (string word, ushort cluster, byte bucket) = words[i];
            if (cluster != NoCluster && cluster >= levels[0])
            {
                throw new ArgumentException($"Word '{word}' has cluster {cluster}, beyond {levels[0]}.", nameof(words));
            }

            // The first line of a word wins (GloVe's vocabulary is unique; the casing-only words come after it).
            if (index.TryAdd(FeatureHash.Text(word, lower: true), i))
            {
                finest[i] = cluster;
                casing[i] = Math.Min(bucket, (byte)(CasingBuckets - 1));
                withVector += cluster == NoCluster ? 0 : 1;
            }
        }

        ranked = withVector;
        Count = words.Count;
        Fingerprint = ComputeFingerprint(levels, parents, words);
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

    /// <summary>Writes a table in the format above (what the constructor takes, as a file).</summary>
    public static void Write(Stream stream, IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words, string header)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(header);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (string line in header.Split('\n'))
        {
            writer.WriteLine("# " + line);
        }

        writer.WriteLine("L\t" + string.Join('\t', levels.Select(l => l.ToString(CultureInfo.InvariantCulture))));
        for (int c = 0; c < levels[0] && levels.Count > 1; c++)
        {
            writer.WriteLine("C\t" + c.ToString(CultureInfo.InvariantCulture) + "\t" + string.Join('\t', parents.Select(p => p[c].ToString(CultureInfo.InvariantCulture))));
        }

        foreach ((string word, ushort cluster, byte bucket) in words)
        {
            string id = cluster == NoCluster ? "-" : cluster.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"W\t{word}\t{id}\t{bucket}"));
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not in the format.</exception>
    public static WordClasses Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        int[] levels = [];
        var parents = new List<ushort[]>();
        var words = new List<(string, ushort, byte)>(200_000);
        int lineNumber = 0;
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            try
            {
                switch (f[0])
                {
                    case "W" when f.Length == 4:
                        words.Add((f[1], f[2] == "-" ? NoCluster : ushort.Parse(f[2], CultureInfo.InvariantCulture), byte.Parse(f[3], CultureInfo.InvariantCulture)));
                        break;
                    case "L":
                        levels = [.. f.Skip(1).Select(x => int.Parse(x, CultureInfo.InvariantCulture))];
                        for (int l = 1; l < levels.Length; l++)
                        {
                            parents.Add(new ushort[levels[0]]);
                        }

                        break;
                    case "C" when f.Length == levels.Length + 1:
                        int c = int.Parse(f[1], CultureInfo.InvariantCulture);
                        for (int l = 1; l < levels.Length; l++)
                        {
                            parents[l - 1][c] = ushort.Parse(f[l + 1], CultureInfo.InvariantCulture);
                        }

                        break;
                    default:
                        throw new FormatException("unknown record");
                }
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
            {
                throw new InvalidDataException($"word classes, line {lineNumber}: {e.Message}", e);
            }
        }

        if (levels.Length == 0)
        {
            throw new InvalidDataException("word classes: no 'L' line with the cluster counts");
        }

        return new WordClasses(levels, parents, words);
    }

    /// <summary>Reads a table from a file.</summary>
    public static WordClasses Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Load(file);
    }

    private static ulong ComputeFingerprint(IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[4];
        foreach (int level in levels)
        {
            BitConverter.TryWriteBytes(buffer, level);
            hash.AppendData(buffer);
        }

        foreach (ushort[] level in parents)
        {
            foreach (ushort p in level)
            {
                BitConverter.TryWriteBytes(buffer, p);
                hash.AppendData(buffer[..2]);
            }
        }

        foreach ((string word, ushort cluster, byte bucket) in words)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(word));
            BitConverter.TryWriteBytes(buffer, cluster);
            buffer[2] = bucket;
            buffer[3] = 0;
            hash.AppendData(buffer);
        }

        return BitConverter.ToUInt64(hash.GetHashAndReset(), 0);
    }
}
