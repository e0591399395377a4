using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>A pair's similarities (a report against a story) and its gold label.</summary>
/// <param name="Similarities">The report against the story.</param>
/// <param name="Same">Whether the report belongs to the story.</param>
public sealed record PairExample(StorySimilarities Similarities, bool Same)
{
    /// <summary>How much the example counts in a fit (each source's examples share one total weight).</summary>
    public double Weight { get; init; } = 1;
}

/// <summary>
/// One decision of the clusterer: a report, the candidate stories it was measured against, and which of them it belongs
/// to (-1: none, it starts a story or its story is not among them).
/// </summary>
/// <param name="Candidates">The report against each candidate story.</param>
/// <param name="Chosen">The index of the right candidate, or -1 for a new story.</param>
public sealed record StoryDecision(IReadOnlyList<StorySimilarities> Candidates, int Chosen)
{
    /// <summary>How much the decision counts in a fit (each source's decisions share one total weight).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>The decision's report-against-story pairs, labelled.</summary>
    public IEnumerable<PairExample> Pairs => Candidates.Select((c, i) => new PairExample(c, i == Chosen));

    /// <summary>A pair as a decision: join the one story or not.</summary>
    public static StoryDecision Of(PairExample pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new StoryDecision([pair.Similarities], pair.Same ? 0 : -1);
    }
}

/// <summary>How well a model separates same-story pairs from the rest.</summary>
/// <param name="Pairs">Pairs scored.</param>
/// <param name="Accuracy">Share of pairs on the right side of score 0.</param>
/// <param name="Scores">Precision, recall and F1 of "same story" at score 0.</param>
/// <param name="LogLoss">Mean negative log-likelihood of the gold labels.</param>
/// <param name="Auc">
/// The area under the ROC curve of the score: the chance that a same-story pair scores above a pair of two stories
/// (ties count half); it does not depend on the threshold.
/// </param>
public sealed record PairQuality(int Pairs, double Accuracy, PrecisionRecall Scores, double LogLoss, double Auc);

/// <summary>
/// The merge-or-new weights as a logistic regression over <see cref="StorySimilarities"/>: fitted by Newton's method
/// (iteratively reweighted least squares) with an L2 penalty on the weights, not on the bias, and example weights.
/// Deterministic. Also measures SemEval-2022 Task 8 pairs as the clusterer measures a report against a story.
/// </summary>
public static class PairFit
{
    /// <summary>The evidence the fit weighs, in the order of <see cref="Vector"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["body", "head", "entities", "places", "recency", "entityConflict", "placeConflict", "peopleConflict", "meaning", "headMeaning", "dateMatch", "dateConflict", "numberMatch", "bodyHeadMeaning", "townConflict", "dayConflict", "headMeaningGap"];

    /// <summary>
    /// Evidence the selection does not try (<see cref="StoryTraining.SelectEvidence"/>): the headline-meaning gap, which
    /// the selection chose on its three sources (none holds a story that runs for months) and which then split
    /// Timeline17's long topics (recall 0.470 to 0.275; docs/QUALITY.md, "Fifth session"). It comes back as a candidate
    /// when a source of long stories is part of the selection (<c>train stories --long-stories</c>; the sixth
    /// session's rule let that source buy the others' losses, so its model was not shipped either).
    /// </summary>
    public static IReadOnlySet<string> Withheld { get; } = new HashSet<string>(["headMeaningGap"], StringComparer.Ordinal);

    /// <summary>The similarities as a vector, in the order of <see cref="Names"/>.</summary>
    public static double[] Vector(StorySimilarities s) =>
        [s.Body, s.Head, s.Entities, s.Places, s.Recency, s.EntityConflict, s.PlaceConflict, s.PeopleConflict, s.Meaning, s.HeadMeaning, s.DateMatch, s.DateConflict, s.NumberMatch, s.Body * s.HeadMeaning, s.TownConflict, s.DayConflict, s.HeadMeaningGap];

