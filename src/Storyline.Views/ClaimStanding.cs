using System.Collections.Immutable;
using Storyline.Claims;
using Storyline.Domain;

namespace Storyline.Views;

/// <summary>
/// The one place the views take a claim's status from: a claim's own status, its history over a story's reports, and
/// its standing over several reports, all from Core's one computation (<see cref="ClaimStatus"/>). Every view calls
/// these, so the story, its timeline, the claims over time, what's new, the exports and the API show one status.
/// </summary>
public static class ClaimStanding
{
    /// <summary>The status of one claim as its report gives it (<see cref="ClaimStatus.OfSentence"/>, set by the claims stage).</summary>
    public static Certainty Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.Status;
    }

    /// <summary>The standing of a claim over several reports' claims (<see cref="ClaimStatus.Standing(IEnumerable{Claim})"/>).</summary>
    public static Certainty Over(IEnumerable<Claim> claims) => ClaimStatus.Standing(claims);

    /// <summary>The claim keys of the reports, each followed by day.</summary>
    public static ImmutableArray<ClaimTrack> History(IEnumerable<AnalyzedArticle> reports) => ClaimHistory.Build(reports);
}
