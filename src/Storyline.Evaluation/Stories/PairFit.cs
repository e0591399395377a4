using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Stories;
using Storyline.Text;

namespace Storyline.Evaluation.Stories;

/// <summary>A pair's similarities (as the clusterer measures a report against a one-report story) and its gold label.</summary>
/// <param name="Similarities">The second article against a story made of the first.</param>
/// <param name="Same">Whether the annotators judged them one story.</param>
public sealed record PairExample(StorySimilarities Similarities, bool Same);

/// <summary>How well a model separates same-story pairs from the rest.</summary>
/// <param name="Pairs">Pairs scored.</param>
/// <param name="Accuracy">Share of pairs on the right side of score 0.</param>
/// <param name="Scores">Precision, recall and F1 of "same story" at score 0.</param>
/// <param name="LogLoss">Mean negative log-likelihood of the gold labels.</param>
public sealed record PairQuality(int Pairs, double Accuracy, PrecisionRecall Scores, double LogLoss);

/// <summary>
/// Learns the content weights of the <see cref="MergeModel"/> from labelled article pairs (SemEval-2022 Task 8): each
/// pair is measured exactly as the clusterer measures a report against a story (the story holding the first article,
/// document frequencies from all the articles of the file), and a logistic regression with a small L2 penalty is fitted
/// by gradient descent. The pairs have no dates, so recency stays as given.
/// </summary>
public static class PairFit
{
    private const int Features = 6;

    /// <summary>The similarities of each pair, with the default analysis pipeline.</summary>
    public static IReadOnlyList<PairExample> Measure(IReadOnlyList<SemEvalPair> pairs, AnalysisPipeline? pipeline = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var day = new DateOnly(2020, 1, 1);
        var texts = pairs.SelectMany(p => new[] { p.Text1, p.Text2 }).Distinct(StringComparer.Ordinal).ToList();
        IReadOnlyList<StoryFeatures?> features = StoryEvaluation.Analyse([.. texts.Select((text, i) => new SourceReport($"pair-text-{i}", null, day, text))], pipeline);

        // Every article its own story (never join, never a copy), so that each can be compared with any other.
        var apart = ClusteringOptions.Default with { Model = MergeModel.Default with { Bias = -1e9 }, CopyThreshold = 2 };
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

    /// <summary>
    /// Fits bias and content weights on <paramref name="examples"/>; recency and decay come from <paramref name="start"/>.
    /// The pairs are measured on one day (recency 1), so the fitted constant is the bias plus the recency weight.
    /// </summary>
    public static MergeModel Fit(IReadOnlyList<PairExample> examples, MergeModel start, double l2 = 0.01, int iterations = 20000, double rate = 0.5)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(start);
        if (examples.Count == 0)
        {
            throw new ArgumentException("no pairs to fit on", nameof(examples));
        }

        double[] w = new double[Features];
        double bias = 0;
        double[] gradient = new double[Features];
        for (int step = 0; step < iterations; step++)
        {
            Array.Clear(gradient);
            double gradientBias = 0;
            foreach (PairExample example in examples)
            {
                double[] x = Vector(example.Similarities);
                double p = Logistic(bias + Dot(w, x));
                double error = p - (example.Same ? 1 : 0);
                gradientBias += error;
                for (int k = 0; k < Features; k++)
                {
                    gradient[k] += error * x[k];
                }
            }

            bias -= rate * gradientBias / examples.Count;
            for (int k = 0; k < Features; k++)
            {
                w[k] -= rate * ((gradient[k] / examples.Count) + (l2 * w[k]));
            }
        }

        static double Round(double v) => Math.Round(v, 2);
        return start with
        {
            Bias = Round(bias - start.Recency),
            Body = Round(w[0]),
            Head = Round(w[1]),
            Entities = Round(w[2]),
            Places = Round(w[3]),
            EntityConflict = Round(w[4]),
            PlaceConflict = Round(w[5]),
        };
    }

    /// <summary>How <paramref name="model"/> does on <paramref name="examples"/> (recency is 0 for undated pairs).</summary>
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

        int n = Math.Max(examples.Count, 1);
        return new PairQuality(examples.Count, (double)right / n, new PrecisionRecall(predicted == 0 ? 0 : (double)truePositive / predicted, gold == 0 ? 0 : (double)truePositive / gold), loss / n);
    }

    private static double[] Vector(StorySimilarities s) => [s.Body, s.Head, s.Entities, s.Places, s.EntityConflict, s.PlaceConflict];

    private static double Dot(double[] w, double[] x)
    {
        double sum = 0;
        for (int k = 0; k < Features; k++)
        {
            sum += w[k] * x[k];
        }

        return sum;
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));
}
