using System.Collections.Frozen;

namespace Storyline.Quotes;

/// <summary>
/// The reporting verbs that introduce an attribution ("said", "told", "according to"), each word form mapped to its
/// lemma, and the small word lists the attribution patterns need. Our own lists, grown by reading errors on PolNeAR train.
/// </summary>
public static class CueLexicon
{
    // lemma: its forms. Speech verbs, reporting verbs and the commonest verbs of stated belief, which PolNeAR counts as
    // attributions too ("Trump believes …").
    private static readonly (string Lemma, string[] Forms)[] Verbs =
    [
        ("say", ["say", "says", "said", "saying"]),
        ("tell", ["tell", "tells", "told", "telling"]),
        ("add", ["add", "adds", "added", "adding"]),
        ("note", ["note", "notes", "noted", "noting"]),
        ("report", ["report", "reports", "reported", "reporting"]),
        ("cite", ["cite", "cites", "cited", "citing"]),
        ("quote", ["quote", "quotes", "quoted", "quoting"]),
        ("claim", ["claim", "claims", "claimed", "claiming"]),
        ("deny", ["deny", "denies", "denied", "denying"]),
        ("confirm", ["confirm", "confirms", "confirmed", "confirming"]),
        ("announce", ["announce", "announces", "announced", "announcing"]),
        ("warn", ["warn", "warns", "warned", "warning"]),
        ("write", ["write", "writes", "wrote", "writing"]),
        ("explain", ["explain", "explains", "explained", "explaining"]),
        ("argue", ["argue", "argues", "argued", "arguing"]),
        ("insist", ["insist", "insists", "insisted", "insisting"]),
        ("state", ["states", "stated"]),
        ("declare", ["declare", "declares", "declared", "declaring"]),
        ("acknowledge", ["acknowledge", "acknowledges", "acknowledged", "acknowledging"]),
        ("admit", ["admit", "admits", "admitted", "admitting"]),
        ("suggest", ["suggest", "suggests", "suggested", "suggesting"]),
        ("believe", ["believe", "believes", "believed"]),
        ("think", ["think", "thinks", "thought"]),
        ("allege", ["allege", "alleges", "alleged"]),
        ("assert", ["assert", "asserts", "asserted"]),
        ("tweet", ["tweet", "tweets", "tweeted", "tweeting"]),
        ("respond", ["respond", "responds", "responded"]),
        ("reply", ["reply", "replies", "replied"]),
        ("ask", ["ask", "asks", "asked"]),
        ("urge", ["urge", "urges", "urged"]),
        ("accuse", ["accuse", "accuses", "accused"]),
        ("complain", ["complain", "complains", "complained"]),
        ("stress", ["stress", "stresses", "stressed"]),
        ("emphasize", ["emphasize", "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised"]),
        ("recall", ["recall", "recalls", "recalled"]),
        ("predict", ["predict", "predicts", "predicted"]),
        ("estimate", ["estimate", "estimates", "estimated"]),
        ("contend", ["contend", "contends", "contended"]),
        ("concede", ["concede", "concedes", "conceded"]),
        ("promise", ["promise", "promises", "promised"]),
        ("vow", ["vow", "vows", "vowed"]),
        ("testify", ["testify", "testifies", "testified"]),
        ("reveal", ["reveal", "reveals", "revealed"]),
        ("show", ["show", "shows", "showed"]),
        ("find", ["find", "finds", "found"]),
        ("conclude", ["conclude", "concludes", "concluded"]),
        ("continue", ["continued"]),
        ("describe", ["describe", "describes", "described"]),
        ("call", ["call", "calls", "called"]),
        ("know", ["know", "knows", "knew"]),
        ("hope", ["hope", "hopes", "hoped"]),
        ("want", ["want", "wants", "wanted"]),
        ("learn", ["learned", "learnt"]),
        ("indicate", ["indicate", "indicates", "indicated"]),
        ("maintain", ["maintain", "maintains", "maintained"]),
        ("agree", ["agree", "agrees", "agreed"]),
        ("remark", ["remark", "remarks", "remarked"]),
        ("joke", ["joke", "jokes", "joked"]),
        ("boast", ["boast", "boasts", "boasted"]),
        ("observe", ["observe", "observes", "observed"]),
        ("feel", ["feel", "feels", "felt"]),
        ("blame", ["blame", "blames", "blamed", "blaming"]),
        ("criticize", ["criticize", "criticizes", "criticized", "criticizing", "criticise", "criticises", "criticised"]),
        ("praise", ["praise", "praises", "praised", "praising"]),
        ("decry", ["decry", "decries", "decried"]),
        ("mock", ["mock", "mocks", "mocked", "mocking"]),
        ("insinuate", ["insinuate", "insinuates", "insinuated"]),
        ("signal", ["signal", "signals", "signaled", "signalled"]),
        ("post", ["posted"]),
        ("question", ["questioned"]),
        ("worry", ["worry", "worries", "worried"]),
        ("fear", ["fear", "fears", "feared"]),
        ("expect", ["expects", "expected"]),
        ("lament", ["lament", "laments", "lamented"]),
        ("quip", ["quip", "quips", "quipped"]),
        ("comment", ["commented"]),
        ("shout", ["shouted"]),
        ("advise", ["advise", "advises", "advised"]),
        ("caution", ["cautioned"]),
        ("reiterate", ["reiterate", "reiterates", "reiterated"]),
        ("retort", ["retorted"]),
        ("counter", ["countered"]),
        ("answer", ["answered"]),
    ];

