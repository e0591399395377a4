using System.Globalization;
using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>Tags CoNLL-2003 documents with a model and scores them the conlleval way.</summary>
public static class NerEvaluation
{
    /// <summary>Tags every document; returns the predicted IOB1 tags per document, sentence and token.</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tag(NerModel model, IReadOnlyList<ConllDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var result = new IReadOnlyList<IReadOnlyList<string>>[documents.Count];
        for (int d = 0; d < documents.Count; d++)
        {
            TaggingDocument doc = NerCorpus.ToDocument(documents[d]);
            var labels = new byte[doc.Tokens.Length];
            model.Tag(doc, labels);
            var sentences = new IReadOnlyList<string>[doc.Sentences.Length];
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                var (first, n) = doc.Sentences[s];
                sentences[s] = NerChunks.ToIob1(NerChunks.FromLabels(labels.AsSpan(first, n)), n);
            }

            result[d] = sentences;
        }

        return result;
    }

    /// <summary>Scores predicted tags against the documents' gold tags.</summary>
    public static NerScores Score(IReadOnlyList<ConllDocument> documents, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> predicted)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(predicted);
        var scores = new NerScores();
        for (int d = 0; d < documents.Count; d++)
        {
            for (int s = 0; s < documents[d].Sentences.Count; s++)
            {
                scores.Add(NerChunks.From(documents[d].Sentences[s].Tags), NerChunks.From(predicted[d][s]));
            }
        }

        return scores;
    }

    /// <summary>The report printed by <c>storyline eval ner</c>: P/R/F1 per type and overall.</summary>
    public static EvalReport Report(string data, NerScores scores, int documents, int tokens)
    {
        ArgumentNullException.ThrowIfNull(scores);
        static EvalRow Row(string label, NerCounts c) => new(label,
        [
            new("precision", c.Precision),
            new("recall", c.Recall),
            new("F1", c.F1),
            new("gold", c.Gold),
            new("predicted", c.Predicted),
            new("correct", c.Correct),
        ]);

        var rows = scores.Types.Select(t => Row(t.Type, t.Counts)).ToList();
        rows.Add(Row("overall", scores.Overall));
        return new EvalReport("ner", data, rows,
        [
            string.Create(CultureInfo.InvariantCulture, $"{documents:N0} documents, {tokens:N0} tokens; exact span and type match, micro-averaged (conlleval)."),
        ]);
    }
}
