using System.Globalization;
using Storyline.Entities.Tagging;
using Storyline.Vectors;

namespace Storyline.Evaluation.Ner;

/// <summary>The runs behind <c>storyline train ner</c>: read eng.train, derive the gazetteer, then train and save, or
/// cross-validate.</summary>
public static class NerTraining
{
    /// <summary>
    /// The settings of the shipped model, each chosen by 5-fold cross-validation on eng.train (docs/QUALITY.md): every
    /// word-class group and the document context; ten epochs for the first pass and two for the second, the first
    /// epochs within 0.02 F1 of each pass's best; no extra gazetteer list, no count cut-off and no word dropout (all
    /// scored lower); seven learners per pass (2026-12-04: five passed the bar of +0.05 pooled and higher in three folds
    /// of five over three, then seven over five by the same bar); the GloVe vectors as real values for the word and its
    /// neighbours (2026-12-04, fourth stop, by the same bar); no other setting or feature group tried passed it.
    /// </summary>
    public static NerTrainingOptions Shipped { get; } = new(
        Epochs: 10,
        SecondEpochs: 2,
        Ensemble: 7,
        Features: NerFeatureSet.Clusters | NerFeatureSet.ClusterWindow | NerFeatureSet.Rank | NerFeatureSet.Casing | NerFeatureSet.DocumentContext
            | NerFeatureSet.Embeddings | NerFeatureSet.EmbeddingWindow);

    /// <summary>Trains on <c>eng.train</c> in <paramref name="conllFolder"/> and writes the model to <paramref name="output"/>
    /// (and the word classes beside it, where the model reads them and they are not there yet).</summary>
    /// <param name="conllFolder">The folder with eng.train (and eng.testa).</param>
    /// <param name="placesFolder">The places folder (geonames/, mledoze-countries/).</param>
    /// <param name="output">Where the model goes.</param>
    /// <param name="options">Epochs, seed, passes, feature groups.</param>
    /// <param name="devFile">Where given, a CoNLL file scored after each epoch of the last pass.</param>
    /// <param name="wordClasses">The word-classes file, where the feature groups need it.</param>
    /// <param name="log">Told of progress.</param>
    /// <param name="lists">Optional gazetteer lists (<see cref="PlaceLists.OptionalLists"/>).</param>
    public static NerModel Run(string conllFolder, string placesFolder, string output, NerTrainingOptions options, string? devFile, string? wordClasses, IReadOnlyCollection<string> lists, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        (List<LabeledDocument> train, GazetteerLists gazetteer, WordClasses? words) = ReadInputs(conllFolder, placesFolder, options, wordClasses, lists, log);
        IReadOnlyList<ConllDocument>? dev = devFile is null ? null : ConllFile.Read(devFile);
        Action<int, NerModel>? onEpoch = dev is null ? null : (epoch, model) =>
        {
            NerCounts overall = NerEvaluation.Score(dev, NerEvaluation.Tag(model, dev)).Overall;
            log(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch}: dev F1 {overall.F1 * 100:0.00} (P {overall.Precision * 100:0.00}, R {overall.Recall * 100:0.00})"));
        };

        NerModel trained = NerTrainer.Train(train, gazetteer, options, log, onEpoch, words, vectors: Vectors(options));
        string folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(folder);
        using (FileStream file = File.Create(output))
        {
            trained.Save(file);
        }

        if (words is not null && wordClasses is not null)
        {
            string beside = Path.Combine(folder, NerModel.WordClassesFileName);
            if (!string.Equals(Path.GetFullPath(beside), Path.GetFullPath(wordClasses), StringComparison.Ordinal))
            {
                File.Copy(wordClasses, beside, overwrite: true);
                log("copied " + wordClasses + " to " + beside);
            }
        }

        log(string.Create(CultureInfo.InvariantCulture, $"wrote {output}: {new FileInfo(output).Length:N0} bytes, {trained.FeatureCount:N0} feature rows, features: {trained.Features}"));
        return trained;
    }

