namespace Storyline.Stories;

/// <summary>
/// How alike the report being assigned and an open story are: pure functions of the report's slots and the story's
/// sums, with idf from the vocabulary. The sums are taken in a fixed order, so every figure is the same bit for bit
/// however the story was built.
/// </summary>
internal static class StorySimilarity
{
    /// <summary>
    /// The similarities of the report in <paramref name="slots"/> (its vector <paramref name="report"/>) to
    /// <paramref name="story"/>. Words, headline words, names, places and recency are always measured; the rest only
    /// where <paramref name="model"/> weighs it or <paramref name="all"/> asks for everything (as training does), since
    /// a similarity with weight 0 cannot change a decision.
    /// </summary>
    public static StorySimilarities Measure(ReportVector report, ReportSlots slots, DateOnly published, ActiveStory story, MergeModel model, bool all)
    {
        double body = Cosine(slots, report.WordNorm, story.TopWords());
        double head = HeadCosine(slots, report.HeadNorm, story.TopHead());
        (double entities, double places) = EntityCosines(slots, report, story);
        StoryVocabulary vocabulary = slots.Vocabulary;
        return new StorySimilarities(body, head, entities, places, model.RecencyOf(published.DayNumber - story.LastReport.DayNumber))
        {
            EntityConflict = all || model.EntityConflict != 0 ? Conflict(slots, report.KeyEntities(slots), story, NameKind.Actors) : 0,
            PlaceConflict = all || model.PlaceConflict != 0 ? Conflict(slots, report.KeyPlaces(slots), story, NameKind.Places) : 0,
            PeopleConflict = all || model.PeopleConflict != 0 ? Conflict(slots, report.KeyPeople(slots), story, NameKind.People) : 0,
            Meaning = all || model.Meaning != 0 ? MeaningVectors.Cosine(report.BodyMeaning, story.BodyMeaning) : 0,
            HeadMeaning = all || model.HeadMeaning != 0 || model.BodyHeadMeaning != 0 || model.HeadMeaningGap != 0 ? MeaningVectors.Cosine(report.HeadMeaning, story.HeadMeaning) : 0,
            DateMatch = all || model.DateMatch != 0 ? DateMatch(vocabulary, report.Dates, published, story) : 0,
            DateConflict = all || model.DateConflict != 0 ? DateConflict(vocabulary, report.Dates, published, story) : 0,
            NumberMatch = all || model.NumberMatch != 0 ? NumberMatch(report.Numbers, story) : 0,
            TownConflict = all || model.TownConflict != 0 ? Conflict(slots, report.KeyTowns(slots), story, NameKind.Towns) : 0,
            DayConflict = all || model.DayConflict != 0 ? DayConflict(vocabulary, report.Dates, published, story) : 0,
        };
    }

    /// <summary>Days over which <see cref="StoryPairSimilarities.Touch"/> falls by a factor e.</summary>
    public const double TouchDays = 30;

    /// <summary>
    /// How alike two open stories are as wholes (see <see cref="StoryPairSimilarities"/>): their heaviest words, summed
    /// vectors, names by type, key places and people, and how their active periods lie. Symmetric, and a pure function
    /// of the two stories' state and the vocabulary's idf.
    /// </summary>
    public static StoryPairSimilarities MeasureStories(ActiveStory a, ActiveStory b, StoryVocabulary vocabulary)
    {
        (double people, double actors, double places) = NameCosines(a, b, vocabulary);
        return new StoryPairSimilarities(
            TopCosine(a.TopWords(), b.TopWords(), vocabulary),
            MeaningVectors.Cosine(a.BodyMeaning, b.BodyMeaning),
            MeaningVectors.Cosine(a.HeadMeaning, b.HeadMeaning),
            people,
            actors,
            places,
            StoryConflict(a, b, NameKind.Places) * StoryConflict(b, a, NameKind.Places),
            StoryConflict(a, b, NameKind.People) * StoryConflict(b, a, NameKind.People),
            Touch(GapDays(a, b)));
    }

