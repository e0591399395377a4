using Storyline.Domain;

namespace Storyline.Claims;

/// <summary>
/// The one computation of how sure the reports are of a claim, used wherever a status is shown: the claims stage
/// gives each claim its status here (<see cref="OfSentence"/>), and the story, its timeline, its claims over time, what's
/// new, the export and the web API all read those values, combined over several reports by
/// <see cref="Standing(IEnumerable{Claim})"/>.
/// So a claim never shows two standings on one page.
/// </summary>
public static class ClaimStatus
{
    // The order in which several reports' doubts win when none denies or confirms: the most doubtful first.
    private static readonly Certainty[] Doubts = [Certainty.Unconfirmed, Certainty.Expected, Certainty.Speculative];

    /// <summary>
    /// The status a sentence gives its claim, or null when it makes none: a certainty cue decides first (denied,
    /// unconfirmed, speculative, expected, or an explicit confirmation); else a statement by an on-record source (a named
    /// person, an organisation, an outlet, state media) is <see cref="Certainty.Confirmed"/> — it is on the record —
    /// and any other attribution (an unnamed source, the public, experts; a belief or a finding) is
    /// <see cref="Certainty.Reported"/>; else an unhedged past-tense event stated by the writer is confirmed.
    /// </summary>
    /// <param name="cue">The status the sentence's certainty cue sets, where it has one.</param>
    /// <param name="attribution">The attribution the sentence makes, where any.</param>
    /// <param name="statesPastEvent">Whether the sentence states a past event ("arrived") in the writer's words.</param>
    public static Certainty? OfSentence(Certainty? cue, Quote? attribution, bool statesPastEvent)
    {
        if (cue is Certainty explicitStatus)
        {
            return explicitStatus;
        }

        if (attribution is not null)
        {
            return attribution.IsStatement && IsOnRecord(attribution.SourceKind) ? Certainty.Confirmed : Certainty.Reported;
        }

        return statesPastEvent ? Certainty.Confirmed : null;
    }

    /// <summary>Whether a source speaks on the record: a named person, an organisation, a news outlet or state media.</summary>
    public static bool IsOnRecord(SourceKind kind) =>
        kind is SourceKind.NamedPerson or SourceKind.Organization or SourceKind.NewsOutlet or SourceKind.StateMedia;

    /// <summary>
    /// A claim's standing over several of its claims (one report's, one day's, or the reports after a date): denied
    /// if one denies it; confirmed if one confirms it; else the most doubtful status said (unconfirmed, then expected,
    /// then speculative); else reported.
    /// </summary>
    public static Certainty Standing(IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return Standing(claims.Select(c => c.Status));
    }

    /// <summary>The standing of several statuses of one claim (see <see cref="Standing(IEnumerable{Claim})"/>).</summary>
    public static Certainty Standing(IEnumerable<Certainty> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var all = statuses.ToHashSet();
        if (all.Contains(Certainty.Denied))
        {
            return Certainty.Denied;
        }

        if (all.Contains(Certainty.Confirmed))
        {
            return Certainty.Confirmed;
        }

        foreach (Certainty doubt in Doubts)
        {
            if (all.Contains(doubt))
            {
                return doubt;
            }
        }

        return Certainty.Reported;
    }
}
