using System.Collections.Frozen;

namespace Storyline.Text;

/// <summary>A dateline at the start of a report: "VLADIVOSTOK, Russia:".</summary>
/// <param name="Place">The place as written, without agency, date or trailing punctuation ("VLADIVOSTOK, Russia").</param>
/// <param name="BodyStart">Where the story text after the dateline starts.</param>
public readonly record struct DatelineMatch(string Place, int BodyStart);

/// <summary>Finds the dateline that opens a report, if any. Thread-safe.</summary>
/// <remarks>
/// A dateline is a short head, then a colon or a dash, then the story: "VLADIVOSTOK, Russia: In ...",
/// "DERNA, Libya (Reuters) - ...", "WASHINGTON (AP) — ...", "LONDON — ...", "Seoul, Sept 12 (Reuters) - ...",
/// "MOSCOW, Sept. 12 - ...". The head is a place (in capitals, or capitalised words), then optionally a country or
/// region and a date after commas, then optionally a news agency in brackets. A place in ordinary capitalised words
/// must be followed by a country, a date or an agency, so that a sentence such as "Mr Peskov said: ..." or
/// "Kim, who ..." is not taken for one.
/// </remarks>
public static class Dateline
{
    // How far into the body the separator may be: a dateline is short.
    private const int MaxHeadLength = 80;

    // Words in the place (city and country) and in the whole head (with date and agency).
    private const int MaxPlaceWords = 6;
    private const int MaxHeadWords = 10;

    // Two-letter capitals ("US:", "UN -") open a dateline more rarely than a sentence; after a comma they are fine
    // ("WASHINGTON, D.C.").
    private const int MinCapitals = 3;

