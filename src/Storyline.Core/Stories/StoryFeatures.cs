using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>A term of a report's vector and how often it occurs. Entity terms are "@" + the entity key.</summary>
public readonly record struct TermCount(string Term, int Count);

/// <summary>What the story clusterer knows of one report: its date, its terms and its entities' display names.</summary>
/// <param name="Id">The report.</param>
/// <param name="Published">Its publication date.</param>
/// <param name="Terms">Content-word and entity terms with counts, sorted by term.</param>
/// <param name="EntityNames">Display name of each entity term, for story titles.</param>
public sealed record StoryFeatures(ArticleId Id, DateOnly Published, ImmutableArray<TermCount> Terms, ImmutableDictionary<string, string> EntityNames)
{
    /// <summary>Prefix of entity terms.</summary>
    public const string EntityPrefix = "@";

    /// <summary>
    /// Content words of the headline (or, where there is none, of the first sentence): distinct, sorted. Empty for
    /// features made before headlines were kept.
    /// </summary>
    public ImmutableArray<string> HeadTerms { get; init; } = [];

    /// <summary>The entity terms (of <see cref="Terms"/>) that name places, sorted; the others are people, organisations and other names.</summary>
    public ImmutableArray<string> PlaceTerms { get; init; } = [];

    /// <summary>MinHash signature of the body's word shingles (see <see cref="MinHash"/>); empty for very short bodies.</summary>
    public ImmutableArray<uint> Signature { get; init; } = [];

    /// <summary>
    /// The features of an analysed report: lower-cased content words (no stopwords, numbers or one-letter words;
    /// possessive "'s" removed; headline words count twice) and one "@key" term per entity mention.
    /// </summary>
    public static StoryFeatures From(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var shingleWords = new List<string>(article.Tokens.Length);
        string body = article.Body;
        foreach (Token token in article.Tokens)
        {
            if (token.Kind == TokenKind.Word)
            {
                AddWord(counts, token.Span.Slice(body), 1);
            }

            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                shingleWords.Add(token.Span.Slice(body).ToString().ToLowerInvariant());
            }
        }

        var head = new Dictionary<string, int>(StringComparer.Ordinal);
        if (article.Article.Title is { Length: > 0 } title)
        {
            foreach (Token token in new Tokenizer().Tokenize(title))
            {
                if (token.Kind == TokenKind.Word)
                {
                    AddWord(counts, token.Span.Slice(title), 2);
                    AddWord(head, token.Span.Slice(title), 1);
                }
            }
        }
        else if (article.Sentences.Length > 0)
        {
            // No headline: the lead sentence says what the report is about.
            Sentence lead = article.Sentences[0];
            for (int i = lead.FirstToken; i < lead.FirstToken + lead.TokenCount && i < article.Tokens.Length; i++)
            {
                if (article.Tokens[i].Kind == TokenKind.Word)
                {
                    AddWord(head, article.Tokens[i].Span.Slice(body), 1);
                }
            }
        }

        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (Mention mention in article.Mentions)
        {
            string term = EntityPrefix + mention.Entity.Value;
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }

        var places = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Entity entity in article.Entities)
        {
            names[EntityPrefix + entity.Key.Value] = entity.Name;
            if (entity.Type == EntityType.Location)
            {
                places.Add(EntityPrefix + entity.Key.Value);
            }
        }

        var terms = counts.Select(kv => new TermCount(kv.Key, kv.Value)).OrderBy(t => t.Term, StringComparer.Ordinal).ToImmutableArray();
        return new StoryFeatures(article.Article.Id, article.Article.Published, terms, names.ToImmutable())
        {
            HeadTerms = [.. head.Keys.Order(StringComparer.Ordinal)],
            PlaceTerms = [.. places.Where(counts.ContainsKey)],
            Signature = MinHash.Sign(shingleWords),
        };
    }

    private static void AddWord(Dictionary<string, int> counts, ReadOnlySpan<char> word, int weight)
    {
        if (Text.Possessive.EndsWith(word))
        {
            word = word[..^2];
        }

        if (word.Length < 2 || !char.IsLetter(word[0]))
        {
            return;
        }

        string lower = word.ToString().ToLowerInvariant();
        if (Stopwords.Contains(lower))
        {
            return;
        }

        counts[lower] = counts.GetValueOrDefault(lower) + weight;
    }
}
