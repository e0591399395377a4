using System.Globalization;
using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>The run behind <c>storyline train ner</c>: read eng.train, derive the gazetteer, train, save.</summary>
public static class NerTraining
{
    /// <summary>Trains on <c>eng.train</c> in <paramref name="conllFolder"/> and writes the model to <paramref name="output"/>.</summary>
    /// <param name="conllFolder">The folder with eng.train (and eng.testa).</param>
    /// <param name="placesFolder">The places folder (geonames/, mledoze-countries/).</param>
    /// <param name="output">Where the model goes.</param>
    /// <param name="options">Epochs, seed, passes.</param>
    /// <param name="devFile">Where given, a CoNLL file scored after each epoch of the last pass (for choosing epochs).</param>
    /// <param name="log">Told of progress.</param>
    public static NerModel Run(string conllFolder, string placesFolder, string output, NerTrainingOptions options, string? devFile, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        IReadOnlyList<ConllDocument> train = ConllFile.Read(Path.Combine(conllFolder, "eng.train"));
        log(string.Create(CultureInfo.InvariantCulture, $"eng.train: {train.Count:N0} documents, {train.Sum(d => d.Sentences.Sum(s => s.Rows.Count)):N0} tokens"));
        GazetteerLists gazetteer = PlaceLists.Build(placesFolder);
        log("gazetteer: " + string.Join(", ", gazetteer.Lists.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.List} {l.Phrases.Count:N0}"))));

        IReadOnlyList<ConllDocument>? dev = devFile is null ? null : ConllFile.Read(devFile);
        Action<int, NerModel>? onEpoch = dev is null ? null : (epoch, model) =>
        {
            NerCounts overall = NerEvaluation.Score(dev, NerEvaluation.Tag(model, dev)).Overall;
            log(string.Create(CultureInfo.InvariantCulture, $"  epoch {epoch}: dev F1 {overall.F1 * 100:0.00} (P {overall.Precision * 100:0.00}, R {overall.Recall * 100:0.00})"));
        };

        NerModel trained = NerTrainer.Train([.. train.Select(NerCorpus.ToLabeled)], gazetteer, options, log, onEpoch);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (FileStream file = File.Create(output))
        {
            trained.Save(file);
        }

        log(string.Create(CultureInfo.InvariantCulture, $"wrote {output}: {new FileInfo(output).Length:N0} bytes, {trained.FeatureCount:N0} feature rows"));
        return trained;
    }
}
