using System.Collections.Frozen;

namespace Storyline.Text;

/// <summary>English function words and reporting filler that carry no topic, for term vectors and titles.</summary>
public static class Stopwords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "am", "among", "an", "and",
        "another", "any", "are", "around", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even", "ever", "every",
        "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
        "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like",
        "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near", "neither", "next", "no", "nor", "not", "now",
        "of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per",
        "quite", "rather", "said", "same", "say", "says", "saying", "she", "should", "since", "so", "some", "still", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though",
        "through", "thus", "to", "told", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was",
        "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
        "without", "would", "yet", "you", "your", "yours", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "week", "year", "years", "day", "days", "time", "according", "reported", "reports",
        "including", "new", "two", "three", "first", "second", "s", "t", "don", "didn", "won", "isn", "wasn", "it's", "he's",
        "she's", "that's", "there's", "they're", "we're", "i'm", "let", "get", "got", "go", "going", "made", "make", "many",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WordsBySpan = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="lowerCaseWord"/> (already lower-cased) is a stopword.</summary>
    public static bool Contains(string lowerCaseWord) => Words.Contains(lowerCaseWord);

    /// <summary>Whether <paramref name="lowerCaseWord"/> (already lower-cased) is a stopword, without making a string of it.</summary>
    public static bool Contains(ReadOnlySpan<char> lowerCaseWord) => WordsBySpan.Contains(lowerCaseWord);
}
