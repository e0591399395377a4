using System.Globalization;
using System.Text;

namespace Storyline.Storage.Postgres;

/// <summary>
/// Full-text search as SQLite's FTS5 store does it, on a tsvector: words are runs of letters and digits (everything
/// else separates them), compared lower-cased and without diacritics, never stemmed. Both the index (a tsvector
/// written with explicit positions) and the query (a tsquery: every word required, a quoted phrase as adjacent
/// positions) are made here, so that PostgreSQL's own parser and dictionaries never change a word.
/// </summary>
internal static class SearchText
{
    // tsvector limits: positions stop at 16383, a lexeme keeps at most 256 positions and 2047 bytes.
    private const int MaxPosition = 16383;
    private const int MaxPositions = 255;
    private const int MaxLexemeBytes = 2046;

    /// <summary>A word of a text: where it is and how it is indexed.</summary>
    internal readonly record struct Word(int Start, int Length, string Lexeme)
    {
        public int End => Start + Length;
    }

    /// <summary>The words of <paramref name="text"/>, in order.</summary>
    public static List<Word> Words(string? text)
    {
        var words = new List<Word>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        int i = 0;
        while (i < text.Length)
        {
            if (!IsWordStart(text, i, out int width))
            {
                i += width;
                continue;
            }

            int start = i;
            i += width;
            while (i < text.Length && IsWordPart(text, i, out width))
            {
                i += width;
            }

            string lexeme = Fold(text.AsSpan(start, i - start));
            if (lexeme.Length > 0 && Encoding.UTF8.GetByteCount(lexeme) <= MaxLexemeBytes)
            {
                words.Add(new Word(start, i - start, lexeme));
            }
        }

        return words;
    }

    /// <summary>
    /// The tsvector literal of a report: the words of <see cref="Positions"/>, made in one pass over the text without a
    /// string per word (a report has about a thousand words and a few hundred distinct ones): ASCII letters and digits
    /// are read and folded directly, other characters as <see cref="Words"/> reads them.
    /// </summary>
    public static string ToTsVector(string? title, string body)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> lookup = positions.GetAlternateLookup<ReadOnlySpan<char>>();
        char[] buffer = new char[64];
        int position = 0;
        foreach (string? part in new[] { title, body })
        {
            if (!string.IsNullOrEmpty(part))
            {
                AddWords(part, ref position, ref buffer, positions, lookup);
            }

            position = Math.Min(position + 1, MaxPosition);
        }

        string[] lexemes = [.. positions.Keys];
        Array.Sort(lexemes, StringComparer.Ordinal);
        var text = new StringBuilder(lexemes.Length * 16);
        foreach (string lexeme in lexemes)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            // Words are letters, digits and marks: a quote or backslash in one is escaped all the same.
            text.Append('\'');
            if (lexeme.AsSpan().IndexOfAny('\'', '\\') >= 0)
            {
                text.Append(lexeme.Replace("'", "''", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal));
            }
            else
            {
                text.Append(lexeme);
            }

