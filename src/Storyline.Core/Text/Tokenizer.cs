using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Storyline.Domain;

namespace Storyline.Text;

/// <summary>
/// Splits news text into tokens in one pass over its characters, without regular expressions or substrings.
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>Every character that is not white space (or a zero-width space or byte-order mark) belongs to exactly one
/// token; tokens are spans of the text, in order. No input throws: control characters and lone surrogates become
/// one-character <see cref="TokenKind.Symbol"/> tokens.</para>
/// <para>Decisions a later stage relies on:</para>
/// <list type="bullet">
/// <item>Words keep inner apostrophes (' ’ and the ‘ some outlets type by mistake) and hyphens: "don't",
/// "Jong-un", "Covid-19". A possessive stays in its word ("Russia’s", "Kim‘s") so that a possessive is never
/// two tokens in one report and one in another; entity matching strips the "’s" itself. An apostrophe at the
/// edge of a word ("'90s", "countries'") cannot be told from a quotation mark and is a <see cref="TokenKind.Quote"/>.</item>
/// <item>A token that starts with a digit is a <see cref="TokenKind.Number"/> and keeps a glued unit or suffix,
/// and inner separators between digits: "6,500km", "3.5bn", "1990s", "1st", "2023-09-12", "9/12/2023", "12:30".
/// Signs are separate: "$" and "%" are <see cref="TokenKind.Symbol"/> tokens.</item>
/// <item>Known abbreviations keep their period ("Mr.", "Sept.", "etc."), and so do dotted initials ("U.S.",
/// "a.m.") and a single capital initial ("J."); "No." only before a number. Any other period is its own
/// <see cref="TokenKind.Punctuation"/> token; a run of . ! ? … ("...", "?!") is one token.</item>
/// <item>URLs (with a scheme or "www."), e-mail addresses, #hashtags and @handles are one
/// <see cref="TokenKind.Symbol"/> token each: they are addresses, not words, and must not look like names.</item>
/// <item>Letters of any script are word characters; a run of CJK ideographs is one word (no segmentation).</item>
/// </list>
/// </remarks>
public sealed class Tokenizer
{
    private enum CharKind : byte
    {
        Space,
        Letter,
        Digit,
        Mark,
        Apostrophe,
        Hyphen,
        Dash,
        Quote,
        Terminal,
        Punctuation,
        Symbol,
        HighSurrogate,
    }

    private static readonly CharKind[] Ascii = BuildAsciiTable();

    /// <summary>The tokens of <paramref name="text"/>, in order, as spans into it.</summary>
    public ImmutableArray<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new TokenBuffer((text.Length / 4) + 8);
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            int start = i;
            CharKind kind = Classify(text[i]);
            switch (kind)
            {
                case CharKind.Space:
                    i++;
                    continue;

                case CharKind.Letter:
                case CharKind.Digit:
                case CharKind.Mark:
                    i = ScanWord(text, start, out TokenKind wordKind);
                    tokens.Add(start, i, wordKind);
                    continue;

                case CharKind.Apostrophe:
                case CharKind.Quote:
                    tokens.Add(start, start + 1, TokenKind.Quote);
                    i++;
                    continue;

                case CharKind.Hyphen:
                case CharKind.Dash:
                    i++;
                    while (i < n && Classify(text[i]) is CharKind.Hyphen or CharKind.Dash)
                    {
                        i++;
                    }

                    tokens.Add(start, i, TokenKind.Punctuation);
                    continue;

                case CharKind.Terminal:
                    i++;
                    while (i < n && Classify(text[i]) == CharKind.Terminal)
                    {
                        i++;
                    }

                    tokens.Add(start, i, TokenKind.Punctuation);
                    continue;

                case CharKind.Punctuation:
                    tokens.Add(start, start + 1, TokenKind.Punctuation);
                    i++;
                    continue;

                case CharKind.HighSurrogate:
                    if (Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int width) == OperationStatus.Done
                        && IsWordCategory(Rune.GetUnicodeCategory(rune)))
                    {
                        i = ScanWord(text, start, out TokenKind runeKind);
                        tokens.Add(start, i, runeKind);
                    }
                    else
                    {
                        // An emoji or other astral symbol is one token; a lone surrogate is one character.
                        i += width > 0 ? width : 1;
                        tokens.Add(start, i, TokenKind.Symbol);
                    }

                    continue;

