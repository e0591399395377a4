using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Storyline.Text;

/// <summary>What <see cref="BoilerplateCleaner"/> kept and what it removed.</summary>
/// <param name="Body">The text without boilerplate, paragraphs separated by one blank line.</param>
/// <param name="Removed">Each removed piece, in order, for diagnostics and tests.</param>
public sealed record CleanedText(string Body, ImmutableArray<string> Removed);

/// <summary>
/// Removes web boilerplate that survives in plain text: sign-up prompts, privacy and cookie notices, share bars,
/// advertising markers, links to other articles, photo credits. Whole boilerplate paragraphs are dropped; boilerplate
/// glued to the start or end of a story paragraph is trimmed off. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Each paragraph is cut into pieces at sentence ends, at cue phrases ("Sign up", "Please enter", "Read our
/// privacy") and where a story sentence is glued onto a prompt without punctuation. A piece is boilerplate when it
/// opens with a cue and goes on in prompt vocabulary, repeats the piece before it, or is dense with prompt words
/// addressed to the reader; a piece with a reporting verb or a quotation mark is story text. Only runs of boilerplate
/// pieces at the start or the end of a paragraph are removed, and only where what is kept still starts and ends like
/// a sentence: losing a story sentence is worse than keeping a line of boilerplate.
/// </remarks>
public sealed class BoilerplateCleaner
{
    // Pieces longer than this are never judged boilerplate: prompts are short.
    private const int MaxPromptWords = 30;

    // Linked headlines ("Read more: ...") are dropped only when this short.
    private const int MaxLinkWords = 25;

    // A repeated piece is a prompt only when this short; a long repeat is more likely a quoted passage.
    private const int MaxRepeatWords = 12;

    // How far to look for the closing parenthesis of a photo credit.
    private const int MaxCreditLength = 80;

    // A paragraph ending with a photo credit is a caption when it has at most this many pieces (one or two sentences
    // and the credit) and words.
    private const int MaxCaptionPieces = 3;

    private const int MaxCaptionWords = 60;

    /// <summary>Cleans paragraph-normalised text (see <see cref="Paragraphs.Normalize"/>).</summary>
    /// <param name="text">Paragraphs separated by a blank line; other text is accepted, and paragraphs are trimmed.</param>
    public CleanedText Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var removed = ImmutableArray.CreateBuilder<string>();
        var body = new StringBuilder(text.Length);
        foreach (string block in text.Split("\n\n", StringSplitOptions.None))
        {
            string paragraph = block.Trim();
            if (paragraph.Length == 0)
            {
                continue;
            }

            string kept = CleanParagraph(paragraph, removed);
            if (kept.Length == 0)
            {
                continue;
            }

            if (body.Length > 0)
            {
                body.Append("\n\n");
            }

            body.Append(kept);
        }

