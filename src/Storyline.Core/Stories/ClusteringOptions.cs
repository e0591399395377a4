namespace Storyline.Stories;

/// <summary>Settings of the online story clusterer.</summary>
public sealed record ClusteringOptions
{
    private static readonly Lazy<Vectors.TextEmbedder?> ShippedEmbedder = new(() => Vectors.WordVectors.Shipped is { } vectors ? new Vectors.TextEmbedder(vectors) : null);

    /// <summary>
    /// Kept for callers of the stand-in clusterer; the merge-or-new decision is now <see cref="Model"/>, and this
    /// threshold is not used.
    /// </summary>
    public double JoinThreshold { get; init; } = 0.2;

    /// <summary>
    /// Only stories with a report within this many days are candidates (default 365, chosen with the model by
    /// <c>storyline train stories</c>; the candidate index keeps the cost per report from growing with it).
    /// </summary>
    public int WindowDays { get; init; } = 365;

    /// <summary>A story's word vector keeps at most this many terms, the heaviest (default 200).</summary>
    public int MaxStoryTerms { get; init; } = 200;

    /// <summary>Kept for callers of the stand-in clusterer; entity terms are now their own similarities.</summary>
    public double EntityWeight { get; init; } = 1.5;

    /// <summary>How a report is compared with a story and when it joins it.</summary>
    public MergeModel Model { get; init; } = MergeModel.Default;

    /// <summary>A report whose estimated shingle Jaccard similarity to an earlier report reaches this is a copy of it (default 0.5).</summary>
    public double CopyThreshold { get; init; } = 0.5;

    /// <summary>
    /// Two stories a report both fits this well (score of <see cref="Model"/>, in log-odds) are one story and are merged
    /// (default 2, chosen by <c>storyline train stories</c>; <see cref="double.PositiveInfinity"/> never merges).
    /// </summary>
    public double MergeScore { get; init; } = 2;

    /// <summary>The report's heaviest words and entities (this many of each) look up candidate stories (default 12).</summary>
    public int QueryTerms { get; init; } = 12;

    /// <summary>A term in more open stories than this is too common to look candidates up by (default 300).</summary>
    public int MaxPostings { get; init; } = 300;

    /// <summary>At most this many candidate stories, those sharing the most query terms, are scored (default 64).</summary>
    public int MaxCandidates { get; init; } = 64;

    /// <summary>A band of the near-copy index holding more reports than this is too common to find copies by (default 50).</summary>
    public int MaxCopyBucket { get; init; } = 50;

    /// <summary>
    /// Makes the dense vectors of reports and stories (<see cref="StorySimilarities.Meaning"/>); null compares words
    /// alone. Defaults to the committed word vectors where the program has them.
    /// </summary>
    public Vectors.TextEmbedder? Embedder { get; init; } = ShippedEmbedder.Value;

    /// <summary>
    /// Whether every similarity is measured for every candidate, even those <see cref="Model"/> gives weight 0 (which
    /// cannot change a decision and are otherwise left at 0): training needs them all.
    /// </summary>
    public bool MeasureAllEvidence { get; init; }

    /// <summary>
    /// The story-merge decision: after each report, its story is compared as a whole with the report's best other
    /// candidate stories, and the best of them is merged into it when this model says they are one running story. Null
    /// (the default) merges stories only through <see cref="MergeScore"/>.
    /// </summary>
    public StoryMergeModel? StoryMerge { get; init; }

    /// <summary>
    /// Whether the story-pair evidence is measured after each report even without <see cref="StoryMerge"/>
    /// (<see cref="OnlineStoryClusterer.LastStoryPairs"/>): training the story-merge decision needs it.
    /// </summary>
    public bool MeasureStoryPairs { get; init; }

    /// <summary>
    /// Where the words' idf comes from: a table counted once on other news (the default, chosen with the model by
    /// <c>storyline train stories</c>: <see cref="Stories.WordIdf.Shipped"/>, loaded on first use), or null to count it
    /// over the reports so far (the archive's, copies left out; the default until the ninth session, docs/QUALITY.md).
    /// Names keep the idf of the reports so far either way. An archive's document counts are kept the same way under
    /// both, so a program with the other setting continues an archive without trouble: the stories it holds stay as they
    /// were made, and reports added later are weighed with the program's setting.
    /// </summary>
    public WordIdf? WordIdf { get; init; } = Stories.WordIdf.Shipped;

    /// <summary>The defaults.</summary>
    public static ClusteringOptions Default { get; } = new();
}
