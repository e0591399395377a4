using System.Collections.Immutable;
using Storyline.Claims;
using Storyline.Domain;
using Storyline.Timelines;

namespace Storyline.Views;

/// <summary>
/// The one place the views take a claim's status from: a claim's own status, its history over a story's reports, and
/// its standing over several reports. Every view calls these, so a new status rule in Core is taken up by one edit here.
/// </summary>
public static class ClaimStanding
{
    /// <summary>The status of one claim as its report gives it.</summary>
    public static Certainty Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Status;
    }

    /// <summary>The standing of a claim over several reports' claims (Core's rule).</summary>
    public static Certainty Over(IEnumerable<Claim> claims) => WhatsNew.Standing(claims);

    /// <summary>The claim keys of the reports, each followed by day.</summary>
    public static ImmutableArray<ClaimTrack> History(IEnumerable<AnalyzedArticle> reports) => ClaimHistory.Build(reports);
}
