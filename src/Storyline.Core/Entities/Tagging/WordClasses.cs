using System.Globalization;
using System.IO.Compression;
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
        : this(
            [.. levels ?? throw new ArgumentNullException(nameof(levels))],
            [.. parents ?? throw new ArgumentNullException(nameof(parents))],
            [.. (words ?? throw new ArgumentNullException(nameof(words))).Select(w => FeatureHash.Text(w.Word, lower: true))],
            [.. words.Select(w => w.Cluster)],
            [.. words.Select(w => w.Casing)],
            HashLines(DataLines(levels, parents, words)))
    {
    }

    private WordClasses(int[] levels, ushort[][] parents, ulong[] hashes, ushort[] clusters, byte[] buckets, ulong fingerprint)
    {
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
        ArgumentNullException.ThrowIfNull(header);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (string line in header.Split('\n'))
        {
            writer.WriteLine("# " + line);
        }

        foreach (string line in DataLines(levels, parents, words))
        {
            writer.WriteLine(line);
        }
    }

    // The table's lines, without comments: what the file holds and what its fingerprint is taken over.
    private static IEnumerable<string> DataLines(IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(words);
        yield return "L\t" + string.Join('\t', levels.Select(l => l.ToString(CultureInfo.InvariantCulture)));
        for (int c = 0; c < levels[0] && levels.Count > 1; c++)
        {
            yield return "C\t" + c.ToString(CultureInfo.InvariantCulture) + "\t" + string.Join('\t', parents.Select(p => p[c].ToString(CultureInfo.InvariantCulture)));
        }

        foreach ((string word, ushort cluster, byte bucket) in words)
        {
            string id = cluster == NoCluster ? "-" : cluster.ToString(CultureInfo.InvariantCulture);
            yield return string.Create(CultureInfo.InvariantCulture, $"W\t{word}\t{id}\t{bucket}");
        }
    }

    // FNV-1a over the UTF-8 bytes of each line and its newline.
    private static ulong HashLines(IEnumerable<string> lines)
    {
        ulong hash = FeatureHash.Seed;
        foreach (string line in lines)
        {
            hash = HashLine(hash, Encoding.UTF8.GetBytes(line));
        }

        return hash;
    }

    private static ulong HashLine(ulong hash, ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (hash ^ (byte)'\n') * 1099511628211UL;
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">A line is not in the format.</exception>
    /// <remarks>
    /// Read from the decompressed bytes line by line, a word hashed from a stack buffer: no string per word, so that
    /// 200,000 words load in a small part of a second (the tagger loads this with its model).
    /// </remarks>
    public static WordClasses Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        using (var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true))
        using (var buffer = new MemoryStream())
        {
            gzip.CopyTo(buffer);
            bytes = buffer.ToArray();
        }

        int[] levels = [];
        ushort[][] parents = [];
        var hashes = new List<ulong>(210_000);
        var clusters = new List<ushort>(210_000);
        var buckets = new List<byte>(210_000);
        ulong fingerprint = FeatureHash.Seed;
        Span<char> chars = stackalloc char[256];
        Span<Range> fields = stackalloc Range[MaxLevels + 2];
        int lineNumber = 0;
        for (int at = 0; at < bytes.Length;)
        {
            int length = bytes.AsSpan(at).IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = bytes.AsSpan(at, length < 0 ? bytes.Length - at : length);
            at += line.Length + 1;
            lineNumber++;
            if (line.Length == 0 || line[0] == (byte)'#')
            {
                continue;
            }

            fingerprint = HashLine(fingerprint, line);
            int count = SplitTabs(line, fields);
            try
            {
                switch ((char)line[0])
                {
                    case 'W' when count == 4:
                        int n = Encoding.UTF8.GetChars(line[fields[1]], chars);
                        hashes.Add(FeatureHash.Text(chars[..n], lower: true));
                        clusters.Add(line[fields[2]] is [(byte)'-'] ? NoCluster : ParseNumber<ushort>(line[fields[2]]));
                        buckets.Add(ParseNumber<byte>(line[fields[3]]));
                        break;
                    case 'L' when count >= 2:
                        levels = new int[count - 1];
                        for (int l = 1; l < count; l++)
                        {
                            levels[l - 1] = ParseNumber<int>(line[fields[l]]);
                        }

                        parents = [.. Enumerable.Range(1, levels.Length - 1).Select(_ => new ushort[levels[0]])];
                        break;
                    case 'C' when count == levels.Length + 1:
                        int c = ParseNumber<int>(line[fields[1]]);
                        for (int l = 1; l < levels.Length; l++)
                        {
                            parents[l - 1][c] = ParseNumber<ushort>(line[fields[l + 1]]);
                        }

                        break;
                    default:
                        throw new FormatException("not an L, C or W line of the right length");
                }
            }
            catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
            {
                throw new InvalidDataException($"word classes, line {lineNumber}: {e.Message}", e);
            }
        }

        if (levels.Length == 0)
        {
            throw new InvalidDataException("word classes: no 'L' line with the cluster counts");
        }

        return new WordClasses(levels, parents, [.. hashes], [.. clusters], [.. buckets], fingerprint);
    }

    // The tab-separated fields of a line, at most fields.Length (the last takes the rest).
    private static int SplitTabs(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        int count = 0;
        int start = 0;
        while (count < fields.Length - 1)
        {
            int tab = line[start..].IndexOf((byte)'\t');
            if (tab < 0)
            {
                break;
            }

            fields[count++] = start..(start + tab);
            start += tab + 1;
        }

        fields[count++] = start..line.Length;
        return count;
    }

    private static T ParseNumber<T>(ReadOnlySpan<byte> text)
        where T : IUtf8SpanParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Reads a table from a file.</summary>
    public static WordClasses Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Load(file);
    }
}
