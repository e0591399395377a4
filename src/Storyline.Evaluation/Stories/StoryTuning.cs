using System.Globalization;
using System.Text.Json;
using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>The outcome of tuning: the model and merge score found, and the BCubed F1 they reach on the tuning stream.</summary>
/// <param name="Model">The merge-or-new weights.</param>
/// <param name="MergeScore">The score above which a report that fits two stories merges them.</param>
/// <param name="F1">BCubed F1 on the tuning stream (a tuned figure, not a held-out one).</param>
public sealed record TunedModel(MergeModel Model, double MergeScore, double F1)
{
    /// <summary>Where the starting weights were fitted, when not the shipped defaults.</summary>
    public string? StartedFrom { get; init; }
}

/// <summary>
/// Sets the merge-or-new weights on a benchmark stream by coordinate search: each weight in turn is tried over a
/// grid of values, keeping the one with the best BCubed F1, for a few rounds. Deterministic: the same stream and
/// starting point give the same result.
/// </summary>
public static class StoryTuning
{
    /// <summary>Tunes from <paramref name="start"/> on analysed reports of <paramref name="stream"/>.</summary>
    public static TunedModel Tune(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, MergeModel start, double mergeScore, int rounds = 3, bool tuneConflicts = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(start);
        double Score(MergeModel model, double merge) =>
            StoryEvaluation.Cluster(stream, features, ClusteringOptions.Default with { Model = model, MergeScore = merge }).BCubed.F1;

        MergeModel best = start;
        double bestMerge = mergeScore;
        double bestF1 = Score(best, bestMerge);
        (string Name, double[] Grid, Func<MergeModel, double, MergeModel> With)[] knobs =
        [
            ("bias", [-7, -6, -5, -4.5, -4, -3.5, -3, -2.5, -2, -1], (m, v) => m with { Bias = v }),
            ("body", [2, 4, 6, 8, 9, 10, 12, 14, 16], (m, v) => m with { Body = v }),
            ("head", [0, 1, 2, 3, 4, 6, 8], (m, v) => m with { Head = v }),
            ("entities", [0, 1, 2, 3, 4, 6, 8], (m, v) => m with { Entities = v }),
            ("places", [-1, 0, 0.5, 1, 2, 3], (m, v) => m with { Places = v }),
            ("recency", [0, 0.5, 1, 2, 3], (m, v) => m with { Recency = v }),
            ("decay", [1, 3, 7, 14, 30], (m, v) => m with { DecayDays = v }),
            ("entityConflict", [0, -0.5, -1, -2, -3, -4, -6], (m, v) => m with { EntityConflict = v }),
            ("placeConflict", [0, -0.5, -1, -2, -3, -4], (m, v) => m with { PlaceConflict = v }),
        ];
        if (!tuneConflicts)
        {
            knobs = [.. knobs.Where(k => !k.Name.EndsWith("Conflict", StringComparison.Ordinal))];
        }

        for (int round = 0; round < rounds; round++)
        {
            bool improved = false;
            foreach ((string _, double[] grid, Func<MergeModel, double, MergeModel> with) in knobs)
            {
                foreach (double value in grid)
                {
                    MergeModel tried = with(best, value);
                    double f1 = Score(tried, bestMerge);
                    if (f1 > bestF1 + 1e-9)
                    {
                        (best, bestF1, improved) = (tried, f1, true);
                    }
                }
            }

            foreach (double merge in new[] { 1.0, 1.5, 2.0, 3.0, 4.0, double.PositiveInfinity })
            {
                double f1 = Score(best, merge);
                if (f1 > bestF1 + 1e-9)
                {
                    (bestMerge, bestF1, improved) = (merge, f1, true);
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return new TunedModel(best, bestMerge, bestF1);
    }

    /// <summary>How much BCubed F1 on the tuning stream the actor-conflict evidence may cost (see <see cref="AddConflicts"/>).</summary>
    public const double ConflictTolerance = 0.01;

    /// <summary>
    /// Adds the actor-conflict weights to <paramref name="tuned"/>: in the direction and entity/place ratio of
    /// <paramref name="pairFit"/> (fitted on labelled pairs), at the largest strength, on a grid of 0.25 up to the
    /// fitted one, whose BCubed F1 on <paramref name="stream"/> is within <see cref="ConflictTolerance"/> of
    /// <paramref name="tuned"/>'s; none when every strength costs more.
    /// </summary>
    public static TunedModel AddConflicts(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, TunedModel tuned, MergeModel pairFit)
    {
        ArgumentNullException.ThrowIfNull(tuned);
        ArgumentNullException.ThrowIfNull(pairFit);
        if (pairFit.EntityConflict >= 0)
        {
            return tuned;
        }

        double ratio = pairFit.PlaceConflict < 0 ? pairFit.PlaceConflict / pairFit.EntityConflict : 0;
        for (double strength = Math.Floor(-pairFit.EntityConflict * 4) / 4; strength >= 0.25; strength -= 0.25)
        {
            MergeModel tried = tuned.Model with { EntityConflict = -strength, PlaceConflict = Math.Round(-strength * ratio, 3) };
            double f1 = StoryEvaluation.Cluster(stream, features, ClusteringOptions.Default with { Model = tried, MergeScore = tuned.MergeScore }).BCubed.F1;
            if (f1 >= tuned.F1 - ConflictTolerance)
            {
                return tuned with { Model = tried, F1 = f1 };
            }
        }

        return tuned;
    }

    /// <summary>The model as JSON, as committed under models/stories/.</summary>
    public static string ToJson(TunedModel tuned, string data)
    {
        ArgumentNullException.ThrowIfNull(tuned);
        MergeModel m = tuned.Model;
        return JsonSerializer.Serialize(new
        {
            tunedOn = data,
            startedFrom = tuned.StartedFrom,
            bcubedF1 = Math.Round(tuned.F1, 4),
            bias = m.Bias,
            body = m.Body,
            head = m.Head,
            entities = m.Entities,
            places = m.Places,
            recency = m.Recency,
            decayDays = m.DecayDays,
            entityConflict = m.EntityConflict,
            placeConflict = m.PlaceConflict,
            mergeScore = double.IsPositiveInfinity(tuned.MergeScore) ? "never" : tuned.MergeScore.ToString(CultureInfo.InvariantCulture),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads a model written by <see cref="ToJson"/>: the weights and the merge score.</summary>
    /// <exception cref="System.Text.Json.JsonException">Not JSON.</exception>
    /// <exception cref="KeyNotFoundException">A weight is missing.</exception>
    public static (MergeModel Model, double MergeScore) FromJson(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement m = document.RootElement;
        double Optional(string name) => m.TryGetProperty(name, out JsonElement v) ? v.GetDouble() : 0;
        var model = new MergeModel(
            m.GetProperty("bias").GetDouble(),
            m.GetProperty("body").GetDouble(),
            m.GetProperty("head").GetDouble(),
            m.GetProperty("entities").GetDouble(),
            m.GetProperty("places").GetDouble(),
            m.GetProperty("recency").GetDouble(),
            m.GetProperty("decayDays").GetDouble())
        {
            EntityConflict = Optional("entityConflict"),
            PlaceConflict = Optional("placeConflict"),
        };
        string merge = m.GetProperty("mergeScore").GetString() ?? "never";
        return (model, merge == "never" ? double.PositiveInfinity : double.Parse(merge, CultureInfo.InvariantCulture));
    }
}
