namespace Storyline.Stories;

/// <summary>
/// The clusterer's terms as small integers, with what it keeps per term: document frequency, the idf of the current
/// report (computed once per report and term, not once per candidate story), the story postings and the marks of the
/// report being assigned. Assignment then works on array slots instead of hashing strings per term and candidate.
/// <para>
/// Ids are given in first-seen order, which is not the terms' order: wherever a choice breaks ties by term, it
/// compares the terms' strings (<see cref="CompareTerms"/>), so results do not depend on the ids. Not thread-safe.
/// </para>
/// </summary>
internal sealed class StoryVocabulary
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly WordIdf? wordIdf;
    private readonly List<string> terms = [];
    private int[] documentFrequency = new int[1024];
    private double[] idf = new double[1024];
    private int[] idfMark = new int[1024];
    private double[] fixedIdf = new double[1024];
    private int[] scratchMark = new int[1024];
    private int scratchGeneration;
    private int idfGeneration = 1;
    private long documentCount;

    /// <summary>A vocabulary whose words take their idf from <paramref name="wordIdf"/> (null: from the reports so far).</summary>
    public StoryVocabulary(WordIdf? wordIdf = null)
    {
        this.wordIdf = wordIdf;
    }

    /// <summary>Number of terms.</summary>
    public int Count => terms.Count;

    /// <summary>Reports counted so far (copies left out).</summary>
    public long DocumentCount => documentCount;

    /// <summary>Slots the per-term arrays have (at least <see cref="Count"/>); grows as terms are added.</summary>
    public int Capacity => documentFrequency.Length;

    /// <summary>The term of <paramref name="id"/>.</summary>
    public string this[int id] => terms[id];

    /// <summary>The id of <paramref name="term"/>, added when new.</summary>
    public int Id(string term)
    {
        if (ids.TryGetValue(term, out int id))
        {
            return id;
        }

        id = terms.Count;
        ids.Add(term, id);
        terms.Add(term);
        if (id >= documentFrequency.Length)
        {
            int size = documentFrequency.Length * 2;
            Array.Resize(ref documentFrequency, size);
            Array.Resize(ref idf, size);
            Array.Resize(ref idfMark, size);
            Array.Resize(ref scratchMark, size);
            Array.Resize(ref fixedIdf, size);
        }

        // A word's idf from the table is fixed for good, so it is looked up once, when the word is first seen; names
        // (and dates and numbers, which are not words) keep the idf of the reports so far (NaN marks them).
        fixedIdf[id] = wordIdf is not null && IsWord(term) ? wordIdf.Idf(term) : double.NaN;
        return id;
    }

    /// <summary>The id of <paramref name="term"/>, or -1 when it was never seen (so no report or story has it).</summary>
    public int Find(string term) => ids.TryGetValue(term, out int id) ? id : -1;

    /// <summary>Sets the counts restored from the store.</summary>
    public void Restore(long documents, IReadOnlyDictionary<string, int> frequencies)
    {
        documentCount = documents;
        foreach ((string term, int count) in frequencies)
        {
            // Id first: it may grow the array, and `documentFrequency[Id(term)]` would index the array as it was before.
            int id = Id(term);
            documentFrequency[id] = count;
        }

        idfGeneration++;
    }

    /// <summary>Counts one more report, with the terms of <paramref name="termIds"/> (a term listed twice counts twice).</summary>
    public void CountReport(ReadOnlySpan<int> termIds)
    {
        documentCount++;
        foreach (int id in termIds)
        {
            documentFrequency[id]++;
        }

        idfGeneration++;
    }

    /// <summary>
    /// Inverse document frequency, log((N + 1) / (df + 1)) + 1: the same expression, in the same floating-point steps,
    /// as before terms had ids, and computed once per term until the counts change. With a <see cref="WordIdf"/> table, a
    /// word's N and df are the table's (fixed), a name's those of the reports so far.
    /// </summary>
    public double Idf(int id)
    {
        double fixedValue = fixedIdf[id];
        if (!double.IsNaN(fixedValue))
        {
            return fixedValue;
        }

        if (idfMark[id] == idfGeneration)
        {
            return idf[id];
        }

        double value = Math.Log((documentCount + 1.0) / (documentFrequency[id] + 1.0)) + 1.0;
        idf[id] = value;
        idfMark[id] = idfGeneration;
        return value;
    }

    /// <summary>A new mark for <see cref="Mark"/>: no term has it yet.</summary>
    public int NewMark() => ++scratchGeneration;

    /// <summary>Marks a term (a scratch mark for one operation at a time, such as a story's top terms update).</summary>
    public void Mark(int id, int mark) => scratchMark[id] = mark;

    /// <summary>The term's latest mark.</summary>
    public int MarkOf(int id) => scratchMark[id];

    /// <summary>Grows <paramref name="slots"/>, an array with one slot per term, to <see cref="Capacity"/>.</summary>
    public void Fit<T>(ref T[] slots)
    {
        if (slots.Length < documentFrequency.Length)
        {
            Array.Resize(ref slots, documentFrequency.Length);
        }
    }

    // A word, not a name ("@…"), a date ("#…") or a number ("%…").
    private static bool IsWord(string term) =>
        !term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal)
        && !term.StartsWith(ReportTerms.DatePrefix, StringComparison.Ordinal)
        && !term.StartsWith(ReportTerms.NumberPrefix, StringComparison.Ordinal);

    /// <summary>Ordinal order of two terms' strings.</summary>
    public int CompareTerms(int a, int b) => a == b ? 0 : string.CompareOrdinal(terms[a], terms[b]);
}
