using System.Globalization;
using System.Text;

namespace Storyline.Stories;

/// <summary>
/// A fixed table of document frequencies of words (names left out), counted once on unlabelled news, that the clusterer
/// can take its words' idf from instead of from the reports it has seen so far (<see cref="ClusteringOptions.WordIdf"/>).
/// Counted over reports that have not arrived yet, a topic's own words are rare while its first reports come in and
/// weigh a lot; counted over a large body of other news, they weigh what they weigh in news at large, from the first
/// report on, and the same whatever the archive holds.
/// </summary>
/// <remarks>
/// The shipped table, <c>models/stories/word-idf.tsv</c>, is written by <c>storyline train stories</c> from the
/// Reuters-21578 bodies and travels inside the assembly (<see cref="Shipped"/>). Its format (<see cref="Write"/>): a
/// first line <c>documents&lt;TAB&gt;N</c>, then one line per word, <c>word&lt;TAB&gt;df</c>, in ordinal order of the
/// words; UTF-8, no byte-order mark, "\n" line ends.
/// </remarks>
public sealed class WordIdf
{
    /// <summary>The shipped table's name, as errors give it.</summary>
    public const string ShippedName = "models/stories/word-idf.tsv";

    private const string ResourceName = "Storyline.Stories.word-idf.tsv";
    private const string Header = "documents";
    private static readonly Lazy<WordIdf> ShippedTable = new(LoadShipped);
    private readonly Dictionary<string, int> frequencies;

    /// <summary>A table of <paramref name="documents"/> documents with these document frequencies.</summary>
    /// <exception cref="ArgumentException">A count is below 1 or above <paramref name="documents"/>, or a word is empty or holds a tab or a line end.</exception>
    public WordIdf(long documents, IReadOnlyDictionary<string, int> frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        this.frequencies = new Dictionary<string, int>(frequencies.Count, StringComparer.Ordinal);
        foreach ((string word, int count) in frequencies)
        {
            if (word.Length == 0 || word.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0 || count < 1 || count > documents)
            {
                throw new ArgumentException($"'{word}' with {count} documents cannot be in a table of {documents}", nameof(frequencies));
            }

            this.frequencies.Add(word, count);
        }

        Documents = documents;
    }

    /// <summary>
    /// The shipped table, read from the assembly on first use (once, shared by every clusterer and thread).
    /// </summary>
    /// <exception cref="InvalidDataException">The program was built without the table, or it is not one; the message names <see cref="ShippedName"/>.</exception>
    public static WordIdf Shipped => ShippedTable.Value;

    /// <summary>Documents counted.</summary>
    public long Documents { get; }

    /// <summary>Words in the table.</summary>
    public int Words => frequencies.Count;

    /// <summary>Documents per word (a word not listed is in none).</summary>
    public IReadOnlyDictionary<string, int> Frequencies => frequencies;

    /// <summary>The documents <paramref name="word"/> is in (0 when not listed).</summary>
    public int Frequency(string word) => frequencies.GetValueOrDefault(word);

    /// <summary>
    /// Inverse document frequency, log((N + 1) / (df + 1)) + 1, the clusterer's expression, with the table's counts:
    /// a word the table does not list weighs as a word in no document.
    /// </summary>
    public double Idf(string word) => Math.Log((Documents + 1.0) / (Frequency(word) + 1.0)) + 1.0;

    /// <summary>
    /// Counts the words (terms that are not names, <see cref="StoryFeatures.EntityPrefix"/>) of <paramref name="documents"/>,
    /// keeping those in at least <paramref name="minDocuments"/> of them; a null document is not counted.
    /// </summary>
    public static WordIdf Count(IEnumerable<StoryFeatures?> documents, int minDocuments = 1)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        long count = 0;
        foreach (StoryFeatures report in documents.OfType<StoryFeatures>())
        {
            count++;
            foreach (TermCount term in report.Terms)
            {
                if (!term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
                {
                    df[term.Term] = df.GetValueOrDefault(term.Term) + 1;
                }
            }
        }

        return new WordIdf(count, df.Where(p => p.Value >= minDocuments).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>Writes the table in its file format (see the remarks), the same bytes for the same table.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Header}\t{Documents}"));
        foreach (string word in frequencies.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{word}\t{frequencies[word]}"));
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">It is not such a table; the message names it, the line and why.</exception>
    public static WordIdf Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(name);
        string? first = reader.ReadLine();
        string[] head = first?.Split('\t') ?? [];
        if (head.Length != 2 || head[0] != Header || !long.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out long documents) || documents < 1)
        {
            throw new InvalidDataException($"{name}: line 1: not a word idf table (it starts 'documents<TAB>N')");
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        int number = 1;
        while (reader.ReadLine() is string line)
        {
            number++;
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > documents)
            {
                throw new InvalidDataException($"{name}: line {number}: not 'word<TAB>documents' with 1 to {documents} documents");
            }

            if (!df.TryAdd(line[..tab], count))
            {
                throw new InvalidDataException($"{name}: line {number}: '{line[..tab]}' is listed twice");
            }
        }

        return new WordIdf(documents, df);
    }

    /// <summary>Reads the table at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file (the message names it).</exception>
    /// <exception cref="InvalidDataException">It is not such a table; the message names the file, the line and why.</exception>
    public static WordIdf Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no word idf table there", path);
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false));
        return Read(reader, path);
    }

    private static WordIdf LoadShipped()
    {
        using Stream? stream = typeof(WordIdf).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            throw new InvalidDataException($"{ShippedName}: not in this build of the program ('storyline train stories --data ../shared/data' writes it; build again)");
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return Read(reader, ShippedName);
    }
}
