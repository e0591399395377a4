namespace Storyline.Stories;

/// <summary>
/// A story's title as key words: its two most mentioned names and the heaviest headline word that is not part of a
/// name ("Russia · North Korea · leader"). Fixed once the story has three reports.
/// </summary>
internal static class KeywordTitle
{
    /// <summary>The story's title: the fixed one, else one made now (and fixed when the story has three reports).</summary>
    public static string Of(ActiveStory story)
    {
        if (story.Title is string fixedTitle)
        {
            return fixedTitle;
        }

        string made = Make(story);
        if (story.ReportCount >= 3)
        {
            story.Title = made;
        }

        return made;
    }

    // Key entities (most mentioned, then key) and a key word of the headlines (most frequent × idf), not part of a name.
    private static string Make(ActiveStory story)
    {
        StoryVocabulary vocabulary = story.Vocabulary;
        var names = story.EntityMentions.OrderByDescending(e => e.Value).ThenBy(e => vocabulary[e.Key], StringComparer.Ordinal)
            .Select(e => story.EntityNames.TryGetValue(e.Key, out var known) ? known.Name : null).OfType<string>().Distinct(StringComparer.Ordinal).Take(2).ToList();

        // The key word says what happened, so words of any name in the story ("korean" of "North Korean") are left to the names.
        var nameWords = new HashSet<string>(
            story.EntityNames.Values.SelectMany(n => n.Name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.ToLowerInvariant()),
            StringComparer.Ordinal);
        bool Named(string word) => nameWords.Contains(word) || names.Any(n => n.Contains(word, StringComparison.OrdinalIgnoreCase));
        string? word = KeyWord(story.HeadWords, vocabulary, Named) ?? KeyWord(story.Words, vocabulary, Named);
        if (word is not null)
        {
            names.Add(word);
        }

        return names.Count == 0 ? $"Story {story.Id}" : string.Join(" · ", names);
    }

    // The heaviest term (sum × idf, then by term) that is not part of a name: the first of that order, found in one pass.
    private static string? KeyWord(IReadOnlyDictionary<int, long> sums, StoryVocabulary vocabulary, Func<string, bool> named)
    {
        string? best = null;
        double bestWeight = 0;
        foreach ((int term, long sum) in sums)
        {
            string word = vocabulary[term];
            if (named(word))
            {
                continue;
            }

            double weight = sum * vocabulary.Idf(term);
            if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(word, best) < 0))
            {
                best = word;
                bestWeight = weight;
            }
        }

        return best;
    }
}
