namespace Storyline.Entities.Tagging;

/// <summary>
/// The optional feature groups of the tagger, beyond the word, shape, affix, window, gazetteer and document features
/// every model has. A model stores the groups it was trained with, and tags with the same ones.
/// </summary>
[Flags]
public enum NerFeatureSet
{
    /// <summary>Only the base features (the model of 2026-11-29).</summary>
    None = 0,

    /// <summary>The word's cluster at every level of <see cref="WordClasses"/>, and its cluster (finest but one)
    /// with its short shape.</summary>
    Clusters = 1,

    /// <summary>The clusters of the words one and two either side, and cluster bigrams.</summary>
    ClusterWindow = 2,

    /// <summary>The word's frequency rank (log2 bucket) with its short shape.</summary>
    Rank = 4,

    /// <summary>How often news text writes the word capitalised mid-sentence, with its own case and place.</summary>
    Casing = 8,

    /// <summary>The finest clusters of the words either side, and the word's cluster with the words either side.</summary>
    ClusterContext = 16,

    /// <summary>
    /// The clusters of the words next to the same capitalised word everywhere else in the document (Ratinov and Roth's
    /// context aggregation, over clusters).
    /// </summary>
    DocumentContext = 32,

    /// <summary>With <see cref="DocumentContext"/>: the words themselves next to the same capitalised word elsewhere
    /// in the document, not only their clusters.</summary>
    DocumentWords = 64,

    /// <summary>The word's cluster with its case and whether it opens a sentence or stands in a headline, and a coarser
    /// cluster with its place in the sentence: what a word of its kind means in capitals, or first.</summary>
    ClusterCase = 128,

    /// <summary>
    /// A word of an all-capitals headline is read as the document writes it elsewhere (or in lower case, where news
    /// text nearly always writes it so): its word and shape features are those of that form. Its cluster and other
    /// look-ups, which are by the lower-cased word, do not change.
    /// </summary>
    HeadlineCase = 256,

    /// <summary>The word's binarised vector (<see cref="WordClasses.Signs"/>): one feature per dimension where its
    /// word vector is strongly positive or negative (Guo et al. 2014). Needs a table with vectors.</summary>
    VectorSigns = 512,

    /// <summary>
    /// Second pass: the names the first pass found (one or more words, written exactly so) are looked for everywhere
    /// in the document, and a token inside such a phrase learns its place in it (begin, inside, last, unit) and the
    /// type the phrase was given most often: entity-level consistency, so that a name found whole once lends its span
    /// and type to its other mentions (after Krishnan and Manning 2006).
    /// </summary>
    PhraseEvidence = 1024,

    /// <summary>
    /// The word's GloVe vector as real values, each dimension scaled to a standard deviation of 0.1
    /// (<see cref="EmbeddingFeatures"/>; Turian, Ratinov and Bengio 2010), in both passes. Needs the word vectors.
    /// </summary>
    Embeddings = 2048,

    /// <summary>With <see cref="Embeddings"/>: the vectors of the words at −1 and +1 in the sentence as well.</summary>
    EmbeddingWindow = 4096,
}
