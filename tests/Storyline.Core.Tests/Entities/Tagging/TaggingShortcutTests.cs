using Storyline.Entities.Tagging;

namespace Storyline.Core.Tests.Entities.Tagging;

/// <summary>
/// The tagger's shortcuts (int16 rows, per-word and per-window caches, the vector Viterbi) must give the labels the
/// plain computation gives: every token's features looked up one by one in each pass's own float rows, decoded by a
/// scalar Viterbi over the allowed predecessors.
/// </summary>
public sealed class TaggingShortcutTests
{
    private static readonly NerModel Model = NerModel.Default ?? throw new InvalidOperationException("models/ner/model.bin is not in the build output");

    [Fact]
    public void Tagging_gives_the_labels_of_the_plain_two_pass_computation()
    {
        // Given a document where words, shapes and neighbours recur, with a one-word sentence and a headline
        TaggingDocument document = TaggingDocument.FromTokens(
        [
            ["RUSSIA", "AND", "NORTH", "KOREA", "MEET"],
            ["Kim", "Jong", "Un", "arrived", "in", "Vladivostok", "on", "Monday", ",", "Interfax", "said", "."],
            ["Kim", "met", "Vladimir", "Putin", "in", "Vladivostok", "."],
            ["Putin", "'s", "spokesman", "Dmitry", "Peskov", "said", "the", "talks", "in", "Vladivostok", "went", "well", "."],
            ["Yes", "."],
            ["The", "talks", "in", "Moscow", "and", "in", "Pyongyang", "will", "follow", ",", "Peskov", "said", "."],
        ]);
        int n = document.Tokens.Length;

        // When it is tagged, and labelled the plain way
        var tagged = new byte[n];
        Model.Tag(document, tagged);
        var first = new byte[n];
        var second = new byte[n];
        using (var features = new NerFeatures(document, Model.Gazetteer, Model.Words, Model.Features, Model.Embeddings))
        {
            NerModel.Decode(Model.First, features, first);
            features.SetFirstPass(first);
            NerModel.Decode(Model.Second!, features, second);
        }

        // Then the labels are the same, and the document has names to make the comparison mean something
        Assert.Equal(second, tagged);
        Assert.Contains(tagged, label => label != NerLabels.Outside);
    }

    [Fact]
    public void Vector_Viterbi_chooses_as_a_scalar_loop_over_allowed_predecessors_ties_included()
    {
        const int L = NerLabels.Count;
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            // Given scores and transitions on a coarse grid, so that ties are frequent
            int n = 1 + random.Next(12);
            var scores = new float[n * L];
            var transitions = new float[(L + 1) * L];
            for (int i = 0; i < scores.Length; i++)
            {
                scores[i] = random.Next(-3, 4) * 0.5f;
            }

            for (int i = 0; i < transitions.Length; i++)
            {
                transitions[i] = random.Next(-3, 4) * 0.25f;
            }

            var labels = new byte[n];
            LinearChain.Viterbi(scores, n, transitions, labels, new byte[n * L]);

            Assert.Equal(ScalarViterbi(scores, n, transitions), labels);
        }
    }

    // The decoder as it was written before it was vectorised.
    private static byte[] ScalarViterbi(float[] scores, int n, float[] transitions)
    {
        const int L = NerLabels.Count;
        const float Impossible = -1e30f;
        var current = new float[L];
        var next = new float[L];
        var back = new byte[n * L];
        for (int y = 0; y < L; y++)
        {
            current[y] = NerLabels.CanFollow(-1, y) ? scores[y] + transitions[y] : Impossible;
        }

        for (int t = 1; t < n; t++)
        {
            for (int y = 0; y < L; y++)
            {
                float best = Impossible;
                int arg = 0;
                for (int p = 0; p < L; p++)
                {
                    if (!NerLabels.CanFollow(p, y))
                    {
                        continue;
                    }

                    float s = current[p] + transitions[((p + 1) * L) + y];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                next[y] = best + scores[(t * L) + y];
                back[(t * L) + y] = (byte)arg;
            }

            next.CopyTo(current, 0);
        }

        int last = 0;
        float top = float.NegativeInfinity;
        for (int y = 0; y < L; y++)
        {
            if (NerLabels.CanEnd(y) && current[y] > top)
            {
                top = current[y];
                last = y;
            }
        }

        var labels = new byte[n];
        labels[n - 1] = (byte)last;
        for (int t = n - 1; t > 0; t--)
        {
            labels[t - 1] = back[(t * L) + labels[t]];
        }

        return labels;
    }
}
