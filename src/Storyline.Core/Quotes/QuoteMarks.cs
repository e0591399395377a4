namespace Storyline.Quotes;

/// <summary>
/// Finds the quotation-mark pairs of a text: curly double marks, straight double marks, and single marks used as
/// quotation marks (‘…’). An apostrophe is not a mark: a single mark after a letter ("Kim‘s", "don’t") is part of the
/// word. A quote left open at the end of a paragraph goes on when the next paragraph opens with a mark (the newspaper
/// convention for a quotation over several paragraphs); otherwise it is dropped as unbalanced. Stateless.
/// </summary>
public static class QuoteMarks
{
    /// <summary>A pair of marks: the offsets of the opening and of the closing mark.</summary>
    /// <param name="Open">Offset of the opening mark.</param>
    /// <param name="Close">Offset of the closing mark.</param>
    /// <param name="MarkLength">1, or 2 for the doubled apostrophes some archives use as double marks ('').</param>
    public readonly record struct Pair(int Open, int Close, int MarkLength = 1)
    {
        /// <summary>Offset of the first character between the marks.</summary>
        public int ContentStart => Open + MarkLength;

        /// <summary>Offset of the last character of the closing mark.</summary>
        public int CloseEnd => Close + MarkLength - 1;
    }

    /// <summary>Every balanced pair in <paramref name="text"/>, in order; nested single marks inside a double quote are not pairs.</summary>
    public static List<Pair> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<Pair>();
        int open = -1;
        bool single = false;
        bool doubled = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n' && open >= 0)
            {
                // Paragraph break inside an open quote: it continues only where the next paragraph opens with a mark.
                int next = i;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && (doubled ? next + 1 < text.Length && text[next] == '\'' && text[next + 1] == '\'' : IsOpening(text, next, single)))
                {
                    i = doubled ? next + 1 : next;
                    continue;
                }

                open = -1;
                doubled = false;
                continue;
            }

            if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'' && (open < 0 || doubled))
            {
                // '' as a double mark: opens after space, closes otherwise.
                if (open < 0 && i + 2 < text.Length && !char.IsWhiteSpace(text[i + 2]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
                {
                    open = i;
                    doubled = true;
                    single = false;
                }
                else if (open >= 0 && i > open + 2)
                {
                    pairs.Add(new Pair(open, i, 2));
                    open = -1;
                    doubled = false;
                }

                i++;
                continue;
            }

            if (doubled)
            {
                continue;
            }

            if (open < 0)
            {
                if (IsDouble(c) && c != '\u201D' && Opens(text, i))
                {
                    open = i;
                    single = false;
                }
                else if (c is '\u2018' or '\'' && Opens(text, i))
                {
                    open = i;
                    single = true;
                }

                continue;
            }

            bool closes = single
                ? c is '\u2019' or '\u2018' or '\'' && i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]))
                : c is '\u201D' or '"' || (c == '\u201C' && i > 0 && !char.IsWhiteSpace(text[i - 1]));
            if (closes)
            {
                if (i > open + 1)
                {
                    pairs.Add(new Pair(open, i));
                }

                open = -1;
            }
            else if (!single && c == '\u201C')
            {
                // A second opening mark before any close: the first was stray.
                open = i;
            }
        }

        return pairs;
    }

    private static bool IsDouble(char c) => c is '\u201C' or '\u201D' or '"';

    private static bool IsOpening(string text, int i, bool single) =>
        single ? text[i] is '\u2018' or '\'' : text[i] is '\u201C' or '"';

    // An opening mark stands at the start or after space or an opening bracket or dash, and is followed by a letter,
    // digit or another mark: that is what tells ‘ from the apostrophe in "Kim‘s" or "’90s".
    private static bool Opens(string text, int i)
    {
        bool before = i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '\u2014' or '\u2013' or '-' or '/' or ':';
        bool after = i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '\u2018' or '\'' or '.' or '$' or '(' or '[' or '\u2026');
        return before && after;
    }
}
