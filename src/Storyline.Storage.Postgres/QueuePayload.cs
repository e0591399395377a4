using System.Collections.Immutable;
using System.Text;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Postgres;

/// <summary>
/// What the assigner needs of an analysed report, as the worker that analysed it leaves it in the queue: the parts of
/// the analysis a store's rows are made of (mentions, entities, quotes, the report's place) and the story features, in a
/// compact binary form. The analysis and features are in the queue as JSON too, but only to be stored as they are:
/// parsing them back cost the assigner 0.4 ms a report on Timeline17 (the queue's "read analyses", PERFORMANCE.md), and
/// reading this form a tenth of it. It holds exactly what <see cref="AnalysisJson.DeserializeForRows"/> and
/// <see cref="AnalysisJson.DeserializeFeatures"/> make of that JSON, so that the assigner's stories and rows are the same
/// whichever it reads. Work in progress only: written and read by the same version (<see cref="Format"/>; a row of
/// another format, or one without a payload, is read from its JSON).
/// </summary>
internal static class QueuePayload
{
    /// <summary>The format's first byte; a payload that starts with another is not read.</summary>
    public const byte Format = 1;

    /// <summary>The payload of <paramref name="report"/> and its <paramref name="features"/>.</summary>
    public static byte[] Write(AnalyzedArticle report, StoryFeatures features)
    {
        using var stream = new MemoryStream(4096);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Format);
            WriteList(writer, report.Mentions, WriteMention);
            WriteList(writer, report.Entities, WriteEntity);
            WriteList(writer, report.Quotes, WriteQuote);
            WriteKey(writer, report.Location);
            WriteFeatures(writer, features);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The analysed report (<paramref name="article"/> with its mentions, entities and quotes; no sentences, times or
    /// claims, as <see cref="AnalysisJson.DeserializeForRows"/>) and its features, read from <paramref name="payload"/>;
    /// false where the payload is of another format.
    /// </summary>
    public static bool TryRead(Article article, byte[] payload, out AnalyzedArticle report, out StoryFeatures features)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length == 0 || payload[0] != Format)
        {
            (report, features) = (null!, null!);
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(payload, 1, payload.Length - 1, writable: false), Encoding.UTF8);
        ImmutableArray<Mention> mentions = ReadList(reader, ReadMention);
        ImmutableArray<Entity> entities = ReadList(reader, ReadEntity);
        ImmutableArray<Quote> quotes = ReadList(reader, ReadQuote);
        EntityKey? location = ReadKey(reader);
        report = new AnalyzedArticle(article, [], [], mentions, entities, [], quotes, []) { Location = location };
        features = ReadFeatures(reader, article.Id, article.Published);
        return true;
    }

    private static void WriteMention(BinaryWriter writer, Mention mention)
    {
        WriteSpan(writer, mention.Span);
        writer.Write7BitEncodedInt((int)mention.Type);
        writer.Write(mention.Entity.Value ?? string.Empty);
        writer.Write7BitEncodedInt(mention.Sentence);
        WriteText(writer, mention.Role);
        WriteList(writer, mention.Candidates, (w, key) => w.Write(key.Value ?? string.Empty));
    }

    private static Mention ReadMention(BinaryReader reader) =>
        new(ReadSpan(reader), (EntityType)reader.Read7BitEncodedInt(), new EntityKey(reader.ReadString()), reader.Read7BitEncodedInt(), ReadText(reader))
        {
            Candidates = ReadList(reader, r => new EntityKey(r.ReadString())),
        };

    private static void WriteEntity(BinaryWriter writer, Entity entity)
    {
        writer.Write(entity.Key.Value ?? string.Empty);
        writer.Write7BitEncodedInt((int)entity.Type);
        writer.Write(entity.Name);
        WriteList(writer, entity.Aliases, (w, alias) => w.Write(alias));
        WriteList(writer, entity.Roles, (w, role) => w.Write(role));
        writer.Write(entity.Place is not null);
        if (entity.Place is Place place)
        {
            writer.Write(place.GeoNameId);
            writer.Write(place.Name);
            writer.Write(place.CountryCode);
            writer.Write(place.Latitude);
            writer.Write(place.Longitude);
            writer.Write(place.Population);
            writer.Write(place.FeatureCode);
        }
    }

    private static Entity ReadEntity(BinaryReader reader)
    {
        var key = new EntityKey(reader.ReadString());
        var type = (EntityType)reader.Read7BitEncodedInt();
        string name = reader.ReadString();
        ImmutableArray<string> aliases = ReadList(reader, r => r.ReadString());
        ImmutableArray<string> roles = ReadList(reader, r => r.ReadString());
        Place? place = reader.ReadBoolean()
            ? new Place(reader.ReadInt64(), reader.ReadString(), reader.ReadString(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt64(), reader.ReadString())
            : null;
        return new Entity(key, type, name, aliases, roles, place);
    }

    private static void WriteQuote(BinaryWriter writer, Quote quote)
    {
        WriteSpan(writer, quote.Content);
        writer.Write7BitEncodedInt((int)quote.Kind);
        writer.Write7BitEncodedInt(quote.Sentence);
        WriteSpan(writer, quote.Cue);
        WriteSpan(writer, quote.Source);
        WriteKey(writer, quote.Speaker);
        writer.Write7BitEncodedInt((int)quote.SourceKind);
        WriteSpan(writer, quote.CitedBy);
        WriteSpan(writer, quote.Citing);
        writer.Write7BitEncodedInt((int)quote.CitingKind);
        writer.Write7BitEncodedInt((int)quote.Act);
    }

    private static Quote ReadQuote(BinaryReader reader) => new(
        ReadSpan(reader),
        (QuoteKind)reader.Read7BitEncodedInt(),
        reader.Read7BitEncodedInt(),
        ReadOptionalSpan(reader),
        ReadOptionalSpan(reader),
        ReadKey(reader),
        (SourceKind)reader.Read7BitEncodedInt(),
        ReadOptionalSpan(reader),
        ReadOptionalSpan(reader),
        (SourceKind)reader.Read7BitEncodedInt(),
        (QuoteAct)reader.Read7BitEncodedInt());

    // As the features' JSON keeps them (AnalysisJson.SerializeFeatures): names in ordinal key order, a list that is
    // empty or missing read as empty.
    private static void WriteFeatures(BinaryWriter writer, StoryFeatures features)
    {
        WriteList(writer, features.Terms, (w, term) =>
        {
            w.Write(term.Term);
            w.Write(term.Count);
        });
        writer.Write7BitEncodedInt(features.EntityNames.Count);
        foreach (KeyValuePair<string, string> name in features.EntityNames.OrderBy(n => n.Key, StringComparer.Ordinal))
        {
            writer.Write(name.Key);
            writer.Write(name.Value);
        }

        WriteList(writer, features.HeadTerms, (w, term) => w.Write(term));
        WriteList(writer, features.PlaceTerms, (w, term) => w.Write(term));
        WriteList(writer, features.Signature, (w, value) => w.Write(value));
        WriteList(writer, features.PeopleTerms, (w, term) => w.Write(term));
        WriteList(writer, features.DateTerms, (w, term) => w.Write(term));
        WriteList(writer, features.NumberTerms, (w, term) => w.Write(term));
        writer.Write(features.Headline ?? string.Empty);
    }

    private static StoryFeatures ReadFeatures(BinaryReader reader, ArticleId id, DateOnly published)
    {
        ImmutableArray<TermCount> terms = ReadList(reader, r => new TermCount(r.ReadString(), r.ReadInt32()));
        int count = reader.Read7BitEncodedInt();
        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string key = reader.ReadString();
            names[key] = reader.ReadString();
        }

        return new StoryFeatures(id, published, terms, names.ToImmutable())
        {
            HeadTerms = ReadList(reader, r => r.ReadString()),
            PlaceTerms = ReadList(reader, r => r.ReadString()),
            Signature = ReadList(reader, r => r.ReadUInt32()),
            PeopleTerms = ReadList(reader, r => r.ReadString()),
            DateTerms = ReadList(reader, r => r.ReadString()),
            NumberTerms = ReadList(reader, r => r.ReadString()),
            Headline = reader.ReadString(),
        };
    }

    // A list: its length, then its items; a default (unset) array is written as an empty one.
    private static void WriteList<T>(BinaryWriter writer, ImmutableArray<T> items, Action<BinaryWriter, T> write)
    {
        if (items.IsDefaultOrEmpty)
        {
            writer.Write7BitEncodedInt(0);
            return;
        }

        writer.Write7BitEncodedInt(items.Length);
        foreach (T item in items)
        {
            write(writer, item);
        }
    }

    private static ImmutableArray<T> ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        int count = reader.Read7BitEncodedInt();
        if (count == 0)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<T>(count);
        for (int i = 0; i < count; i++)
        {
            items.Add(read(reader));
        }

        return items.MoveToImmutable();
    }

    private static void WriteSpan(BinaryWriter writer, TextSpan span)
    {
        writer.Write7BitEncodedInt(span.Start);
        writer.Write7BitEncodedInt(span.Length);
    }

    private static TextSpan ReadSpan(BinaryReader reader) => new(reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());

    private static void WriteSpan(BinaryWriter writer, TextSpan? span)
    {
        writer.Write(span.HasValue);
        if (span is TextSpan value)
        {
            WriteSpan(writer, value);
        }
    }

    private static TextSpan? ReadOptionalSpan(BinaryReader reader) => reader.ReadBoolean() ? ReadSpan(reader) : null;

    private static void WriteKey(BinaryWriter writer, EntityKey? key) => WriteText(writer, key?.Value);

    private static EntityKey? ReadKey(BinaryReader reader) => ReadText(reader) is string value ? new EntityKey(value) : null;

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            writer.Write(text);
        }
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