        return new CleanedText(body.ToString(), removed.ToImmutable());
    }

    private static string CleanParagraph(string paragraph, ImmutableArray<string>.Builder removed)
    {
        List<Range> words = FindWords(paragraph);
        List<CueMatch> cues = FindCues(paragraph, words);
        List<Piece> pieces = Cut(paragraph, words, cues);
        if (pieces.Count == 0)
        {
            return paragraph;
        }

        var boilerplate = new bool[pieces.Count];
        // A caption cue ("Photo:") makes the rest of the paragraph a caption, and so does a photographer's credit
        // closing a short paragraph.
        int captionFrom = IsCaption(paragraph, words, pieces) ? 0 : pieces.FindIndex(p => p.Opening?.Cue.Kind == CueKind.Caption);
        if (captionFrom < 0)
        {
            captionFrom = pieces.Count;
        }

        // From the last piece back, so that a piece knows whether a prompt with a cue follows it.
        for (int i = pieces.Count - 1; i >= 0; i--)
        {
            Piece? previous = i > 0 ? pieces[i - 1] : null;
            bool beforePrompt = i + 1 < captionFrom && boilerplate[i + 1] && pieces[i + 1].Opening is not null;
            boilerplate[i] = i >= captionFrom || IsBoilerplate(paragraph, words, pieces[i], previous, beforePrompt);
        }

        int lead = 0;
        while (lead < pieces.Count && boilerplate[lead])
        {
            lead++;
        }

        if (lead == pieces.Count)
        {
            removed.Add(paragraph);
            return string.Empty;
        }

        int trail = pieces.Count;
        while (trail > lead && boilerplate[trail - 1])
        {
            trail--;
        }

        // The longest removable prefix after which the kept text still opens like a sentence.
        int start = 0;
        for (int k = lead; k > 0; k--)
        {
            if (OpensSentence(paragraph[pieces[k].Start]))
            {
                start = pieces[k].Start;
                break;
            }
        }

        // The longest removable suffix before which the kept text still closes like a sentence.
        int end = paragraph.Length;
        for (int k = trail; k < pieces.Count; k++)
        {
            if (ClosesSentence(paragraph[pieces[k - 1].End - 1]))
            {
                end = pieces[k - 1].End;
                break;
            }
        }

        if (start > 0)
        {
            removed.Add(paragraph[..start].Trim());
        }

        if (end < paragraph.Length)
        {
            removed.Add(paragraph[end..].Trim());
        }

        return start == 0 && end == paragraph.Length ? paragraph : paragraph[start..end].Trim();
    }

    // Words: letters and digits, with inner apostrophes and hyphens ("you're", "real-time", "Jong-un").
    private static List<Range> FindWords(string text)
    {
        var words = new List<Range>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length
                && (char.IsLetterOrDigit(text[i])
                    || (IsInnerJoiner(text[i]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
            {
                i++;
            }

            words.Add(new Range(start, i));
        }

        return words;
    }

    private static bool IsInnerJoiner(char c) => c is '\'' or '\u2019' or '-';

    private static List<CueMatch> FindCues(string text, List<Range> words)
    {
        var found = new List<CueMatch>();
        var byFirstWord = BoilerplateCues.ScannedByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        int w = 0;
        while (w < words.Count)
        {
            CueMatch? best = null;
            Range first = words[w];
            if (!byFirstWord.TryGetValue(text.AsSpan(first.Start, first.Length), out ImmutableArray<Cue> candidates))
            {
                w++;
                continue;
            }

            foreach (Cue cue in candidates)
            {
                if (TryMatch(text, words, w, cue) is CueMatch match && (best is null || match.LastWord > best.Value.LastWord))
                {
                    best = match;
                }
            }

            if (best is CueMatch taken)
            {
                found.Add(taken);
                w = taken.LastWord + 1;
            }
            else
            {
                w++;
            }
        }

        return found;
    }

    private static CueMatch? TryMatch(string text, List<Range> words, int first, Cue cue)
    {
        int count = cue.Words.Length;
        if (first + count > words.Count)
        {
            return null;
        }

        for (int j = 0; j < count; j++)
        {
            Range word = words[first + j];
            if (!text.AsSpan(word.Start, word.Length).Equals(cue.Words[j], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // Words of one cue are separated by white space only: "sign, up" is not "sign up".
            if (j > 0 && !text.AsSpan(words[first + j - 1].End, word.Start - words[first + j - 1].End).IsWhiteSpace())
            {
                return null;
            }
        }

        int start = words[first].Start;
        int end = words[first + count - 1].End;
        bool caseFits = cue.Case switch
        {
            CueCase.Capitalised => char.IsUpper(text[start]),
            CueCase.Upper => IsAllUpper(text.AsSpan(start, end - start)),
            _ => true,
        };
        if (!caseFits)
        {
            return null;
        }

        if (cue.Colon)
        {
            if (end >= text.Length || text[end] != ':')
            {
                return null;
            }

            end++;
        }

        return new CueMatch(start, end, first + count - 1, cue);
    }

    private static bool IsAllUpper(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Piece> Cut(string text, List<Range> words, List<CueMatch> cues)
    {
        var cuts = new SortedSet<int> { 0, text.Length };

        // Sentence ends: terminal punctuation, any closing quotes or brackets, then white space.
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?' or '\u2026'))
            {
                continue;
            }

            int j = i + 1;
            while (j < text.Length && IsCloser(text[j]))
            {
                j++;
            }

            if (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                cuts.Add(j);
            }
        }

        foreach (CueMatch cue in cues)
        {
            // A cue glued to punctuation (an opening quotation mark before "Subscribe") is quoted speech: no cut.
            if (cue.Start == 0 || char.IsWhiteSpace(text[cue.Start - 1]))
            {
                cuts.Add(cue.Start);
            }

            if (cue.Cue.Kind == CueKind.Closed && NextOpensSentence(text, cue.End))
            {
                cuts.Add(cue.End);
            }
        }

        AddCreditCuts(text, cuts);
        AddGlueCuts(text, words, cues, cuts);

        var pieces = new List<Piece>();
        int previous = -1;
        int nextCue = 0;
        foreach (int cut in cuts)
        {
            if (previous >= 0)
            {
                int start = previous;
                int end = cut;
                while (start < end && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                while (end > start && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }

                if (end > start)
                {
                    // Cues and pieces are both in text order, so one forward walk pairs them.
                    while (nextCue < cues.Count && cues[nextCue].Start < start)
                    {
                        nextCue++;
                    }

                    CueMatch? opening = nextCue < cues.Count && cues[nextCue].Start == start && cues[nextCue].End <= end
                        ? cues[nextCue]
                        : null;
                    pieces.Add(new Piece(start, end, opening, FirstWordAt(words, start)));
                }
            }

            previous = cut;
        }

        return pieces;
    }

    // A parenthesis that holds only a photo credit is a piece of its own: "(AFP via Getty Images)".
    private static void AddCreditCuts(string text, SortedSet<int> cuts)
    {
        for (int open = text.IndexOf('(', StringComparison.Ordinal); open >= 0; open = text.IndexOf('(', open + 1))
        {
            int limit = Math.Min(text.Length, open + MaxCreditLength);
            int close = text.IndexOf(')', open + 1, limit - open - 1);
            if (close < 0 || text.AsSpan(open + 1, close - open - 1).Contains('('))
            {
                continue;
            }

            if (IsCredit(text.AsSpan(open + 1, close - open - 1)))
            {
                cuts.Add(open);
                cuts.Add(close + 1);
            }
        }
    }

    // A story sentence glued onto a prompt with no punctuation between: "...newsletter The minister resigned".
    // Cut before a capitalised sentence opener that follows a prompt word (not a connective, which would make it
    // part of a name: "from The Independent"), and before a wire dateline in capitals glued onto a prompt
    // ("...to the Business Briefing DETROIT (Wire) - Nearly 13,000 ...").
    private static void AddGlueCuts(string text, List<Range> words, List<CueMatch> cues, SortedSet<int> cuts)
    {
        if (cues.Count == 0)
        {
            return;
        }

        for (int w = 1; w < words.Count; w++)
        {
            Range word = words[w];
            Range before = words[w - 1];
            if (word.Start < cues[0].Start || !text.AsSpan(before.End, word.Start - before.End).IsWhiteSpace())
            {
                continue;
            }

            // A word of a cue phrase is not a dateline: "READ MORE: Nova Scotia says …" stays one link.
            if (word.Length >= 3 && IsAllUpper(text.AsSpan(word.Start, word.Length)) && !cues.Exists(c => word.Start >= c.Start && word.Start < c.End)
                && Dateline.TryParse(text[word.Start..], out _))
            {
                cuts.Add(word.Start);
                continue;
            }

            if (!BoilerplateCues.SentenceOpeners.Contains(text[word.Start..word.End]))
            {
                continue;
            }

            string previous = text[before.Start..before.End];
            if (BoilerplateCues.Vocabulary.Contains(previous) && !BoilerplateCues.Connectives.Contains(previous))
            {
                cuts.Add(word.Start);
            }
        }
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingVerbs = BoilerplateCues.ReportingVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Addressee = BoilerplateCues.Addressee.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Strong = BoilerplateCues.Strong.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Vocabulary = BoilerplateCues.Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

    // beforePrompt: a prompt with a cue follows the piece, so that a lead-in to it needs one strong prompt word, not two
    // ("Get the day's biggest business stories in your inbox Sign up to our Business Briefing").
    private static bool IsBoilerplate(string text, List<Range> words, Piece piece, Piece? previous, bool beforePrompt)
    {
        ReadOnlySpan<char> core = Core(text.AsSpan(piece.Start, piece.Length));
        if (core.IsEmpty)
        {
            // Only separators of a share bar ("|", "•") go; a lone quotation mark or bracket belongs to the story.
            return text.AsSpan(piece.Start, piece.Length).IndexOfAnyExcept(" |/\\\u2022\u00B7*-\u2013\u2014") < 0;
        }

        string coreText = core.ToString();
        if (BoilerplateCues.Standalone.Contains(coreText) || IsCreditPiece(text.AsSpan(piece.Start, piece.Length)))
        {
            return true;
        }

        ReadOnlySpan<char> span = text.AsSpan(piece.Start, piece.Length);
        bool quoted = span.IndexOfAny("\"\u201C\u201D\u00AB\u00BB") >= 0;
        int total = 0;
        int unknown = 0;
        int continuation = 0;
        int strong = 0;
        bool addressee = false;
        bool reporting = false;
        bool digits = false;
        int cueEnd = piece.Opening?.End ?? piece.Start;
        for (int i = piece.FirstWord; i < words.Count && words[i].End <= piece.End; i++)
        {
            Range word = words[i];
            // A span, not a string: this runs for every word of every piece of every paragraph.
            ReadOnlySpan<char> w = text.AsSpan(word.Start, word.End - word.Start);
            total++;
            reporting |= ReportingVerbs.Contains(w);
            addressee |= Addressee.Contains(w);
            digits |= char.IsDigit(w[0]);
            if (Strong.Contains(w))
            {
                strong++;
            }

            if (word.Start >= cueEnd)
            {
                continuation++;
                if (!Vocabulary.Contains(w))
                {
                    unknown++;
                }
            }
        }

        if (piece.Opening is CueMatch cue)
        {
            if (cue.Cue.Kind == CueKind.Link)
            {
                // "Related: Cabinet reshuffle expected" is a link; "Related: the figures show" is a sentence. A video
                // link may go on after a bar ("WATCH | …") or end with a colon ("Watch highlights of the game:").
                return total <= MaxLinkWords && !quoted
                    && (cue.End == piece.End || NextOpensSentence(text, cue.End) || NextIsBar(text, cue.End) || text[piece.End - 1] == ':');
            }

            if (total > MaxPromptWords || quoted || reporting)
            {
                return false;
            }

            return unknown == 0 || (unknown <= 2 && (continuation <= 2 ? unknown <= 1 : unknown * 3 <= continuation));
        }

        if (quoted || reporting)
        {
            return false;
        }

        if (previous is Piece before
            && total <= MaxRepeatWords
            && core.Equals(Core(text.AsSpan(before.Start, before.Length)), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // No cue phrase: a prompt in other words ("Get breaking news alerts sent straight to your inbox").
        return total <= MaxPromptWords && !digits && strong >= (beforePrompt ? 1 : 2) && addressee && unknown <= 2 && unknown * 3 <= total;
    }

    // The piece without the punctuation and symbols around it.
    private static ReadOnlySpan<char> Core(ReadOnlySpan<char> piece)
    {
        int start = 0;
        int end = piece.Length;
        while (start < end && !char.IsLetterOrDigit(piece[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(piece[end - 1]))
        {
            end--;
        }

        return piece[start..end];
    }

    private static bool IsCreditPiece(ReadOnlySpan<char> piece)
    {
        piece = piece.TrimEnd('.');
        return piece.Length > 2 && piece[0] == '(' && piece[^1] == ')' && IsCredit(piece[1..^1]);
    }

    // A paragraph that ends with a photographer's credit is a caption ("Wendy Golden at her home. (Steve Lawrence/CBC)"),
    // when it is as short as captions are. An agency credit glued to a paragraph ("… (Getty Images)") is trimmed alone:
    // pages put those after story paragraphs too, while a photographer's "Name/Outlet" goes under a picture.
    private static bool IsCaption(string paragraph, List<Range> words, List<Piece> pieces)
    {
        if (pieces.Count < 2 || pieces.Count > MaxCaptionPieces || words.Count > MaxCaptionWords)
        {
            return false;
        }

        ReadOnlySpan<char> last = paragraph.AsSpan(pieces[^1].Start, pieces[^1].Length).TrimEnd('.');
        return last.Length > 2 && last[0] == '(' && last[^1] == ')' && IsPhotographerCredit(last[1..^1]);
    }

    private static bool IsCredit(ReadOnlySpan<char> inside)
    {
        if (inside.Contains('(') || inside.Contains(')'))
        {
            return false;
        }

        if (IsPhotographerCredit(inside))
        {
            return true;
        }

        bool credit = false;
        int count = 0;
        string text = inside.ToString();
        foreach (Range word in FindWords(text))
        {
            count++;
            credit |= BoilerplateCues.CreditWords.Contains(text[word.Start..word.End]);
        }

        return credit && count <= 8;
    }

    // "Steve Lawrence/CBC", "Jane Doe/The Canadian Press": a photographer's name (two to four capitalised words), a
    // slash, and the outlet or agency (one to six words, the first capitalised).
    private static bool IsPhotographerCredit(ReadOnlySpan<char> inside)
    {
        int slash = inside.IndexOf('/');
        if (slash < 0 || inside[(slash + 1)..].Contains('/'))
        {
            return false;
        }

        string name = inside[..slash].Trim().ToString();
        string outlet = inside[(slash + 1)..].Trim().ToString();
        List<Range> nameWords = FindWords(name);
        List<Range> outletWords = FindWords(outlet);
        return nameWords.Count is >= 2 and <= 4 && nameWords.TrueForAll(w => char.IsUpper(name[w.Start]))
            && outletWords.Count is >= 1 and <= 6 && char.IsUpper(outlet[outletWords[0].Start]);
    }

    private static bool NextIsBar(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index < text.Length && text[index] == '|';
    }

    // Index of the first word that starts at or after position, by binary search over the ordered words.
    private static int FirstWordAt(List<Range> words, int position)
    {
        int low = 0;
        int high = words.Count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (words[mid].Start < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']';

    private static bool OpensSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB';

    private static bool ClosesSentence(char c) => c is '.' or '!' or '?' or '\u2026' || IsCloser(c);

    private static bool NextOpensSentence(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index < text.Length && OpensSentence(text[index]);
    }

    private readonly record struct Range(int Start, int End)
    {
        public int Length => End - Start;
    }

    private readonly record struct CueMatch(int Start, int End, int LastWord, Cue Cue);

    private readonly record struct Piece(int Start, int End, CueMatch? Opening, int FirstWord)
    {
        public int Length => End - Start;
    }
}
