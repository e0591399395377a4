using System.Globalization;
using System.Text;

namespace Storyline.Storage.Postgres.Tests;

/// <summary>The search text a report is indexed by; no server needed (plain xunit facts).</summary>
public sealed class SearchTextTests
{
    public static TheoryData<string, string?, string> Texts => new()
    {
        // plain English: ASCII words, punctuation between them, one word repeated
        { "ascii", "Floods hit Derna", "The floods in Derna, Libya, killed thousands; Derna's dams failed." },
        // no title: the body's words start at position 2
        { "no title", null, "Strike talks resume at UAW" },
        // Latin letters with diacritics are folded, combining marks dropped, digits kept inside words
        { "diacritics", "Crème brûlée — naïve façade", "Ærøskøbing straße ŒUVRE 12,5 x\u0301y e\u0301 123abc DEF" },
        // a lone surrogate separates words; a letter outside the BMP is a word of its own
        { "surrogates", "a\ud800b", "\U0001D400bc \U0001F600 end" },
        // non-Latin scripts are words too, lower-cased as they are
        { "scripts", "Москва Αθήνα", "北京 Київ ΣΟΦΙΑ" },
        // a word over the tsvector's 2,046 bytes is not indexed; a word repeated past 255 positions keeps 255
        { "limits", null, new string('a', 3000) + " b " + string.Concat(Enumerable.Repeat("same ", 300)) },
        // a quote or backslash never reaches a lexeme, but the text around it still indexes
        { "quotes", "O'Brien's \\path\\", "it's \"quoted\" \\ back\\slash" },
    };

    [Xunit.Theory]
    [MemberData(nameof(Texts))]
    public void The_tsvector_is_made_of_the_indexed_words_and_their_positions(string name, string? title, string body)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(Literal(SearchText.Positions(title, body)), SearchText.ToTsVector(title, body));
    }

    [Xunit.Fact]
    public void Title_and_body_are_one_position_apart_and_words_are_folded()
    {
        Assert.Equal("'derna':6 'floods':1,4 'in':5 'the':3", SearchText.ToTsVector("Floods", "The floods in Derna"));
    }

    // The tsvector literal of a word-position table, written the plain way.
    private static string Literal(SortedDictionary<string, List<int>> positions)
    {
        var text = new StringBuilder();
        foreach ((string lexeme, List<int> list) in positions)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append('\'').Append(lexeme.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)).Append("':");
            text.AppendJoin(',', list.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }

        return text.ToString();
    }
}
