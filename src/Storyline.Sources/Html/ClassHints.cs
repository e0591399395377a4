using AngleSharp.Dom;

namespace Storyline.Sources.Html;

/// <summary>
/// What an element's class and id say about it. Names are cut into words at anything that is not a letter or digit
/// ("story-body__inner" → story, body, inner); a word that names a part of the page that is not the article
/// (comments, sharing, related links, sign-up) marks the element as boilerplate, a word that names the article
/// raises its score.
/// </summary>
internal static class ClassHints
{
    // Whole words only: "ad" must not match "head" or "shadow".
    private static readonly HashSet<string> BoilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "banner", "breadcrumb", "breadcrumbs", "comment",
        "comments", "commentlist", "consent", "cookie", "cookies", "disqus", "footer", "gdpr", "masthead", "menu",
        "modal", "nav", "navbar", "navigation", "newsletter", "outbrain", "pagination", "pager", "popular", "popup",
        "promo", "promotion", "recommended", "recommendations", "related", "relatedlinks", "reply", "respond",
        "share", "sharing", "sharebar", "sidebar", "signup", "skip", "social", "sponsor", "sponsored", "subscribe",
        "subscription", "taboola", "tagcloud", "tags", "toolbar", "trending", "widget", "login", "register", "rail",
        "mostread", "mostpopular", "morestories", "readmore", "jump", "print", "email", "tools", "utility", "topics",
        "paywall",
    };

    private static readonly HashSet<string> ArticleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "articlebody", "story", "storybody", "storytext", "content", "entry", "post", "body", "text",
        "main", "blog", "news", "permalink", "hentry", "instapaper",
    };

    /// <summary>Multiplies an element's text score: above 1 for article wrappers, below 1 for boilerplate parts.</summary>
    public static double Weight(IElement element)
    {
        double weight = 1;
        if (element.LocalName is "article" or "main")
        {
            weight *= 1.15;
        }

        foreach (string word in Words(element))
        {
            if (ArticleWords.Contains(word))
            {
                weight = Math.Max(weight, 1.1);
            }
            else if (BoilerplateWords.Contains(word))
            {
                return 0.3;
            }
        }

        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
        {
            weight = 1.3;
        }

        return weight;
    }

    /// <summary>Whether the class or id marks a part that is not the article.</summary>
    public static bool IsBoilerplatePart(IElement element)
    {
        if (string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("role"), "complementary", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string word in Words(element))
        {
            if (BoilerplateWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Words(IElement element)
    {
        foreach (string? value in new[] { element.ClassName, element.Id })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            int start = -1;
            for (int i = 0; i <= value.Length; i++)
            {
                bool letter = i < value.Length && char.IsLetterOrDigit(value[i]);
                if (letter && start < 0)
                {
                    start = i;
                }
                else if (!letter && start >= 0)
                {
                    yield return value[start..i];
                    start = -1;
                }
            }
        }
    }
}