                default:
                    i = ScanSymbol(text, start);
                    tokens.Add(start, i, TokenKind.Symbol);
                    continue;
            }
        }

        return tokens.ToImmutable();
    }

    /// <summary>
    /// A word or number from <paramref name="start"/>: letters and digits, joined across inner apostrophes, hyphens
    /// and digit separators, then a period where it abbreviates; or a whole URL or e-mail address.
    /// </summary>
    private static int ScanWord(string text, int start, out TokenKind kind)
    {
        int n = text.Length;
        kind = Classify(text[start]) == CharKind.Digit ? TokenKind.Number : TokenKind.Word;
        int i = start;
        while (true)
        {
            i = ScanAlphanumeric(text, i);
            if (i >= n || i + 1 >= n)
            {
                break;
            }

            char c = text[i];
            CharKind next = Classify(text[i + 1]);
            CharKind previous = Classify(text[i - 1]);
            bool joins = Classify(c) switch
            {
                // "don't", "Russia’s", "1990's": an apostrophe between a word and letters.
                CharKind.Apostrophe => next is CharKind.Letter or CharKind.HighSurrogate,
                CharKind.Hyphen => next is CharKind.Letter or CharKind.Digit or CharKind.HighSurrogate,
                _ => c is '.' or ',' or ':' or '/' && previous == CharKind.Digit && next == CharKind.Digit,
            };
            if (!joins)
            {
                break;
            }

            i++;
        }

        if (i >= n)
        {
            return i;
        }

        char after = text[i];
        if (after is '.' or '@' or ':' or '_' or '+')
        {
            int address = ScanAddress(text, start, i);
            if (address > 0)
            {
                kind = TokenKind.Symbol;
                return address;
            }
        }

        return after == '.' && kind == TokenKind.Word ? ScanAbbreviationPeriod(text, start, i) : i;
    }

    /// <summary>Letters, digits and combining marks from <paramref name="i"/>.</summary>
    private static int ScanAlphanumeric(string text, int i)
    {
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (c < 128)
            {
                if (Ascii[c] is CharKind.Letter or CharKind.Digit)
                {
                    i++;
                    continue;
                }

                break;
            }

            CharKind kind = Classify(c);
            if (kind is CharKind.Letter or CharKind.Digit or CharKind.Mark)
            {
                i++;
            }
            else if (kind == CharKind.HighSurrogate
                && Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int width) == OperationStatus.Done
                && IsWordCategory(Rune.GetUnicodeCategory(rune)))
            {
                i += width;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// Where the word <c>text[start..end]</c> ends once its period (at <paramref name="end"/>) is taken in, if the
    /// word abbreviates: dotted initials ("U.S.", "a.m."), a capital initial ("J."), or a known abbreviation.
    /// </summary>
    private static int ScanAbbreviationPeriod(string text, int start, int end)
    {
        ReadOnlySpan<char> word = text.AsSpan(start, end - start);
        if (word.Length == 1)
        {
            // Dotted initials: single letters each followed by a period.
            int j = end;
            int pieces = 0;
            while (j + 2 < text.Length && text[j] == '.' && IsLetter(text[j + 1]) && text[j + 2] == '.')
            {
                j += 2;
                pieces++;
            }

            if (pieces > 0)
            {
                return j + 1;
            }

            // "J. Smith"; but "I." is the pronoun ending a sentence, not an initial.
            if (char.IsUpper(word[0]) && word[0] != 'I')
            {
                return end + 1;
            }
        }

        if (!Abbreviations.IsKnown(word))
        {
            return end;
        }

        if (Abbreviations.NeedsNumberAfter(word))
        {
            int k = end + 1;
            while (k < text.Length && text[k] == ' ')
            {
                k++;
            }

            return k < text.Length && char.IsAsciiDigit(text[k]) ? end + 1 : end;
        }

        return end + 1;
    }

    /// <summary>
    /// The end of a URL ("https://…", "www.…") or e-mail address that starts at <paramref name="start"/>, where the
    /// word scanned so far stops at <paramref name="wordEnd"/>; 0 where it is neither.
    /// </summary>
    private static int ScanAddress(string text, int start, int wordEnd)
    {
        ReadOnlySpan<char> rest = text.AsSpan(wordEnd);
        bool url = rest.StartsWith("://", StringComparison.Ordinal)
            || (wordEnd - start == 3 && text.AsSpan(start, 3).Equals("www", StringComparison.OrdinalIgnoreCase)
                && rest.Length > 1 && rest[0] == '.' && char.IsAsciiLetterOrDigit(rest[1]));
        return url ? ScanUrl(text, start) : ScanEmail(text, start);
    }

    private static int ScanUrl(string text, int start)
    {
        int i = start;
        int open = 0;
        int close = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c <= ' ' || c is '"' or '<' or '>' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB'
                || char.IsWhiteSpace(c))
            {
                break;
            }

            open += c == '(' ? 1 : 0;
            close += c == ')' ? 1 : 0;
            i++;
        }

        // Sentence punctuation and an unbalanced closing bracket after a URL belong to the sentence.
        while (i > start)
        {
            char last = text[i - 1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'')
            {
                i--;
            }
            else if (last == ')' && close > open)
            {
                close--;
                i--;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ScanEmail(string text, int start)
    {
        int i = start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '_' or '%' or '+' or '-'))
        {
            i++;
        }

        if (i == start || i >= text.Length || text[i] != '@' || text[i - 1] == '.')
        {
            return 0;
        }

        int at = i;
        i++;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-'))
        {
            i++;
        }

        while (i > at + 1 && text[i - 1] is '.' or '-')
        {
            i--;
        }

        // The domain needs an inner dot: "user@example.com", not "user@home".
        int dot = text.AsSpan(at + 1, i - at - 1).IndexOf('.');
        return dot > 0 ? i : 0;
    }

    /// <summary>A symbol token: a #hashtag or @handle in full, otherwise one character.</summary>
    private static int ScanSymbol(string text, int start)
    {
        char c = text[start];
        if (c is '#' or '@' && start + 1 < text.Length && Classify(text[start + 1]) is CharKind.Letter or CharKind.Digit)
        {
            int i = start + 1;
            while (i < text.Length && (Classify(text[i]) is CharKind.Letter or CharKind.Digit or CharKind.Mark || text[i] == '_'))
            {
                i++;
            }

            return i;
        }

        return start + 1;
    }

    private static bool IsLetter(char c) => Classify(c) == CharKind.Letter;

    private static bool IsWordCategory(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;

    private static CharKind Classify(char c)
    {
        if (c < 128)
        {
            return Ascii[c];
        }

        switch (c)
        {
            case '\u2019': // ’ right single quotation mark, the usual typeset apostrophe
            case '\u2018': // ‘ left single quotation mark, typed as an apostrophe by some outlets ("Kim‘s")
                return CharKind.Apostrophe;
            case '\u2010': // hyphen
            case '\u2011': // non-breaking hyphen
                return CharKind.Hyphen;
            case '\u2012':
            case '\u2013':
            case '\u2014':
            case '\u2015':
                return CharKind.Dash;
            case '\u201C':
            case '\u201D':
            case '\u201E':
            case '\u201F':
            case '\u201A':
            case '\u201B':
            case '\u00AB':
            case '\u00BB':
            case '\u2039':
            case '\u203A':
                return CharKind.Quote;
            case '\u2026': // … horizontal ellipsis
                return CharKind.Terminal;
            case '\u00AD': // soft hyphen: invisible, part of the word it sits in
                return CharKind.Mark;
            case '\u200B': // zero-width space
            case '\u2060': // word joiner
            case '\uFEFF': // byte-order mark
                return CharKind.Space;
        }

        if (char.IsHighSurrogate(c))
        {
            return CharKind.HighSurrogate;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharKind.Letter,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharKind.Mark,
            UnicodeCategory.DecimalDigitNumber => CharKind.Digit,
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharKind.Space,
            UnicodeCategory.DashPunctuation => CharKind.Dash,
            UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => CharKind.Quote,
            UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.OtherPunctuation
                or UnicodeCategory.ConnectorPunctuation => CharKind.Punctuation,
            _ when char.IsWhiteSpace(c) => CharKind.Space,
            _ => CharKind.Symbol,
        };
    }

    private static CharKind[] BuildAsciiTable()
    {
        var table = new CharKind[128];
        for (int c = 0; c < 128; c++)
        {
            table[c] = (char)c switch
            {
                _ when char.IsWhiteSpace((char)c) => CharKind.Space,
                _ when char.IsAsciiLetter((char)c) => CharKind.Letter,
                _ when char.IsAsciiDigit((char)c) => CharKind.Digit,
                '\'' => CharKind.Apostrophe,
                '-' => CharKind.Hyphen,
                '"' or '`' => CharKind.Quote,
                '.' or '!' or '?' => CharKind.Terminal,
                ',' or ';' or ':' or '(' or ')' or '[' or ']' or '{' or '}' or '/' or '\\' or '_' => CharKind.Punctuation,
                _ => CharKind.Symbol, // $ % & * + < = > @ # ^ | ~ and control characters
            };
        }

        return table;
    }

    /// <summary>A growable array of tokens handed over without a copy when it is full-sized.</summary>
    private struct TokenBuffer(int capacity)
    {
        private Token[] items = new Token[Math.Max(capacity, 4)];
        private int count;

        public void Add(int start, int end, TokenKind kind)
        {
            if (count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[count++] = new Token(TextSpan.FromBounds(start, end), kind);
        }

        public readonly ImmutableArray<Token> ToImmutable()
        {
            Token[] result = items;
            if (count != result.Length)
            {
                result = items.AsSpan(0, count).ToArray();
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(result);
        }
    }
}
