using System.Collections.Frozen;
using Storyline.Domain;

namespace Storyline.Claims;

/// <summary>
/// The words that tell how sure a report is of what it says, by certainty, and the event words that name what a claim
/// is about, each mapped to an event group so that "arrived", "trip" and "departed for" are one claim. Our own lists.
/// </summary>
public static class CertaintyCues
{
    /// <summary>A refusal to confirm or deny: unconfirmed, though it has a word of denial in it (so it is looked for first).</summary>
    public static readonly string[] NeitherConfirmedNorDenied =
    [
        "neither confirmed nor denied", "neither confirm nor deny", "neither confirms nor denies", "not confirmed or denied",
        "not confirm or deny", "declined to confirm or deny", "would not confirm or deny", "refused to confirm or deny",
        "could not confirm or deny",
    ];

    /// <summary>Words and phrases of denial.</summary>
    public static readonly string[] Denied =
    [
        "denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses", "not true", "refuted",
        "refutes", "untrue", "false claims", "fake news",
    ];

    /// <summary>Words and phrases that say a claim is not confirmed.</summary>
    public static readonly string[] Unconfirmed =
    [
        "unconfirmed", "not confirmed", "not been confirmed", "no confirmation", "could not be confirmed",
        "not independently verified", "could not independently verify", "could not verify", "unverified",
        "not be independently verified", "did not confirm", "declined to confirm", "would not confirm", "has not confirmed",
        "have not confirmed",
    ];

    /// <summary>Hedges: the claim is possible, not stated.</summary>
    public static readonly string[] Speculative =
    [
        "may", "might", "could", "possible", "possibly", "likely", "unlikely", "appears", "appear", "appeared",
        "apparently", "reportedly", "seems", "seem", "seemed", "perhaps", "probably", "potential", "potentially",
        "suspected", "believed to", "thought to", "rumoured", "rumored", "speculation", "hint",
    ];

    /// <summary>Plans and expectations ("expected" only after a form of be, so that "an expected meeting" is not one).</summary>
    public static readonly string[] Expected =
    [
        "is expected", "was expected", "are expected", "were expected", "be expected", "been expected", "is due to",
        "was due to", "are due to", "were due to", "is set to", "are set to", "was set to", "plans to", "plan to",
        "planned to", "planning to", "will", "is scheduled", "are scheduled", "was scheduled", "is to", "are to",
        "going to", "intends to", "poised to", "about to", "in coming days", "in the coming days", "next week",
    ];

    /// <summary>Explicit confirmation by the report or its source.</summary>
    public static readonly string[] Confirmed = ["confirmed", "confirms", "confirm", "verified", "officially"];

    // Event words: form → group. Past forms also count as unhedged statements of fact ("arrived").
    private static readonly (string Group, string[] Forms, string[] PastForms)[] Events =
    [
        ("visit", ["visit", "visits", "trip", "journey", "travel", "travels", "arrive", "arrives", "arrival", "depart", "departs", "departure", "come", "comes"], ["visited", "arrived", "departed", "travelled", "traveled", "came", "left for"]),
        ("meet", ["meet", "meets", "meeting", "summit", "talks"], ["met", "held talks"]),
        ("cross", ["cross", "crosses"], ["crossed"]),
        ("attack", ["attack", "attacks", "strike", "strikes", "kill", "kills", "shell", "shells", "bomb", "bombs"], ["attacked", "struck", "killed", "shelled", "bombed"]),
        ("sign", ["sign", "signs", "deal", "agreement"], ["signed"]),
        ("launch", ["launch", "launches", "fire", "fires", "test", "tests"], ["launched", "fired", "tested"]),
        ("supply", ["supply", "supplies", "provide", "provides", "sell", "sells", "deliver", "delivers", "shipments", "arms"], ["supplied", "provided", "sold", "delivered", "shipped"]),
        ("arrest", ["arrest", "arrests", "detain", "detains"], ["arrested", "detained"]),
        ("release", ["release", "releases"], ["released"]),
        ("invade", ["invade", "invades", "invasion"], ["invaded"]),
        ("resign", ["resign", "resigns", "resignation"], ["resigned"]),
        ("win", ["win", "wins", "victory"], ["won"]),
        ("announce", ["announce", "announces"], ["announced"]),
    ];

    private static readonly FrozenDictionary<string, (string Group, bool Past)> EventWords = Events
        .SelectMany(e => e.Forms.Select(f => (f, (e.Group, false))).Concat(e.PastForms.Where(f => !f.Contains(' ', StringComparison.Ordinal)).Select(f => (f, (e.Group, true)))))
        .GroupBy(p => p.f, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Item2, StringComparer.Ordinal);

    /// <summary>The event group of a lower-case word and whether it is a past form, or null when it names no event.</summary>
    public static (string Group, bool Past)? Event(string lowerWord) =>
        EventWords.TryGetValue(lowerWord, out var e) ? e : null;

    /// <summary>The event group of a lower-case word and whether it is a past form, or null when it names no event.</summary>
    public static (string Group, bool Past)? Event(ReadOnlySpan<char> lowerWord) =>
        EventWordsBySpan.TryGetValue(lowerWord, out var e) ? e : null;

    private static readonly FrozenDictionary<string, (string Group, bool Past)>.AlternateLookup<ReadOnlySpan<char>> EventWordsBySpan =
        EventWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cue lists in the order they win when a sentence has several: a denial beats everything but a refusal to confirm or deny.</summary>
    public static IEnumerable<(Certainty Status, string[] Cues)> ByPrecedence =>
    [
        (Certainty.Unconfirmed, NeitherConfirmedNorDenied),
        (Certainty.Denied, Denied),
        (Certainty.Unconfirmed, Unconfirmed),
        (Certainty.Speculative, Speculative),
        (Certainty.Expected, Expected),
        (Certainty.Confirmed, Confirmed),
    ];
}
