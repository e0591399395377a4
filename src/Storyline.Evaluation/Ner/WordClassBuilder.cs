using System.Globalization;
using System.IO.Compression;
using System.Text;
using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>
/// The run behind <c>storyline train word-classes</c>: reads GloVe 6B 100d (../shared/data/embeddings) and
/// Reuters-21578 (../shared/data/unlabelled/reuters21578), clusters the word vectors into the finest level with
/// spherical k-means, then the finest centroids (weighted by their sizes) into each coarser level, counts casing in
/// Reuters, and writes <see cref="WordClasses"/>' table. Deterministic: fixed seeds, fixed order.
/// </summary>
public static class WordClassBuilder
{
    /// <summary>Clusters per level, finest first: nested, as Brown clusters' bit-string prefixes are.</summary>
    public static readonly int[] DefaultLevels = [4096, 1024, 256, 64];

    /// <summary>The GloVe file under the embeddings folder.</summary>
    public const string GloveFile = "glove-6b-100d-top200k.q8.txt.gz";

    /// <summary>The Reuters file under the unlabelled folder.</summary>
    public const string ReutersFile = "reuters21578_all.sgm.gz";

    /// <summary>Builds the table and writes it to <paramref name="output"/>.</summary>
    /// <param name="dataFolder">../shared/data (holding embeddings/ and unlabelled/reuters21578/).</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="levels">Clusters per level, finest first, each a divisor-free count smaller than the last.</param>
    /// <param name="seed">Seed of the k-means starts.</param>
    /// <param name="log">Told of progress.</param>
    /// <param name="signs">Whether the table also holds each word's binarised vector (<see cref="Binarize"/>).</param>
    public static WordClasses Run(string dataFolder, string output, IReadOnlyList<int> levels, int seed, Action<string> log, bool signs = false)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(log);
        string glove = Path.Combine(dataFolder, "embeddings", GloveFile);
        string reuters = Path.Combine(dataFolder, "unlabelled", "reuters21578", ReutersFile);
        foreach (string needed in new[] { glove, reuters })
        {
            if (!File.Exists(needed))
            {
                throw new FileNotFoundException($"{needed} not found", needed);
            }
        }

        (List<string> words, float[] vectors, int dimensions) = ReadGlove(glove);
        log(string.Create(CultureInfo.InvariantCulture, $"{GloveFile}: {words.Count:N0} words of {dimensions} dimensions"));
        Dictionary<string, (int Capitalized, int Lower)> casing = ReutersCasing.Count(reuters);
        log(string.Create(CultureInfo.InvariantCulture, $"{ReutersFile}: casing of {casing.Count:N0} words"));

        (int[] finest, float[] centroids) = SphericalKMeans.Cluster(vectors, words.Count, dimensions, levels[0], seed, log: log);
        var parents = new List<ushort[]>();
        var sizes = new float[levels[0]];
        foreach (int c in finest)
        {
            sizes[c]++;
        }

        for (int l = 1; l < levels.Count; l++)
        {
            (int[] coarse, _) = SphericalKMeans.Cluster(centroids, levels[0], dimensions, levels[l], seed + l, sizes, maxIterations: 100, log: log);
            parents.Add([.. coarse.Select(c => (ushort)c)]);
        }

        var entries = new List<(string Word, ushort Cluster, byte Casing)>(words.Count + 10_000);
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
        {
            var (capitalized, lower) = casing.GetValueOrDefault(words[i]);
            entries.Add((words[i], (ushort)finest[i], WordClasses.CasingBucket(capitalized, lower)));
            known.Add(words[i]);
        }

        foreach (var (word, (capitalized, lower)) in casing.Where(c => !known.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            byte bucket = WordClasses.CasingBucket(capitalized, lower);
            if (bucket != 0)
            {
                entries.Add((word, WordClasses.NoCluster, bucket));
            }
        }

        byte[]? packed = null;
        if (signs)
        {
            // The casing-only words after the ranked ones have no vector: zeros.
            packed = new byte[entries.Count * WordClasses.PackedSignBytes(dimensions)];
            Binarize(vectors, words.Count, dimensions).CopyTo(packed, 0);
        }

        string header = string.Join('\n',
            "Storyline word classes for the entity tagger. Built by `storyline train word-classes --data ../shared/data`",
            $"(seed {seed.ToString(CultureInfo.InvariantCulture)}) from GloVe 6B 100d (Pennington, Socher and Manning 2014; PDDL 1.0): spherical k-means",
            "clusters of the word vectors, nested; and casing counted in Reuters-21578 bodies. No text of either is here.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (FileStream file = File.Create(output))
        {
            WordClasses.Write(file, levels, parents, entries, header, packed, packed is null ? 0 : dimensions);
        }

        log(string.Create(CultureInfo.InvariantCulture, $"wrote {output}: {new FileInfo(output).Length:N0} bytes, {entries.Count:N0} words"));
        return new WordClasses(levels, parents, entries, packed, packed is null ? 0 : dimensions);
    }

    /// <summary>
    /// Binarises word vectors as Guo et al. (2014) do: per dimension, a value at or above the mean of that dimension's
    /// positive values is "strongly positive" (code 1), one at or below the mean of its negative values "strongly
    /// negative" (code 2), the rest 0; packed two bits a dimension, four a byte, for <see cref="WordClasses"/>.
    /// </summary>
    public static byte[] Binarize(float[] vectors, int count, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var positive = new double[dimensions];
        var negative = new double[dimensions];
        var positives = new int[dimensions];
        var negatives = new int[dimensions];
        for (int i = 0; i < count; i++)
        {
            for (int d = 0; d < dimensions; d++)
            {
                float v = vectors[(i * dimensions) + d];
                if (v > 0)
                {
                    positive[d] += v;
                    positives[d]++;
                }
                else if (v < 0)
                {
                    negative[d] += v;
                    negatives[d]++;
                }
            }
        }

        int width = WordClasses.PackedSignBytes(dimensions);
        var packed = new byte[count * width];
        for (int d = 0; d < dimensions; d++)
        {
            double high = positives[d] == 0 ? double.PositiveInfinity : positive[d] / positives[d];
            double low = negatives[d] == 0 ? double.NegativeInfinity : negative[d] / negatives[d];
            for (int i = 0; i < count; i++)
            {
                float v = vectors[(i * dimensions) + d];
                int code = v > 0 && v >= high ? 1 : v < 0 && v <= low ? 2 : 0;
                packed[(i * width) + (d / 4)] |= (byte)(code << (2 * (d % 4)));
            }
        }

        return packed;
    }

    /// <summary>Reads the int8 GloVe text: words in rank order and their vectors, scaled to unit length.</summary>
    public static (List<string> Words, float[] Vectors, int Dimensions) ReadGlove(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var words = new List<string>(200_000);
        var vectors = new List<float>(200_000 * 100);
        int dimensions = 0;
        int lineNumber = 0;
        while (reader.ReadLine() is string line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            string[] values = f.Length == 3 ? f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            if (f.Length != 3 || values.Length == 0 || (dimensions != 0 && values.Length != dimensions)
                || !float.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float scale))
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not 'word TAB scale TAB integers'");
            }

            dimensions = values.Length;
            int at = vectors.Count;
            foreach (string v in values)
            {
                vectors.Add(int.Parse(v, CultureInfo.InvariantCulture) * scale / 127f);
            }

            SphericalKMeans.Normalize(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(vectors).Slice(at, dimensions));
            words.Add(f[0]);
        }

        return (words, [.. vectors], dimensions);
    }
}