    /// <summary>The days between one story's latest report and the other's earliest; 0 when their periods overlap or touch.</summary>
    public static int GapDays(ActiveStory a, ActiveStory b)
    {
        int firstA = FirstDay(a), firstB = FirstDay(b);
        return Math.Max(0, Math.Max(firstA, firstB) - Math.Min(a.LastReport.DayNumber, b.LastReport.DayNumber));
    }

    /// <summary>exp(−<paramref name="gapDays"/> / <see cref="TouchDays"/>).</summary>
    public static double Touch(int gapDays) => Math.Exp(-Math.Max(0, gapDays) / TouchDays);

    private static int FirstDay(ActiveStory story) => story.Reports.Count > 0 ? story.Reports[0].Published.DayNumber : story.LastReport.DayNumber;

    // A story term's TF-IDF weight: its sum in thousandths times the vocabulary's idf.
    private static double Weight(TopTerm term, StoryVocabulary vocabulary) => term.Sum / TermSums.Quantum * vocabulary.Idf(term.Term);

    // TF-IDF cosine of two stories' heaviest words (sums in thousandths times idf).
    private static double TopCosine(TopTerm[] a, TopTerm[] b, StoryVocabulary vocabulary)
    {
        var other = new Dictionary<int, double>(b.Length);
        double normB = 0;
        foreach (TopTerm term in b)
        {
            double weight = Weight(term, vocabulary);
            other[term.Term] = weight;
            normB += weight * weight;
        }

        double dot = 0, normA = 0;
        foreach (TopTerm term in a)
        {
            double weight = Weight(term, vocabulary);
            normA += weight * weight;
            dot += other.TryGetValue(term.Term, out double w) ? weight * w : 0;
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    // TF-IDF cosines of the two stories' names by type: people, other names, places. A name is a place (or a person)
    // when either story typed it so, so that one name counts in one type on both sides.
    private static (double People, double Actors, double Places) NameCosines(ActiveStory a, ActiveStory b, StoryVocabulary vocabulary)
    {
        int Type(int term) => a.Places.Contains(term) || b.Places.Contains(term) ? 2 : a.People.Contains(term) || b.People.Contains(term) ? 0 : 1;
        var other = new Dictionary<int, double>();
        double[] normA = new double[3], normB = new double[3], dot = new double[3];
        foreach (TopTerm term in b.TopEntities())
        {
            double weight = Weight(term, vocabulary);
            other[term.Term] = weight;
            normB[Type(term.Term)] += weight * weight;
        }

        foreach (TopTerm term in a.TopEntities())
        {
            double weight = Weight(term, vocabulary);
            int type = Type(term.Term);
            normA[type] += weight * weight;
            dot[type] += other.TryGetValue(term.Term, out double w) ? weight * w : 0;
        }

        double Cos(int t) => dot[t] == 0 ? 0 : dot[t] / Math.Sqrt(normA[t] * normB[t]);
        return (Cos(0), Cos(1), Cos(2));
    }

    // The share (by weight) of story a's key names of one kind that story b never named (nor used their last word).
    private static double StoryConflict(ActiveStory a, ActiveStory b, NameKind kind)
    {
        KeyName[] key = a.KeyNames(kind);
        return key.Length == 0 || b.KeyNames(kind).Length == 0 ? 0 : UnknownShare(key, b);
    }

    // The share (by weight) of the key names that the story never named and whose last word it never used.
    private static double UnknownShare(KeyName[] key, ActiveStory story)
    {
        double all = 0, unknown = 0;
        foreach (KeyName name in key)
        {
            all += name.Weight;
            if (!story.Names(name.Term) && !story.UsedWord(name.LastWord))
            {
                unknown += name.Weight;
            }
        }

        return unknown / all;
    }

    // The share of the report's numbers the story gave too.
    private static double NumberMatch(int[] numbers, ActiveStory story)
    {
        if (numbers.Length == 0)
        {
            return 0;
        }

        int shared = 0;
        foreach (int number in numbers)
        {
            shared += story.Numbers.Contains(number) ? 1 : 0;
        }

        return (double)shared / numbers.Length;
    }

    // The share of the days the report mentions that a report of the story mentioned too. Days next to the publication
    // date ("today", "on Monday") say only when the report was written, which recency already weighs: only the others
    // count ("on March 14", "last month's vote").
    private static double DateMatch(StoryVocabulary vocabulary, int[] dates, DateOnly published, ActiveStory story)
    {
        int days = 0, shared = 0;
        foreach (int date in dates)
        {
            string term = vocabulary[date];
            if (IsDay(term) && DateOnly.TryParseExact(term.AsSpan(ReportTerms.DatePrefix.Length), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly day)
                && Math.Abs(day.DayNumber - published.DayNumber) > 1)
            {
                days++;
                shared += story.Dates.ContainsKey(date) ? 1 : 0;
            }
        }

        return days == 0 ? 0 : (double)shared / days;
    }

    // Years, as the actor conflict compares names: the report's years new to the story, times the story's most
    // mentioned years (at most three) that the report does not mention. The years of publication are left out on both
    // sides: every relative date ("on Monday") resolves into them.
    private static double DateConflict(StoryVocabulary vocabulary, int[] dates, DateOnly published, ActiveStory story)
    {
        if (dates.Length == 0 || story.Dates.Count == 0)
        {
            return 0;
        }

        string reportYear = published.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        string storyYear = story.LastReport.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var reportYears = new HashSet<string>(StringComparer.Ordinal);
        foreach (int date in dates)
        {
            string year = Year(vocabulary[date]);
            if (!string.Equals(year, reportYear, StringComparison.Ordinal))
            {
                reportYears.Add(year);
            }
        }

        var storyYears = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int date, int count) in story.Dates)
        {
            string year = Year(vocabulary[date]);
            if (!string.Equals(year, storyYear, StringComparison.Ordinal))
            {
                storyYears[year] = storyYears.GetValueOrDefault(year) + count;
            }
        }

        if (reportYears.Count == 0 || storyYears.Count == 0)
        {
            return 0;
        }

        int unknown = reportYears.Count(y => !storyYears.ContainsKey(y));
        var key = storyYears.OrderByDescending(y => y.Value).ThenBy(y => y.Key, StringComparer.Ordinal).Take(3).ToList();
        int missing = key.Count(y => !reportYears.Contains(y.Key));
        return (double)unknown / reportYears.Count * missing / key.Count;
    }

