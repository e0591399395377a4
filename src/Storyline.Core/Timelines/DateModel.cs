using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Timelines;

/// <summary>
/// A learned date ranker in the manner of DATEWISE (Ghalandari and Ifrim 2020): a linear score over features of each
/// candidate day (<see cref="Features"/>), its weights chosen on gold timelines for the date F1 they give (the days an
/// editor kept among the best-scored). The shipped model is
/// <c>models/timelines/date-model.json</c>, embedded in the assembly and rebuilt by <c>storyline train timelines</c>.
/// Immutable and thread-safe.
/// </summary>
public sealed class DateModel : IDateRanker
{
    /// <summary>The features, in the order of <see cref="Weights"/>.</summary>
    public static ImmutableArray<string> FeatureNames { get; } =
    [
        "published", "exact mentions", "relative mentions", "later reports", "nearby mentions", "placed by expression",
    ];

    private const string ResourceName = "Storyline.Timelines.date-model.json";
    private const int Neighbourhood = 3;
    private static readonly Lazy<DateModel?> ShippedModel = new(LoadShipped);

    /// <summary>A model with the given weights, one per feature.</summary>
    public DateModel(ImmutableArray<double> weights, ImmutableArray<string> trainedOn)
    {
        if (weights.IsDefault || weights.Length != FeatureNames.Length)
        {
            throw new ArgumentException($"A date model has {FeatureNames.Length} weights.", nameof(weights));
        }

        Weights = weights;
        TrainedOn = trainedOn.IsDefault ? [] : trainedOn;
    }

    /// <summary>The committed model, or null where the build has none.</summary>
    public static DateModel? Shipped => ShippedModel.Value;

    /// <summary>The feature weights.</summary>
    public ImmutableArray<double> Weights { get; }

    /// <summary>The collections (benchmark topic folders) it was trained on: figures on them are not results.</summary>
    public ImmutableArray<string> TrainedOn { get; }

    /// <inheritdoc/>
    public double[] Score(IReadOnlyList<DayEvidence> days)
    {
        double[][] features = Features(days);
        var scores = new double[days.Count];
        for (int i = 0; i < scores.Length; i++)
        {
            for (int f = 0; f < Weights.Length; f++)
            {
                scores[i] += Weights[f] * features[i][f];
            }
        }

        return scores;
    }

    /// <summary>
    /// The features of each day, each a count over the mean number of reports published on a day of the same collection
    /// (one scale for all, so that the counts keep their ratios and the weights read the same for a collection of any
    /// size): reports published on the day, sentences naming it with a calendar date and with a relative one, reports
    /// published later that name it, the mentions of the days up to three days away, each weighted 1 / (distance + 1)
    /// (a day amid other named days), and the sentences whose own clause dates them to it.
    /// </summary>
    public static double[][] Features(IReadOnlyList<DayEvidence> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        double scale = days.Count == 0 ? 1 : Math.Max(1.0, days.Sum(d => d.Published)) / days.Count;
        var mentions = days.ToDictionary(d => d.Date, d => d.ExactMentions + d.RelativeMentions);
        var features = new double[days.Count][];
        for (int i = 0; i < days.Count; i++)
        {
            DayEvidence day = days[i];
            double nearby = 0;
            for (int delta = -Neighbourhood; delta <= Neighbourhood; delta++)
            {
                if (delta != 0 && mentions.TryGetValue(day.Date.AddDays(delta), out int other))
                {
                    nearby += other / (Math.Abs(delta) + 1.0);
                }
            }

            features[i] = [day.Published / scale, day.ExactMentions / scale, day.RelativeMentions / scale, day.LaterReports / scale, nearby / scale, day.PlacedByExpression / scale];
        }

        return features;
    }

    /// <summary>The model as JSON (the committed file's format).</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new ModelFile(1, [.. FeatureNames], [.. Weights.Select(w => Math.Round(w, 6))], [.. TrainedOn]),
        ModelJson.Default.ModelFile);

    /// <summary>Reads a model written by <see cref="ToJson"/>; false with the reason when it is not one.</summary>
    public static bool TryParse(string json, out DateModel? model, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        model = null;
        ModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize(json, ModelJson.Default.ModelFile);
        }
        catch (JsonException e)
        {
            error = "not a date model: " + e.Message;
            return false;
        }

        if (file is null || file.Version != 1 || file.Features is null || file.Weights is null || !file.Features.SequenceEqual(FeatureNames, StringComparer.Ordinal) || file.Weights.Length != FeatureNames.Length)
        {
            error = "not a date model of this version (its features differ from: " + string.Join(", ", FeatureNames) + ")";
            return false;
        }

        model = new DateModel([.. file.Weights], [.. file.TrainedOn ?? []]);
        error = null;
        return true;
    }

    private static DateModel? LoadShipped()
    {
        using Stream? stream = typeof(DateModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return TryParse(reader.ReadToEnd(), out DateModel? model, out _) ? model : null;
    }

    internal sealed record ModelFile(int Version, string[]? Features, double[]? Weights, string[]? TrainedOn);
}

[JsonSerializable(typeof(DateModel.ModelFile))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class ModelJson : JsonSerializerContext;
