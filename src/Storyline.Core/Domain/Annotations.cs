namespace Storyline.Domain;

/// <summary>What kind of token a piece of text is.</summary>
public enum TokenKind
{
    /// <summary>Letters, possibly with inner apostrophes, hyphens or periods ("Jong-un", "U.S.", "don't").</summary>
    Word,

    /// <summary>A number, possibly with separators, decimals or a glued unit ("6,500km", "3.5", "2023-09-12").</summary>
    Number,

    /// <summary>Sentence and clause punctuation.</summary>
    Punctuation,

    /// <summary>A quotation mark, straight or curly.</summary>
    Quote,

    /// <summary>Anything else: currency signs, percent, symbols.</summary>
    Symbol,
}

/// <summary>A token: a span of the body and its kind.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);

/// <summary>A sentence of a report's body.</summary>
/// <param name="Index">Position among the report's sentences, from 0.</param>
/// <param name="Span">Its characters in the body.</param>
/// <param name="FirstToken">Index of its first token in the report's token list.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Paragraph">Index of the paragraph it belongs to, from 0.</param>
public readonly record struct Sentence(int Index, TextSpan Span, int FirstToken, int TokenCount, int Paragraph);

/// <summary>The coarse types of named entities (CoNLL-2003).</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>An organisation: government body, company, outlet, party, agency.</summary>
    Organization,

    /// <summary>A place: city, country, region, landmark.</summary>
    Location,

    /// <summary>Other names: nationalities, events, works.</summary>
    Miscellaneous,
}

/// <summary>A key that identifies one entity across reports ("person:kim jong un").</summary>
public readonly record struct EntityKey(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>One occurrence of a named entity in a report.</summary>
/// <param name="Span">The name's characters in the body.</param>
/// <param name="Type">Its type.</param>
/// <param name="Entity">The entity it refers to, after resolution.</param>
/// <param name="Sentence">Index of the sentence it is in.</param>
/// <param name="Role">A title or role written with it ("Kremlin spokesperson"), where any.</param>
public sealed record Mention(TextSpan Span, EntityType Type, EntityKey Entity, int Sentence, string? Role = null)
{
    /// <summary>
    /// The entities an ambiguous short form may refer to ("Kim" where the report names two Kims), when the resolver
    /// could not choose; empty when the mention is resolved (or was never looked at).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<EntityKey> Candidates { get; init; } = [];

    /// <summary>Whether the resolver left this mention between several candidates.</summary>
    public bool IsAmbiguous => !Candidates.IsDefaultOrEmpty;

    /// <inheritdoc />
    /// <remarks>Candidates are compared by their elements, not by reference.</remarks>
    public bool Equals(Mention? other) =>
        other is not null && Span == other.Span && Type == other.Type && Entity == other.Entity && Sentence == other.Sentence
        && string.Equals(Role, other.Role, StringComparison.Ordinal)
        && (Candidates.IsDefaultOrEmpty ? other.Candidates.IsDefaultOrEmpty : !other.Candidates.IsDefault && Candidates.AsSpan().SequenceEqual(other.Candidates.AsSpan()));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Span, Type, Entity, Sentence, Role, Candidates.IsDefaultOrEmpty ? 0 : Candidates.Length);
}

/// <summary>A person, organisation, place or other named thing, with every name it goes by.</summary>
/// <param name="Key">Its identity.</param>
/// <param name="Type">Its type.</param>
/// <param name="Name">The fullest name seen, for display.</param>
/// <param name="Aliases">Every other form seen.</param>
/// <param name="Roles">Titles and roles seen with it.</param>
/// <param name="Place">Where it is on the map, for a geocoded place or country.</param>
public sealed record Entity(
    EntityKey Key,
    EntityType Type,
    string Name,
    System.Collections.Immutable.ImmutableArray<string> Aliases,
    System.Collections.Immutable.ImmutableArray<string> Roles,
    Place? Place = null);

/// <summary>The TIMEX3 types of time expression.</summary>
public enum TimeType
{
    /// <summary>A calendar date or period ("Monday", "2019", "last week").</summary>
    Date,

    /// <summary>A time of day ("Tuesday morning", "3pm").</summary>
    Time,

    /// <summary>A length of time ("three years").</summary>
    Duration,

    /// <summary>A recurrence ("every week").</summary>
    Set,
}

/// <summary>A time expression in a report, normalised to a TIMEX3 value.</summary>
/// <param name="Span">Its characters in the body.</param>
/// <param name="Type">TIMEX3 type.</param>
/// <param name="Value">TIMEX3 value ("2023-09-11", "2023-09-12TMO", "P3Y", "FUTURE_REF").</param>
/// <param name="Sentence">Index of the sentence it is in.</param>
/// <param name="Anchor">The date it was resolved against: the publication date unless the text gives another.</param>
public sealed record TimeExpression(TextSpan Span, TimeType Type, string Value, int Sentence, DateOnly Anchor)
{
    /// <summary>The first calendar day the value names, where it names one ("2023-09-12TMO" → 2023-09-12).</summary>
    public DateOnly? Day => TimexValue.TryGetDay(Value, out DateOnly day) ? day : null;
}

