using System.Text.RegularExpressions;

namespace Storyline.Sources.Html;

/// <summary>
/// Short lines that are page furniture rather than report: advertising labels, share and print prompts, sign-up and
/// cookie notices, copyright lines. Matched on the start of a short block, case ignored.
/// </summary>
internal static partial class BoilerplateCues
{
    private static readonly string[] Openings =
    [
        "advertisement", "advertising", "sponsored", "share this", "share on", "share:", "tweet this", "email this",
        "e-mail this", "print this", "printer friendly", "printer-friendly", "email the author", "e-mail the author",
        "email story", "click here", "sign up", "subscribe to", "subscribe now", "log in", "login", "register to",
        "all rights reserved", "copyright", "\u00A9", "(c) ", "related:", "related articles", "related stories",
        "related links", "related content", "read more", "more from", "more stories", "see also:", "comments", "leave a comment",
        "post a comment", "add a comment", "follow us", "we use cookies", "this site uses cookies", "this website uses cookies",
        "accept cookies", "by continuing to use", "back to top", "return to top", "skip to", "next article", "previous article",
        "most popular", "most read", "most viewed", "you may also like", "recommended for you", "trending now",
        "get the latest", "sign in", "download our app", "report abuse", "view comments", "photo:", "image:",
        "photograph:", "enlarge this image", "reprints", "save this", "bookmark", "digg this", "yahoo! buzz",
    ];

    /// <summary>Whether a short block opens like page furniture, or asks the reader to pay before reading on.</summary>
    public static bool IsCueLine(string text)
    {
        ReadOnlySpan<char> line = text.AsSpan().Trim();
        foreach (string opening in Openings)
        {
            if (line.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string prompt in SubscriptionPrompts)
        {
            if (line.Contains(prompt, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Phrases that ask a reader to pay before reading on.</summary>
    public static readonly string[] SubscriptionPrompts =
    [
        "subscribe to continue", "subscribe to read", "subscribers only", "subscriber-only", "for subscribers",
        "to continue reading", "already a subscriber", "become a subscriber", "start your free trial", "sign in to read",
        "this article is for subscribers", "unlock this article", "subscribe now", "register to continue",
        "you have reached your limit", "you've reached your limit", "free articles remaining",
    ];

    /// <summary>Whether a short block opens the readers' comments ("Comments (12)", "Have your say", "Reader's Comments").</summary>
    public static bool OpensComments(string text, int words) => IsCommentsHeading(text, words) || (words <= 40 && IsCommentSignature(text));

    /// <summary>Whether a short block is the heading of the readers' comments ("Comments (12)", "Have your say").</summary>
    public static bool IsCommentsHeading(string text, int words) => words <= 8 && CommentsHeading().IsMatch(text);

    /// <summary>Whether a block is a comment's signature line ("Posted by Ann on January 10, 2008 5:15 PM").</summary>
    public static bool IsCommentSignature(string text) => CommentSignature().IsMatch(text);

    // "Comments", "12 Comments", "Readers' comments"; "responses", "replies" and "reactions" only counted ("3 Responses")
    // or addressed ("Responses to …"): a subheading "Reactions" and code ("response.headers") do not open comments.
    [GeneratedRegex(@"^\W*(?:(?:\d+\s+)?(?:readers?'?s?'?\s+)?comments?\b(?![.(])|\d+\s+(?:responses?|replies|reactions)\b|(?:responses?|replies|reactions)\s+(?:to|so far)\b)|^\W*(?:have your say|leave a (?:comment|reply)|post a comment|add (?:a|your) comment|join the (?:discussion|conversation)|discuss this|what do you think|talk back|your (?:comments|views|say))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsHeading();

    [GeneratedRegex(@"(?:^|\s)(?:posted|submitted|written|comment(?:ed)?)\s+by:?\s+.{1,60}?\s+(?:on|at|\|)\s+.{0,30}\d|report (?:this comment|abuse)|(?:report|flag) offensive|comment no\.\s*\d|^\s*\d+\.\s+at\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentSignature();
}
