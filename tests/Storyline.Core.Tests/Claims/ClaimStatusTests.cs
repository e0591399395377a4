using Storyline.Claims;
using Storyline.Domain;

namespace Storyline.Core.Tests.Claims;

/// <summary><see cref="ClaimStatus"/>: the one computation every view of a claim reads.</summary>
public sealed class ClaimStatusTests
{
    private static Quote Attribution(SourceKind kind, QuoteAct act = QuoteAct.Statement) =>
        new(new TextSpan(0, 1), QuoteKind.Indirect, 0, new TextSpan(1, 1), new TextSpan(2, 1), SourceKind: kind, Act: act);

    // cue status (null: none), attribution's source kind (null: none), act, a past event stated, expected (null: no claim)
    public static TheoryData<Certainty?, SourceKind?, QuoteAct, bool, Certainty?> Sentences => new()
    {
        // A cue decides, whoever says it
        { Certainty.Speculative, SourceKind.NewsOutlet, QuoteAct.Statement, true, Certainty.Speculative },
        { Certainty.Denied, null, QuoteAct.Statement, false, Certainty.Denied },
        // Interfax reports the arrival without hedging: on the record, confirmed (the seed's case; issue 18)
        { null, SourceKind.NewsOutlet, QuoteAct.Statement, true, Certainty.Confirmed },
        { null, SourceKind.NamedPerson, QuoteAct.Statement, false, Certainty.Confirmed },
        // Unnamed sources, the public and experts only report
        { null, SourceKind.Anonymous, QuoteAct.Statement, true, Certainty.Reported },
        { null, SourceKind.Public, QuoteAct.Statement, false, Certainty.Reported },
        { null, SourceKind.Expert, QuoteAct.Statement, false, Certainty.Reported },
        // A belief or a finding on the record is no confirmation
        { null, SourceKind.NamedPerson, QuoteAct.Belief, false, Certainty.Reported },
        { null, SourceKind.Organization, QuoteAct.Finding, false, Certainty.Reported },
        // The writer's own unhedged past-tense statement
        { null, null, QuoteAct.Statement, true, Certainty.Confirmed },
        // Nothing to go on: no claim
        { null, null, QuoteAct.Statement, false, null },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_sentence_gives_its_claim_one_status(Certainty? cue, SourceKind? kind, QuoteAct act, bool pastEvent, Certainty? expected)
    {
        Quote? attribution = kind is SourceKind k ? Attribution(k, act) : null;

        Assert.Equal(expected, ClaimStatus.OfSentence(cue, attribution, pastEvent));
    }

    // the statuses of one claim's sentences, and the standing they give
    public static TheoryData<Certainty[], Certainty> Standings => new()
    {
        // The Reuters seed: possible, unconfirmed, expected, and members of the public awaiting: still unconfirmed
        { [Certainty.Speculative, Certainty.Unconfirmed, Certainty.Expected, Certainty.Reported], Certainty.Unconfirmed },
        // The Independent seed: Interfax on the record: confirmed
        { [Certainty.Confirmed], Certainty.Confirmed },
        // An anonymous source's word stays reported
        { [Certainty.Reported], Certainty.Reported },
        // A denial outweighs everything
        { [Certainty.Confirmed, Certainty.Denied], Certainty.Denied },
        // A confirmation outweighs doubts
        { [Certainty.Speculative, Certainty.Confirmed], Certainty.Confirmed },
        // Of the doubts, the most doubtful
        { [Certainty.Expected, Certainty.Speculative], Certainty.Expected },
    };

    [Theory]
    [MemberData(nameof(Standings))]
    public void Several_statuses_give_one_standing(Certainty[] statuses, Certainty expected)
    {
        Claim[] claims = [.. statuses.Select(s => new Claim(new TextSpan(0, 1), 0, s, Key: "k"))];

        Assert.Equal(expected, ClaimStatus.Standing(claims));
        Assert.Equal(expected, ClaimStatus.Standing(statuses));
    }
}
