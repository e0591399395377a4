using System.Collections.Frozen;

namespace Storyline.Entities.Tagging;

/// <summary>
/// Name lists the tagger checks tokens against (cities, countries, demonyms, regions), derived at training time from
/// ../shared/data/places and stored inside the model. A phrase is matched as a sequence of lower-cased tokens whose
/// first token is capitalised, so that the town of "Police" does not fire on "police".
/// </summary>
public sealed class GazetteerLists
{
    /// <summary>Most lists a gazetteer can hold.</summary>
    public const int MaxLists = 8;

    /// <summary>Longest phrase matched, in tokens.</summary>
    public const int MaxPhraseTokens = 6;

    private readonly FrozenDictionary<ulong, byte> phrases;

    /// <summary>Makes a gazetteer from named lists of phrases.</summary>
    public GazetteerLists(IReadOnlyList<(string List, IReadOnlyList<string> Phrases)> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (lists.Count > MaxLists)
        {
            throw new ArgumentException($"At most {MaxLists} lists.", nameof(lists));
        }

        Lists = lists;
        var map = new Dictionary<ulong, byte>();
        for (int l = 0; l < lists.Count; l++)
        {
            foreach (string phrase in lists[l].Phrases)
            {
                string[] words = Split(phrase);
                if (words.Length is 0 or > MaxPhraseTokens)
                {
                    continue;
                }

                ulong h = PhraseSeed;
                foreach (string word in words)
                {
                    h = FeatureHash.Mix(h, FeatureHash.Text(word, lower: true));
                }

                map[h] = (byte)(map.GetValueOrDefault(h) | (1 << l));
            }
        }

        phrases = map.ToFrozenDictionary();
    }

    /// <summary>The lists, as given.</summary>
    public IReadOnlyList<(string List, IReadOnlyList<string> Phrases)> Lists { get; }

    /// <summary>Number of lists.</summary>
    public int ListCount => Lists.Count;

    private static ulong PhraseSeed => 0x5A17E77EUL;

    /// <summary>
    /// The words of a phrase as the tagger's tokens would split it: on spaces, with commas and a possessive apart
    /// ("Democratic People 's Republic of Korea").
    /// </summary>
    public static string[] Split(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = new List<string>();
        foreach (string word in phrase.Replace(",", " ,", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Text.Possessive.EndsWith(word))
            {
                words.Add(word[..^2]);
                words.Add(word[^2..]);
            }
            else
            {
                words.Add(word);
            }
        }

        return [.. words];
    }

    /// <summary>
    /// Marks, for each token of a sentence and each list, its part (<see cref="NerLabels.Part"/>) in the longest
    /// phrase of that list that covers it; <paramref name="marks"/> is token-major, <see cref="MaxLists"/> per token.
    /// </summary>
    internal void Mark(ReadOnlySpan<ulong> lowerHashes, ReadOnlySpan<bool> capitalized, Span<byte> marks)
    {
        for (int i = 0; i < lowerHashes.Length; i++)
        {
            if (!capitalized[i])
            {
                continue;
            }

            ulong h = PhraseSeed;
            int longest = Math.Min(MaxPhraseTokens, lowerHashes.Length - i);
            for (int length = 1; length <= longest; length++)
            {
                h = FeatureHash.Mix(h, lowerHashes[i + length - 1]);
                if (!phrases.TryGetValue(h, out byte lists))
                {
                    continue;
                }

                for (int l = 0; l < ListCount; l++)
                {
                    if ((lists & (1 << l)) == 0)
                    {
                        continue;
                    }

                    for (int k = 0; k < length; k++)
                    {
                        NerLabels.Part part = length == 1 ? NerLabels.Part.Unit
                            : k == 0 ? NerLabels.Part.Begin
                            : k == length - 1 ? NerLabels.Part.Last
                            : NerLabels.Part.Inside;
                        // A longer phrase found later overrides a shorter one; an inner part never overrides a
                        // phrase that starts at the token.
                        ref byte mark = ref marks[((i + k) * MaxLists) + l];
                        if (mark == 0 || length > 1)
                        {
                            mark = (byte)part;
                        }
                    }
                }
            }
        }
    }
}
