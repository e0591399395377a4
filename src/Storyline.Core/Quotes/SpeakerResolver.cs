using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Quotes;

/// <summary>
/// Speakers: a person named in the source phrase; a pronoun or a bare role ("the spokesperson") resolves to the latest
/// speaker or person before it, with that role where one is named; and the kind of each source. Made per report.
/// </summary>
internal sealed class SpeakerResolver
{
    private readonly AnalyzedArticle article;
    private Dictionary<EntityKey, Entity>? entitiesByKey;

    public SpeakerResolver(AnalyzedArticle article) => this.article = article;

    /// <summary>The quotes, in the order found, each with its speaker and the kinds of its source and of whom it cites.</summary>
    public ImmutableArray<Quote> Resolve(List<FoundQuote> found)
    {
        var quotes = ImmutableArray.CreateBuilder<Quote>(found.Count);
        Mention? lastSpeaker = null;
        var bySource = new Dictionary<TextSpan, (EntityKey? Speaker, SourceKind Kind)>();
        foreach (FoundQuote f in found)
        {
            EntityKey? speaker = null;
            SourceKind kind = SourceKind.Unknown;
            if (f.Source is TextSpan known && bySource.TryGetValue(known, out var seen))
            {
                // A second quote of the same source phrase (a continued quote): the same speaker, however far from the name.
                (speaker, kind) = seen;
            }
            else if (f.Source is TextSpan source)
            {
                var inside = article.Mentions.Where(m => source.Overlaps(m.Span)).ToList();
                Mention? person = inside.LastOrDefault(m => m.Type == EntityType.Person && IsHead(m.Span, source));
                Mention? organization = inside.LastOrDefault(m => m.Type == EntityType.Organization);
                string text = article.Text(source);
                string lowerText = text.ToLowerInvariant();
                if (person is null && IsBackReference(lowerText))
                {
                    person = BackReference(lowerText, source.Start, lastSpeaker);
                }

                kind = SourceClassifier.Classify(text, person is not null && inside.Contains(person), organization is not null);
                if (kind == SourceKind.Unknown && person is not null)
                {
                    kind = SourceKind.NamedPerson;
                }

                if ((kind == SourceKind.NamedPerson && person is not null && FirstNameOnly(person.Entity, f.Sentence))
                    || (kind == SourceKind.Unknown && IsSingleName(text) && FirstNameOnly(null, f.Sentence)))
                {
                    kind = SourceKind.Public;
                }

                speaker = person?.Entity ?? organization?.Entity;
                if (person is not null)
                {
                    lastSpeaker = person;
                }

                bySource[source] = (speaker, kind);
            }

            SourceKind citingKind = f.Citing is TextSpan citing
                ? SourceClassifier.Classify(article.Text(citing), false, article.Mentions.Any(m => citing.Overlaps(m.Span) && m.Type == EntityType.Organization))
                : SourceKind.Unknown;
            quotes.Add(new Quote(f.Content, f.Kind, f.Sentence, f.Cue, f.Source, speaker, kind, f.CitedBy, f.Citing, citingKind, f.Act));
        }

        return quotes.ToImmutable();
    }

    // A name is the source's head when nothing but an appositive follows it: "Kremlin spokesperson Dmitry Peskov",
    // "Dmitry Peskov, the Kremlin spokesman" — not "South Korea's intelligence agency".
    private bool IsHead(TextSpan name, TextSpan source)
    {
        ReadOnlySpan<char> rest = article.Body.AsSpan(name.End, Math.Max(0, source.End - name.End)).Trim();
        return rest.IsEmpty || rest[0] == ',' || rest[0] == '(';
    }

    private static bool IsSingleName(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && text.All(char.IsLetter) && !CueLexicon.Pronouns.Contains(text.ToLowerInvariant());

    private static bool IsBackReference(string lowerSource)
    {
        string trimmed = lowerSource.Trim();
        return CueLexicon.Pronouns.Contains(trimmed)
            || (trimmed.StartsWith("the ", StringComparison.Ordinal) && trimmed.Split(' ').Length <= 4 && !trimmed.EndsWith('s'));
    }

    private Mention? BackReference(string lowerSource, int before, Mention? lastSpeaker)
    {
        string trimmed = lowerSource.Trim();
        if (trimmed.StartsWith("the ", StringComparison.Ordinal))
        {
            // "the spokesperson": the latest person before it whose role has that word, then the latest speaker.
            string role = trimmed[4..];
            string roleWord = role.Split(' ')[^1];
            Mention? withRole = article.Mentions.LastOrDefault(m => m.Span.End <= before && m.Type == EntityType.Person && RoleMatches(m, roleWord));
            return withRole ?? (lastSpeaker is not null && RoleMatches(lastSpeaker, roleWord) ? lastSpeaker : null);
        }

        if (trimmed is "they" or "we")
        {
            return null;
        }

        return lastSpeaker ?? article.Mentions.LastOrDefault(m => m.Span.End <= before && m.Type == EntityType.Person);
    }

    // Whether the mention's role, or one of its entity's roles, has the role's last word ("spokesman" of "the
    // kremlin spokesman").
    private bool RoleMatches(Mention mention, string roleWord)
    {
        if (mention.Role is string r && r.Contains(roleWord, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        Entity? entity = EntityOf(mention.Entity);
        return entity is not null && entity.Roles.Any(x => x.Contains(roleWord, StringComparison.OrdinalIgnoreCase));
    }

    // The article's first entity with the key, from a table made on first use: a scan of the entities for every
    // mention cost mentions × entities.
    private Entity? EntityOf(EntityKey key)
    {
        if (entitiesByKey is null)
        {
            entitiesByKey = new Dictionary<EntityKey, Entity>(article.Entities.Length);
            foreach (Entity entity in article.Entities)
            {
                entitiesByKey.TryAdd(entity.Key, entity);
            }
        }

        return entitiesByKey.GetValueOrDefault(key);
    }

    // A member of the public who gives only a first name: one-word name, and the report says so or calls them a resident.
    private bool FirstNameOnly(EntityKey? person, int sentence)
    {
        if (person is EntityKey key)
        {
            Entity? entity = EntityOf(key);
            if (entity is null || entity.Name.Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }
        }

        string own = string.Concat(article.Sentences.Where(s => s.Index >= sentence && s.Index <= sentence + 1).Select(s => article.SentenceText(s))).ToLowerInvariant();
        return CueLexicon.FirstNameRemarks.Any(remark => own.Contains(remark, StringComparison.Ordinal));
    }
}
