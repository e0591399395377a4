using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Relational;

/// <summary>A story's row: its title, first and last report dates (as stored text) and report count.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="First">Its first report's date.</param>
/// <param name="Last">Its last report's date.</param>
/// <param name="Count">Its reports, near-copies not counted.</param>
public sealed record StoryRow(long Id, string Title, string First, string Last, long Count);

/// <summary>A merge a report of the batch made: the story merged away, the story it joined, and where its reports end up.</summary>
/// <param name="From">The story merged away.</param>
/// <param name="Into">The story it was merged into at that report.</param>
/// <param name="Final">The story its reports and its own merged stories end in after the whole batch (Into, or where Into was merged later in the batch).</param>
/// <param name="AtReport">The report that showed the two were one.</param>
/// <param name="Day">That report's date.</param>
public sealed record MergeRow(long From, long Into, long Final, string AtReport, string Day);

/// <summary>A report's row of <c>story_reports</c> (its arrival order is the one its article row gets).</summary>
/// <param name="Article">The report's id.</param>
/// <param name="Story">The story it is in once the batch is stored (merges later in the batch followed).</param>
/// <param name="Similarity">How well it fitted.</param>
/// <param name="CopyOf">The report it is a near-copy of, or null.</param>
public sealed record StoryReportRow(string Article, long Story, double Similarity, string? CopyOf);

/// <summary>
/// What a batch does to the stories, computed once from the stories it touches as the archive holds them: each touched
/// story's row after the batch (to insert where the batch starts it, to update otherwise), the merges in order, and each
/// new report's story row. The same as applying each report's assignment in turn: a merge adds the merged story's count
/// and dates to the story it joins, and marks it merged (with the stories merged into it); a report adds itself (a near-copy
/// counts nothing) and sets the story's title. A story the batch starts must not be in the archive: another writer would
/// have given out its number, and the batch is refused instead of fusing two stories.
/// </summary>
public sealed class StoryChanges
{
    private StoryChanges(IReadOnlyList<StoryRow> created, IReadOnlyList<StoryRow> updated, IReadOnlyList<MergeRow> merges, IReadOnlyList<StoryReportRow> reports)
    {
        Created = created;
        Updated = updated;
        Merges = merges;
        Reports = reports;
    }

    /// <summary>Stories the archive did not hold, as the batch leaves them (to insert).</summary>
    public IReadOnlyList<StoryRow> Created { get; }

    /// <summary>Stories the archive held, as the batch leaves them (their title, dates and count to update).</summary>
    public IReadOnlyList<StoryRow> Updated { get; }

    /// <summary>The merges, in batch order.</summary>
    public IReadOnlyList<MergeRow> Merges { get; }

    /// <summary>The new reports' <c>story_reports</c> rows, in batch order.</summary>
    public IReadOnlyList<StoryReportRow> Reports { get; }

    /// <summary>The stories the assignments of <paramref name="reports"/> touch (joined, started or merged), to load first.</summary>
    public static IReadOnlyList<long> Touched(IReadOnlyList<NewReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var ids = new SortedSet<long>();
        foreach (NewReport report in reports)
        {
            ids.Add(report.Assignment.Story.Value);
            if (report.Assignment.Merged is StoryId merged)
            {
                ids.Add(merged.Value);
            }
        }

        return [.. ids];
    }

    /// <summary>
    /// Applies the assignments of <paramref name="reports"/>, in order, to <paramref name="current"/> (the touched stories the
    /// archive holds, by number). <paramref name="archive"/> names the archive in errors.
    /// </summary>
    /// <exception cref="StoreException">A report starts a story the archive holds, or merges one it does not.</exception>
    public static StoryChanges Apply(IReadOnlyList<NewReport> reports, IReadOnlyDictionary<long, StoryRow> current, string archive)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(current);
        var state = new Dictionary<long, StoryRow>(current);
        var created = new SortedSet<long>();
        var merges = new List<(long From, long Into, string At, string Day, int Index)>();
        for (int i = 0; i < reports.Count; i++)
        {
            StoryAssignment assignment = reports[i].Assignment;
            long story = assignment.Story.Value;
            string day = reports[i].Day;
            if (assignment.Merged is StoryId merged)
            {
                // The merged-away story's count and dates join the story it became part of; its row stays.
                if (!state.TryGetValue(merged.Value, out StoryRow? from) || !state.TryGetValue(story, out StoryRow? into))
                {
                    throw new StoreException($"{archive}: report {assignment.Report} merges story {merged.Value} into story {story}, and the archive holds no such story; nothing of this batch was stored");
                }

                state[story] = into with { Count = into.Count + from.Count, First = Min(into.First, from.First), Last = Max(into.Last, from.Last) };
                merges.Add((merged.Value, story, reports[i].Report.Article.Id.Value, day, i));
            }

            int count = assignment.CopyOf is null ? 1 : 0;
            if (assignment.IsNewStory && (current.ContainsKey(story) || created.Contains(story)))
            {
                throw new StoreException($"{archive}: story {story} already exists: another writer numbered stories at the same time; nothing of this batch was stored");
            }

            if (state.TryGetValue(story, out StoryRow? row))
            {
                state[story] = row with { Title = assignment.StoryTitle, Count = row.Count + count, First = Min(row.First, day), Last = Max(row.Last, day) };
            }
            else
            {
                state[story] = new StoryRow(story, assignment.StoryTitle, day, day, count);
                created.Add(story);
            }
        }

        // Where each story's reports end up: merged stories followed to the last merge of the batch after the point.
        long FinalAfter(long story, int index)
        {
            foreach ((long from, long into, _, _, int at) in merges)
            {
                if (at > index && from == story)
                {
                    story = into;
                }
            }

            return story;
        }

        List<MergeRow> mergeRows = [.. merges.Select(m => new MergeRow(m.From, m.Into, FinalAfter(m.Into, m.Index), m.At, m.Day))];
        List<StoryReportRow> reportRows = [.. reports.Select((r, i) => new StoryReportRow(
            r.Report.Article.Id.Value, FinalAfter(r.Assignment.Story.Value, i), r.Assignment.Similarity, r.Assignment.CopyOf?.Value))];
        return new StoryChanges(
            [.. created.Select(id => state[id])],
            [.. state.Keys.Where(id => !created.Contains(id) && current.ContainsKey(id)).Order().Select(id => state[id])],
            mergeRows,
            reportRows);
    }

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;
}
