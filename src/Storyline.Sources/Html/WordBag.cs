namespace Storyline.Sources.Html;

/// <summary>
/// The words of a text as a bag: lower-cased runs of letters and digits with their counts. How extraction compares
/// two texts (a body with the page's JSON-LD <c>articleBody</c>; a body with the gold text, in <c>eval extract</c>).
/// </summary>
public static class WordBag
{
    /// <summary>The lower-cased word tokens of <paramref name="text"/> with their counts.</summary>
    public static Dictionary<string, int> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                string word = text[start..i].ToLowerInvariant();
                bag[word] = bag.GetValueOrDefault(word) + 1;
                start = -1;
            }
        }

        return bag;
    }
}
