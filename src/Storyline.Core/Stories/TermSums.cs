namespace Storyline.Stories;

/// <summary>A story's term and its sum (thousandths for words and entities, counts for headline words).</summary>
internal readonly record struct TopTerm(int Term, long Sum);

/// <summary>A key name: its entity term, its weight, and the id of its last word (-1 for none or never seen).</summary>
internal readonly record struct KeyName(int Term, double Weight, int LastWord);

/// <summary>
/// How the clusterer weighs and orders terms. Term weights are summed as whole thousandths, so that a story's sums are
/// exactly the same whether it was built report by report, restored from the store, or merged from two stories.
/// </summary>
internal static class TermSums
{
    /// <summary>One weight unit is this many thousandths.</summary>
    public const double Quantum = 1000;

    /// <summary>How many of a report's and a story's heaviest names the actor conflict compares.</summary>
    public const int KeyNameCount = 3;

    /// <summary>A story's entity vector keeps at most this many entities, the heaviest.</summary>
    public const int MaxStoryEntities = 100;

    /// <summary>A story's headline vector keeps at most this many words, the most frequent.</summary>
    public const int MaxStoryHeadTerms = 60;

    // Quantize(count) for the counts most terms have, so that most terms take no logarithm.
    private static readonly long[] Quantized = [.. Enumerable.Range(0, 256).Select(Compute)];

    /// <summary>The log-scaled weight of a count, 1 + ln(count), in thousandths.</summary>
    public static long Quantize(int count) => (uint)count < (uint)Quantized.Length ? Quantized[count] : Compute(count);

    /// <summary>Heavier first, then by term.</summary>
    public static int HeavierFirst(TopTerm a, TopTerm b, StoryVocabulary vocabulary) =>
        a.Sum != b.Sum ? b.Sum.CompareTo(a.Sum) : vocabulary.CompareTerms(a.Term, b.Term);

    /// <summary>The last word of a name, lower case, as the word vectors hold it; null when too short to mean anything.</summary>
    public static string? LastWord(string name)
    {
        string last = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Length < 2 ? null : last.ToLowerInvariant();
    }

    /// <summary>Whether an entity term names a country ("@country:kp"), not a town or a region.</summary>
    public static bool IsCountry(string term) => term.StartsWith(CountryTerm, StringComparison.Ordinal);

    private const string CountryTerm = StoryFeatures.EntityPrefix + "country:";

    private static long Compute(int count) => (long)Math.Round((1 + Math.Log(count)) * Quantum);
}
