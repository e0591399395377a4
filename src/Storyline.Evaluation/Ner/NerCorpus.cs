using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>Turns CoNLL documents into what the tagger reads and learns from.</summary>
public static class NerCorpus
{
    /// <summary>The tokens and sentences of a CoNLL document.</summary>
    public static TaggingDocument ToDocument(ConllDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return TaggingDocument.FromTokens([.. document.Sentences.Select(s => s.Tokens)]);
    }

    /// <summary>A CoNLL document with its gold names as BILOU labels.</summary>
    public static LabeledDocument ToLabeled(ConllDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var labels = new List<byte>();
        foreach (ConllSentence sentence in document.Sentences)
        {
            labels.AddRange(NerChunks.ToLabels(NerChunks.From(sentence.Tags), sentence.Rows.Count));
        }

        return new LabeledDocument(ToDocument(document), [.. labels]);
    }
}
