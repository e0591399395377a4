using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>An attribution a pattern found, before its speaker is resolved.</summary>
/// <param name="Content">The quoted or reported words.</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Sentence">The sentence it starts in.</param>
/// <param name="Cue">The reporting words.</param>
/// <param name="Source">The source phrase.</param>
/// <param name="CitedBy">Who relays the source ("Russian news agencies" quoted Peskov).</param>
/// <param name="Citing">Whom the source cites ("citing footage from Rossiya-1").</param>
/// <param name="Partial">A quote inside a reported clause.</param>
/// <param name="Continued">A quote that takes the attribution of the one before it.</param>
/// <param name="Act">What it reports of its source.</param>
internal sealed record FoundQuote(
    TextSpan Content,
    QuoteKind Kind,
    int Sentence,
    TextSpan? Cue,
    TextSpan? Source,
    TextSpan? CitedBy = null,
    TextSpan? Citing = null,
    bool Partial = false,
    bool Continued = false,
    QuoteAct Act = QuoteAct.Statement);

/// <summary>A reporting verb found in a sentence, as the indirect patterns read it.</summary>
/// <param name="Sentence">The sentence index.</param>
/// <param name="Token">The verb's token.</param>
/// <param name="First">The sentence's first token.</param>
/// <param name="Last">The sentence's last token, closing punctuation left out.</param>
/// <param name="CueStart">The cue's first token (auxiliaries and adverbs before the verb included).</param>
/// <param name="CueEnd">The cue's last token (the verb).</param>
/// <param name="Lemma">The verb's lemma.</param>
internal readonly record struct CueAt(int Sentence, int Token, int First, int Last, int CueStart, int CueEnd, string Lemma);
