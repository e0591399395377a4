using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Storyline.Entities.Tagging;

/// <summary>The table's file: writing, reading, and its fingerprint (the format is described on the class).</summary>
public sealed partial class WordClasses
{
    /// <summary>Writes a table in the format above (what the constructor takes, as a file).</summary>
    public static void Write(Stream stream, IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words, string header, byte[]? signs = null, int signDimensions = 0)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(header);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (string line in header.Split('\n'))
        {
            writer.WriteLine("# " + line);
        }

        foreach (string line in DataLines(levels, parents, words, signs, signDimensions))
        {
            writer.WriteLine(line);
        }
    }

    // The table's lines, without comments: what the file holds and what its fingerprint is taken over.
    private static IEnumerable<string> DataLines(IReadOnlyList<int> levels, IReadOnlyList<ushort[]> parents, IReadOnlyList<(string Word, ushort Cluster, byte Casing)> words, byte[]? signs, int signDimensions)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(parents);
        ArgumentNullException.ThrowIfNull(words);
        yield return "L\t" + string.Join('\t', levels.Select(l => l.ToString(CultureInfo.InvariantCulture)));
        for (int c = 0; c < levels[0] && levels.Count > 1; c++)
        {
            yield return "C\t" + c.ToString(CultureInfo.InvariantCulture) + "\t" + string.Join('\t', parents.Select(p => p[c].ToString(CultureInfo.InvariantCulture)));
        }

        int width = signs is null ? 0 : PackedSignBytes(signDimensions);
        if (width > 0)
        {
            yield return "V\t" + signDimensions.ToString(CultureInfo.InvariantCulture);
        }

        for (int i = 0; i < words.Count; i++)
        {
            (string word, ushort cluster, byte bucket) = words[i];
            string id = cluster == NoCluster ? "-" : cluster.ToString(CultureInfo.InvariantCulture);
            string packed = width > 0 && cluster != NoCluster ? "\t" + Convert.ToHexStringLower(signs!, i * width, width) : string.Empty;
            yield return string.Create(CultureInfo.InvariantCulture, $"W\t{word}\t{id}\t{bucket}{packed}");
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
        var signs = new List<byte>();
        int signDimensions = 0;
        int width = 0;
        ulong fingerprint = FeatureHash.Seed;
        Span<char> chars = stackalloc char[256];
        Span<Range> fields = stackalloc Range[MaxLevels + 2];
        Span<byte> packed = stackalloc byte[64];
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
                    case 'W' when count == 4 || (count == 5 && width > 0):
                        int n = Encoding.UTF8.GetChars(line[fields[1]], chars);
                        hashes.Add(FeatureHash.Text(chars[..n], lower: true));
                        clusters.Add(line[fields[2]] is [(byte)'-'] ? NoCluster : ParseNumber<ushort>(line[fields[2]]));
                        buckets.Add(ParseNumber<byte>(line[fields[3]]));
                        if (width > 0)
                        {
                            packed[..width].Clear();
                            if (count == 5 && !ParseHex(line[fields[4]], packed[..width]))
                            {
                                throw new FormatException($"the binarised vector is not {width} bytes in hexadecimal");
                            }

                            signs.AddRange(packed[..width]);
                        }

                        break;
                    case 'V' when count == 2 && hashes.Count == 0:
                        signDimensions = ParseNumber<int>(line[fields[1]]);
                        width = PackedSignBytes(signDimensions);
                        if (signDimensions < 1 || width > packed.Length)
                        {
                            throw new FormatException($"{signDimensions} dimensions: from 1 to {packed.Length * 4}");
                        }

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
                        throw new FormatException("not an L, C, V or W line of the right length");
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

        return new WordClasses(levels, parents, [.. hashes], [.. clusters], [.. buckets], fingerprint, [.. signs], signDimensions);
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

    private static bool ParseHex(ReadOnlySpan<byte> text, Span<byte> into)
    {
        if (text.Length != into.Length * 2)
        {
            return false;
        }

        for (int i = 0; i < into.Length; i++)
        {
            int high = HexDigit(text[2 * i]);
            int low = HexDigit(text[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            into[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static T ParseNumber<T>(ReadOnlySpan<byte> text)
        where T : IUtf8SpanParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Reads a table from a file.</summary>
    public static WordClasses Load(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Load(file);
    }
}