    // Days further than this from a publication date, or from each other, count as other days.
    private const int DayTolerance = 7;

    // The report's days far from its publication against the story's days far from its reports' span: the share of the
    // report's with no story day near, times the share of the story's most mentioned (at most three) with no report day
    // near. Days near a publication date are what relative expressions resolve to ("on Monday"); recency weighs those.
    private static double DayConflict(StoryVocabulary vocabulary, int[] dates, DateOnly published, ActiveStory story)
    {
        if (dates.Length == 0 || story.Dates.Count == 0 || story.Reports.Count == 0)
        {
            return 0;
        }

        var reportDays = new List<int>();
        foreach (int date in dates)
        {
            if (Day(vocabulary[date]) is int day && Math.Abs(day - published.DayNumber) > DayTolerance)
            {
                reportDays.Add(day);
            }
        }

        if (reportDays.Count == 0)
        {
            return 0;
        }

        int first = story.Reports[0].Published.DayNumber, last = story.LastReport.DayNumber;
        var storyDays = new List<(int Day, int Count, string Term)>();
        foreach ((int date, int count) in story.Dates)
        {
            string term = vocabulary[date];
            if (Day(term) is int day && (day < first - DayTolerance || day > last + DayTolerance))
            {
                storyDays.Add((day, count, term));
            }
        }

        if (storyDays.Count == 0)
        {
            return 0;
        }

        int unknown = reportDays.Count(d => !storyDays.Any(s => Math.Abs(s.Day - d) <= DayTolerance));
        var key = storyDays.OrderByDescending(s => s.Count).ThenBy(s => s.Term, StringComparer.Ordinal).Take(3).ToList();
        int missing = key.Count(s => !reportDays.Any(d => Math.Abs(s.Day - d) <= DayTolerance));
        return (double)unknown / reportDays.Count * missing / key.Count;
    }

    // The day number of a day term; null for a month or a year.
    private static int? Day(string term) =>
        IsDay(term) && DateOnly.TryParseExact(term.AsSpan(ReportTerms.DatePrefix.Length), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly day)
            ? day.DayNumber
            : null;

