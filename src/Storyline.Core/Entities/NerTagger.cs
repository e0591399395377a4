using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Entities.Tagging;
using Storyline.Pipeline;

namespace Storyline.Entities;

/// <summary>
/// The entity stage with the trained tagger: finds the names in a report and their types (person, organisation,
/// place, other). It only finds mentions; each mention's entity key is its lower-cased surface form with hyphens as
/// spaces, and the resolution stage that runs after it merges aliases and adds roles.
/// </summary>
/// <remarks>
/// The tagger was trained on CoNLL-2003 tokens, which split the possessive ("Russia 's"); the project's tokenizer
/// keeps it in the word ("Russia’s"), so a trailing 's, ’s or ‘s becomes a token of its own here and is never part
/// of a name. The whole report is one document, so a word capitalised elsewhere in it counts as evidence.
/// </remarks>
public sealed class NerTagger(NerModel model) : IAnalysisStage
{
    private readonly NerModel model = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public string Name => "entities";

    /// <inheritdoc />
    public AnalyzedArticle Apply(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        string body = article.Body;
        TaggingDocument document = ToTaggingDocument(body, article.Tokens, article.Sentences);
        byte[] labels = ArrayPool<byte>.Shared.Rent(Math.Max(document.Tokens.Length, 1));
        var spans = new List<(int Start, int Length, EntityType Type)>();
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        var entities = new Dictionary<string, (string Name, int[] Votes, int First)>(StringComparer.Ordinal);
        try
        {
            model.Tag(document, labels);
            for (int s = 0; s < document.Sentences.Length; s++)
            {
                var (first, n) = document.Sentences[s];
                spans.Clear();
                NerLabels.Spans(labels.AsSpan(first, n), spans);
                foreach (var (found, count, tagged) in spans)
                {
                    if (IsGenusInitial(body, document.Tokens, first + found, count, first + n))
                    {
                        continue;
                    }

                    (int start, int length, EntityType type) = WithoutHonorific(body, document.Tokens, first + found, count, tagged);
                    (start, length) = WithLeadingName(body, document.Tokens, first, start, length, type, found == 0 || spans.Exists(x => x.Start + x.Length == found));

                    var span = TextSpan.FromBounds(document.Tokens[start].Start, document.Tokens[start + length - 1].End);
                    string surface = span.ToString(body);
                    string key = CapitalizedNameRecognizer.Normalize(surface);
                    mentions.Add(new Mention(span, type, new EntityKey(key), article.Sentences[s].Index));
                    if (!entities.TryGetValue(key, out var entity))
                    {
                        entity = (surface, new int[4], entities.Count);
                        entities[key] = entity;
                    }

                    entity.Votes[(int)type]++;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(labels);
        }

        return article with
        {
            Mentions = mentions.ToImmutable(),
            Entities = [.. entities.OrderBy(e => e.Value.First).Select(e => new Entity(new EntityKey(e.Key), MostVoted(e.Value.Votes), e.Value.Name, [], []))],
        };
    }

    /// <summary>
    /// The report's tokens as the tagger reads them: one sentence per sentence, a possessive split off its word.
    /// </summary>
    public static TaggingDocument ToTaggingDocument(string body, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(body);
        var spans = new List<TextSpan>(tokens.Length + 8);
        var runs = new (int First, int Count)[sentences.Length];
        for (int s = 0; s < sentences.Length; s++)
        {
            Sentence sentence = sentences[s];
            int first = spans.Count;
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                Token token = tokens[t];
                if (token.Kind == TokenKind.Word && Text.Possessive.EndsWith(token.Span.Slice(body)))
                {
                    spans.Add(new TextSpan(token.Span.Start, token.Span.Length - 2));
                    spans.Add(new TextSpan(token.Span.End - 2, 2));
                }
                else
                {
                    spans.Add(token.Span);
                }
            }

            runs[s] = (first, spans.Count - first);
        }

        return new TaggingDocument(body, [.. spans], runs);
    }

    // CoNLL-2003 leaves titles out of names ("Mr. Clinton"), but its Reuters text writes "Mr." with a period, so
    // The model now and then leaves the first word of a Korean or Chinese name out when it opens the sentence
    // ("Kim Jong Un visited" → "Jong Un"), or follows an honorific ("Mr Kim Jong Un"). A capitalised word right before a person's name, joined by one space, that
    // is not a common word (checked in lower case against the stopwords) and not part of another mention, belongs to it.
    private static (int Start, int Length) WithLeadingName(string body, TextSpan[] tokens, int sentenceStart, int start, int length, EntityType type, bool previousIsMention)
    {
        if (type != EntityType.Person || start <= sentenceStart || previousIsMention)
        {
            return (start, length);
        }

        TextSpan before = tokens[start - 1];
        ReadOnlySpan<char> word = before.Slice(body);
        bool adjacent = before.End + 1 == tokens[start].Start && body[before.End] == ' ';
        bool name = word.Length > 1 && char.IsUpper(word[0]) && word[1..].ToString().All(char.IsLower);
        bool common = Text.Stopwords.Contains(word.ToString().ToLowerInvariant()) || Honorifics.Contains(word.ToString());
        bool opens = start - 1 == sentenceStart || Honorifics.Contains(tokens[start - 2].Slice(body).TrimEnd('.').ToString());
        return adjacent && name && !common && opens ? (start - 1, length + 1) : (start, length);
    }

    // "Mr Kim" in British style is now and then tagged whole, and even typed as an organisation. The honorific is
    // dropped here, and what follows it is a person. Roles ("President") are the resolution stage's business.
    private static readonly FrozenSet<string> Honorifics =
        new[] { "mr", "mrs", "ms", "miss", "mx", "dr", "prof" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static (int Start, int Length, EntityType Type) WithoutHonorific(string body, TextSpan[] tokens, int start, int length, EntityType type)
    {
        var lookup = Honorifics.GetAlternateLookup<ReadOnlySpan<char>>();
        while (length > 1 && lookup.Contains(tokens[start].Slice(body).TrimEnd('.')))
        {
            start++;
            length--;
            type = EntityType.Person;
        }

        return (start, length, type);
    }

    // "E. coli", "S. aureus": an initial before a word in lower case is a genus, not a name (the tagger, which never
    // saw one in CoNLL's news, calls it an organisation).
    private static bool IsGenusInitial(string body, TextSpan[] tokens, int start, int length, int sentenceEnd)
    {
        if (length != 1 || start + 1 >= sentenceEnd)
        {
            return false;
        }

        ReadOnlySpan<char> word = tokens[start].Slice(body);
        ReadOnlySpan<char> next = tokens[start + 1].Slice(body);
        return word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.' && next.Length > 1 && char.IsLower(next[0]);
    }

    private static EntityType MostVoted(int[] votes)
    {
        int best = 0;
        for (int k = 1; k < votes.Length; k++)
        {
            if (votes[k] > votes[best])
            {
                best = k;
            }
        }

        return (EntityType)best;
    }
}
