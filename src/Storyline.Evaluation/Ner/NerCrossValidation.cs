using Storyline.Vectors;
using System.Globalization;
using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>One epoch's cross-validated score: the held-out folds' names pooled (conlleval counts), and each fold's F1.</summary>
/// <param name="Epoch">The epoch (of the last pass trained).</param>
/// <param name="Scores">Every fold's held-out names, pooled.</param>
/// <param name="FoldF1">Each fold's own F1.</param>
public sealed record CrossValidatedEpoch(int Epoch, NerScores Scores, IReadOnlyList<double> FoldF1);

/// <summary>
/// K-fold cross-validation of the tagger on a training file, by document: fold k holds the k-th of K contiguous runs
/// of documents (CoNLL-2003's documents come in date order, so a held-out fold is a stretch of days the model did not
/// see, as the held-out test sets are), the model is trained on the others, and every epoch of the last pass is
/// scored on the held-out fold. This is how the tagger's epochs, feature groups and settings are chosen, so that
/// eng.testa is scored once, at the end, on a model it did not choose.
/// </summary>
public static class NerCrossValidation
{
    /// <summary>The documents of fold <paramref name="fold"/> of <paramref name="folds"/> (contiguous runs).</summary>
    public static (int Start, int End) FoldRange(int documents, int folds, int fold)
    {
        if (folds < 2 || fold < 0 || fold >= folds)
        {
            throw new ArgumentOutOfRangeException(nameof(fold), "At least two folds, and fold within them.");
        }

        return ((int)((long)documents * fold / folds), (int)((long)documents * (fold + 1) / folds));
    }

    /// <summary>Cross-validates; returns the scores of every epoch of the last pass, plus (for two-pass training) the
    /// first pass's own, per epoch.</summary>
    /// <param name="documents">The training documents, in file order.</param>
    /// <param name="gazetteer">Name lists for the gazetteer features.</param>
    /// <param name="words">The word classes (where the options' feature groups need them).</param>
    /// <param name="options">Training options (epochs: the most scored).</param>
    /// <param name="folds">K.</param>
    /// <param name="log">Told of progress.</param>
    /// <param name="only">Only these folds (for a quicker look); null: all.</param>
    /// <param name="vectors">The word vectors (where the options' feature groups need them).</param>
    public static (IReadOnlyList<CrossValidatedEpoch> Last, IReadOnlyList<CrossValidatedEpoch> FirstPass) Run(
        IReadOnlyList<LabeledDocument> documents,
        GazetteerLists gazetteer,
        WordClasses? words,
        NerTrainingOptions options,
        int folds,
        Action<string> log,
        IReadOnlyList<int>? only = null,
        WordVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        int lastEpochs = options.SecondPass && options.SecondEpochs > 0 ? options.SecondEpochs : options.Epochs;
        var last = Enumerable.Range(0, lastEpochs).Select(_ => (new NerScores(), new List<double>())).ToArray();
        var first = Enumerable.Range(0, options.SecondPass ? options.Epochs : 0).Select(_ => (new NerScores(), new List<double>())).ToArray();
        foreach (int fold in only ?? Enumerable.Range(0, folds).ToList())
        {
            (int start, int end) = FoldRange(documents.Count, folds, fold);
            var train = documents.Where((_, i) => i < start || i >= end).ToList();
            var test = documents.Skip(start).Take(end - start).ToList();
            log(string.Create(CultureInfo.InvariantCulture, $"fold {fold + 1}/{folds}: training on {train.Count:N0} documents, scoring {test.Count:N0}"));
            NerTrainer.Train(
                train,
                gazetteer,
                options,
                progress: null,
                onEpoch: (epoch, model) => Add(last[epoch - 1], model, test, log, fold, epoch, options.SecondPass ? "pass 2" : "pass 1"),
                words: words,
                vectors: vectors,
                onFirstEpoch: options.SecondPass ? (epoch, model) => Add(first[epoch - 1], model, test, log, fold, epoch, "pass 1") : null);
        }

        return (Collect(last), Collect(first));
    }

    private static void Add((NerScores Scores, List<double> Folds) into, NerModel model, List<LabeledDocument> test, Action<string> log, int fold, int epoch, string pass)
    {
        var own = new NerScores();
        foreach (LabeledDocument document in test)
        {
            var labels = new byte[document.Labels.Length];
            model.Tag(document.Document, labels);
            foreach (var (first, n) in document.Document.Sentences)
            {
                List<NerChunk> gold = NerChunks.FromLabels(document.Labels.AsSpan(first, n));
                List<NerChunk> predicted = NerChunks.FromLabels(labels.AsSpan(first, n));
                into.Scores.Add(gold, predicted);
                own.Add(gold, predicted);
            }
        }

        into.Folds.Add(own.Overall.F1);
        log(string.Create(CultureInfo.InvariantCulture, $"  fold {fold + 1}, {pass} epoch {epoch}: F1 {own.Overall.F1 * 100:0.00}"));
    }

    private static List<CrossValidatedEpoch> Collect((NerScores Scores, List<double> Folds)[] epochs) =>
        [.. epochs.Select((e, i) => new CrossValidatedEpoch(i + 1, e.Scores, e.Folds))];

    /// <summary>The report printed by <c>storyline train ner --cv K</c>: pooled P/R/F1 per epoch, and per type at the best.</summary>
    public static EvalReport Report(string data, IReadOnlyList<CrossValidatedEpoch> epochs, IReadOnlyList<CrossValidatedEpoch> firstPass, string settings)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(firstPass);
        static EvalRow Row(string label, NerCounts c, IReadOnlyList<double>? folds) => new(label,
        [
            new("precision", c.Precision),
            new("recall", c.Recall),
            new("F1", c.F1),
            .. folds is { Count: > 0 } ? new KeyValuePair<string, double>[] { new("fold F1 min", folds.Min()), new("fold F1 max", folds.Max()) } : [],
        ]);

        var rows = new List<EvalRow>();
        rows.AddRange(firstPass.Select(e => Row(string.Create(CultureInfo.InvariantCulture, $"pass 1, epoch {e.Epoch}"), e.Scores.Overall, e.FoldF1)));
        rows.AddRange(epochs.Select(e => Row(string.Create(CultureInfo.InvariantCulture, $"{(firstPass.Count > 0 ? "pass 2" : "pass 1")}, epoch {e.Epoch}"), e.Scores.Overall, e.FoldF1)));
        CrossValidatedEpoch best = epochs.OrderByDescending(e => e.Scores.Overall.F1).ThenBy(e => e.Epoch).First();
        rows.AddRange(best.Scores.Types.Select(t => Row(string.Create(CultureInfo.InvariantCulture, $"epoch {best.Epoch}: {t.Type}"), t.Counts, null)));
        return new EvalReport("ner-cv", data, rows,
        [
            settings,
            string.Create(CultureInfo.InvariantCulture, $"Held-out folds pooled (conlleval: exact span and type, micro-averaged); best epoch {best.Epoch}: F1 {best.Scores.Overall.F1 * 100:0.00}."),
        ]);
    }
}
