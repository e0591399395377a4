using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Storyline.Text;

/// <summary>How a cue phrase found inside a paragraph behaves.</summary>
internal enum CueKind
{
    /// <summary>
    /// Complete in itself ("SIGN UP", "Copy link"): the piece ends with the cue when the next word starts a new
    /// sentence, and a piece that is only the cue is boilerplate.
    /// </summary>
    Closed,

    /// <summary>
    /// Opens a prompt that runs on ("Sign up to our ... emails"): the piece is boilerplate when what follows the cue
    /// is made of prompt vocabulary.
    /// </summary>
    Open,

    /// <summary>
    /// Introduces a link to another article ("Read more: ...") or a video ("WATCH: ..."): the headline that follows may
    /// look like story text, so reporting verbs do not save it, but it must be short and open like a headline (a
    /// capital, a digit, a quote, a bar) or end with a colon ("Watch highlights of the game:").
    /// </summary>
    Link,

    /// <summary>Opens a photo caption ("Open this photo in gallery ..."): the rest of the paragraph is the caption.</summary>
    Caption,
}

/// <summary>Which letter cases a cue matches in.</summary>
internal enum CueCase
{
    /// <summary>Any case: "sign up" and "SIGN UP".</summary>
    Any,

    /// <summary>The first letter must be a capital, so that running text ("to subscribe to") is left alone.</summary>
    Capitalised,

    /// <summary>All capitals only ("ADVERTISEMENT"), because the ordinary word is common in news.</summary>
    Upper,
}

/// <summary>A cue phrase looked for inside paragraphs.</summary>
/// <param name="Words">Its words, matched whole and case-insensitively.</param>
/// <param name="Kind">How the piece it starts is judged.</param>
/// <param name="Case">Which letter cases it matches in.</param>
/// <param name="Colon">Whether a colon must follow the last word ("Related:").</param>
internal sealed record Cue(ImmutableArray<string> Words, CueKind Kind, CueCase Case, bool Colon);

/// <summary>
/// The vocabulary of web boilerplate: sign-up prompts, privacy and cookie notices, share bars, advertising markers,
/// links to other articles, photo credits. Read-only, shared by every <see cref="BoilerplateCleaner"/>.
/// </summary>
internal static class BoilerplateCues
{
    /// <summary>Phrases that start (or are) a boilerplate piece wherever they occur in a paragraph.</summary>
    public static readonly ImmutableArray<Cue> Scanned =
    [
        // Newsletter and account prompts.
        Open("sign up"),
        Open("signup"),
        Open("please enter"),
        Open("enter your email"),
        Open("i would like to be emailed"),
        Open("i would like to receive"),
        Open("thanks for signing up"),
        Open("thank you for signing up"),
        Open("thanks for subscribing"),
        Open("by signing up"),
        Open("by clicking"),
        Open("you can unsubscribe"),
        Open("already a subscriber"),
        Open("already have an account"),
        Open("subscribe", CueCase.Capitalised),
        Open("get our", CueCase.Capitalised),

        // Privacy and cookie notices.
        Open("read our privacy"),
        Open("view our privacy"),
        Open("see our privacy"),
        Open("we use cookies"),
        Open("this site uses cookies"),
        Open("this website uses cookies"),
        Closed("accept all cookies"),
        Closed("accept cookies"),
        Closed("manage cookies"),
        Closed("cookie settings"),
        Closed("cookie preferences"),

        // Share bars.
        Open("share this article"),
        Open("share this story"),
        Open("share on", CueCase.Capitalised),
        Open("share via", CueCase.Capitalised),
        Closed("copy link"),
        Closed("link copied"),

        // Advertising and page furniture.
        Closed("advertisement", CueCase.Upper),
        Closed("skip advertisement"),
        Closed("story continues below"),
        Closed("story continued below"),
        Closed("article continues below"),
        Closed("article continued below"),
        Caption("open this photo in gallery"),
        Closed("continue reading below"),
        Closed("scroll to continue"),

        // Navigation and calls to action.
        Open("click here"),
        Open("follow us on"),
        Open("download our app"),
        Open("download the app"),
        Open("listen to this article"),
        Link("related", colon: true),
        Link("read more", colon: true),
        Link("see also", colon: true),
        Link("more on this story", colon: true),
        Link("watch below", colon: true),
        Link("watch", colon: true),
        Link("watch"),
    ];

