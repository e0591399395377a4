using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>A merge model as <c>storyline train stories</c> writes it: the weights and the clusterer's settings.</summary>
/// <param name="Model">The merge-or-new weights.</param>
/// <param name="MergeScore">The score above which a report that fits two stories merges them.</param>
/// <param name="WindowDays">How long a story stays open.</param>
public sealed record StoredMergeModel(MergeModel Model, double MergeScore, int WindowDays)
{
    /// <summary>Whether the words' idf comes from the shipped table (<see cref="WordIdf.Shipped"/>) instead of the reports so far.</summary>
    public bool TableIdf { get; init; }

    /// <summary>The clustering options of this model.</summary>
    /// <exception cref="InvalidDataException">The model takes idf from the table, and the program has none (or a broken one).</exception>
    public ClusteringOptions Options(ClusteringOptions? start = null) =>
        (start ?? ClusteringOptions.Default) with { Model = Model, MergeScore = MergeScore, WindowDays = WindowDays, WordIdf = TableIdf ? WordIdf.Shipped : null };
}

/// <summary>The JSON of models/stories/merge-model.json: weights, settings, and how they were chosen.</summary>
public static class MergeModelJson
{
    /// <summary>The "wordIdf" of a model whose words' idf is counted over the reports so far (and of files written before the field).</summary>
    public const string SoFar = "reports so far";

    /// <summary>The "wordIdf" of a model whose words' idf comes from the table train stories writes beside it (<see cref="WordIdf.ShippedName"/>).</summary>
    public const string Table = "word-idf.tsv";

    /// <summary>The trained model as JSON, with <paramref name="provenance"/> (what data chose what) and any figures.</summary>
    public static string ToJson(TrainedStories trained, IReadOnlyDictionary<string, string> provenance)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(provenance);
        MergeModel m = trained.Model;
        var weights = new JsonObject { ["bias"] = m.Bias };
        double[] values = PairFit.Weights(m);
        for (int i = 0; i < values.Length; i++)
        {
            weights[PairFit.Names[i]] = values[i];
        }

        var root = new JsonObject
        {
            ["weights"] = weights,
            ["decayDays"] = m.DecayDays,
            ["windowDays"] = trained.Setting.WindowDays,
            ["wordIdf"] = trained.WordIdf is null ? SoFar : Table,
            ["mergeScore"] = double.IsPositiveInfinity(trained.Setting.MergeScore) ? "never" : trained.Setting.MergeScore.ToString(CultureInfo.InvariantCulture),
            ["penalty"] = trained.Setting.L2,
            ["biasOffset"] = trained.Setting.Offset,
            ["heldOut"] = new JsonObject(trained.HeldOut.Select(h => KeyValuePair.Create(h.Set, (JsonNode?)JsonValue.Create(Math.Round(h.Score, 4))))),
            ["meanHeldOut"] = Math.Round(trained.MeanHeldOut, 4),
            ["baselineThreshold"] = trained.BaselineThreshold,
            ["provenance"] = new JsonObject(provenance.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    // Weights added after files were first written: 0 when a file does not have them.
    private static readonly string[] Later = ["bodyHeadMeaning", "townConflict", "dayConflict", "headMeaningGap"];

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="KeyNotFoundException">A weight (but those added later: the body × headline meaning, the town and day conflicts, the headline-meaning gap, 0 in files written before them) or setting is missing.</exception>
    /// <exception cref="FormatException">A number is not one, or the idf source is neither of <see cref="SoFar"/> and <see cref="Table"/>.</exception>
    public static StoredMergeModel FromJson(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement weights = root.GetProperty("weights");
        double[] values = [.. PairFit.Names.Select(n => Later.Contains(n) && !weights.TryGetProperty(n, out _) ? 0 : weights.GetProperty(n).GetDouble())];
        MergeModel model = PairFit.Model(weights.GetProperty("bias").GetDouble(), values, root.GetProperty("decayDays").GetDouble());
        string merge = root.GetProperty("mergeScore").GetString() ?? "never";
        double mergeScore = merge == "never" ? double.PositiveInfinity : double.Parse(merge, NumberStyles.Float, CultureInfo.InvariantCulture);
        string idf = root.TryGetProperty("wordIdf", out JsonElement source) ? source.GetString() ?? SoFar : SoFar;
        if (idf is not (SoFar or Table))
        {
            throw new FormatException($"wordIdf is '{idf}', not '{SoFar}' or '{Table}'");
        }

        return new StoredMergeModel(model, mergeScore, root.GetProperty("windowDays").GetInt32()) { TableIdf = idf == Table };
    }

    /// <summary>The TF-IDF baseline's threshold stored with a model.</summary>
    public static double BaselineThreshold(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("baselineThreshold").GetDouble();
    }
}

/// <summary>The JSON of a story-merge model (<c>train stories --story-merge</c>): its weights by evidence, and how it was chosen.</summary>
public static class StoryMergeJson
{
    /// <summary>The model as JSON, with the join model it goes with and <paramref name="provenance"/>.</summary>
    public static string ToJson(StoryMergeModel model, string join, IReadOnlyDictionary<string, string> provenance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(provenance);
        var weights = new JsonObject { ["bias"] = model.Bias };
        for (int i = 0; i < StoryPairSimilarities.Names.Count; i++)
        {
            weights[StoryPairSimilarities.Names[i]] = model.Weights[i];
        }

        var root = new JsonObject
        {
            ["weights"] = weights,
            ["candidates"] = model.Candidates,
            ["join"] = join,
            ["provenance"] = new JsonObject(provenance.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="KeyNotFoundException">A weight is missing.</exception>
    public static StoryMergeModel FromJson(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        JsonElement weights = root.GetProperty("weights");
        return new StoryMergeModel(weights.GetProperty("bias").GetDouble(), [.. StoryPairSimilarities.Names.Select(n => weights.GetProperty(n).GetDouble())])
        {
            Candidates = root.GetProperty("candidates").GetInt32(),
        };
    }
}
