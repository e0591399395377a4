namespace Storyline.Stories;

/// <summary>
/// How alike two open stories are as wholes, one figure per kind of evidence: what the story-merge decision weighs.
/// Measured from the stories' state alone (their summed words, vectors, names and dates), never from one report.
/// </summary>
/// <param name="Words">TF-IDF cosine of the two stories' heaviest words.</param>
/// <param name="Meaning">Cosine of their summed dense body vectors; 0 without word vectors.</param>
/// <param name="HeadMeaning">Cosine of their summed headline vectors.</param>
/// <param name="People">TF-IDF cosine of the people they name, weighted by mentions (salience).</param>
/// <param name="Actors">The same for organisations and other names (neither people nor places).</param>
/// <param name="Places">The same for places.</param>
/// <param name="PlaceConflict">
/// The share (by weight) of one story's key places the other never named, times the same share the other way: 1 when
/// each is about places the other never mentions (an earthquake in Aceh and one in California); 0 when either names none.
/// </param>
/// <param name="PeopleConflict">The same for people.</param>
/// <param name="Touch">
/// exp(−gap / 30 days), the gap being the days between one story's latest report and the other's earliest (0 when their
/// active periods overlap): 1 for stories running at the same time, falling as they lie apart.
/// </param>
public readonly record struct StoryPairSimilarities(
    double Words, double Meaning, double HeadMeaning, double People, double Actors, double Places, double PlaceConflict, double PeopleConflict, double Touch)
{
    /// <summary>The evidence's names, in the order of <see cref="Vector"/> and of <see cref="StoryMergeModel.Weights"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["words", "meaning", "headMeaning", "people", "actors", "places", "placeConflict", "peopleConflict", "touch"];

    /// <summary>The figures in the order of <see cref="Names"/>.</summary>
    public double[] Vector() => [Words, Meaning, HeadMeaning, People, Actors, Places, PlaceConflict, PeopleConflict, Touch];
}

/// <summary>
/// The story-merge decision, the second, slower level of the clusterer: after a report is assigned, its story is compared
/// as a whole with the other stories the report was a candidate for (the few it scored best), and the best of them is
/// merged into it when this model's score (log-odds that the two are one running story) is at least 0. The report-level
/// <see cref="MergeModel"/> judges "same event"; this judges "same story over weeks". Fitted by <c>storyline train stories
/// --story-merge</c>; off in <see cref="ClusteringOptions.Default"/> (docs/QUALITY.md, "Seventh session").
/// </summary>
/// <param name="Bias">Constant term.</param>
/// <param name="Weights">One weight per evidence of <see cref="StoryPairSimilarities.Names"/>, in that order.</param>
public sealed record StoryMergeModel(double Bias, IReadOnlyList<double> Weights)
{
    /// <summary>How many of a report's other candidate stories are compared with its story unless a model says otherwise.</summary>
    public const int DefaultCandidates = 3;

    /// <summary>How many of a report's other candidate stories (the best by the report-level score) are compared with its story.</summary>
    public int Candidates { get; init; } = DefaultCandidates;

    /// <summary>The log-odds that the two stories are one.</summary>
    public double Score(StoryPairSimilarities s)
    {
        double[] x = s.Vector();
        double score = Bias;
        for (int i = 0; i < x.Length && i < Weights.Count; i++)
        {
            score += Weights[i] * x[i];
        }

        return score;
    }
}