    /// <summary>The scanned cues grouped by their first word, so that each word of a paragraph is one lookup.</summary>
    public static readonly FrozenDictionary<string, ImmutableArray<Cue>> ScannedByFirstWord = Scanned
        .GroupBy(cue => cue.Words[0], StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(group => group.Key, group => group.ToImmutableArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Pieces that are boilerplate when they are all there is (ignoring case and surrounding punctuation), but that
    /// are too ordinary to look for inside running text ("Share", "Comments").
    /// </summary>
    public static readonly FrozenSet<string> Standalone = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "advertisement", "advert", "sponsored", "sponsored content", "ad", "promoted",
        "share", "share this", "share article", "share story", "shares", "tweet", "email", "print", "copy link",
        "facebook", "twitter", "whatsapp", "linkedin", "reddit", "telegram", "pinterest",
        "comments", "show comments", "view comments", "leave a comment", "join the conversation",
        "sign up", "sign in", "log in", "register", "subscribe", "subscribe now", "unsubscribe",
        "most read", "most popular", "trending", "recommended", "top stories", "more stories", "continue reading",
        "privacy policy", "privacy notice", "terms of service", "terms and conditions", "cookie policy",
        "reject all", "accept all", "manage preferences");

    /// <summary>
    /// Words prompts are made of. What follows an open cue is boilerplate only when nearly all its words are here;
    /// a piece that starts like a prompt but goes on about something else is kept.
    /// </summary>
    public static readonly FrozenSet<string> Vocabulary = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        // Function words prompts use.
        "a", "an", "the", "to", "for", "and", "or", "of", "from", "about", "with", "in", "on", "by", "at", "via",
        "up", "into", "all", "any", "every", "more", "most", "our", "your", "you", "you're", "we", "we'll", "us",
        "i", "my", "me", "it", "be", "is", "are", "can", "will", "would", "like", "may", "this", "that", "here",
        "now", "today", "time", "anytime", "below", "above",
        // Prompt nouns and verbs.
        "sign", "signing", "signed", "signup", "subscribe", "subscribed", "subscribing", "subscriber",
        "subscribers", "subscription", "unsubscribe", "register", "registering", "log", "login", "account",
        "email", "emails", "emailed", "e-mail", "address", "valid", "enter", "please", "thanks", "thank",
        "newsletter", "newsletters", "inbox", "alert", "alerts", "notifications", "updates", "offers", "events",
        "news", "breaking", "latest", "top", "best", "biggest", "stories", "headlines", "briefing", "digest",
        "free", "exclusive", "daily", "weekly", "morning", "evening", "edition", "real", "real-time", "straight",
        "sent", "send", "delivered", "get", "receive", "read", "reading", "continue", "continues", "click", "tap",
        "follow", "share", "copy", "link", "download", "app", "listen", "article", "story", "page", "site",
        "website", "privacy", "notice", "policy", "cookies", "cookie", "terms", "conditions", "consent",
        "preferences", "settings", "accept", "manage", "partners", "personalised", "personalized", "ads",
        "advertising", "advertisement", "content", "products", "services", "selected", "special", "day", "week",
        "month", "year", "trial", "offer",
        // Share targets.
        "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "telegram", "instagram", "youtube",
        "tiktok", "pinterest", "messenger", "bluesky", "threads");

    /// <summary>Words that mark a prompt even without a cue phrase: two of them, addressed to the reader.</summary>
    public static readonly FrozenSet<string> Strong = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "inbox", "newsletter", "newsletters", "email", "emails", "alerts", "subscribe", "subscription",
        "unsubscribe", "privacy", "cookies", "signup", "notifications");

    /// <summary>Words that address the reader or speak for the outlet, as prompts do and story text rarely does.</summary>
    public static readonly FrozenSet<string> Addressee = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "you", "your", "you're", "our", "us", "we", "we'll");

    /// <summary>Reporting verbs: a piece with one of them is story text (except a linked headline).</summary>
    public static readonly FrozenSet<string> ReportingVerbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "said", "says", "told", "tells", "reported", "reports", "announced", "added", "stated", "claimed",
        "denied", "confirmed", "urged", "warned", "explained", "according", "insisted", "wrote", "asked", "noted",
        "argued", "acknowledged", "admitted", "estimated", "quoted", "cited", "citing", "alleged", "testified");

    /// <summary>
    /// Words that, capitalised right after a prompt word, show a new (story) sentence glued on without
    /// punctuation: "Sign up to our newsletter The minister resigned".
    /// </summary>
    public static readonly FrozenSet<string> SentenceOpeners = FrozenSet.Create(
        StringComparer.Ordinal,
        "The", "A", "An", "He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "These", "Those",
        "There", "In", "On", "At", "After", "Before", "When", "While", "But", "Officials", "Police", "Mr", "Mrs",
        "Ms", "Dr", "President");

    /// <summary>Words after which a capitalised word continues a name or title rather than opening a sentence.</summary>
    public static readonly FrozenSet<string> Connectives = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "to", "for", "and", "or", "of", "from", "about", "with", "in", "on", "by", "at", "via",
        "our", "your", "their", "his", "her", "its", "my");

    /// <summary>Words in a parenthesis that make it a photo credit: "(Getty Images)", "(AFP via Getty Images)".</summary>
    public static readonly FrozenSet<string> CreditWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "getty", "images", "image", "photo", "photos", "photograph", "pictures", "picture", "shutterstock",
        "alamy", "credit", "illustration");

    private static Cue Open(string phrase, CueCase letterCase = CueCase.Any) => Make(phrase, CueKind.Open, letterCase, false);

    private static Cue Closed(string phrase, CueCase letterCase = CueCase.Any) => Make(phrase, CueKind.Closed, letterCase, false);

    private static Cue Caption(string phrase) => Make(phrase, CueKind.Caption, CueCase.Any, false);

    private static Cue Link(string phrase, CueCase letterCase = CueCase.Capitalised, bool colon = false) =>
        Make(phrase, CueKind.Link, letterCase, colon);

    private static Cue Make(string phrase, CueKind kind, CueCase letterCase, bool colon) =>
        new([.. phrase.Split(' ')], kind, letterCase, colon);
}
