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
    /// <summary>
    /// Each day the claim was spoken of, in date order: the day's distinct statuses in the order first said, and the
    /// claim's standing that day (<see cref="ClaimStatus.Standing(IEnumerable{Certainty})"/> over them), the value what's
    /// new reports when a later day moves it.
    /// </summary>
    public IEnumerable<ClaimDay> ByDay =>
        Reports.GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g =>
        {
            ImmutableArray<Certainty> statuses = [.. g.Select(r => r.Status).Distinct()];
            return new ClaimDay(g.Key, statuses, ClaimStatus.Standing(statuses));
        });
}

/// <summary>What the reports of one day said of a claim.</summary>
/// <param name="Date">The publication date.</param>
/// <param name="Statuses">The day's distinct statuses, in the order first said.</param>
/// <param name="Standing">The claim's standing that day (<see cref="ClaimStatus.Standing(IEnumerable{Certainty})"/>).</param>
public readonly record struct ClaimDay(DateOnly Date, ImmutableArray<Certainty> Statuses, Certainty Standing);

/// <summary>
/// Gathers a story's claims by key, so that a claim's status over time shows ("still unconfirmed" and "expected" on
/// 2023-09-11, "arrived" — confirmed, on Interfax's word — on 2023-09-12). Computed at read time from stored analyses. Stateless.
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