            text.Append("':");
            List<int> list = positions[lexeme];
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(CultureInfo.InvariantCulture, $"{list[i]}");
            }
        }

        return text.ToString();
    }

    // The words of `text` into `positions`, numbered on from `position`: the words of Words(text), folded as Fold does.
    private static void AddWords(
        string text, ref int position, ref char[] buffer, Dictionary<string, List<int>> positions, Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        int i = 0;
        while (i < text.Length)
        {
            int width;
            if (text[i] < 0x80 ? !char.IsAsciiLetterOrDigit(text[i]) : !IsWordStart(text, i, out width))
            {
                i += text[i] < 0x80 ? 1 : WidthAt(text, i);
                continue;
            }

            int start = i;
            i += text[i] < 0x80 ? 1 : WidthAt(text, i);
            while (i < text.Length)
            {
                if (text[i] < 0x80)
                {
                    if (!char.IsAsciiLetterOrDigit(text[i]))
                    {
                        break;
                    }

                    i++;
                }
                else if (IsWordPart(text, i, out width))
                {
                    i += width;
                }
                else
                {
                    break;
                }
            }

            int length = FoldInto(text.AsSpan(start, i - start), ref buffer);
            ReadOnlySpan<char> lexeme = buffer.AsSpan(0, length);
            if (length == 0 || (length * 3 > MaxLexemeBytes && Encoding.UTF8.GetByteCount(lexeme) > MaxLexemeBytes))
            {
                continue;
            }

            position = Math.Min(position + 1, MaxPosition);
            if (!lookup.TryGetValue(lexeme, out List<int>? list))
            {
                list = [];
                positions[new string(lexeme)] = list;
            }

            if (list.Count < MaxPositions && (list.Count == 0 || list[^1] != position))
            {
                list.Add(position);
            }
        }
    }

    private static int WidthAt(string text, int i)
    {
        RuneAt(text, i, out int width);
        return width;
    }

    // Fold(word) written into `buffer` (grown where needed); its length.
    private static int FoldInto(ReadOnlySpan<char> word, ref char[] buffer)
    {
        if (buffer.Length < word.Length)
        {
            buffer = new char[Math.Max(word.Length, buffer.Length * 2)];
        }

        int n = 0;
        foreach (char c in word)
        {
            if (c < 0x80)
            {
                buffer[n++] = char.ToLowerInvariant(c);
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            char folded = c >= '\u00C0' && c <= '\u024F' && LatinFold[c - '\u00C0'] != '.' ? LatinFold[c - '\u00C0'] : c;
            buffer[n++] = char.ToLowerInvariant(folded);
        }

        return n;
    }

    /// <summary>
    /// The indexed words of a report and their positions: the title's words, then (one position apart, so that no
    /// phrase spans the two) the body's.
    /// </summary>
    public static SortedDictionary<string, List<int>> Positions(string? title, string body)
    {
        var positions = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        int position = 0;
        foreach (string? part in new[] { title, body })
        {
            foreach (Word word in Words(part))
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!positions.TryGetValue(word.Lexeme, out List<int>? list))
                {
                    positions[word.Lexeme] = list = [];
                }

                if (list.Count < MaxPositions && (list.Count == 0 || list[^1] != position))
                {
                    list.Add(position);
                }
            }

            position = Math.Min(position + 1, MaxPosition);
        }

        return positions;
    }

    /// <summary>
    /// What a user typed, as phrases of lexemes: each word outside double quotes is a phrase of one, the words inside a
    /// pair of quotes are one phrase. Search operators have no meaning: punctuation separates words, as in the index.
    /// </summary>
    /// <exception cref="ArgumentException">The query holds more than <see cref="SearchTerms.MaxWords"/> distinct words.</exception>
    public static List<string[]> Phrases(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (SearchTerms.Read(query).Problem is string problem)
        {
            throw new ArgumentException(problem, nameof(query));
        }

        var phrases = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string[] pieces = query.Split('"');
        for (int i = 0; i < pieces.Length; i++)
        {
            string[] lexemes = [.. Words(pieces[i]).Select(w => w.Lexeme)];
            // A word or phrase given twice is asked for once (SearchTerms).
            if (i % 2 == 1)
            {
                if (lexemes.Length > 0 && seen.Add(string.Join(' ', lexemes)))
                {
                    phrases.Add(lexemes);
                }
            }
            else
            {
                phrases.AddRange(lexemes.Where(l => seen.Add(l)).Select(l => new[] { l }));
            }
        }

        return phrases;
    }

    /// <summary>The tsquery text of <paramref name="phrases"/> (every phrase required), or empty where there is none.</summary>
    public static string ToTsQuery(IReadOnlyList<string[]> phrases) =>
        string.Join(" & ", phrases.Select(p => "(" + string.Join(" <-> ", p.Select(l => "'" + l.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")"));

    /// <summary>
    /// A snippet as FTS5's snippet() gives it: at most <paramref name="maxWords"/> words of the column that matches best
    /// (the body unless only the title matches), matches between « and », "…" where text was cut.
    /// </summary>
    public static string Snippet(string? title, string body, IReadOnlyList<string[]> phrases, int maxWords = 24)
    {
        (string Text, List<Word> Words, bool[] Hits, int Best, int Start) Score(string text)
        {
            List<Word> words = Words(text);
            bool[] hits = Matches(words, phrases);
            int best = -1, bestStart = 0;
            for (int start = 0; start < Math.Max(1, words.Count - maxWords + 1); start++)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                int count = 0;
                for (int i = start; i < Math.Min(words.Count, start + maxWords); i++)
                {
                    if (hits[i])
                    {
                        count++;
                        seen.Add(words[i].Lexeme);
                    }
                }

                int score = (seen.Count * 1000) + count;
                if (score > best)
                {
                    (best, bestStart) = (score, start);
                }
            }

            return (text, words, hits, best, bestStart);
        }

        var chosen = Score(body);
        if (chosen.Best <= 0 && !string.IsNullOrEmpty(title))
        {
            var inTitle = Score(title);
            if (inTitle.Best > 0)
            {
                chosen = inTitle;
            }
        }

        if (chosen.Words.Count == 0)
        {
            return string.Empty;
        }

        // Put the first match a little in from the window's start, as FTS5 does, where the text allows.
        int first = chosen.Start;
        int last = Math.Min(chosen.Words.Count, first + maxWords) - 1;
        int firstHit = Array.IndexOf(chosen.Hits, true, first);
        if (firstHit >= 0 && firstHit <= last)
        {
            int lastHit = Array.LastIndexOf(chosen.Hits, true, last);
            int room = maxWords - (lastHit - firstHit + 1);
            first = Math.Max(0, Math.Min(first, firstHit - (room / 2)));
            last = Math.Min(chosen.Words.Count - 1, first + maxWords - 1);
        }

        var snippet = new StringBuilder();
        if (first > 0)
        {
            snippet.Append('…');
        }

        int at = first > 0 ? chosen.Words[first].Start : 0;
        for (int i = first; i <= last; i++)
        {
            Word word = chosen.Words[i];
            snippet.Append(chosen.Text, at, word.Start - at);
            if (chosen.Hits[i])
            {
                snippet.Append('«').Append(chosen.Text, word.Start, word.Length).Append('»');
            }
            else
            {
                snippet.Append(chosen.Text, word.Start, word.Length);
            }

            at = word.End;
        }

        if (last < chosen.Words.Count - 1)
        {
            snippet.Append('…');
        }
        else
        {
            snippet.Append(chosen.Text, at, chosen.Text.Length - at);
        }

        return snippet.ToString();
    }

    private static bool[] Matches(List<Word> words, IReadOnlyList<string[]> phrases)
    {
        bool[] hits = new bool[words.Count];
        foreach (string[] phrase in phrases)
        {
            for (int i = 0; i + phrase.Length <= words.Count; i++)
            {
                bool all = true;
                for (int k = 0; k < phrase.Length && all; k++)
                {
                    all = string.Equals(words[i + k].Lexeme, phrase[k], StringComparison.Ordinal);
                }

                if (all)
                {
                    Array.Fill(hits, true, i, phrase.Length);
                }
            }
        }

        return hits;
    }

    private static bool IsWordStart(string text, int i, out int width)
    {
        Rune rune = RuneAt(text, i, out width);
        return Rune.IsLetterOrDigit(rune);
    }

    private static bool IsWordPart(string text, int i, out int width)
    {
        Rune rune = RuneAt(text, i, out width);
        return Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static Rune RuneAt(string text, int i, out int width)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out width) != System.Buffers.OperationStatus.Done)
        {
            width = 1;
            return Rune.ReplacementChar;
        }

        return rune;
    }

    // U+00C0 to U+024F: the letter without its diacritic, or '.' where it has none to remove (æ, ß, þ…).
    private const string LatinFold =
        "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y" +
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKk.LlLlLl." +
        ".LlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz." +
        "b......................I........Oo.............Uu....Zz........." +
        ".............AaIiOoUuUuUuUuUu.AaAa..GgGgKkOoOo..j...Gg..NnAa...." +
        "AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............" +
        "................";

    /// <summary>
    /// Lower case, diacritics removed (as FTS5's unicode61 tokenizer with remove_diacritics 2): combining marks are
    /// dropped and the precomposed Latin letters lose theirs (the program runs without ICU, so by table).
    /// </summary>
    private static string Fold(ReadOnlySpan<char> word)
    {
        var kept = new StringBuilder(word.Length);
        foreach (char c in word)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            char folded = c >= '\u00C0' && c <= '\u024F' && LatinFold[c - '\u00C0'] != '.' ? LatinFold[c - '\u00C0'] : c;
            kept.Append(char.ToLowerInvariant(folded));
        }

        return kept.ToString();
    }
}
