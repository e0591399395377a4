using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Evaluation.Stories;

/// <summary>What a run over a benchmark stream gave.</summary>
/// <param name="Predicted">Each report's final story (after merges).</param>
/// <param name="Gold">Each report's gold story.</param>
/// <param name="BCubed">BCubed precision and recall.</param>
/// <param name="Pairwise">Pairwise precision and recall.</param>
/// <param name="Copies">Reports marked as near-copies.</param>
/// <param name="Merges">Stories merged into others.</param>
/// <param name="Failed">Reports the pipeline could not analyse (left out of the scores).</param>
public sealed record StoryRun(
    IReadOnlyDictionary<string, long> Predicted,
    IReadOnlyDictionary<string, string> Gold,
    PrecisionRecall BCubed,
    PrecisionRecall Pairwise,
    int Copies,
    int Merges,
    int Failed);

/// <summary>
/// Runs the real flow over a benchmark stream — <see cref="ReportCleaner"/>, the default pipeline, story features and
/// the online clusterer, in stream order — and scores the stories against the gold ones.
/// </summary>
public static class StoryEvaluation
{
    /// <summary>Clusters <paramref name="stream"/> and scores it.</summary>
    public static StoryRun Run(StoryBenchmarkStream stream, ClusteringOptions? options = null, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IReadOnlyList<StoryFeatures?> features = Analyse(stream, pipeline);
        return Cluster(stream, features, options ?? ClusteringOptions.Default);
    }

    /// <summary>Cleans and analyses every report (in parallel); null where one fails.</summary>
    public static IReadOnlyList<StoryFeatures?> Analyse(StoryBenchmarkStream stream, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Analyse([.. stream.Items.Select(i => i.Report)], pipeline);
    }

    /// <summary>Cleans and analyses every report (in parallel), in order; null where one has no body left.</summary>
    public static IReadOnlyList<StoryFeatures?> Analyse(IReadOnlyList<SourceReport> reports, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        pipeline ??= PipelineBuilder.CreateDefault();
        var cleaner = new ReportCleaner();
        var features = new StoryFeatures?[reports.Count];
        Parallel.For(0, reports.Count, i =>
        {
            Article article = cleaner.Clean(reports[i]);
            features[i] = article.Body.Length == 0 ? null : StoryFeatures.From(pipeline.Analyze(article));
        });
        return features;
    }

    /// <summary>Assigns already-analysed reports in stream order and scores the result.</summary>
    public static StoryRun Cluster(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, ClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        var clusterer = new OnlineStoryClusterer(options, ClusteringState.Empty);
        var assigned = new Dictionary<string, long>(StringComparer.Ordinal);
        var mergedInto = new Dictionary<long, long>();
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        int copies = 0, failed = 0;
        for (int i = 0; i < stream.Items.Count; i++)
        {
            if (features[i] is not StoryFeatures report)
            {
                failed++;
                continue;
            }

            StoryAssignment assignment = clusterer.Assign(report);
            assigned[stream.Items[i].Id] = assignment.Story.Value;
            gold[stream.Items[i].Id] = stream.Items[i].Gold;
            copies += assignment.CopyOf is null ? 0 : 1;
            if (assignment.Merged is StoryId merged)
            {
                mergedInto[merged.Value] = assignment.Story.Value;
            }
        }

        long Final(long story)
        {
            while (mergedInto.TryGetValue(story, out long into))
            {
                story = into;
            }

            return story;
        }

        var predicted = assigned.ToDictionary(a => a.Key, a => Final(a.Value), StringComparer.Ordinal);
        return new StoryRun(predicted, gold, ClusteringScores.BCubed(gold, predicted), ClusteringScores.Pairwise(gold, predicted), copies, mergedInto.Count, failed);
    }

    /// <summary>The printed report of a run; <paramref name="variant"/> names what ran where it is not the clusterer.</summary>
    public static EvalReport Report(string data, StoryBenchmarkStream stream, StoryRun run, string? variant = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(run);
        string level = stream.Layout switch
        {
            StoryBenchmarkLayout.EcbPlus => "events (topic × ecb/ecbplus)",
            StoryBenchmarkLayout.Timeline17 => "topics (precision is the figure that counts)",
            _ => "events",
        };
        EvalRow row = new(
            variant is null ? stream.Layout.ToString() : $"{stream.Layout} ({variant})",
            [
                new("BCubed P", run.BCubed.Precision),
                new("BCubed R", run.BCubed.Recall),
                new("BCubed F1", run.BCubed.F1),
                new("pairwise P", run.Pairwise.Precision),
                new("pairwise R", run.Pairwise.Recall),
                new("pairwise F1", run.Pairwise.F1),
            ]);
        return new EvalReport("stories", data, [row],
        [
            $"{run.Predicted.Count} reports streamed in date order; gold {level}: {run.Gold.Values.Distinct(StringComparer.Ordinal).Count()}; predicted stories: {run.Predicted.Values.Distinct().Count()}",
            $"near-copies: {run.Copies}; merges: {run.Merges}; not analysed: {run.Failed}; empty files skipped: {stream.Skipped}",
        ]);
    }

    /// <summary>Writes <c>article&lt;TAB&gt;story</c> lines, in stream order.</summary>
    public static async Task WritePredictionsAsync(string path, StoryBenchmarkStream stream, StoryRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(run);
        var lines = stream.Items.Where(i => run.Predicted.ContainsKey(i.Id))
            .Select(i => i.Id + "\t" + run.Predicted[i.Id].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
    }
}
