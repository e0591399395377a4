using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>A sentence that a timeline could place on a day, with what it is made of.</summary>
internal sealed class Candidate(AnalyzedArticle report, Sentence sentence, string text, DateOnly date, TimeExpression? time, List<string> words, int order)
{
    public AnalyzedArticle Report { get; } = report;

    public Sentence Sentence { get; } = sentence;

    public string Text { get; } = text;

    public DateOnly Date { get; } = date;

    /// <summary>The expression that placed it on its day; null when its report's publication did.</summary>
    public TimeExpression? Time { get; } = time;

    public bool ByExpression => Time is not null;

    public List<string> Words { get; } = words;

    public HashSet<string> WordSet { get; } = new(words, StringComparer.Ordinal);

    /// <summary>Its place among all candidates (reports by date then id, sentences in order).</summary>
    public int Order { get; } = order;

    public TermVector Vector { get; set; } = TermVector.Empty;

    public float[]? Dense { get; set; }

    /// <summary>Its word (TF-IDF) centrality in its day and in the timeline, once its day is ranked.</summary>
    public double WordCentrality { get; set; }

    public double Novelty { get; set; }
}

/// <summary>
/// Finds the sentences of a story's reports that are about a day, and what the reports say about each day. A sentence
/// is about the day its first day-naming time expression names in its own clause (not in a subordinate one, see
/// <see cref="ClauseScope"/>); a sentence with no such expression is about its report's publication day, unless it
/// names another time (a month, a year, last week) that does not hold that day, or it lies past the first
/// <see cref="TimelineOptions.LeadSentences"/> such sentences of its report.
/// </summary>
internal static class TimelineCandidates
{
    /// <summary>The candidate sentences of <paramref name="reports"/> (in story order) within the options' span.</summary>
    public static List<Candidate> Collect(IReadOnlyList<AnalyzedArticle> reports, TimelineOptions options)
    {
        var candidates = new List<Candidate>();
        foreach (AnalyzedArticle report in reports)
        {
            int leads = 0;
            int next = 0;
            foreach (Sentence sentence in report.Sentences)
            {
                for (; next < report.Times.Length && report.Times[next].Sentence < sentence.Index; next++)
                {
                }

                // Length first: a run-on "sentence" of a huge report is not read clause by clause.
                string text = report.SentenceText(sentence).Trim();
                List<string> words = TermVector.ContentWords(text);
                if (words.Count < options.MinWords || words.Count > options.MaxWords)
                {
                    continue;
                }

                TimeExpression? own = null;
                bool otherTime = false;
                for (int t = next; t < report.Times.Length && report.Times[t].Sentence == sentence.Index; t++)
                {
                    TimeExpression time = report.Times[t];
                    if (options.OwnClauseOnly && ClauseScope.IsSubordinate(report, time))
                    {
                        continue;
                    }

                    if (own is null && DateMentions.NamesDay(time))
                    {
                        own = time;
                    }

                    otherTime |= options.OnlyUndatedOnPublicationDay && Excludes(time, report.Article.Published);
                }

                DateOnly date;
                if (own?.Day is DateOnly day)
                {
                    date = day;
                }
                else if (!otherTime && leads < options.LeadSentences)
                {
                    leads++;
                    date = report.Article.Published;
                }
                else
                {
                    continue;
                }

                if ((options.Start is DateOnly start && date < start) || (options.End is DateOnly end && date > end))
                {
                    continue;
                }

                candidates.Add(new Candidate(report, sentence, text, date, own, words, candidates.Count));
            }
        }

        return candidates;
    }

