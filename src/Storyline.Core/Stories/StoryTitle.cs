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
        StoryReport? best = null;
        double bestScore = double.NegativeInfinity;
        DateOnly latest = DateOnly.MinValue;
        foreach (StoryReport report in story.Reports)
        {
            if (report.Headline.Length > 0 && report.Published > latest)
            {
                latest = report.Published;
            }
        }

        if (latest == DateOnly.MinValue)
        {
            return story.Title ?? KeywordTitle.Of(story);
        }

        long[]? sum = null;
        foreach (StoryReport report in story.Reports)
        {
            if (Recent(report, latest))
            {
                MeaningVectors.Add(ref sum, report.Meaning);
            }
        }

        foreach (StoryReport report in story.Reports)
        {
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
