namespace Storyline.Stories;

/// <summary>How alike a report and a story are, one figure per kind of evidence, each in [0, 1].</summary>
/// <param name="Body">TF-IDF cosine of the report's words and the story's summed words.</param>
/// <param name="Head">TF-IDF cosine of the report's headline (or lead) words and the story's.</param>
/// <param name="Entities">TF-IDF cosine of the people, organisations and other names.</param>
/// <param name="Places">TF-IDF cosine of the places.</param>
/// <param name="Recency">exp(−days since the story's latest report / decay days): 1 the same day, falling with the gap.</param>
public readonly record struct StorySimilarities(double Body, double Head, double Entities, double Places, double Recency)
{
    /// <summary>
    /// Evidence against: the share (by weight) of the report's key people and organisations that the story has never
    /// named; 0 when either side names none. Two reports of the same kind of event (two earthquakes, two hijackings)
    /// share their words but not their actors, which cosines alone cannot tell from a report that names nobody.
    /// </summary>
    public double EntityConflict { get; init; }

    /// <summary>The same for the report's key places: the share the story has never named; 0 when either side names none.</summary>
    public double PlaceConflict { get; init; }

    /// <summary>The same for people alone: the product of the report's key people the story never named and the story's the report does not name.</summary>
    public double PeopleConflict { get; init; }

    /// <summary>
    /// Cosine of the report's and the story's dense vectors (smooth-inverse-frequency weighted word vectors): alike when
    /// they say the same in other words ("quake" and "earthquake"); 0 without word vectors.
    /// </summary>
    public double Meaning { get; init; }

    /// <summary>The same for the headline (or lead) words.</summary>
    public double HeadMeaning { get; init; }

    /// <summary>The share of the days the report mentions ("on Tuesday" resolved) that the story's reports mentioned too; 0 when it mentions none.</summary>
    public double DateMatch { get; init; }

    /// <summary>
    /// Evidence against from time: the share of the years the report mentions that the story never mentioned, times the
    /// share of the story's most mentioned years the report does not mention (two floods, one in 2008, one in 2012);
    /// 0 when either side mentions none.
    /// </summary>
    public double DateConflict { get; init; }

    /// <summary>The share of the numbers the report gives (a toll, a magnitude, an amount) that the story's reports gave too; 0 when it gives none.</summary>
    public double NumberMatch { get; init; }

    /// <summary>
    /// <see cref="PlaceConflict"/> for places below a country (towns, regions, unresolved place names): two events of one
    /// kind in one country (two earthquakes in California) share the country but not the town.
    /// </summary>
    public double TownConflict { get; init; }

    /// <summary>
    /// Evidence against from the calendar: the share of the days the report mentions (a week or more from its own
    /// publication, so that "on Monday" does not count) that lie more than a week from every such day of the story,
    /// times the share of the story's most mentioned such days (at most three) more than a week from every day of the
    /// report; 0 when either side mentions none. Two events of one kind months apart (a hijacking in March 2008 and one
    /// in June 2011) give different days.
    /// </summary>
    public double DayConflict { get; init; }

    /// <summary>
    /// How far <see cref="HeadMeaning"/> falls short of the best among the report's candidate stories: 0 for the story
    /// whose headlines mean most nearly what the report's says, negative for the others (0 when there is one candidate).
    /// Headline meaning used to choose among candidates, not to choose between a story and a new one: two look-alike
    /// events of one topic differ in their headlines, while the headlines of one long story drift.
    /// </summary>
    public double HeadMeaningGap { get; init; }
}

/// <summary>
/// The merge-or-new decision: a linear score (log-odds) over <see cref="StorySimilarities"/>; a report joins the
/// best-scoring candidate when its score is at least 0, and otherwise starts a story. The weights are a logistic
/// regression fitted by <c>storyline train stories</c>, or set by hand.
/// </summary>
/// <param name="Bias">Constant term.</param>
/// <param name="Body">Weight of <see cref="StorySimilarities.Body"/>.</param>
/// <param name="Head">Weight of <see cref="StorySimilarities.Head"/>.</param>
/// <param name="Entities">Weight of <see cref="StorySimilarities.Entities"/>.</param>
/// <param name="Places">Weight of <see cref="StorySimilarities.Places"/>.</param>
/// <param name="Recency">Weight of <see cref="StorySimilarities.Recency"/>.</param>
/// <param name="DecayDays">Days over which <see cref="StorySimilarities.Recency"/> falls by a factor e.</param>
public sealed record MergeModel(double Bias, double Body, double Head, double Entities, double Places, double Recency, double DecayDays)
{
    /// <summary>Weight of <see cref="StorySimilarities.EntityConflict"/> (evidence against, so at most 0 when tuned).</summary>
    public double EntityConflict { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.PlaceConflict"/>.</summary>
    public double PlaceConflict { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.PeopleConflict"/>.</summary>
    public double PeopleConflict { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.Meaning"/>.</summary>
    public double Meaning { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.HeadMeaning"/>.</summary>
    public double HeadMeaning { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.DateMatch"/>.</summary>
    public double DateMatch { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.DateConflict"/>.</summary>
    public double DateConflict { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.NumberMatch"/>.</summary>
    public double NumberMatch { get; init; }

    /// <summary>
    /// Weight of the product <see cref="StorySimilarities.Body"/> × <see cref="StorySimilarities.HeadMeaning"/>: headlines
    /// that mean the same count for more when the words agree too (an interaction, not a new measure).
    /// </summary>
    public double BodyHeadMeaning { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.TownConflict"/>.</summary>
    public double TownConflict { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.DayConflict"/>.</summary>
    public double DayConflict { get; init; }

    /// <summary>Weight of <see cref="StorySimilarities.HeadMeaningGap"/>.</summary>
    public double HeadMeaningGap { get; init; }

    /// <summary>
    /// The shipped weights: models/stories/merge-model.json, written by <c>storyline train stories --data ../shared/data</c>
    /// (fitted on the training halves of Giveme5W1H and ECB+ and the SemEval-2022 training pairs with the words' idf from
    /// the Reuters table, its settings chosen by leave-one-source-out cross-validation on the worst floor margin; see
    /// docs/QUALITY.md); a test keeps the two equal.
    /// </summary>
    public static MergeModel Default { get; } = new(-1.798, 8.071, 0, 0, 0, 0, 30.0);

    /// <summary>The log-odds that the report belongs to the story.</summary>
    public double Score(StorySimilarities s) =>
        Bias + (Body * s.Body) + (Head * s.Head) + (Entities * s.Entities) + (Places * s.Places) + (Recency * s.Recency)
        + (EntityConflict * s.EntityConflict) + (PlaceConflict * s.PlaceConflict)
        + (PeopleConflict * s.PeopleConflict) + (Meaning * s.Meaning) + (HeadMeaning * s.HeadMeaning) + (DateMatch * s.DateMatch) + (DateConflict * s.DateConflict) + (NumberMatch * s.NumberMatch)
        + (BodyHeadMeaning * s.Body * s.HeadMeaning) + (TownConflict * s.TownConflict) + (DayConflict * s.DayConflict) + (HeadMeaningGap * s.HeadMeaningGap);

    /// <summary>The probability that the report belongs to the story.</summary>
    public double Probability(StorySimilarities s) => 1 / (1 + Math.Exp(-Score(s)));

    /// <summary>The recency of a story whose latest report is <paramref name="days"/> days from the report.</summary>
    public double RecencyOf(int days) => Math.Exp(-Math.Abs(days) / Math.Max(DecayDays, 1e-9));
}
