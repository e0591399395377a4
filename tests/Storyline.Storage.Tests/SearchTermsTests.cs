using Storyline.Storage;

namespace Storyline.Storage.Tests;

/// <summary>How a typed search is read into terms, and when it is refused (<see cref="SearchTerms"/>).</summary>
public sealed class SearchTermsTests
{
    public static TheoryData<string, string, int> Queries => new()
    {
        { "Khasan train", "Khasan train", 2 },                       // two required words
        { "train TRAIN Train", "train", 1 },                         // a word in any case is one word
        { "\"armoured train\" armoured", "\"armoured train\" armoured", 3 }, // a phrase counts its words, beside a free word
        { "\"armoured train\" \"Armoured  Train\"", "\"armoured train\"", 2 }, // the same phrase twice
        { "\"kim\" kim", "kim", 1 },                                 // a phrase of one word is that word
        { "kim AND putin", "kim AND putin", 3 },                     // operators are words
        { "kim:putin (x)", "kim putin x", 3 },                       // punctuation separates words
        { "\"unbalanced kim", "\"unbalanced kim\"", 2 },              // an unclosed quote runs to the end
        { "...", string.Empty, 0 },                                  // nothing to search for
        { string.Empty, string.Empty, 0 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_query_is_read_into_distinct_terms(string query, string terms, int words)
    {
        SearchTerms read = SearchTerms.Read(query);

        Assert.Equal(terms, read.ToString());
        Assert.Equal(words, read.WordCount);
        Assert.Null(read.Problem);
    }

    [Theory]
    // Over 32 different words, however they are made up, the search is refused with the count in the reason.
    [InlineData(33, 0)]    // 33 free words
    [InlineData(30, 3)]    // 30 free words and a phrase of 3
    [InlineData(0, 40)]    // one phrase of 40 words
    public void More_than_32_different_words_are_refused(int free, int phrase)
    {
        string query = string.Join(' ', Enumerable.Range(0, free).Select(i => $"w{i}"))
            + (phrase > 0 ? " \"" + string.Join(' ', Enumerable.Range(0, phrase).Select(i => $"p{i}")) + "\"" : string.Empty);

        SearchTerms read = SearchTerms.Read(query);

        Assert.Equal(free + phrase, read.WordCount);
        Assert.Contains($"{free + phrase} different words; at most 32", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_repeats_of_few_words_are_allowed()
    {
        SearchTerms read = SearchTerms.Read(string.Join(' ', Enumerable.Repeat("Kim Putin \"armoured train\"", 5000)));

        Assert.Equal("Kim Putin \"armoured train\"", read.ToString());
        Assert.Null(read.Problem);
    }
}