    /// <summary>The model with <paramref name="bias"/> and <paramref name="weights"/> (in the order of <see cref="Names"/>).</summary>
    public static MergeModel Model(double bias, IReadOnlyList<double> weights, double decayDays)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new MergeModel(bias, weights[0], weights[1], weights[2], weights[3], weights[4], decayDays)
        {
            EntityConflict = weights[5],
            PlaceConflict = weights[6],
            PeopleConflict = weights[7],
            Meaning = weights[8],
            HeadMeaning = weights[9],
            DateMatch = weights[10],
            DateConflict = weights[11],
            NumberMatch = weights[12],
            BodyHeadMeaning = weights[13],
            TownConflict = weights[14],
            DayConflict = weights[15],
            HeadMeaningGap = weights[16],
        };
    }

    /// <summary>The weights of <paramref name="model"/>, in the order of <see cref="Names"/>.</summary>
    public static double[] Weights(MergeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [model.Body, model.Head, model.Entities, model.Places, model.Recency, model.EntityConflict, model.PlaceConflict, model.PeopleConflict, model.Meaning, model.HeadMeaning, model.DateMatch, model.DateConflict, model.NumberMatch, model.BodyHeadMeaning, model.TownConflict, model.DayConflict, model.HeadMeaningGap];
    }

    /// <summary>
    /// Fits bias and weights to <paramref name="decisions"/> as the clusterer decides: the report joins the candidate
    /// with the highest score when that score is at least 0, else starts a story. Modelled as a choice among the
    /// candidates and "new story" (score 0) with probabilities softmax(scores) — a conditional logit, which for a single
    /// candidate is the logistic regression of a pair — whose weighted log-likelihood (per unit of weight), less
    /// <paramref name="l2"/> / 2 times the squared weights, is maximised by Newton's method. The bias is the threshold;
    /// it is not penalised. Weights are rounded to 0.001.
    /// </summary>
    /// <param name="decisions">The decisions.</param>
    /// <param name="l2">The penalty on the weights (not the bias).</param>
    /// <param name="decayDays">The recency decay the decisions were measured with.</param>
    /// <param name="use">The evidence to weigh (names of <see cref="Names"/>); the others get weight 0. Null: all.</param>
    /// <param name="iterations">Newton steps at most.</param>
    public static MergeModel Fit(IReadOnlyList<StoryDecision> decisions, double l2, double decayDays, IReadOnlySet<string>? use = null, int iterations = 50)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count == 0)
        {
            throw new ArgumentException("no decisions to fit on", nameof(decisions));
        }

        int k = Names.Count + 1; // weights, then the bias
        bool[] off = [.. Names.Select(n => use is not null && !use.Contains(n)), false];
        double[][][] x = [.. decisions.Select(d => d.Candidates.Select(c => (double[])[.. Vector(c).Select((v, i) => off[i] ? 0 : v), 1.0]).ToArray())];
        double[] beta = Newton(x, k, [.. decisions.Select(d => d.Chosen)], [.. decisions.Select(d => d.Weight)], l2, iterations);
        return Model(Math.Round(beta[k - 1], 3), [.. beta[..^1].Select(b => Math.Round(b, 3))], decayDays);
    }

    /// <summary>
    /// Newton's method for the conditional logit of <see cref="Fit"/> on plain vectors: <paramref name="x"/>[n] holds
    /// decision n's candidates, each a vector of <paramref name="k"/> whose last element is 1 (the bias); <paramref name="answers"/>[n] the right
    /// candidate or -1 for "new" (score 0); <paramref name="weights"/>[n] its weight. Returns the coefficients, the bias
    /// last, unrounded. A single candidate per decision is a weighted logistic regression.
    /// </summary>
    internal static double[] Newton(double[][][] x, int k, IReadOnlyList<int> answers, IReadOnlyList<double> weights, double l2, int iterations = 50)
    {
        // Summed in order, one by one (as the fit always summed them), so that the weights come out the same to the bit.
        double total = 0;
        foreach (double weight in weights)
        {
            total += weight;
        }

        double[] beta = new double[k];
        double[] mean = new double[k];
        for (int step = 0; step < iterations; step++)
        {
            double[] gradient = new double[k];
            double[,] hessian = new double[k, k];
            for (int n = 0; n < x.Length; n++)
            {
                double[][] candidates = x[n];
                if (candidates.Length == 0)
                {
                    continue;
                }

                // Probabilities of each candidate and of a new story (score 0), stabilised by the largest score.
                double[] scores = [.. candidates.Select(c => Dot(beta, c))];
                double top = Math.Max(0, scores.Max());
                double[] p = [.. scores.Select(z => Math.Exp(z - top))];
                double sum = p.Sum() + Math.Exp(-top);
                double w = weights[n] / total;
                Array.Clear(mean);
                for (int c = 0; c < candidates.Length; c++)
                {
                    p[c] /= sum;
                    for (int a = 0; a < k; a++)
                    {
                        mean[a] += p[c] * candidates[c][a];
                    }
                }

                int chosen = answers[n];
                for (int a = 0; a < k; a++)
                {
                    gradient[a] -= w * ((chosen >= 0 ? candidates[chosen][a] : 0) - mean[a]);
                }

                for (int c = 0; c < candidates.Length; c++)
                {
                    for (int a = 0; a < k; a++)
                    {
                        double xa = candidates[c][a] * p[c] * w;
                        for (int b = 0; b <= a; b++)
                        {
                            hessian[a, b] += xa * candidates[c][b];
                        }
                    }
                }

                for (int a = 0; a < k; a++)
                {
                    for (int b = 0; b <= a; b++)
                    {
                        hessian[a, b] -= w * mean[a] * mean[b];
                    }
                }
            }

            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < a; b++)
                {
                    hessian[b, a] = hessian[a, b];
                }

                // The penalty, and a little on the bias too so that evidence constant in the data (recency without
                // dates) cannot leave the system singular.
                double penalty = a < k - 1 ? l2 : 1e-9;
                gradient[a] += penalty * beta[a];
                hessian[a, a] += penalty + 1e-12;
            }

            double[] move = Solve(hessian, gradient);
            double largest = 0;
            for (int a = 0; a < k; a++)
            {
                beta[a] -= move[a];
                largest = Math.Max(largest, Math.Abs(move[a]));
            }

            if (largest < 1e-9)
            {
                break;
            }
        }

        return beta;
    }

    /// <summary>How <paramref name="model"/> does on <paramref name="examples"/> (unweighted).</summary>
    public static PairQuality Quality(IReadOnlyList<PairExample> examples, MergeModel model)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(model);
        int right = 0, truePositive = 0, predicted = 0, gold = 0;
        double loss = 0;
        foreach (PairExample example in examples)
        {
            double score = model.Score(example.Similarities);
            bool same = score >= 0;
            right += same == example.Same ? 1 : 0;
            predicted += same ? 1 : 0;
            gold += example.Same ? 1 : 0;
            truePositive += same && example.Same ? 1 : 0;
            double p = Math.Clamp(Logistic(score), 1e-12, 1 - 1e-12);
            loss -= example.Same ? Math.Log(p) : Math.Log(1 - p);
        }

        int count = Math.Max(examples.Count, 1);
        return new PairQuality(examples.Count, (double)right / count, new PrecisionRecall(predicted == 0 ? 0 : (double)truePositive / predicted, gold == 0 ? 0 : (double)truePositive / gold), loss / count, Auc(examples, model));
    }

    // Mann–Whitney: the average rank of the same-story pairs among all, less its least possible value, over the pairs of pairs.
    private static double Auc(IReadOnlyList<PairExample> examples, MergeModel model) => Auc(examples.Select(e => (model.Score(e.Similarities), e.Same)));

    /// <summary>The ROC AUC of scored examples: the chance that a positive scores above a negative (ties count half); 0.5 without both.</summary>
    internal static double Auc(IEnumerable<(double Score, bool Same)> examples)
    {
        var scored = examples.OrderBy(e => e.Score).ToList();
        double rankSum = 0;
        long same = 0, other = 0;
        for (int i = 0; i < scored.Count;)
        {
            int j = i;
            while (j < scored.Count && scored[j].Score == scored[i].Score)
            {
                j++;
            }

            double rank = (i + j + 1) / 2.0;
            for (int t = i; t < j; t++)
            {
                if (scored[t].Same)
                {
                    rankSum += rank;
                    same++;
                }
                else
                {
                    other++;
                }
            }

            i = j;
        }

        return same == 0 || other == 0 ? 0.5 : (rankSum - (same * (same + 1) / 2.0)) / (same * (double)other);
    }

    /// <summary>
    /// The similarities of each pair, each measured as the clusterer measures a report (the second text) against a story
    /// made of the first, with document frequencies from all the texts of the list (the pairs have no dates: recency 1).
    /// </summary>
    public static IReadOnlyList<PairExample> Measure(IReadOnlyList<SemEvalPair> pairs, ClusteringOptions? options = null, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var day = new DateOnly(2020, 1, 1);
        var texts = pairs.SelectMany(p => new[] { p.Text1, p.Text2 }).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<StoryFeatures?> features = StoryEvaluation.Analyse([.. texts.Select((text, i) => new SourceReport($"pair-text-{i}", null, day, text))], pipeline);
        return Measure(pairs, texts, features, options ?? ClusteringOptions.Default);
    }

    /// <summary>The same, for texts already analysed (<paramref name="features"/>[i] of <paramref name="texts"/>[i]).</summary>
    public static IReadOnlyList<PairExample> Measure(IReadOnlyList<SemEvalPair> pairs, IReadOnlyList<string> texts, IReadOnlyList<StoryFeatures?> features, ClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);

        // Every article its own story (never join, never a copy), so that each can be compared with any other.
        var apart = options with { Model = options.Model with { Bias = -1e9 }, CopyThreshold = 2 };
        var clusterer = new OnlineStoryClusterer(apart, ClusteringState.Empty);
        var storyOf = new Dictionary<string, StoryId>(StringComparer.Ordinal);
        var featuresOf = new Dictionary<string, StoryFeatures>(StringComparer.Ordinal);
        for (int i = 0; i < texts.Count; i++)
        {
            if (features[i] is StoryFeatures f)
            {
                storyOf[texts[i]] = clusterer.Assign(f).Story;
                featuresOf[texts[i]] = f;
            }
        }

        var examples = new List<PairExample>();
        foreach (SemEvalPair pair in pairs)
        {
            if (storyOf.TryGetValue(pair.Text1, out StoryId story) && featuresOf.TryGetValue(pair.Text2, out StoryFeatures? second)
                && clusterer.Compare(second, story) is StorySimilarities similarities)
            {
                examples.Add(new PairExample(similarities, pair.Same));
            }
        }

        return examples;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    // Gaussian elimination with partial pivoting: the system is small (one row per weight) and positive definite.
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        int n = vector.Length;
        var a = (double[,])matrix.Clone();
        double[] b = (double[])vector.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (pivot != col)
            {
                for (int j = 0; j < n; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (int row = col + 1; row < n; row++)
            {
                double factor = a[row, col] / a[col, col];
                for (int j = col; j < n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }

                b[row] -= factor * b[col];
            }
        }

        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--)
        {
            double sum = b[row];
            for (int j = row + 1; j < n; j++)
            {
                sum -= a[row, j] * solution[j];
            }

            solution[row] = sum / a[row, row];
        }

        return solution;
    }
}