    // Date terms are "#" and a TIMEX3 date cut to day, month or year.
    private static bool IsDay(string term) => term.Length == ReportTerms.DatePrefix.Length + 10;

    private static string Year(string term) => term.Substring(ReportTerms.DatePrefix.Length, 4);

    // Two reports of the same kind of event (two earthquakes, two stars in rehab) share their words but not their actors:
    // the report's key names are new to the story, and the story's key names are absent from the report. Either alone is
    // common within one story (new people get quoted; a follow-up names only the newest actor), so the conflict is the
    // product of the two shares (by weight). A name counts as present when the other side has the same entity or has
    // used the name's last word (Reid of "Tara Reid"), so that two resolutions of one person do not look like two people.
    private static double Conflict(ReportSlots slots, KeyName[] key, ActiveStory story, NameKind kind)
    {
        KeyName[] storyKey = story.KeyNames(kind);
        if (key.Length == 0 || storyKey.Length == 0)
        {
            return 0;
        }

        double share = UnknownShare(key, story);
        double storyAll = 0, missing = 0;
        foreach (KeyName name in storyKey)
        {
            storyAll += name.Weight;
            if (!slots.HasName(name.Term) && !slots.HasWord(name.LastWord))
            {
                missing += name.Weight;
            }
        }

        return share * (missing / storyAll);
    }

    // TF-IDF cosine of the report's words with the story's heaviest words (idf of the report's time, as a per-report
    // cache gives it).
    private static double Cosine(ReportSlots slots, double reportNorm, TopTerm[] story)
    {
        if (reportNorm == 0)
        {
            return 0;
        }

        StoryVocabulary vocabulary = slots.Vocabulary;
        int generation = slots.Generation;
        int[] mark = slots.Mark;
        TermKind[] kind = slots.Kind;
        double[] weights = slots.Weight;
        double dot = 0, norm = 0;
        foreach (TopTerm term in story)
        {
            double weight = Weight(term, vocabulary);
            norm += weight * weight;
            if (mark[term.Term] == generation && kind[term.Term] == TermKind.Word)
            {
                dot += weights[term.Term] * weight;
            }
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(reportNorm * norm);
    }

    // Headline words weigh by their counts, not by thousandths.
    private static double HeadCosine(ReportSlots slots, double reportNorm, TopTerm[] story)
    {
        if (reportNorm == 0)
        {
            return 0;
        }

        StoryVocabulary vocabulary = slots.Vocabulary;
        int generation = slots.Generation;
        int[] mark = slots.HeadMark;
        double[] weights = slots.HeadWeight;
        double dot = 0, norm = 0;
        foreach (TopTerm term in story)
        {
            double weight = term.Sum * vocabulary.Idf(term.Term);
            norm += weight * weight;
            if (mark[term.Term] == generation)
            {
                dot += weights[term.Term] * weight;
            }
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(reportNorm * norm);
    }

    private static (double Entities, double Places) EntityCosines(ReportSlots slots, ReportVector report, ActiveStory story)
    {
        StoryVocabulary vocabulary = slots.Vocabulary;
        int generation = slots.Generation;
        int[] mark = slots.Mark;
        TermKind[] kind = slots.Kind;
        double[] weights = slots.Weight;
        double dotE = 0, normE = 0, dotP = 0, normP = 0;
        TopTerm[] top = story.TopEntities();
        bool[] isPlace = story.TopEntityPlaces();
        for (int i = 0; i < top.Length; i++)
        {
            TopTerm term = top[i];
            double weight = Weight(term, vocabulary);
            bool inReport = mark[term.Term] == generation;
            if (isPlace[i])
            {
                normP += weight * weight;
                dotP += inReport && kind[term.Term] == TermKind.Place ? weights[term.Term] * weight : 0;
            }
            else
            {
                normE += weight * weight;
                dotE += inReport && kind[term.Term] == TermKind.Entity ? weights[term.Term] * weight : 0;
            }
        }

        return (
            dotE == 0 ? 0 : dotE / Math.Sqrt(report.EntityNorm * normE),
            dotP == 0 ? 0 : dotP / Math.Sqrt(report.PlaceNorm * normP));
    }
}
