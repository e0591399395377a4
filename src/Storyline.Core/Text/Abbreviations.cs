using System.Collections.Frozen;

namespace Storyline.Text;

/// <summary>
/// The abbreviations of English news text that keep their period, and the words that tell the sentence splitter
/// whether a period after one of them also ends the sentence. Read-only tables, shared by every thread.
/// </summary>
internal static class Abbreviations
{
    /// <summary>
    /// Titles and other abbreviations that are always followed by more of the same sentence ("Mr. Kim", "St. Petersburg",
    /// "Gen. Gerasimov", "No. 5", "Kim vs. Putin"): a period after one never ends a sentence.
    /// </summary>
    private static readonly FrozenSet<string> NeverFinal = FrozenSet.Create(
        StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj", "Cpl", "Brig",
        "Gov", "Sen", "Rep", "Pres", "Rev", "Fr", "Hon", "Amb", "Supt", "Insp", "St", "Mt", "Ft", "No", "Nos", "vs", "v",
        "Fig", "approx", "cf");

    /// <summary>
    /// Abbreviations that often end a sentence as well as sitting inside one ("Samsung Co. said" / "… and Samsung Co.
    /// The firm …"); whether they end one is decided by the next word (see <see cref="StartsSentence"/>).
    /// </summary>
    private static readonly FrozenSet<string> MaybeFinal = FrozenSet.Create(
        StringComparer.Ordinal,
        "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "Plc", "LLC", "Dept", "Univ", "Ave", "Blvd", "Rd", "etc", "al",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    /// <summary>Month abbreviations: before a day number ("Sept. 11") the period is never final.</summary>
    private static readonly FrozenSet<string> Months = FrozenSet.Create(
        StringComparer.Ordinal, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

    /// <summary>
    /// Capitalised words that usually open a sentence and rarely follow "U.S.", "Inc." or an initial inside one:
    /// pronouns, determiners, conjunctions and sentence adverbs. "the U.S. official" goes on; "in the U.S. He said"
    /// does not. A name after the abbreviation ("U.S. President", "J. Smith") is taken to go on.
    /// </summary>
    private static readonly FrozenSet<string> SentenceStarters = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She", "They", "We",
        "I", "You", "His", "Her", "Their", "Our", "My", "Your", "Some", "Many", "Most", "Few", "Several", "All", "Both",
        "Each", "Every", "No", "None", "One", "Other", "Others", "Such", "But", "And", "Or", "So", "Yet", "If", "When",
        "While", "After", "Before", "Since", "Although", "Though", "Because", "As", "In", "On", "At", "For", "From",
        "By", "With", "Without", "Under", "Over", "During", "Despite", "According", "However", "Meanwhile", "Also",
        "Still", "Then", "Now", "Last", "Next", "Earlier", "Later", "Today", "Yesterday", "Tomorrow", "What", "Who",
        "Why", "How", "Where", "Which", "Analysts", "Officials", "Experts");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverFinalLookup =
        NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MaybeFinalLookup =
        MaybeFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        Months.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup =
        SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a word (without its period) is an abbreviation that keeps its period.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) => NeverFinalLookup.Contains(word) || MaybeFinalLookup.Contains(word);

    /// <summary>Whether "No" and "Nos" keep their period only before a number ("No. 5", but "No. He refused.").</summary>
    public static bool NeedsNumberAfter(ReadOnlySpan<char> word) =>
        word.SequenceEqual("No") || word.SequenceEqual("Nos");

    /// <summary>Whether a period after this abbreviation (without its period) can never end a sentence.</summary>
    public static bool IsNeverFinal(ReadOnlySpan<char> word) => NeverFinalLookup.Contains(word);

    /// <summary>Whether the abbreviation (without its period) is a month.</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => MonthLookup.Contains(word);

    /// <summary>Whether a capitalised word usually opens a sentence (see <see cref="SentenceStarters"/>).</summary>
    public static bool StartsSentence(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
