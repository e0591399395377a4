using Storyline.Domain;

namespace Storyline.Entities.Tagging;

/// <summary>
/// What the tagger reads: a text, its tokens as spans of it, and its sentences as runs of tokens. A document is the
/// unit for document-level features (a word capitalised elsewhere in the same report), so a whole report or a whole
/// CoNLL document is one.
/// </summary>
/// <param name="Text">The characters the token spans point into.</param>
/// <param name="Tokens">The tokens, in order, CoNLL-like ("Russia" and "’s" apart).</param>
/// <param name="Sentences">Each sentence as (index of its first token, number of tokens), in order.</param>
public sealed record TaggingDocument(string Text, TextSpan[] Tokens, (int First, int Count)[] Sentences)
{
    /// <summary>A document of already tokenised sentences (CoNLL), joined with spaces.</summary>
    public static TaggingDocument FromTokens(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var text = new System.Text.StringBuilder();
        var tokens = new List<TextSpan>();
        var runs = new (int, int)[sentences.Count];
        for (int s = 0; s < sentences.Count; s++)
        {
            runs[s] = (tokens.Count, sentences[s].Count);
            foreach (string token in sentences[s])
            {
                tokens.Add(new TextSpan(text.Length, token.Length));
                text.Append(token).Append(' ');
            }

            text.Append('\n');
        }

        return new TaggingDocument(text.ToString(), [.. tokens], runs);
    }
}
