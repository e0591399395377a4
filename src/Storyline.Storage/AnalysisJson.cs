using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>
/// The stored form of a report's annotations (everything but tokens, which are cheap to recompute), and of its
/// clustering features. <see cref="Version"/> changes whenever the shape does, so that old rows can be recognised.
/// </summary>
public static class AnalysisJson
{
    /// <summary>
    /// Version of the stored shape. 2: mentions carry Candidates, entities a Place, the analysis the report's Location;
    /// quotes gained CitedBy/Citing/CitingKind, claims Key and Cue.
    /// </summary>
    public const int Version = 2;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new EntityKeyConverter() },
    };

    /// <summary>The annotations of <paramref name="report"/> as JSON.</summary>
    public static string Serialize(AnalyzedArticle report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stored = new StoredAnalysis(report.Sentences, report.Mentions, report.Entities, report.Times, report.Quotes, report.Claims, report.Location);
        return JsonSerializer.Serialize(stored, Options);
    }

    /// <summary>The analysed report made of <paramref name="article"/> and its stored annotations.</summary>
    public static AnalyzedArticle Deserialize(Article article, string json)
    {
        StoredAnalysis stored = JsonSerializer.Deserialize<StoredAnalysis>(json, Options)
            ?? throw new InvalidDataException($"report {article.Id}: stored analysis is empty");
        return new AnalyzedArticle(article, [], stored.Sentences, stored.Mentions, stored.Entities, stored.Times, stored.Quotes, stored.Claims)
        {
            Location = stored.Location,
        };
    }

    /// <summary>
    /// The analysed report made of <paramref name="article"/> and the parts of its stored annotations a store's rows are
    /// made of (mentions, entities, quotes); its sentences, times and claims are left empty. For a report whose analysis
    /// is stored as <paramref name="json"/> as it is (<see cref="ReportToStore.StoredAnalysis"/>): the rest of the JSON is
    /// read past, not built.
    /// </summary>
    public static AnalyzedArticle DeserializeForRows(Article article, string json)
    {
        StoredRows stored = JsonSerializer.Deserialize<StoredRows>(json, Options)
            ?? throw new InvalidDataException($"report {article.Id}: stored analysis is empty");
        return new AnalyzedArticle(article, [], [], stored.Mentions, stored.Entities, [], stored.Quotes, []) { Location = stored.Location };
    }

    /// <summary>Clustering features as JSON.</summary>
    public static string SerializeFeatures(StoryFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        // Names in key order: a hash-ordered dictionary enumerates differently in each process (string hashing is
        // randomised), and the stored bytes must not depend on which process wrote them.
        var names = new SortedDictionary<string, string>(features.EntityNames.ToDictionary(), StringComparer.Ordinal);
        return JsonSerializer.Serialize(
            new StoredFeatures(
                features.Terms.Select(t => new object[] { t.Term, t.Count }).ToList(),
                names,
                features.HeadTerms.IsDefaultOrEmpty ? null : [.. features.HeadTerms],
                features.PlaceTerms.IsDefaultOrEmpty ? null : [.. features.PlaceTerms],
                features.Signature.IsDefaultOrEmpty ? null : [.. features.Signature])
            {
                People = features.PeopleTerms.IsDefaultOrEmpty ? null : [.. features.PeopleTerms],
                Dates = features.DateTerms.IsDefaultOrEmpty ? null : [.. features.DateTerms],
                Numbers = features.NumberTerms.IsDefaultOrEmpty ? null : [.. features.NumberTerms],
                Headline = features.Headline.Length == 0 ? null : features.Headline,
            },
            Options);
    }

    /// <summary>Clustering features from JSON.</summary>
    public static StoryFeatures DeserializeFeatures(ArticleId id, DateOnly published, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        var terms = ImmutableArray.CreateBuilder<TermCount>();
        foreach (JsonElement pair in root.GetProperty("terms").EnumerateArray())
        {
            terms.Add(new TermCount(pair[0].GetString()!, pair[1].GetInt32()));
        }

        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("entityNames", out JsonElement nameMap))
        {
            foreach (JsonProperty name in nameMap.EnumerateObject())
            {
                names[name.Name] = name.Value.GetString()!;
            }
        }

        // Head terms, places and the MinHash signature came with the stories issue; features stored before have none.
        return new StoryFeatures(id, published, terms.ToImmutable(), names.ToImmutable())
        {
            HeadTerms = Strings(root, "head"),
            PlaceTerms = Strings(root, "places"),
            Signature = root.TryGetProperty("signature", out JsonElement signature) ? [.. signature.EnumerateArray().Select(v => v.GetUInt32())] : [],

            // People, dates, numbers and the headline came with issue 19; features stored before have none.
            PeopleTerms = Strings(root, "people"),
            DateTerms = Strings(root, "dates"),
            NumberTerms = Strings(root, "numbers"),
            Headline = root.TryGetProperty("headline", out JsonElement headline) ? headline.GetString() ?? string.Empty : string.Empty,
        };
    }

    private sealed record StoredAnalysis(
        ImmutableArray<Sentence> Sentences,
        ImmutableArray<Mention> Mentions,
        ImmutableArray<Entity> Entities,
        ImmutableArray<TimeExpression> Times,
        ImmutableArray<Quote> Quotes,
        ImmutableArray<Claim> Claims,
        EntityKey? Location = null);

    private sealed record StoredRows(ImmutableArray<Mention> Mentions, ImmutableArray<Entity> Entities, ImmutableArray<Quote> Quotes, EntityKey? Location = null);

    private static ImmutableArray<string> Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement list) ? [.. list.EnumerateArray().Select(v => v.GetString()!)] : [];

    private sealed record StoredFeatures(
        List<object[]> Terms,
        SortedDictionary<string, string> EntityNames,
        List<string>? Head,
        List<string>? Places,
        List<uint>? Signature)
    {
        public List<string>? People { get; init; }

        public List<string>? Dates { get; init; }

        public List<string>? Numbers { get; init; }

        public string? Headline { get; init; }
    }

    private sealed class EntityKeyConverter : JsonConverter<EntityKey>
    {
        public override EntityKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? string.Empty);

        public override void Write(Utf8JsonWriter writer, EntityKey value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
