using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Entities.Resolution;

/// <summary>A role found next to a name.</summary>
/// <param name="Text">The role as written ("Kremlin spokesperson", "chair of North Korea’s space … committee").</param>
/// <param name="Kind">Whether its head describes a person or an organisation.</param>
public readonly record struct FoundRole(string Text, RoleKind Kind);

/// <summary>
/// Finds the title or role written with a name: before it in the same noun phrase,
/// <c>[modifier: capitalised word, organisation, country or its possessive]* [role word]+ NAME</c>
/// ("White House National Security Council spokesperson Adrienne Watson"), or after it as an apposition,
/// <c>NAME, [a|an|the] role phrase,</c> ("Pak Thae Song, chair of North Korea’s space science and technology
/// committee"). The role is never part of the name's span. Stateless.
/// </summary>
internal static class RoleFinder
{
    // A role after a name runs to the next comma or clause word, and not far.
    private const int MaxAppositionTokens = 14;

    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal) { "who", "which", "that", "whose", "but", "said", "says", "say", "told", "according" };

    /// <summary>The honorific just before the token at <paramref name="first"/> ("Mr" of "Mr Kim"), if any.</summary>
    public static bool HasHonorificBefore(string body, ImmutableArray<Token> tokens, int sentenceStart, int first) =>
        first - 1 >= sentenceStart && tokens[first - 1].Kind == TokenKind.Word && RoleLexicon.IsHonorific(tokens[first - 1].Span.Slice(body));

    /// <summary>The role written before the name whose first token is <paramref name="first"/>.</summary>
    public static FoundRole? Before(string body, ImmutableArray<Token> tokens, int sentenceStart, int first)
    {
        int t = first - 1;
        if (t >= sentenceStart && tokens[t].Kind == TokenKind.Word && RoleLexicon.IsHonorific(tokens[t].Span.Slice(body)))
        {
            // "Mr Kim": a courtesy title, not a role; "President Mr X" does not occur.
            return null;
        }

        int roleStart = -1;
        RoleKind head = RoleKind.None;
        while (t >= sentenceStart && tokens[t].Kind == TokenKind.Word)
        {
            RoleKind kind = RoleLexicon.Classify(tokens[t].Span.Slice(body));
            if (kind == RoleKind.None)
            {
                break;
            }

            // The word nearest the name is the head ("foreign minister"), unless only modifiers follow a head.
            if (head == RoleKind.None && kind is RoleKind.PersonHead or RoleKind.OrganizationHead)
            {
                head = kind;
            }

            roleStart = t;
            t--;
        }

        if (roleStart < 0 || head == RoleKind.None)
        {
            return null;
        }

        // Modifiers: capitalised words (an organisation, a country, "Japan’s"), not sentence openers such as "The".
        while (t >= sentenceStart && tokens[t].Kind == TokenKind.Word && IsNameWord(body, tokens[t]))
        {
            roleStart = t;
            t--;
        }

        int end = tokens[first - 1].Span.End;
        return new FoundRole(body[tokens[roleStart].Span.Start..end], head);
    }

    /// <summary>The role written after the name whose last token is <paramref name="last"/>, as an apposition.</summary>
    public static FoundRole? After(string body, ImmutableArray<Token> tokens, int sentenceEnd, int last)
    {
        int t = last + 1;
        if (t >= sentenceEnd || !IsComma(body, tokens[t]))
        {
            return null;
        }

        t++;
        if (t < sentenceEnd && tokens[t].Kind == TokenKind.Word && tokens[t].Span.Slice(body) is "a" or "an" or "the")
        {
            t++;
        }

        int start = t;
        RoleKind head = RoleKind.None;
        int end = -1;
        for (; t < sentenceEnd && t - start < MaxAppositionTokens; t++)
        {
            Token token = tokens[t];
            if (token.Kind != TokenKind.Word || ClauseWords.Contains(token.Span.Slice(body).ToString()))
            {
                break;
            }

            // The phrase opens in lower case ("chair of …", "a ruling party official"), never with a name.
            if (t == start && char.IsUpper(body[token.Span.Start]) && RoleLexicon.Classify(token.Span.Slice(body)) == RoleKind.None)
            {
                return null;
            }

            // A person's office ("chair of …") or what an organisation is ("a local news website").
            RoleKind kind = RoleLexicon.Classify(token.Span.Slice(body));
            if (head == RoleKind.None && kind is RoleKind.PersonHead or RoleKind.OrganizationHead && t - start < 5)
            {
                head = kind;
            }

            end = token.Span.End;
        }

        bool closed = t >= sentenceEnd || IsComma(body, tokens[t]) || tokens[t].Kind is TokenKind.Punctuation or TokenKind.Word;
        return head == RoleKind.None || end < 0 || !closed ? null : new FoundRole(body[tokens[start].Span.Start..end], head);
    }

    private static bool IsComma(string body, Token token) => token.Kind == TokenKind.Punctuation && body[token.Span.Start] == ',';

    private static bool IsNameWord(string body, Token token)
    {
        ReadOnlySpan<char> word = token.Span.Slice(body);
        return char.IsUpper(word[0]) && !Text.Stopwords.Contains(NameKey.StripPossessive(word).ToString().ToLowerInvariant())
            && !RoleLexicon.IsHonorific(word);
    }
}
