using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>
/// The figures <c>storyline train stories</c> prints after training: the held-out scores that chose the settings, then
/// the trained model and the TF-IDF baseline (at its chosen threshold) on every set: the test halves (never seen), the
/// whole sets (half seen), Crisis (trained on), Timeline17 (never seen; topic precision is the figure that counts) and
/// the SemEval test pairs.
/// </summary>
public static class StoryTrainingReport
{
    /// <summary>The report.</summary>
    /// <param name="trained">What training gave.</param>
    /// <param name="streams">The sets to score, whole (each scored whole and, where it has one, on its test half).</param>
    /// <param name="testPairs">The SemEval test pairs, where there are.</param>
    /// <param name="start">The options training started from.</param>
    public static EvalReport Build(TrainedStories trained, IReadOnlyList<AnalysedStream> streams, SemEvalTexts? testPairs, ClusteringOptions? start = null)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentNullException.ThrowIfNull(streams);
        ClusteringOptions options = trained.Options(start);
        var rows = new List<EvalRow>();
        foreach (HeldOutScore held in trained.HeldOut)
        {
            rows.Add(new EvalRow($"held out: {held.Set}", [new(held.Measure, held.Score)]));
        }

        foreach (AnalysedStream whole in streams)
        {
            // Timeline17 is all test and Crisis all training (a source of long stories): each is scored whole.
            IEnumerable<AnalysedStream> parts = whole.Stream.Layout is StoryBenchmarkLayout.Timeline17 or StoryBenchmarkLayout.Crisis ? [whole] : [whole.Half(StoryHalf.Test), whole];
            foreach (AnalysedStream set in parts)
            {
                rows.Add(Row($"model: {set.Name}", set.Cluster(options)));
                rows.Add(Row($"baseline: {set.Name}", TfidfBaseline.Run(set.Stream, set.Features, trained.BaselineThreshold)));
            }
        }

        if (testPairs is not null)
        {
            PairQuality quality = PairFit.Quality(testPairs.Measure(options), options.Model);
            rows.Add(new EvalRow($"model: {testPairs.Name} pairs", [new("pair P", quality.Scores.Precision), new("pair R", quality.Scores.Recall), new("pair F1", quality.Scores.F1), new("accuracy", quality.Accuracy), new("pair AUC", quality.Auc)]));
        }

        TrainingSetting s = trained.Setting;
        return new EvalReport("train stories", string.Join(", ", streams.Select(x => x.Name)), rows,
        [
            $"chosen by {(trained.Objective == SelectionObjective.WorstMargin ? $"the worst floor margin ({trained.ObjectiveValue:+0.0000;-0.0000}; mean held-out score {trained.MeanHeldOut:F4})" : $"the mean held-out score ({trained.MeanHeldOut:F4})")}: window {s.WindowDays} days, penalty {s.L2}, recency decay {s.DecayDays} days, bias offset {s.Offset}, merge score {s.MergeScore}",
            $"model: {trained.Model}",
            $"TF-IDF baseline threshold {trained.BaselineThreshold} (the best mean BCubed F1 over the training halves)",
            "held out: fitted without that source; test halves and Timeline17 were never used; whole sets include the training half",
        ]);
    }

    private static EvalRow Row(string label, StoryRun run) => new(label,
    [
        new("BCubed P", run.BCubed.Precision),
        new("BCubed R", run.BCubed.Recall),
        new("BCubed F1", run.BCubed.F1),
        new("stories", run.Predicted.Values.Distinct().Count()),
    ]);
}
