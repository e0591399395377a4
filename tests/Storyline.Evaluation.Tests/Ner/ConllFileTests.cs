using Storyline.Evaluation.Ner;

namespace Storyline.Evaluation.Tests.Ner;

public sealed class ConllFileTests
{
    // Made-up lines in the CoNLL-2003 layout (not benchmark text).
    private static readonly string[] Lines =
    [
        "Anna NNP I-NP I-PER",
        "flew VBD I-VP O",
        "to TO I-PP O",
        "Oslo NNP I-NP I-LOC",
        ". . O O",
        string.Empty,
        "OSLO NNP I-NP I-LOC",
        string.Empty,
        "-DOCSTART- -X- O O",
        string.Empty,
        "Acme NNP I-NP I-ORG",
        "Corp NNP I-NP I-ORG",
    ];

    [Fact]
    public void Documents_and_sentences_are_split_on_docstart_and_blank_lines()
    {
        IReadOnlyList<ConllDocument> docs = ConllFile.Parse(Lines);

        Assert.Equal(2, docs.Count);
        Assert.Equal(2, docs[0].Sentences.Count);
        Assert.Equal(["Anna", "flew", "to", "Oslo", "."], docs[0].Sentences[0].Tokens);
        Assert.Equal(["I-ORG", "I-ORG"], docs[1].Sentences[0].Tags);
    }

    [Fact]
    public void Predictions_keep_the_input_columns_and_add_one()
    {
        IReadOnlyList<ConllDocument> docs = ConllFile.Parse(Lines);
        var predicted = docs.Select(d => (IReadOnlyList<IReadOnlyList<string>>)[.. d.Sentences.Select(s => (IReadOnlyList<string>)[.. s.Tags])]).ToList();
        using var writer = new StringWriter();

        ConllFile.WriteWithPredictions(writer, docs, predicted);

        string[] written = writer.ToString().Split('\n');
        Assert.Equal("-DOCSTART- -X- -X- O O", written[0]);
        Assert.Equal("Anna NNP I-NP I-PER I-PER", written[2]);
        Assert.Equal(ConllFile.Parse(written).Sum(d => d.Sentences.Count), docs.Sum(d => d.Sentences.Count));
    }
}