    /// <summary>Cross-validates the options on <c>eng.train</c> (see <see cref="NerCrossValidation"/>).</summary>
    /// <param name="conllFolder">The folder with eng.train.</param>
    /// <param name="placesFolder">The places folder.</param>
    /// <param name="options">The settings to score (epochs: the most scored).</param>
    /// <param name="folds">K.</param>
    /// <param name="only">Only these folds (0-based), or null.</param>
    /// <param name="wordClasses">The word-classes file, where the feature groups need it.</param>
    /// <param name="lists">Optional gazetteer lists (<see cref="PlaceLists.OptionalLists"/>).</param>
    /// <param name="log">Told of progress.</param>
    public static EvalReport CrossValidate(string conllFolder, string placesFolder, NerTrainingOptions options, int folds, IReadOnlyList<int>? only, string? wordClasses, IReadOnlyCollection<string> lists, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        (List<LabeledDocument> train, GazetteerLists gazetteer, WordClasses? words) = ReadInputs(conllFolder, placesFolder, options, wordClasses, lists, log);
        var (last, first) = NerCrossValidation.Run(train, gazetteer, words, options, folds, log, only, Vectors(options));
        string settings = string.Create(
            CultureInfo.InvariantCulture,
            $"{folds} folds by contiguous documents{(only is null ? string.Empty : " (folds " + string.Join(',', only.Select(f => f + 1)) + " only)")}; features: {options.Features}; lists: {string.Join(',', gazetteer.Lists.Select(l => l.List))}; passes: {(options.SecondPass ? 2 : 1)}; epochs {options.Epochs}{(options.SecondPass && options.SecondEpochs > 0 ? "/" + options.SecondEpochs : string.Empty)}; min count {options.MinCount}; ensemble {options.Ensemble}; word dropout {options.WordDropout}; prune {options.Prune}; seed {options.Seed}");
        return NerCrossValidation.Report(Path.Combine(conllFolder, "eng.train"), last, first, settings);
    }

    // The committed word vectors, where the feature groups read them.
    private static WordVectors? Vectors(NerTrainingOptions options) => (options.Features & NerFeatureSet.Embeddings) == 0 ? null
        : WordVectors.Shipped ?? throw new FileNotFoundException("The feature groups " + options.Features + " need the word vectors (" + WordVectors.DefaultPath + ", 'storyline train embeddings').", WordVectors.DefaultPath);

    private static (List<LabeledDocument> Train, GazetteerLists Gazetteer, WordClasses? Words) ReadInputs(string conllFolder, string placesFolder, NerTrainingOptions options, string? wordClasses, IReadOnlyCollection<string> lists, Action<string> log)
    {
        IReadOnlyList<ConllDocument> train = ConllFile.Read(Path.Combine(conllFolder, "eng.train"));
        log(string.Create(CultureInfo.InvariantCulture, $"eng.train: {train.Count:N0} documents, {train.Sum(d => d.Sentences.Sum(s => s.Rows.Count)):N0} tokens"));
        GazetteerLists gazetteer = PlaceLists.Build(placesFolder, lists);
        log("gazetteer: " + string.Join(", ", gazetteer.Lists.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.List} {l.Phrases.Count:N0}"))));
        WordClasses? words = null;
        if (options.Features != NerFeatureSet.None)
        {
            if (wordClasses is null || !File.Exists(wordClasses))
            {
                throw new FileNotFoundException($"{wordClasses ?? NerModel.WordClassesFileName} not found: the feature groups {options.Features} need word classes ('storyline train word-classes')", wordClasses);
            }

            words = WordClasses.Load(wordClasses);
            log(string.Create(CultureInfo.InvariantCulture, $"word classes: {words.Count:N0} words, levels {string.Join('/', words.Levels)}"));
        }

        return ([.. train.Select(NerCorpus.ToLabeled)], gazetteer, words);
    }
}
