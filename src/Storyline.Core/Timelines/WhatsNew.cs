using System.Collections.Immutable;
using System.Globalization;
using Storyline.Claims;
using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>Where "what's new" starts: after a day, or after a report.</summary>
/// <param name="Date">Reports published after this day are new (what was known at the end of that day is old).</param>
/// <param name="Report">Reports that come after this one in the story (by publication date, then id) are new.</param>
public readonly record struct NewsCutoff(DateOnly? Date, ArticleId? Report)
{
    /// <summary>
    /// Reads <paramref name="text"/> as a day (<c>YYYY-MM-DD</c>) or as a report id or unique id prefix among
    /// <paramref name="reports"/>; false when it is neither (or the prefix is ambiguous).
    /// </summary>
    public static bool TryParse(string text, IEnumerable<AnalyzedArticle> reports, out NewsCutoff cutoff)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reports);
        cutoff = default;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            cutoff = new NewsCutoff(day, null);
            return true;
        }

        string prefix = text.Trim();
        if (prefix.Length == 0)
        {
            return false;
        }

        ArticleId[] matches = [.. reports.Select(r => r.Article.Id).Where(id => id.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Distinct()];
        if (matches.Length != 1)
        {
            return false;
        }

        cutoff = new NewsCutoff(null, matches[0]);
        return true;
    }
}

/// <summary>A claim whose standing changed between the old reports and the new ones.</summary>
/// <param name="Key">The claim key ("kim jong un|visit").</param>
/// <param name="From">Its standing in the latest old report that spoke of it.</param>
/// <param name="To">Its standing in the new reports.</param>
/// <param name="Evidence">The new sentence that settles it.</param>
/// <param name="Report">The report that says it.</param>
/// <param name="Source">Who says it, where named.</param>
public sealed record StatusChange(string Key, Certainty From, Certainty To, string Evidence, ArticleId Report, string? Source);

/// <summary>What the new reports of a story add.</summary>
/// <param name="Cutoff">Where "new" starts.</param>
/// <param name="NewReports">The new reports, in story order.</param>
/// <param name="Facts">
/// The most important sentences of the new reports that no old report said, each about a day on or after the cutoff,
/// the most important first; <see cref="MoreFacts"/> says how many more there are.
/// </param>
/// <param name="Quotes">Quotes of the new reports that no old report had.</param>
/// <param name="StatusChanges">Claims whose standing changed.</param>
public sealed record NewsSince(
    NewsCutoff Cutoff,
    ImmutableArray<ArticleId> NewReports,
    ImmutableArray<TimelineEntry> Facts,
    ImmutableArray<StoryQuote> Quotes,
    ImmutableArray<StatusChange> StatusChanges)
{
    /// <summary>How many further new facts there are beyond <see cref="Facts"/>.</summary>
    public int MoreFacts { get; init; }
}

/// <summary>
/// What changed in a story since a day or a report: new facts (the most important sentences of the new reports that
/// no earlier report said, dated and ranked like timeline entries, each with its certainty and attribution, each about a
/// day on or after the cutoff), new quotes, and claims whose standing moved (unconfirmed → confirmed), by
/// <see cref="ClaimStatus.Standing(IEnumerable{Claim})"/> over the same claim statuses the story and its timeline show.
/// Computed at read time in time linear in the story's sentences; no I/O; stateless.
/// </summary>
public sealed class WhatsNew
{
    /// <summary>How many new facts are given unless the caller asks for another number.</summary>
    public const int DefaultMaxFacts = 8;

    private readonly TimelineSummarizer summarizer = new();

