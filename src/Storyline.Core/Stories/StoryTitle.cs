namespace Storyline.Stories;

/// <summary>
/// A story's title: the headline of its most central recent report, so that the title follows the story as it grows
/// (the latest central development). The reports of the story's last <see cref="RecentDays"/> days are the current
/// development; the most central of them is the one whose dense vector is closest to their sum, a day older costing
/// <see cref="DayPenalty"/> of cosine, so that between two equally central reports the later one wins. Where no report
/// has a headline (features stored before headlines were kept), the title the store had, else the key words
/// (<see cref="KeywordTitle"/>).
/// </summary>
internal static class StoryTitle
{
    /// <summary>Reports within this many days of the story's latest report are its current development.</summary>
    public const int RecentDays = 2;

    /// <summary>What a day of age costs a report, in cosine.</summary>
    public const double DayPenalty = 0.02;

    /// <summary>The title of <paramref name="story"/> as it stands.</summary>
    public static string Of(ActiveStory story)
    {
        DateOnly latest = story.LatestHeadline;
        if (latest == DateOnly.MinValue)
        {
            return story.Title ?? KeywordTitle.Of(story);
        }

        // The reports are oldest first: the recent ones are at the end, so the cost does not grow with the story. Which
        // report wins does not depend on the order they are read in (the sum is exact; ties break by date, then id).
        IReadOnlyList<StoryReport> reports = story.Reports;
        int from = reports.Count;
        while (from > 0 && latest.DayNumber - reports[from - 1].Published.DayNumber <= RecentDays)
        {
            from--;
        }

        long[]? sum = null;
        for (int i = from; i < reports.Count; i++)
        {
            if (Recent(reports[i], latest))
            {
                MeaningVectors.Add(ref sum, reports[i].Meaning);
            }
        }

        StoryReport? best = null;
        double bestScore = double.NegativeInfinity;
        for (int i = from; i < reports.Count; i++)
        {
            StoryReport report = reports[i];
            if (!Recent(report, latest))
            {
                continue;
            }

            double score = MeaningVectors.Cosine(report.Meaning, sum) - (DayPenalty * (latest.DayNumber - report.Published.DayNumber));
            if (best is null || score > bestScore
                || (score == bestScore && (report.Published > best.Published || (report.Published == best.Published && report.Id.CompareTo(best.Id) < 0))))
            {
                (best, bestScore) = (report, score);
            }
        }

        return best!.Headline;
    }

    private static bool Recent(StoryReport report, DateOnly latest) =>
        report.Headline.Length > 0 && latest.DayNumber - report.Published.DayNumber <= RecentDays;
}
