using System.Collections.Immutable;
using Storyline.Vectors;

namespace Storyline.Stories;

/// <summary>What a term is in the report being assigned.</summary>
internal enum TermKind : byte
{
    /// <summary>A content word.</summary>
    Word,

    /// <summary>A person, organisation or other name.</summary>
    Entity,

    /// <summary>A place.</summary>
    Place,
}

/// <summary>A report's weighted vectors: its distinct terms by kind (weights are in <see cref="ReportSlots"/>) and norms.</summary>
internal sealed class ReportVector(int generation, ImmutableDictionary<string, string> names)
{
    private KeyName[]? keyEntities;
    private KeyName[]? keyPlaces;
    private KeyName[]? keyPeople;
    private KeyName[]? keyTowns;

    /// <summary>The report's generation in the slots: a term is in the report when its mark is this.</summary>
    public int Generation { get; } = generation;

    public List<int> Words { get; } = [];

    public List<int> Entities { get; } = [];

    public List<int> Places { get; } = [];

    public List<int> Head { get; } = [];

    /// <summary>The people among <see cref="Entities"/>.</summary>
    public List<int> People { get; } = [];

    /// <summary>The dates the report mentions (ids of date terms).</summary>
    public int[] Dates { get; init; } = [];

    /// <summary>The numbers the report gives (ids of number terms).</summary>
    public int[] Numbers { get; init; } = [];

    /// <summary>The dense vector of the body words (see <see cref="MeaningVectors"/>); null without word vectors.</summary>
    public int[]? BodyMeaning { get; init; }

    /// <summary>The dense vector of the headline words; null without word vectors or headline.</summary>
    public int[]? HeadMeaning { get; init; }

    public double WordNorm { get; set; }

    public double HeadNorm { get; set; }

    public double EntityNorm { get; set; }

    public double PlaceNorm { get; set; }

    /// <summary>The report's heaviest people and organisations (at most <see cref="TermSums.KeyNameCount"/>), heaviest first.</summary>
    public KeyName[] KeyEntities(ReportSlots slots) => keyEntities ??= Key(slots, Entities);

    /// <summary>The report's heaviest places.</summary>
    public KeyName[] KeyPlaces(ReportSlots slots) => keyPlaces ??= Key(slots, Places);

    /// <summary>The report's heaviest people.</summary>
    public KeyName[] KeyPeople(ReportSlots slots) => keyPeople ??= Key(slots, People);

    /// <summary>The report's heaviest places that are not countries.</summary>
    public KeyName[] KeyTowns(ReportSlots slots) => keyTowns ??= Key(slots, Places.FindAll(term => !TermSums.IsCountry(slots.Vocabulary[term])));

    private KeyName[] Key(ReportSlots slots, List<int> terms) =>
        [.. slots.Heaviest(terms, TermSums.KeyNameCount).Select(term => new KeyName(term, slots.Weight[term], LastWordOf(slots.Vocabulary, term)))];

    // The id of the last word of the entity's name; a word never seen is in no report and no story.
    private int LastWordOf(StoryVocabulary vocabulary, int term) =>
        names.TryGetValue(vocabulary[term], out string? name) && TermSums.LastWord(name) is string word ? vocabulary.Find(word) : -1;
}

/// <summary>
/// The report being assigned, one slot per term id: a term is in it when its mark is the report's generation, with
/// its kind and weight (and the same for its headline words). A new report takes a new generation, so the previous
/// report's marks are gone without clearing anything.
/// </summary>
internal sealed class ReportSlots(StoryVocabulary vocabulary, TextEmbedder? embedder)
{
    private int generation;

    public StoryVocabulary Vocabulary { get; } = vocabulary;

    public int[] Mark = [];

    public TermKind[] Kind = [];

    public double[] Weight = [];

    public int[] HeadMark = [];

    public double[] HeadWeight = [];

    /// <summary>The generation of the report last vectorised.</summary>
    public int Generation => generation;

    /// <summary>The report's weighted vectors, in the slots (a new generation).</summary>
    public ReportVector Vectorise(StoryFeatures report, ReportTerms terms)
    {
        Vocabulary.Fit(ref Mark);
        Vocabulary.Fit(ref Kind);
        Vocabulary.Fit(ref Weight);
        Vocabulary.Fit(ref HeadMark);
        Vocabulary.Fit(ref HeadWeight);
        int current = ++generation;
        var vector = new ReportVector(current, report.EntityNames)
        {
            Dates = terms.Dates,
            Numbers = terms.Numbers,
            BodyMeaning = embedder is null ? null : MeaningVectors.OfBody(report, embedder),
            HeadMeaning = embedder is null ? null : MeaningVectors.OfHead(report, embedder),
        };

        // The place terms first (marked with the generation's negative), so that the entity terms among them are known.
        foreach (int place in terms.Places)
        {
            Mark[place] = -current;
        }

        ImmutableArray<TermCount> counts = report.Terms;
        for (int i = 0; i < counts.Length; i++)
        {
            int id = terms.Terms[i];
            double weight = TermSums.Quantize(counts[i].Count) / TermSums.Quantum * Vocabulary.Idf(id);
            TermKind kind = !terms.IsEntity(i) ? TermKind.Word
                : Mark[id] == -current || (Mark[id] == current && Kind[id] == TermKind.Place) ? TermKind.Place : TermKind.Entity;
            if (Mark[id] != current)
            {
                (kind == TermKind.Word ? vector.Words : kind == TermKind.Place ? vector.Places : vector.Entities).Add(id);
            }

            Mark[id] = current;
            Kind[id] = kind;
            Weight[id] = weight;
            switch (kind)
            {
                case TermKind.Word:
                    vector.WordNorm += weight * weight;
                    break;
                case TermKind.Place:
                    vector.PlaceNorm += weight * weight;
                    break;
                default:
                    vector.EntityNorm += weight * weight;
                    break;
            }
        }

        foreach (int id in terms.Head)
        {
            double weight = Vocabulary.Idf(id);
            if (HeadMark[id] != current)
            {
                HeadMark[id] = current;
                vector.Head.Add(id);
            }

            HeadWeight[id] = weight;
            vector.HeadNorm += weight * weight;
        }

        foreach (int id in terms.People)
        {
            if (Mark[id] == current && Kind[id] == TermKind.Entity)
            {
                vector.People.Add(id);
            }
        }

        return vector;
    }

    /// <summary>Whether the current report has term <paramref name="id"/> (-1: a term never seen, so not) as a name.</summary>
    public bool HasName(int id) => id >= 0 && Mark[id] == generation && Kind[id] != TermKind.Word;

    /// <summary>Whether the current report has term <paramref name="id"/> (-1: never seen) as a word.</summary>
    public bool HasWord(int id) => id >= 0 && Mark[id] == generation && Kind[id] == TermKind.Word;

    /// <summary>
    /// The n heaviest of the report's terms, heaviest first, ties by term: kept in a small sorted buffer instead of
    /// sorting every term.
    /// </summary>
    public List<int> Heaviest(List<int> terms, int n)
    {
        var top = new List<int>(Math.Max(n, 0) + 1);
        if (n <= 0)
        {
            return top;
        }

        foreach (int term in terms)
        {
            if (top.Count == n && !Heavier(term, top[^1]))
            {
                continue;
            }

            int at = top.Count;
            while (at > 0 && Heavier(term, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, term);
            if (top.Count > n)
            {
                top.RemoveAt(n);
            }
        }

        return top;
    }

    private bool Heavier(int a, int b) =>
        Weight[a] > Weight[b] || (Weight[a] == Weight[b] && Vocabulary.CompareTerms(a, b) < 0);
}
