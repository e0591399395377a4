using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Evaluation.Stories;

/// <summary>
/// The decisions of a benchmark stream: the stream is replayed in order with every report put into its gold story
/// (<see cref="OnlineStoryClusterer.Assign(StoryFeatures, Func{IReadOnlyList{StoryCandidate}, StoryId?})"/>), and each
/// report is measured against every candidate story the index offers it, as the clusterer would measure it; the right
/// choice is its gold story where that is a candidate, else a new story. So the decisions are those the clusterer
/// faces, against stories as they stand when the report arrives.
/// </summary>
public static class StoryExamples
{
    /// <summary>The examples of <paramref name="stream"/> (analysed as <paramref name="features"/>) under <paramref name="options"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="features">Its reports' features.</param>
    /// <param name="options">The clusterer's options (candidates, window, recency decay).</param>
    /// <param name="negatives">
    /// Per report, only this many wrong candidates are kept, the most alike (by body words and meaning): the ones a
    /// decision turns on; null keeps them all.
    /// </param>
    public static IReadOnlyList<StoryDecision> FromStream(StoryBenchmarkStream stream, IReadOnlyList<StoryFeatures?> features, ClusteringOptions options, int? negatives = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        var clusterer = new OnlineStoryClusterer(options, ClusteringState.Empty);
        var storyOfGold = new Dictionary<string, StoryId>(StringComparer.Ordinal);
        var goldOfStory = new Dictionary<long, string>();
        var decisions = new List<StoryDecision>();
        for (int i = 0; i < stream.Items.Count; i++)
        {
            if (features[i] is not StoryFeatures report)
            {
                continue;
            }

            string gold = stream.Items[i].Gold;
            StoryAssignment assignment = clusterer.Assign(report, candidates =>
            {
                var kept = new List<StorySimilarities>();
                var wrong = new List<StoryCandidate>();
                foreach (StoryCandidate candidate in candidates)
                {
                    if (string.Equals(goldOfStory[candidate.Story.Value], gold, StringComparison.Ordinal))
                    {
                        kept.Add(candidate.Similarities);
                    }
                    else
                    {
                        wrong.Add(candidate);
                    }
                }

                int chosen = kept.Count - 1;
                kept.AddRange((negatives is int n
                    ? wrong.OrderByDescending(c => c.Similarities.Body + c.Similarities.Meaning).ThenBy(c => c.Story.Value).Take(n)
                    : wrong).Select(c => c.Similarities));
                decisions.Add(new StoryDecision(kept, chosen));

                return storyOfGold.TryGetValue(gold, out StoryId story) ? story : null;
            });

            // A near-copy joins its original's story whatever the gold says; the gold story stays where it was.
            if (assignment.CopyOf is null)
            {
                storyOfGold[gold] = assignment.Story;
                goldOfStory[assignment.Story.Value] = gold;
            }
        }

        return decisions;
    }
}