    private static readonly FrozenDictionary<string, string> FormToLemma = Verbs
        .SelectMany(v => v.Forms.Select(f => (Form: f, v.Lemma)))
        .ToFrozenDictionary(p => p.Form, p => p.Lemma, StringComparer.Ordinal);

    /// <summary>Verbs that take an object before the reported clause: "told reporters that …".</summary>
    public static readonly FrozenSet<string> TakesObject = new[] { "tell", "warn", "ask", "urge", "remind", "assure", "inform" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that report without speaking: weaker cues, accepted only with a clause after them.</summary>
    public static readonly FrozenSet<string> WeakCues = new[]
    {
        "show", "find", "conclude", "continue", "describe", "call", "know", "hope", "want", "feel", "agree", "state",
        "reveal", "indicate", "maintain", "observe", "believe", "think", "quote", "cite", "learn", "estimate", "predict",
        "promise", "vow", "ask", "urge", "accuse", "recall", "add", "blame", "criticize", "praise", "decry", "mock",
        "insinuate", "signal", "post", "question", "worry", "fear", "expect",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Auxiliaries and adverbs that belong to the cue when they stand before it: "has said", "also told".</summary>
    public static readonly FrozenSet<string> CuePrefix = new[]
    {
        "has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "does", "do", "also", "later", "previously",
        "recently", "repeatedly", "again", "then", "once", "first", "earlier", "often", "publicly", "privately", "not",
        "never", "already", "still", "flatly", "neither", "nor",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words at which a source noun phrase, read outward from its cue, stops.</summary>
    public static readonly FrozenSet<string> SourceStops = new[]
    {
        "that", "which", "but", "though", "although", "while", "because", "when", "if", "as", "after", "before", "since",
        "so", "where", "whether", "than", "then", "once", "until", "unless", "yet", "—", "in", "on", "at", "during",
        "adding", "using", "citing", "saying", "noting", "according", "last", "this", "on", "yesterday", "today",
        "tonight", "told", "to", "for", "about", "with", "without", "by", "via", "from", "into", "over", "under", "amid",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may not stand alone as a source: a source made only of them is no source.</summary>
    public static readonly FrozenSet<string> NotSources = new[]
    {
        "it", "there", "this", "these", "those", "what", "which", "that", "who", "whom", "also", "and", "or", "not",
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could", "should", "might", "may",
        "can", "to", "the", "a", "an",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Personal pronouns that refer back to a speaker named earlier.</summary>
    public static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "we", "i", "you" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before a cue word that make it a noun or an adjective: "an expected meeting", "the report", "his call".</summary>
    public static readonly FrozenSet<string> Determiners = new[] { "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "whose" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Cue lemmas whose forms are nouns as often as verbs ("a claim", "the report", "remarks"): after a word that is no
    /// subject of a verb ("the strange remark", "cost estimate") or before another cue ("reports say") they are nouns.
    /// </summary>
    public static readonly FrozenSet<string> NounLike = new[]
    {
        "claim", "report", "estimate", "remark", "call", "reply", "tweet", "post", "show", "question", "promise", "vow",
        "note", "quote", "joke", "boast", "blame", "praise", "fear", "hope", "worry", "want", "stress", "signal", "find",
        "state", "reveal",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of belief, hope, fear, intention and knowledge: their attributions are <see cref="Domain.QuoteAct.Belief"/>.</summary>
    public static readonly FrozenSet<string> BeliefCues = new[] { "believe", "think", "know", "hope", "want", "feel", "worry", "fear", "expect", "learn" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of evidence (a study, survey or footage "found", "showed"): their attributions are <see cref="Domain.QuoteAct.Finding"/>.</summary>
    public static readonly FrozenSet<string> FindingCues = new[] { "find", "show", "reveal", "conclude", "estimate" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that report nothing unless a clause follows them: "added a goal", "posted a profit", "continued the work".</summary>
    public static readonly FrozenSet<string> SpeechOnlyWithClause = new[] { "add", "post", "continue" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that lead a time phrase: "late on Monday", "early Tuesday", "last week".</summary>
    public static readonly FrozenSet<string> TimeLeads = new[] { "on", "late", "early", "last", "this", "by", "," }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Cue lemmas that, after "who", ask for anonymity rather than report: "who asked not to be named".</summary>
    public static readonly FrozenSet<string> AnonymityRequests = new[] { "ask", "request", "decline", "insist" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after which a preposition stays in the source: "people familiar with the matter", "sources close to the talks".</summary>
    public static readonly FrozenSet<string> SourceModifiers = new[] { "familiar", "close", "knowledgeable", "briefed", "involved" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Auxiliaries before a participle that make it a cue: "as saying", "is saying".</summary>
    public static readonly FrozenSet<string> ProgressiveAuxiliaries = new[] { "as", "is", "are", "was", "were", "been", "be" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lemmas that stay cues before "to" ("said to reporters", "told to"); other cues before "to" are not reporting ("want to").</summary>
    public static readonly FrozenSet<string> SpeechBeforeTo = new[] { "say", "tell", "report", "write", "explain", "confirm", "announce", "state", "reply", "respond" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lemmas that are no cue before a particle (<see cref="PhrasalParticles"/>): "called for", "showed up".</summary>
    public static readonly FrozenSet<string> PhrasalVerbs = new[] { "call", "ask", "show", "find", "want", "hope", "feel", "know", "continue" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The particles of <see cref="PhrasalVerbs"/>.</summary>
    public static readonly FrozenSet<string> PhrasalParticles = new[] { "for", "off", "up", "on", "out" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The participles of "quoted X as saying".</summary>
    public static readonly FrozenSet<string> AsSaying = new[] { "saying", "telling", "stating" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The hearers a cue's object may be before the reported clause: "told reporters …".</summary>
    public static readonly FrozenSet<string> Addressees = new[] { "reporters", "him", "her", "them", "us", "me", "journalists" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a phrase only saying when or how something was said ("said on Monday", "said again").</summary>
    public static readonly FrozenSet<string> AdverbialOpeners = new[]
    {
        "on", "in", "at", "last", "this", "yesterday", "today", "tonight", "earlier", "later", "during", "after", "before",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently", "previously", "again", "so",
        "too", "publicly", "privately", "afterward", "afterwards",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Pronouns that, after a comma and before a cue, start an attribution of their own: "…, he said".</summary>
    public static readonly FrozenSet<string> SubjectPronouns = new[] { "he", "she", "they" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a clause of their own: at the end of a source phrase they are dropped ("Calloway, who denied").</summary>
    public static readonly FrozenSet<string> SourceTrailers = new[] { "who", "which", "because" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Coordinating conjunctions: never the first or the last word of a source phrase.</summary>
    public static readonly FrozenSet<string> Coordinators = new[] { "and", "but", "or", "nor" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Forms of "be": before a cue's participle they make it passive ("were reported", "is said").</summary>
    public static readonly FrozenSet<string> BeForms = new[] { "is", "are", "was", "were", "be", "been", "being" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a reported clause, so a source read forward from its cue stops before them.</summary>
    public static readonly FrozenSet<string> ClauseOpeners = new[] { "that", "whether", "if" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words at which a source read forward from its cue stops once it has a word: "said Fyodor, who …", "said X, adding …".</summary>
    public static readonly FrozenSet<string> SourceAfterBreaks = new[] { "who", "which", "adding", "using", "citing", "saying", "noting", "and" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions and time words at which a source read forward from its cue stops ("said in a speech": no source).</summary>
    public static readonly FrozenSet<string> SourceAfterStops = new[]
    {
        "in", "on", "at", "during", "after", "before", "as", "to", "when", "while", "last", "this", "of", "about", "by", "for",
        "with", "from",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prepositions that may stand inside a name between capitalised words ("Bank of America", "Center for Progress").</summary>
    public static readonly FrozenSet<string> NameLinks = new[] { "of", "for", "at", "in", "on" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Plural nouns for groups of people that a place narrows, so that "in" or "at" after one stays in the source:
    /// "Authorities in eastern Libya", "Police at the scene", "Residents in the old town".
    /// </summary>
    public static readonly FrozenSet<string> PlacedGroups = new[]
    {
        "officials", "authorities", "residents", "police", "people", "locals", "workers", "doctors", "rescuers", "troops",
        "forces", "leaders", "lawmakers", "activists", "witnesses", "survivors", "families", "volunteers", "students",
        "analysts", "experts", "diplomats", "investigators", "owners", "farmers", "villagers", "teachers", "staff",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open an appositive or relative clause after a name: "Dmitry Peskov, the Kremlin spokesman, said".</summary>
    public static readonly FrozenSet<string> AppositiveOpeners = new[] { "the", "a", "an", "who", "whose" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Connectives before a sentence's subject: "But he said …".</summary>
    public static readonly FrozenSet<string> SentenceConnectives = new[] { "but", "and", "meanwhile", "still", "then" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Phrases by which a report says a speaker gave only a first name (a member of the public).</summary>
    public static readonly string[] FirstNameRemarks = ["surname", "first name", "last name", "full name"];

    /// <summary>The lemma of a cue word form ("told" → "tell"), or null when the word is not a cue.</summary>
    public static string? Lemma(string lowerWord) => FormToLemma.GetValueOrDefault(lowerWord);
}