    // Capitalised words that open sentences, never a dateline place.
    private static readonly FrozenSet<string> NotPlaces = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "in", "at", "on", "from", "for", "to", "by", "with", "after", "before", "meanwhile", "but", "and", "or", "so",
        "mr", "mrs", "ms", "dr", "he", "she", "it", "they", "we", "i", "you", "this", "that", "there", "here",
        "however", "also", "still", "yet", "then", "now", "today", "yesterday", "officials", "police",
        // Labels that open a report in capitals but are not places.
        "breaking", "update", "updated", "exclusive", "watch", "live", "analysis", "opinion", "correction",
        "editor's note", "note", "warning", "advertisement", "related", "read more");

    // Lowercase words allowed inside a place name: "Rio de Janeiro", "Democratic Republic of the Congo".
    private static readonly FrozenSet<string> NameJoiners = FrozenSet.Create(
        StringComparer.Ordinal, "de", "da", "do", "dos", "del", "la", "le", "les", "el", "al", "of", "the", "and", "upon", "on", "am", "an", "der");

    private static readonly FrozenSet<string> Months = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
        "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december");

    private static readonly FrozenSet<string> Weekdays = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
        "friday", "sat", "saturday", "sun", "sunday");

    /// <summary>Whether <paramref name="body"/> opens with a dateline, and where the story text starts after it.</summary>
    /// <param name="body">The report's body, as cleaned; any string, including an empty one.</param>
    /// <param name="match">The place and the start of the story text, when there is a dateline.</param>
    public static bool TryParse(string body, out DatelineMatch match)
    {
        match = default;
        if (string.IsNullOrEmpty(body) || !char.IsLetter(body[0]))
        {
            return false;
        }

        if (!TryFindSeparator(body, out int headEnd, out int separatorEnd))
        {
            return false;
        }

        int bodyStart = separatorEnd;
        while (bodyStart < body.Length && char.IsWhiteSpace(body[bodyStart]))
        {
            bodyStart++;
        }

        // The story after a dateline opens like a sentence; "NATO: allies agree" is a headline, not a dateline.
        if (bodyStart >= body.Length || !OpensSentence(body[bodyStart]) || !TryReadHead(body.AsSpan(0, headEnd), out int placeEnd))
        {
            return false;
        }

        match = new DatelineMatch(body[..placeEnd], bodyStart);
        return true;
    }

    // The first colon or dash that could close a dateline: "X:" followed by a space, or a dash with a space on at
    // least one side ("X - ", "X — ", "X—Y" for the em dash only). A hyphen inside a word ("Jong-un") is no separator.
    private static bool TryFindSeparator(string body, out int headEnd, out int separatorEnd)
    {
        headEnd = separatorEnd = 0;
        int limit = Math.Min(body.Length, MaxHeadLength);
        for (int i = 1; i < limit; i++)
        {
            char c = body[i];
            if (c == '\n')
            {
                // A dateline never spans paragraphs.
                return false;
            }

            if (c is '.' && i + 1 < body.Length && char.IsWhiteSpace(body[i + 1]) && !IsAbbreviation(body, i))
            {
                // A sentence ended before any separator.
                return false;
            }

            if (c == ':')
            {
                if (i + 1 < body.Length && char.IsWhiteSpace(body[i + 1]) && !char.IsWhiteSpace(body[i - 1]))
                {
                    headEnd = i;
                    separatorEnd = i + 1;
                    return true;
                }

                return false;
            }

            if (c is '-' or '\u2013' or '\u2014')
            {
                int end = i;
                while (end < body.Length && body[end] is '-' or '\u2013' or '\u2014')
                {
                    end++;
                }

                bool spaceBefore = char.IsWhiteSpace(body[i - 1]);
                bool spaceAfter = end < body.Length && char.IsWhiteSpace(body[end]);
                bool emDash = c is '\u2014' || end - i >= 2;
                if ((spaceBefore && spaceAfter) || (emDash && (spaceBefore || spaceAfter || char.IsUpper(body[i - 1]))))
                {
                    headEnd = i;
                    separatorEnd = end;
                    return true;
                }

                i = end - 1;
            }
        }

        return false;
    }

    private static bool OpensSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB';

    // "Sept. 12", "ST. LOUIS": a period after a short word is an abbreviation, not a sentence end.
    private static bool IsAbbreviation(string body, int period)
    {
        int start = period;
        while (start > 0 && char.IsLetter(body[start - 1]))
        {
            start--;
        }

        int length = period - start;
        return length is > 0 and <= 4;
    }

    // Head: PLACE [, REGION]* [, DATE [, YEAR]] [(AGENCY)]. placeEnd is the end of the last place part.
    private static bool TryReadHead(ReadOnlySpan<char> head, out int placeEnd)
    {
        placeEnd = 0;
        head = head.TrimEnd();
        bool qualified = false;
        if (head.EndsWith(')'))
        {
            int open = head.LastIndexOf('(');
            if (open <= 0 || !IsAgency(head[(open + 1)..^1]))
            {
                return false;
            }

            head = head[..open].TrimEnd();
            qualified = true;
        }

        if (CountWords(head) > MaxHeadWords)
        {
            return false;
        }

        int comma = head.IndexOf(',');
        ReadOnlySpan<char> first = (comma < 0 ? head : head[..comma]).Trim();
        PlaceStyle style = Classify(first, MinCapitals);
        if (style == PlaceStyle.None || NotPlaces.Contains(first.ToString()) || NotPlaces.Contains(FirstWord(first).ToString()))
        {
            return false;
        }

        placeEnd = comma < 0 ? head.Length : head[..comma].TrimEnd().Length;
        int placeWords = CountWords(first);
        bool dated = false;
        int offset = comma < 0 ? head.Length : comma + 1;
        while (offset < head.Length)
        {
            int next = head[offset..].IndexOf(',');
            int partEnd = next < 0 ? head.Length : offset + next;
            ReadOnlySpan<char> part = head[offset..partEnd].Trim();
            if (IsDate(part) || (dated && IsYear(part)))
            {
                dated = true;
            }
            else if (!dated && Classify(part, 1) != PlaceStyle.None && !NotPlaces.Contains(FirstWord(part).ToString()))
            {
                placeWords += CountWords(part);
                placeEnd = head[..partEnd].TrimEnd().Length;
            }
            else
            {
                return false;
            }

            qualified = true;
            offset = partEnd + 1;
        }

        // A place in ordinary capitalised words ("Seoul") needs a country, a date or an agency to be a dateline;
        // a place in capitals ("LONDON —") stands alone.
        return placeWords <= MaxPlaceWords && (qualified || style == PlaceStyle.Capitals);
    }

    private enum PlaceStyle
    {
        None,
        Capitals,
        Capitalised,
    }

    // "NEW YORK", "ST. LOUIS" are capitals; "Kuala Lumpur", "Rio de Janeiro" are capitalised words.
    private static PlaceStyle Classify(ReadOnlySpan<char> part, int minCapitals)
    {
        if (part.IsEmpty)
        {
            return PlaceStyle.None;
        }

        int letters = 0;
        bool allUpper = true;
        bool allCapitalised = true;
        foreach (ReadOnlySpan<char> word in Words(part))
        {
            foreach (char c in word)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    allUpper &= char.IsUpper(c);
                }
                else if (c is not ('.' or '\'' or '\u2019' or '-' or '/'))
                {
                    return PlaceStyle.None;
                }
            }

            if (!char.IsUpper(word[0]) && !NameJoiners.Contains(word.ToString()))
            {
                allCapitalised = false;
            }
        }

        if (!char.IsUpper(part[0]))
        {
            return PlaceStyle.None;
        }

        return allUpper && letters >= minCapitals ? PlaceStyle.Capitals
            : allCapitalised && !allUpper ? PlaceStyle.Capitalised
            : PlaceStyle.None;
    }

    // "Sept 12", "Sept. 12", "12 September", "September 12 2023", "Tuesday".
    private static bool IsDate(ReadOnlySpan<char> part)
    {
        bool month = false;
        bool day = false;
        int count = 0;
        foreach (ReadOnlySpan<char> raw in Words(part))
        {
            ReadOnlySpan<char> word = raw.TrimEnd('.');
            count++;
            if (Months.Contains(word.ToString()))
            {
                month = true;
            }
            else if (Weekdays.Contains(word.ToString()))
            {
                day = true;
            }
            else if (word.Length is > 0 and <= 2 && IsDigits(word))
            {
                day = true;
            }
            else if (!IsYear(word))
            {
                return false;
            }
        }

        return count > 0 && count <= 4 && (month || day);
    }

    private static bool IsYear(ReadOnlySpan<char> part) => part.Length == 4 && IsDigits(part);

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    // "Reuters", "AP", "AFP", "Yonhap", "The Associated Press": one to four capitalised words.
    private static bool IsAgency(ReadOnlySpan<char> inside)
    {
        inside = inside.Trim();
        if (inside.IsEmpty || !char.IsUpper(inside[0]))
        {
            return false;
        }

        int count = 0;
        foreach (ReadOnlySpan<char> word in Words(inside))
        {
            count++;
            foreach (char c in word)
            {
                if (!char.IsLetter(c) && c is not ('.' or '&' or '-' or '/'))
                {
                    return false;
                }
            }
        }

        return count <= 4;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> part)
    {
        int space = part.IndexOf(' ');
        return (space < 0 ? part : part[..space]).TrimEnd('.');
    }

    private static int CountWords(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (ReadOnlySpan<char> unused in Words(text))
        {
            count++;
        }

        return count;
    }

    private static WordEnumerator Words(ReadOnlySpan<char> text) => new(text);

    // Space-separated words of a short span, without allocating.
    private ref struct WordEnumerator(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> text = text;
        private int position;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly WordEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position >= text.Length)
            {
                return false;
            }

            int start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            Current = text[start..position];
            return true;
        }
    }
}
