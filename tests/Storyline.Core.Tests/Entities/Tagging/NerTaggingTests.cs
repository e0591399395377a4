using Storyline.Domain;
using Storyline.Entities.Tagging;

namespace Storyline.Core.Tests.Entities.Tagging;

public sealed class NerTaggingTests
{
    private static readonly GazetteerLists Places = new([("city", ["New York", "Police", "Oslo"]), ("demonym", ["Russian"])]);

    private static TaggingDocument Doc(params string[] sentences) =>
        TaggingDocument.FromTokens([.. sentences.Select(s => (IReadOnlyList<string>)s.Split(' '))]);

    private static HashSet<ulong> FeaturesOf(TaggingDocument doc, int token, GazetteerLists? gazetteer = null)
    {
        using var features = new NerFeatures(doc, gazetteer ?? Places);
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        int n = features.Extract(token, buffer);
        return [.. buffer[..n].ToArray()];
    }

    [Fact]
    public void Features_are_the_same_for_the_same_context_and_differ_with_the_word()
    {
        HashSet<ulong> a = FeaturesOf(Doc("He met Anna today"), 2);
        HashSet<ulong> b = FeaturesOf(Doc("He met Anna today"), 2);
        HashSet<ulong> c = FeaturesOf(Doc("He met Bert today"), 2);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Context, shape and position features are shared: only word, affix and word-bigram features change.
        Assert.True(a.Intersect(c).Count() > a.Count / 2);
    }

    [Fact]
    public void Typographic_apostrophes_look_like_CoNLL_ones()
    {
        Assert.Equal(FeaturesOf(Doc("Russia ’s war"), 1), FeaturesOf(Doc("Russia 's war"), 1));
    }

    [Fact]
    public void Gazetteer_matches_whole_capitalised_phrases_only()
    {
        var empty = new GazetteerLists([("city", []), ("demonym", [])]);

        // "New York" is a city; lower-case "police" is not the town of Police; "Russian" is a demonym.
        Assert.NotEqual(FeaturesOf(Doc("in New York ."), 2, empty), FeaturesOf(Doc("in New York ."), 2));
        Assert.Equal(FeaturesOf(Doc("the police came"), 1, empty), FeaturesOf(Doc("the police came"), 1));
        Assert.NotEqual(FeaturesOf(Doc("a Russian ship"), 1, empty), FeaturesOf(Doc("a Russian ship"), 1));
    }

    [Fact]
    public void Gazetteer_phrases_are_split_like_the_taggers_tokens()
    {
        Assert.Equal(["Democratic", "People", "'s", "Republic", "of", "Korea"], GazetteerLists.Split("Democratic People's Republic of Korea"));
        Assert.Equal(["Washington", ",", "D.C."], GazetteerLists.Split("Washington, D.C."));

        var countries = new GazetteerLists([("country", ["Democratic People's Republic of Korea"])]);
        var none = new GazetteerLists([("country", [])]);
        TaggingDocument doc = Doc("the Democratic People 's Republic of Korea said");
        Assert.NotEqual(FeaturesOf(doc, 6, none), FeaturesOf(doc, 6, countries));
    }

    [Fact]
    public void A_sentence_opener_seen_capitalised_mid_sentence_elsewhere_has_other_features()
    {
        HashSet<ulong> alone = FeaturesOf(Doc("Apple fell ."), 0);
        HashSet<ulong> named = FeaturesOf(Doc("Apple fell .", "Shares of Apple rose ."), 0);
        Assert.NotEqual(alone, named);
    }

    [Fact]
    public void Viterbi_never_returns_a_broken_BILOU_sequence()
    {
        // Given emissions that prefer O then L-PER for each token on its own (an L without a B)
        const int L = NerLabels.Count;
        int lastPer = NerLabels.Of(NerLabels.Part.Last, EntityType.Person);
        int unitPer = NerLabels.Of(NerLabels.Part.Unit, EntityType.Person);
        var scores = new float[2 * L];
        scores[NerLabels.Outside] = 5;
        scores[L + lastPer] = 5;
        scores[L + unitPer] = 4;
        var labels = new byte[2];

        LinearChain.Viterbi(scores, 2, new float[(L + 1) * L], labels, new byte[2 * L]);

        // Then the best allowed sequence wins: O, U-PER
        Assert.Equal([(byte)NerLabels.Outside, (byte)unitPer], labels);
    }