    /// <summary>What the reports after <paramref name="cutoff"/> add to those before it.</summary>
    public NewsSince Since(IReadOnlyList<AnalyzedArticle> reports, NewsCutoff cutoff, IReadOnlySet<ArticleId>? copies = null, int maxFacts = DefaultMaxFacts)
    {
        ArgumentNullException.ThrowIfNull(reports);
        copies ??= new HashSet<ArticleId>();
        AnalyzedArticle[] ordered = [.. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        int firstNew = cutoff.Date is DateOnly day
            ? Array.FindIndex(ordered, r => r.Article.Published > day)
            : Array.FindIndex(ordered, r => r.Article.Id == cutoff.Report) + 1;
        if (firstNew <= 0 && cutoff.Date is null || firstNew < 0 || firstNew >= ordered.Length)
        {
            return new NewsSince(cutoff, [], [], [], []);
        }

        AnalyzedArticle[] old = ordered[..firstNew];
        AnalyzedArticle[] fresh = ordered[firstNew..];
        DateOnly since = cutoff.Date ?? ordered[firstNew - 1].Article.Published;

        // Every sentence of the new reports is a candidate fact, dated and ranked by the timeline's rules, except that
        // what's new weighs events with a time of their own and names not seen before more than centrality, and ranks
        // against all the new sentences rather than each day's (a day with one sentence would put it first).
        var options = TimelineOptions.Story with
        {
            LeadSentences = int.MaxValue,
            EntriesPerDate = int.MaxValue,
            Redundancy = 0.8,
            MinWords = 3,
            MaxWords = 80,
            DayCentrality = 0,
            ExpressionWeight = 1,
            NoveltyWeight = 0.5,
            Copies = copies,
            KnownEntities = old.SelectMany(r => r.Mentions.Select(m => m.Entity)).ToHashSet(),
        };
        var said = new SaidBefore(old, fresh);
        TimelineEntry[] facts =
        [
            .. summarizer.Summarize(fresh, options)
                .Where(d => d.Date >= since)
                .SelectMany(d => d.Entries)
                .Where(e => !said.Contains(e.Text))
                .OrderByDescending(e => e.Importance)
                .ThenBy(e => e.Date),
        ];
        int shown = Math.Min(Math.Max(0, maxFacts), facts.Length);

        var oldQuotes = old.SelectMany(r => r.Quotes.Select(q => TermVector.ContentWords(r.Text(q.Content)))).Select(w => string.Join(' ', w)).ToHashSet(StringComparer.Ordinal);
        ImmutableArray<StoryQuote> quotes =
        [
            .. fresh.SelectMany(r => r.Quotes.Select(q => new StoryQuote(r.Article.Id, r.Article.Published, q, r.Text(q.Content), q.Source is TextSpan s ? r.Text(s) : null)))
                .Where(q => !oldQuotes.Contains(string.Join(' ', TermVector.ContentWords(q.Content)))),
        ];

        return new NewsSince(cutoff, [.. fresh.Select(r => r.Article.Id)], [.. facts.Take(shown)], quotes, StatusChanges(old, fresh))
        {
            MoreFacts = facts.Length - shown,
        };
    }

    private static ImmutableArray<StatusChange> StatusChanges(AnalyzedArticle[] old, AnalyzedArticle[] fresh)
    {
        var changes = new List<StatusChange>();
        var freshByKey = fresh.SelectMany(r => r.Claims.Where(c => c.Key is not null).Select(c => (Report: r, Claim: c))).GroupBy(x => x.Claim.Key!, StringComparer.Ordinal);

        // The claims of each key on the latest day of the old reports that spoke of it, found in one pass over the old
        // reports in date order.
        var lastOldDay = new Dictionary<string, (DateOnly Day, List<Claim> Claims)>(StringComparer.Ordinal);
        foreach (AnalyzedArticle report in old)
        {
            foreach (Claim claim in report.Claims)
            {
                if (claim.Key is null)
                {
                    continue;
                }

                DateOnly day = report.Article.Published;
                if (!lastOldDay.TryGetValue(claim.Key, out var last) || last.Day != day)
                {
                    last = (day, []);
                    lastOldDay[claim.Key] = last;
                }

                last.Claims.Add(claim);
            }
        }

        foreach (var group in freshByKey.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The standing before is that of the latest day of the old reports that spoke of the claim, as the claim's
            // status over time has it (ClaimTrack.ByDay).
            if (!lastOldDay.TryGetValue(group.Key, out var lastOld))
            {
                continue;
            }

            Certainty before = ClaimStatus.Standing(lastOld.Claims);
            Certainty after = ClaimStatus.Standing(group.Select(x => x.Claim));
            if (before == after)
            {
                continue;
            }

            var evidence = group.FirstOrDefault(x => x.Claim.Status == after);
            (AnalyzedArticle report, Claim claim) = evidence.Report is null ? group.First() : evidence;
            changes.Add(new StatusChange(group.Key, before, after, report.Text(claim.Span).Trim(), report.Article.Id, claim.Source is TextSpan s ? report.Text(s) : null));
        }

        return [.. changes];
    }
}
