using Storyline.Entities.Tagging;
using Storyline.Evaluation.Ner;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Ner;

public sealed class NerEvalSmokeTests
{
    [SharedFact("data/ner/conll2003/eng.testa")]
    public void Committed_model_scores_well_on_the_first_sentences_of_the_dev_set()
    {
        // Given the first documents of eng.testa, about 200 sentences
        var documents = new List<ConllDocument>();
        foreach (ConllDocument doc in ConllFile.Read(Path.Combine(TestPaths.Shared, "data", "ner", "conll2003", "eng.testa")))
        {
            documents.Add(doc);
            if (documents.Sum(d => d.Sentences.Count) >= 200)
            {
                break;
            }
        }

        NerModel model = NerModel.Default ?? throw new InvalidOperationException("models/ner/model.bin is not in the build output");

        // When they are tagged with the committed model
        NerScores scores = NerEvaluation.Score(documents, NerEvaluation.Tag(model, documents));

        // Then the overall F1 clears a loose floor (the full set scores about 0.9; see docs/QUALITY.md)
        Assert.True(scores.Overall.F1 > 0.8, $"F1 {scores.Overall.F1:0.000}");
    }
}