    [Fact]
    public void Viterbi_follows_transitions_when_emissions_tie()
    {
        const int L = NerLabels.Count;
        int beginLoc = NerLabels.Of(NerLabels.Part.Begin, EntityType.Location);
        int lastLoc = NerLabels.Of(NerLabels.Part.Last, EntityType.Location);
        var scores = new float[2 * L];
        var transitions = new float[(L + 1) * L];
        transitions[beginLoc] = 1; // from the start
        transitions[((beginLoc + 1) * L) + lastLoc] = 1;
        var labels = new byte[2];

        LinearChain.Viterbi(scores, 2, transitions, labels, new byte[2 * L]);

        Assert.Equal([(byte)beginLoc, (byte)lastLoc], labels);
    }

    [Fact]
    public void Labels_name_their_part_and_type_and_spans_read_back()
    {
        int b = NerLabels.Of(NerLabels.Part.Begin, EntityType.Organization);
        Assert.Equal("B-ORG", NerLabels.Name(b));
        Assert.Equal(EntityType.Organization, NerLabels.TypeOf(b));
        Assert.False(NerLabels.CanFollow(NerLabels.Outside, NerLabels.Of(NerLabels.Part.Inside, EntityType.Person)));
        Assert.False(NerLabels.CanFollow(b, NerLabels.Of(NerLabels.Part.Last, EntityType.Person)));

        var labels = new byte[5];
        NerLabels.FromSpans([(0, 3, EntityType.Organization), (4, 1, EntityType.Location)], labels);
        var spans = new List<(int, int, EntityType)>();
        NerLabels.Spans(labels, spans);
        Assert.Equal([(0, 3, EntityType.Organization), (4, 1, EntityType.Location)], spans);
    }

    [Fact]
    public void A_tiny_model_learns_and_tags_the_same_after_save_and_load()
    {
        // Given a handful of made-up training sentences
        LabeledDocument Labeled(string text, params (int, int, EntityType)[] names)
        {
            TaggingDocument doc = Doc(text);
            var labels = new byte[doc.Tokens.Length];
            NerLabels.FromSpans(names, labels);
            return new LabeledDocument(doc, labels);
        }

        LabeledDocument[] train =
        [
            Labeled("Anna Berg visited Oslo .", (0, 2, EntityType.Person), (3, 1, EntityType.Location)),
            Labeled("Carl Dahl left New York .", (0, 2, EntityType.Person), (3, 2, EntityType.Location)),
            Labeled("Acme Corp hired Eva Lund .", (0, 2, EntityType.Organization), (3, 2, EntityType.Person)),
            Labeled("the police came to Oslo .", (4, 1, EntityType.Location)),
            Labeled("Beta Corp said Russian ships sailed .", (0, 2, EntityType.Organization), (3, 1, EntityType.Miscellaneous)),
            Labeled("Eva Lund visited New York .", (0, 2, EntityType.Person), (3, 2, EntityType.Location)),
        ];

        // When a model is trained (with both passes) and saved and loaded again
        NerModel model = NerTrainer.Train(train, Places, new NerTrainingOptions(Epochs: 5, Folds: 2));
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        NerModel loaded = NerModel.Load(stream);

        // Then it tags its training data right, and the loaded model tags exactly the same
        foreach (LabeledDocument doc in train)
        {
            var before = new byte[doc.Labels.Length];
            var after = new byte[doc.Labels.Length];
            model.Tag(doc.Document, before);
            loaded.Tag(doc.Document, after);
            Assert.Equal(doc.Labels, before);
            Assert.Equal(before, after);
        }

        TaggingDocument unseen = Doc("Carl Dahl visited Oslo .");
        var a = new byte[unseen.Tokens.Length];
        var b = new byte[unseen.Tokens.Length];
        model.Tag(unseen, a);
        loaded.Tag(unseen, b);
        Assert.Equal(a, b);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        Assert.Equal(model.Gazetteer.Lists.Select(l => l.List), loaded.Gazetteer.Lists.Select(l => l.List));
    }