/// <summary>Whether a quotation is given word for word or in the reporter's words.</summary>
public enum QuoteKind
{
    /// <summary>Inside quotation marks.</summary>
    Direct,

    /// <summary>Reported speech: "The Kremlin said it had nothing to say".</summary>
    Indirect,
}

/// <summary>What kind of source a claim or quote is attributed to.</summary>
public enum SourceKind
{
    /// <summary>Not known.</summary>
    Unknown,

    /// <summary>A named person, with a role where given.</summary>
    NamedPerson,

    /// <summary>A government, ministry or other organisation.</summary>
    Organization,

    /// <summary>A news agency or outlet.</summary>
    NewsOutlet,

    /// <summary>State-run media.</summary>
    StateMedia,

    /// <summary>An unnamed source: "unidentified US officials", "a source who spoke on condition of anonymity".</summary>
    Anonymous,

    /// <summary>A member of the public.</summary>
    Public,

    /// <summary>Analysts and experts.</summary>
    Expert,
}

/// <summary>A quotation and who it is attributed to.</summary>
/// <param name="Content">The words quoted (inside the marks for a direct quote).</param>
/// <param name="Kind">Direct or indirect.</param>
/// <param name="Sentence">Index of the sentence the quote starts in.</param>
/// <param name="Cue">The reporting verb ("said"), where found.</param>
/// <param name="Source">The speaker's words in the text ("Vladivostok resident Fyodor"), where found.</param>
/// <param name="Speaker">The entity the speaker resolves to, where resolved.</param>
/// <param name="SourceKind">What kind of source the speaker is.</param>
/// <param name="CitedBy">Who relays the source's words, where the report names a go-between ("Russian news agencies"
/// quoted Peskov as saying …).</param>
/// <param name="Citing">Whom the source itself cites, where it names one (Interfax … "citing footage from Rossiya-1").</param>
/// <param name="CitingKind">What kind of source <paramref name="Citing"/> is.</param>
/// <param name="Act">What the attribution reports of its source: words it said (a quote), a speech act told without
/// its words, a belief, or a finding. Lists of who said what show statements.</param>
public sealed record Quote(
    TextSpan Content,
    QuoteKind Kind,
    int Sentence,
    TextSpan? Cue = null,
    TextSpan? Source = null,
    EntityKey? Speaker = null,
    SourceKind SourceKind = SourceKind.Unknown,
    TextSpan? CitedBy = null,
    TextSpan? Citing = null,
    SourceKind CitingKind = SourceKind.Unknown,
    QuoteAct Act = QuoteAct.Statement)
{
    /// <summary>Whether this is a quote in the narrow sense: words the source said or wrote, directly or reported.</summary>
    public bool IsStatement => Act == QuoteAct.Statement;
}

/// <summary>What an attribution reports of its source.</summary>
public enum QuoteAct
{
    /// <summary>Words the source said or wrote: a direct quote, or a reported clause ("said the talks failed", "according to X, …").</summary>
    Statement,

    /// <summary>A speech act told without its words: "accused X of …", "urged X to …", "called it a disaster", "denied the report".</summary>
    Description,

    /// <summary>A belief, hope, fear, intention or knowledge: "believes that …", "wants …", "knows he is qualified".</summary>
    Belief,

    /// <summary>What a study, survey, document, footage or data found or showed.</summary>
    Finding,
}

/// <summary>How sure a report is of a claim.</summary>
public enum Certainty
{
    /// <summary>Stated as fact or confirmed.</summary>
    Confirmed,

    /// <summary>Reported by someone, not confirmed by the writer.</summary>
    Reported,

    /// <summary>Expected or planned.</summary>
    Expected,

    /// <summary>Possible: may, could, likely, appears.</summary>
    Speculative,

    /// <summary>Explicitly unconfirmed.</summary>
    Unconfirmed,

    /// <summary>Denied.</summary>
    Denied,
}

/// <summary>A claim a report makes and how sure it is of it.</summary>
/// <param name="Span">The claim's characters (a sentence or a clause).</param>
/// <param name="Sentence">Index of its sentence.</param>
/// <param name="Status">Certainty of the claim.</param>
/// <param name="Source">Who it is attributed to, where anyone.</param>
/// <param name="SourceKind">What kind of source that is.</param>
/// <param name="Key">What the claim is about, so that one claim can be followed across reports: the entities it is about
/// and the event it states ("kim jong un|visit"); null when no entity and event were found.</param>
/// <param name="Cue">The word or words that set <paramref name="Status"/> ("unconfirmed", "expected", "may"), where any.</param>
public sealed record Claim(
    TextSpan Span,
    int Sentence,
    Certainty Status,
    TextSpan? Source = null,
    SourceKind SourceKind = SourceKind.Unknown,
    string? Key = null,
    TextSpan? Cue = null);
