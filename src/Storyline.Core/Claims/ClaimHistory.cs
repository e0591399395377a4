using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Claims;

/// <summary>One report's word on a claim: the day, the status and the sentence.</summary>
/// <param name="Date">The report's publication date.</param>
/// <param name="Status">How sure that report is.</param>
/// <param name="Report">The report.</param>
/// <param name="Claim">The claim as found in it.</param>
public sealed record ClaimReport(DateOnly Date, Certainty Status, ArticleId Report, Claim Claim);

/// <summary>A claim followed across a story's reports: its key and what each report said of it, in date order.</summary>
/// <param name="Key">The claim key ("kim jong un|visit").</param>
/// <param name="Reports">Each claim with that key, by publication date, then in text order.</param>
public sealed record ClaimTrack(string Key, ImmutableArray<ClaimReport> Reports)
{
    /// <summary>The distinct statuses of each day, in the order they were first said that day.</summary>
    public IEnumerable<(DateOnly Date, ImmutableArray<Certainty> Statuses)> ByDay =>
        Reports.GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g => (g.Key, g.Select(r => r.Status).Distinct().ToImmutableArray()));

    /// <summary>
    /// The claim's standing at the end of each day it was spoken of (<see cref="ClaimStatus.Standing(IEnumerable{Certainty})"/>
    /// over that day's statuses), the value what's new reports when a later day moves it.
    /// </summary>
    public IEnumerable<(DateOnly Date, Certainty Standing)> StandingByDay =>
        ByDay.Select(d => (d.Date, ClaimStatus.Standing(d.Statuses)));
}

/// <summary>
/// Gathers a story's claims by key, so that a claim's status over time shows ("still unconfirmed" and "expected" on
/// 2023-09-11, "arrived" — reported — on 2023-09-12). Computed at read time from stored analyses. Stateless.
/// </summary>
public static class ClaimHistory
{
    /// <summary>Claims whose key is said more than once in <paramref name="reports"/>, the most said first.</summary>
    public static ImmutableArray<ClaimTrack> Build(IEnumerable<AnalyzedArticle> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return
        [
            .. reports
                .OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)
                .SelectMany(r => r.Claims.Where(c => c.Key is not null).Select(c => new ClaimReport(r.Article.Published, c.Status, r.Article.Id, c)))
                .GroupBy(c => c.Claim.Key!, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .OrderByDescending(g => g.Select(c => c.Report).Distinct().Count())
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ClaimTrack(g.Key, [.. g])),
        ];
    }
}