    [Fact]
    public void Training_is_reproducible()
    {
        TaggingDocument doc = Doc("Anna Berg visited Oslo .");
        var labels = new byte[doc.Tokens.Length];
        NerLabels.FromSpans([(0, 2, EntityType.Person), (3, 1, EntityType.Location)], labels);
        LabeledDocument[] train = [new(doc, labels), new(Doc("the police came ."), new byte[4])];

        static byte[] Saved(NerModel m)
        {
            using var s = new MemoryStream();
            m.Save(s);
            return s.ToArray();
        }

        var options = new NerTrainingOptions(Epochs: 3, SecondPass: false);
        Assert.Equal(Saved(NerTrainer.Train(train, Places, options)), Saved(NerTrainer.Train(train, Places, options)));
    }

    private static LabeledDocument[] TinyTraining()
    {
        static LabeledDocument Labeled(string text, params (int, int, EntityType)[] names)
        {
            TaggingDocument doc = Doc(text);
            var labels = new byte[doc.Tokens.Length];
            NerLabels.FromSpans(names, labels);
            return new LabeledDocument(doc, labels);
        }

        return
        [
            Labeled("Anna Berg visited Oslo .", (0, 2, EntityType.Person), (3, 1, EntityType.Location)),
            Labeled("Carl Dahl left New York .", (0, 2, EntityType.Person), (3, 2, EntityType.Location)),
            Labeled("Acme Corp hired Eva Lund .", (0, 2, EntityType.Organization), (3, 2, EntityType.Person)),
            Labeled("the police came to Oslo .", (4, 1, EntityType.Location)),
            Labeled("Beta Corp said Russian ships sailed .", (0, 2, EntityType.Organization), (3, 1, EntityType.Miscellaneous)),
        ];
    }

    [Fact]
    public void An_ensemble_is_the_mean_of_learners_on_their_own_sentence_orders()
    {
        // Given the same data trained by one learner with seed 17, one with seed 18, and an ensemble of two from 17
        LabeledDocument[] train = TinyTraining();
        var single = new NerTrainingOptions(Epochs: 3, SecondPass: false, Prune: 0);
        NerModel a = NerTrainer.Train(train, Places, single);
        NerModel b = NerTrainer.Train(train, Places, single with { Seed = 18 });
        NerModel both = NerTrainer.Train(train, Places, single with { Ensemble = 2 });

        // Then the ensemble's transitions are the mean of its members' (weights are quantised, transitions are not),
        // and it differs from either member
        Assert.NotEqual(a.First.Transitions, b.First.Transitions);
        for (int i = 0; i < both.First.Transitions.Length; i++)
        {
            Assert.Equal((a.First.Transitions[i] + b.First.Transitions[i]) / 2, both.First.Transitions[i], 1e-4f);
        }

        // And it still learns its training data
        foreach (LabeledDocument doc in train)
        {
            var labels = new byte[doc.Labels.Length];
            both.Tag(doc.Document, labels);
            Assert.Equal(doc.Labels, labels);
        }
    }

    [Fact]
    public void Word_dropout_hides_the_word_and_its_lower_cased_form_only()
    {
        // Given a model trained with every token's word features hidden, and one trained with none hidden
        LabeledDocument[] train = TinyTraining();
        var options = new NerTrainingOptions(Epochs: 3, SecondPass: false);
        NerModel seen = NerTrainer.Train(train, Places, options);
        NerModel hidden = NerTrainer.Train(train, Places, options with { WordDropout = 1 });

        // Then the hidden one has no weights for "Oslo" as a word or in lower case, but has them for its shape
        using var features = new NerFeatures(train[0].Document, Places);
        Span<ulong> buffer = stackalloc ulong[NerFeatures.MaxPerToken];
        features.ExtractWord(3, buffer);
        Assert.True(seen.First.Row(buffer[1]) >= 0 && seen.First.Row(buffer[2]) >= 0);
        Assert.Equal(-1, hidden.First.Row(buffer[1]));
        Assert.Equal(-1, hidden.First.Row(buffer[2]));
        Assert.True(hidden.First.Row(buffer[3]) >= 0);
    }

    [Fact]
    public void Word_dropout_refuses_a_count_cut_off()
    {
        // Dropout finds a token's word features by their place in its feature list, which a cut-off shifts.
        Assert.Throws<ArgumentException>(() => NerTrainer.Train(TinyTraining(), Places, new NerTrainingOptions(Epochs: 1, SecondPass: false, MinCount: 2, WordDropout: 0.1f)));
    }
}