    /// <summary>What the reports say about each day that holds a candidate, in date order.</summary>
    public static DayEvidence[] Evidence(IReadOnlyList<AnalyzedArticle> reports, IReadOnlyList<Candidate> candidates)
    {
        var published = new Dictionary<DateOnly, int>();
        var exact = new Dictionary<DateOnly, int>();
        var relative = new Dictionary<DateOnly, int>();
        var later = new Dictionary<DateOnly, int>();
        var earlier = new Dictionary<DateOnly, int>();
        var named = new HashSet<DateOnly>();
        var sentenceDays = new Dictionary<DateOnly, bool>();
        foreach (AnalyzedArticle report in reports)
        {
            DateOnly day = report.Article.Published;
            published[day] = published.GetValueOrDefault(day) + 1;
            named.Clear();
            int sentence = -1;
            foreach (TimeExpression time in report.Times)
            {
                if (time.Sentence != sentence)
                {
                    Count(sentenceDays, exact, relative);
                    sentence = time.Sentence;
                }

                if (DateMentions.NamesDay(time))
                {
                    DateOnly mentioned = time.Day!.Value;
                    bool isExact = DateMentions.KindOf(report, time) == DateMentionKind.Exact;
                    sentenceDays[mentioned] = sentenceDays.GetValueOrDefault(mentioned) | isExact;
                    named.Add(mentioned);
                }
            }

            Count(sentenceDays, exact, relative);
            foreach (DateOnly mentioned in named)
            {
                Dictionary<DateOnly, int>? side = mentioned < day ? later : mentioned > day ? earlier : null;
                if (side is not null)
                {
                    side[mentioned] = side.GetValueOrDefault(mentioned) + 1;
                }
            }
        }

        var placed = new SortedDictionary<DateOnly, (int Expression, int Publication)>();
        foreach (Candidate candidate in candidates)
        {
            (int e, int p) = placed.GetValueOrDefault(candidate.Date);
            placed[candidate.Date] = candidate.ByExpression ? (e + 1, p) : (e, p + 1);
        }

        return
        [
            .. placed.Select(p => new DayEvidence(p.Key)
            {
                Published = published.GetValueOrDefault(p.Key),
                PublishedNextDay = published.GetValueOrDefault(p.Key.AddDays(1)),
                ExactMentions = exact.GetValueOrDefault(p.Key),
                RelativeMentions = relative.GetValueOrDefault(p.Key),
                LaterReports = later.GetValueOrDefault(p.Key),
                EarlierReports = earlier.GetValueOrDefault(p.Key),
                PlacedByExpression = p.Value.Expression,
                PlacedByPublication = p.Value.Publication,
            }),
        ];
    }

    // One count per sentence and day it names: exact where any of its expressions for the day is a calendar date.
    private static void Count(Dictionary<DateOnly, bool> sentenceDays, Dictionary<DateOnly, int> exact, Dictionary<DateOnly, int> relative)
    {
        foreach ((DateOnly day, bool isExact) in sentenceDays)
        {
            Dictionary<DateOnly, int> counts = isExact ? exact : relative;
            counts[day] = counts.GetValueOrDefault(day) + 1;
        }

        sentenceDays.Clear();
    }

    // Whether the expression names a period that does not hold the day ("in 2019", "last week", "in March" for a
    // report of September): such a sentence is not about its publication day.
    private static bool Excludes(TimeExpression time, DateOnly day) =>
        time.Type is TimeType.Date or TimeType.Time && TryGetPeriod(time.Value, out DateOnly first, out DateOnly last) && (day < first || day > last);

    /// <summary>The days a TIMEX3 date value covers: a day, an ISO week, a month, a quarter, a half or a year.</summary>
    internal static bool TryGetPeriod(string value, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (TimexValue.TryGetDay(value, out DateOnly day))
        {
            first = last = day;
            return true;
        }

        if (value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year) || year is < 1 or > 9998)
        {
            return false;
        }

        ReadOnlySpan<char> rest = value.AsSpan(4);
        if (rest.IsEmpty)
        {
            (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
        {
            first = new DateOnly(year, month, 1);
            last = first.AddMonths(1).AddDays(-1);
            return true;
        }

        if (rest.Length == 4 && rest.StartsWith("-W", StringComparison.Ordinal) && int.TryParse(rest[2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int week) && week is >= 1 and <= 53)
        {
            first = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            last = first.AddDays(6);
            return true;
        }

        if (rest.Length == 3 && rest[0] == '-' && rest[1] is 'Q' or 'H' && rest[2] is >= '1' and <= '4')
        {
            int months = rest[1] == 'Q' ? 3 : 6;
            int index = rest[2] - '1';
            if (rest[1] == 'H' && index > 1)
            {
                return false;
            }

            first = new DateOnly(year, 1 + (index * months), 1);
            last = first.AddMonths(months).AddDays(-1);
            return true;
        }

        return false;
    }
}
