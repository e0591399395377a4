using Storyline.Domain;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Text;

public sealed class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = new();

    /// <summary>
    /// Input → tokens, each written "text/K" (K: W word, N number, P punctuation, Q quote, S symbol), split on
    /// spaces; the kind follows the last slash, so "9/12/2023/N" is the number 9/12/2023.
    /// </summary>
    public static TheoryData<string, string, string> Cases { get; } = new()
    {
        { "empty input has no tokens", "", "" },
        { "white space only", " \n\n\t ", "" },
        { "hyphenated name stays whole", "Kim Jong-un", "Kim/W Jong-un/W" },
        { "straight apostrophe inside a word", "didn't", "didn't/W" },
        { "possessive with a typeset apostrophe is kept in the word", "Russia’s war", "Russia’s/W war/W" },
        { "one seed types ‘ as the apostrophe", "Mr Kim‘s honour", "Mr/W Kim‘s/W honour/W" },
        { "decade with an apostrophe", "the 1990's", "the/W 1990's/N" },
        { "several apostrophes in one word", "rock'n'roll", "rock'n'roll/W" },
        { "leading apostrophe cannot be told from a quote", "the '90s", "the/W '/Q 90s/N" },
        { "trailing possessive apostrophe cannot be told from a quote", "the countries' leaders", "the/W countries/W '/Q leaders/W" },
        { "two names joined by a hyphen", "the Kim-Putin meeting", "the/W Kim-Putin/W meeting/W" },
        { "hyphen at a word end is punctuation", "pre- and post-war", "pre/W -/P and/W post-war/W" },
        { "sentence-final period is its own token", "He left.", "He/W left/W ./P" },
        { "title keeps its period", "Mr. Smith", "Mr./W Smith/W" },
        { "dotted initials keep every period", "the U.S. official", "the/W U.S./W official/W" },
        { "lowercase dotted abbreviation", "at 9 a.m. today", "at/W 9/N a.m./W today/W" },
        { "single capital initial", "J. Smith", "J./W Smith/W" },
        { "the pronoun I is not an initial", "So do I.", "So/W do/W I/W ./P" },
        { "a lone lowercase letter is not an abbreviation", "plan a.", "plan/W a/W ./P" },
        { "dotted place abbreviation", "Washington, D.C. on", "Washington/W ,/P D.C./W on/W" },
        { "middle initial", "George W. Bush", "George/W W./W Bush/W" },
        { "word with a period but not an abbreviation", "Ph.D.", "Ph/W ./P D./W" },
        { "month abbreviation", "Sept. 11", "Sept./W 11/N" },
        { "No. before a number keeps its period", "No. 5 seed", "No./W 5/N seed/W" },
        { "No. before a word is the answer no", "No. He left", "No/W ./P He/W left/W" },
        { "etc. keeps its period", "and so on etc.", "and/W so/W on/W etc./W" },
        { "number with thousands separator and glued unit", "6,500km east", "6,500km/N east/W" },
        { "brackets around a number with a unit", "(680km)", "(/P 680km/N )/P" },
        { "decimal", "3.5 per", "3.5/N per/W" },
        { "currency sign is a symbol, amount keeps its suffix", "$3.5bn", "$/S 3.5bn/N" },
        { "percent sign is a symbol", "40%", "40/N %/S" },
        { "ISO date is one number", "2023-09-12", "2023-09-12/N" },
        { "slashed date is one number", "9/12/2023", "9/12/2023/N" },
        { "clock time", "12:30", "12:30/N" },
        { "decade", "1990s", "1990s/N" },
        { "ordinal", "1st", "1st/N" },
        { "number at a sentence end", "in 2019.", "in/W 2019/N ./P" },
        { "comma after a number is not a separator", "425, and", "425/N ,/P and/W" },
        { "word with a number", "Covid-19 pandemic", "Covid-19/W pandemic/W" },
        { "pound sign and score", "£5 in a 5-4 win", "£/S 5/N in/W a/W 5-4/N win/W" },
        { "a minus sign is punctuation", "-5 degrees", "-/P 5/N degrees/W" },
        { "curly double quotes", "“an atmosphere”", "“/Q an/W atmosphere/W ”/Q" },
        { "straight double quotes", "\"nothing to say\"", "\"/Q nothing/W to/W say/W \"/Q" },
        { "single quotes used as quotation marks", "'yes' and ‘no’", "'/Q yes/W '/Q and/W ‘/Q no/W ’/Q" },
        { "guillemets", "«да»", "«/Q да/W »/Q" },
        { "spaced hyphen is a dash", "up - unlike", "up/W -/P unlike/W" },
        { "en and em dashes", "a – b — c", "a/W –/P b/W —/P c/W" },
        { "three periods are one ellipsis", "wait... and", "wait/W .../P and/W" },
        { "ellipsis character", "wait… and", "wait/W …/P and/W" },
        { "?! is one token", "What?!", "What/W ?!/P" },
        { "URL is one symbol; the sentence period is not part of it", "See https://example.com/a?b=1.", "See/W https://example.com/a?b=1/S ./P" },
        { "URL in brackets leaves the closing bracket", "(www.bbc.co.uk)", "(/P www.bbc.co.uk/S )/P" },
        { "e-mail address is one symbol", "mail jo.smith@example.org.", "mail/W jo.smith@example.org/S ./P" },
        { "hashtag and handle", "#Ukraine @Reuters", "#Ukraine/S @Reuters/S" },
        { "accented letters", "café Zürich", "café/W Zürich/W" },
        { "combining accent stays in the word", "cafe\u0301 noir", "cafe\u0301/W noir/W" },
        { "Cyrillic", "Владивосток, Россия", "Владивосток/W ,/P Россия/W" },
        { "CJK run is one word", "金正恩 visited", "金正恩/W visited/W" },
        { "emoji is one symbol", "go 👍 now", "go/W 👍/S now/W" },
        { "control character is a symbol", "a\u0001b", "a/W \u0001/S b/W" },
        { "lone surrogate does not throw", "a\uD800 b", "a/W \uD800/S b/W" },
        { "colon after a word", "request: “The", "request/W :/P “/Q The/W" },
        { "closing quote after a period", "have.” Mr", "have/W ./P ”/Q Mr/W" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenizes(string why, string input, string expected)
    {
        _ = why;
        var actual = Tokenizer.Tokenize(input).Select(t => $"{t.Span.ToString(input)}/{Letter(t.Kind)}");
        Assert.Equal(expected, string.Join(' ', actual));
    }

    public static TheoryData<string> CoverageInputs { get; } = new()
    {
        "",
        "   ",
        "Mr. Smith went to Washington, D.C. on Sept. 5... and then?! “Yes,” he said – ‘maybe’.",
        "a\u0000b\u0001\u007F c\uD800\uDC00 \uDC00\uD800 e\u0301\u0301 ' '' -- —— …… ....",
        "https://x.y/(a)b). user@host x@y.z. #tag @handle ## @@ $$ 6,500km 3.5bn 1st 12:30:00 9/12/2023",
        "don't '90s rock'n'roll Jong-un- -a U.S.A. e.g. i.e., No.5 No. five",
        "\uFEFF\u200Bword\u00ADbreak\u2060 x",
    };

    [Theory]
    [MemberData(nameof(CoverageInputs))]
    public void Tokens_cover_every_visible_character_once(string input) => AssertCoverage(input, Tokenizer.Tokenize(input));

    [SharedFact("seeds")]
    public void Tokens_cover_every_visible_character_of_the_seeds()
    {
        foreach (string body in SeedBodies.All())
        {
            AssertCoverage(body, Tokenizer.Tokenize(body));
        }
    }

    [SharedFact("seeds")]
    public void Seed_words_stay_whole()
    {
        string body = string.Join("\n\n", SeedBodies.All());
        var texts = Tokenizer.Tokenize(body).Select(t => t.Span.ToString(body)).ToHashSet();
        Assert.Contains("Jong-un", texts);
        Assert.Contains("Kim‘s", texts);
        Assert.Contains("Russia’s", texts);
        Assert.Contains("Russia's", texts);
        Assert.Contains("he'll", texts);
        Assert.Contains("6,500km", texts);
        Assert.Contains("680km", texts);
        Assert.Contains("Covid-19", texts);
        Assert.Contains("Rossiya-1", texts);
    }

    /// <summary>Tokens are in order, do not overlap, and hold every character that is not a separator.</summary>
    internal static void AssertCoverage(string text, IReadOnlyList<Token> tokens)
    {
        var covered = new int[text.Length];
        int previousEnd = 0;
        foreach (Token token in tokens)
        {
            Assert.True(token.Span.Length > 0, $"empty token at {token.Span.Start}");
            Assert.True(token.Span.Start >= previousEnd, $"token at {token.Span.Start} overlaps or is out of order");
            Assert.True(token.Span.End <= text.Length);
            for (int i = token.Span.Start; i < token.Span.End; i++)
            {
                covered[i]++;
            }

            previousEnd = token.Span.End;
        }

        for (int i = 0; i < text.Length; i++)
        {
            bool separator = char.IsWhiteSpace(text[i]) || text[i] is '\u200B' or '\u2060' or '\uFEFF';
            Assert.True(covered[i] == (separator ? 0 : 1), $"character {i} (U+{(int)text[i]:X4}) covered {covered[i]} times");
        }
    }

    private static char Letter(TokenKind kind) => kind switch
    {
        TokenKind.Word => 'W',
        TokenKind.Number => 'N',
        TokenKind.Punctuation => 'P',
        TokenKind.Quote => 'Q',
        _ => 'S',
    };
}
