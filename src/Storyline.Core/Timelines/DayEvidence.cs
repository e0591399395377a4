using System.Collections.Frozen;
using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>
/// What a story's reports say about one day: how many were published on it and the day after, how many of their
/// sentences name it and how precisely, how many reports name it after it passed or before it came, and how many
/// candidate sentences a timeline could put on it. What a <see cref="IDateRanker"/> ranks days by.
/// </summary>
/// <param name="Date">The day.</param>
public sealed record DayEvidence(DateOnly Date)
{
    /// <summary>Reports published on the day.</summary>
    public int Published { get; init; }

    /// <summary>Reports published the day after (news of a day is often printed the next morning).</summary>
    public int PublishedNextDay { get; init; }

    /// <summary>Sentences that name the day with a calendar date ("12 September", "Sept. 12, 2023", "2023-09-12").</summary>
    public int ExactMentions { get; init; }

    /// <summary>Sentences that name the day relative to their report's date ("on Monday", "yesterday", "last Friday").</summary>
    public int RelativeMentions { get; init; }

    /// <summary>Reports published after the day that name it: looking back at it.</summary>
    public int LaterReports { get; init; }

    /// <summary>Reports published before the day that name it: an event announced ahead.</summary>
    public int EarlierReports { get; init; }

    /// <summary>Candidate sentences placed on the day by a time expression of their own.</summary>
    public int PlacedByExpression { get; init; }

    /// <summary>Candidate sentences placed on the day because their report was published then.</summary>
    public int PlacedByPublication { get; init; }

    /// <summary>All candidate sentences placed on the day.</summary>
    public int Candidates => PlacedByExpression + PlacedByPublication;
}

/// <summary>Scores candidate days for a timeline: the higher, the more a day belongs in it.</summary>
public interface IDateRanker
{
    /// <summary>A score for each of <paramref name="days"/>, in their order (the days of one story or collection).</summary>
    double[] Score(IReadOnlyList<DayEvidence> days);
}

/// <summary>
/// The first timelines' ranking: a sentence placed on a day by its own time expression counts 1, one placed there by
/// its report's publication counts one half.
/// </summary>
public sealed class CandidateWeightRanker : IDateRanker
{
    /// <summary>The one instance.</summary>
    public static CandidateWeightRanker Instance { get; } = new();

    private CandidateWeightRanker()
    {
    }

    /// <inheritdoc/>
    public double[] Score(IReadOnlyList<DayEvidence> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.Select(d => d.PlacedByExpression + (0.5 * d.PlacedByPublication))];
    }
}

/// <summary>How precisely a time expression names its day.</summary>
public enum DateMentionKind
{
    /// <summary>A calendar date: a month name or digits ("12 September", "Sept. 12", "2023-09-12").</summary>
    Exact,

    /// <summary>Relative to the report's date: a weekday, "yesterday", "today", "last night".</summary>
    Relative,
}

/// <summary>Sorts a report's day-naming time expressions into <see cref="DateMentionKind"/>s.</summary>
public static class DateMentions
{
    private static readonly FrozenSet<string> MonthWords = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the expression's words give the calendar date (digits or a month name) or only a day relative to the report.</summary>
    public static DateMentionKind KindOf(AnalyzedArticle report, TimeExpression time)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(time);
        ReadOnlySpan<char> text = report.Body.AsSpan(time.Span.Start, time.Span.Length);
        if (text.IndexOfAnyInRange('0', '9') >= 0)
        {
            return DateMentionKind.Exact;
        }

        foreach (Range word in text.SplitAny(" ,.-\u00A0"))
        {
            if (MonthWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[word]))
            {
                return DateMentionKind.Exact;
            }
        }

        return DateMentionKind.Relative;
    }

    /// <summary>Whether the expression names one calendar day ("2023-09-12", "2023-09-12TMO"), not a month, a week or a year.</summary>
    public static bool NamesDay(TimeExpression time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.Type is TimeType.Date or TimeType.Time && time.Value.Length >= 10 && time.Value[4] == '-' && time.Value[7] == '-'
            && char.IsDigit(time.Value[8]) && time.Day is not null;
    }
}
