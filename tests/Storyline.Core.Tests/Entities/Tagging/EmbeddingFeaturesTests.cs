using Storyline.Domain;
using Storyline.Entities.Tagging;
using Storyline.Vectors;

namespace Storyline.Core.Tests.Entities.Tagging;

public sealed class EmbeddingFeaturesTests
{
    private static readonly GazetteerLists NoLists = new([("city", [])]);

    // Two trained names and two unseen ones, each unseen name's vector near one trained name's: Bergen near Oslo (a
    // place), Ulrik near Anna (a person). The unseen names share no prefix or suffix with the trained ones.
    private static WordVectors Table(int extraWords = 0)
    {
        string[] words = ["he", "saw", "oslo", "anna", "bergen", "ulrik", .. Enumerable.Range(0, extraWords).Select(i => "w" + i)];
        float[] scales = [.. words.Select(_ => 1f)];
        sbyte[] values =
        [
            0, 0, 127,      // he
            0, 20, 100,     // saw
            127, 0, 0,      // oslo
            0, 127, 0,      // anna
            120, 10, 0,     // bergen
            10, 120, 0,     // ulrik
            .. Enumerable.Range(0, extraWords).SelectMany(_ => new sbyte[] { 1, 1, 1 }),
        ];
        using var buffer = new MemoryStream();
        WordVectors.Write(buffer, words, scales, values, 3, [1f, 0f, 0f]);
        buffer.Position = 0;
        return WordVectors.Read(buffer);
    }

    private static LabeledDocument Labeled(string text, EntityType type)
    {
        TaggingDocument doc = TaggingDocument.FromTokens([text.Split(' ')]);
        var labels = new byte[doc.Tokens.Length];
        NerLabels.FromSpans([(2, 1, type)], labels);
        return new LabeledDocument(doc, labels);
    }

    private static LabeledDocument[] Training() =>
        [Labeled("He saw Oslo .", EntityType.Location), Labeled("He saw Anna .", EntityType.Person)];

    private static byte NameLabel(NerModel model, string name)
    {
        TaggingDocument doc = TaggingDocument.FromTokens([["He", "saw", name, "."]]);
        var labels = new byte[4];
        model.Tag(doc, labels);
        return labels[2];
    }

    [Fact]
    public void Each_dimension_is_scaled_to_a_standard_deviation_of_a_tenth()
    {
        // Given the table's scaled vectors, dimension by dimension over all its words
        WordVectors table = Table();
        EmbeddingFeatures features = EmbeddingFeatures.For(table);
        var scaled = new float[table.Count][];
        for (int id = 0; id < table.Count; id++)
        {
            scaled[id] = new float[3];
            features.Fill(id, scaled[id]);
        }

        // Then each dimension's population standard deviation is 0.1, and the look-up is by the lower-cased word
        for (int d = 0; d < 3; d++)
        {
            double mean = scaled.Average(v => v[d]);
            double deviation = Math.Sqrt(scaled.Average(v => (v[d] - mean) * (v[d] - mean)));
            Assert.Equal(0.1, deviation, 4);
        }

        Assert.Equal(2, features.Find("OSLO"));
        Assert.Equal(-1, features.Find("Trondheim"));
    }

    // How much more the first pass scores the name (token 2 of "He saw <name> .") as a place than as a person.
    private static float PlaceOverPerson(NerModel model, string name)
    {
        TaggingDocument doc = TaggingDocument.FromTokens([["He", "saw", name, "."]]);
        using var features = new NerFeatures(doc, model.Gazetteer, model.Words, model.Features, model.Embeddings);
        var scores = new float[4 * LinearChain.Labels];
        model.First.Emissions(features, 0, 4, scores);
        Span<float> name2 = scores.AsSpan(2 * LinearChain.Labels, LinearChain.Labels);
        return name2[NerLabels.Of(NerLabels.Part.Unit, EntityType.Location)] - name2[NerLabels.Of(NerLabels.Part.Unit, EntityType.Person)];
    }

    [Fact]
    public void An_unseen_name_leans_to_the_type_of_the_trained_name_its_vector_is_near()
    {
        // Given models trained on "He saw Oslo" (a place) and "He saw Anna" (a person), with and without the vectors
        var options = new NerTrainingOptions(Epochs: 5, SecondPass: false, Prune: 0);
        NerModel plain = NerTrainer.Train(Training(), NoLists, options with { Features = NerFeatureSet.Rank }, words: WordClasses.Empty);
        NerModel vectors = NerTrainer.Train(Training(), NoLists, options with { Features = NerFeatureSet.Embeddings | NerFeatureSet.EmbeddingWindow }, words: WordClasses.Empty, vectors: Table());

        // Then with the vectors, the unseen Bergen (near Oslo) leans further to a place than the unseen Ulrik (near Anna)
        Assert.True(PlaceOverPerson(vectors, "Bergen") > PlaceOverPerson(vectors, "Ulrik") + 0.001f);

        // While without them, nothing tells the two apart
        Assert.Equal(PlaceOverPerson(plain, "Bergen"), PlaceOverPerson(plain, "Ulrik"));
    }

    [Fact]
    public void A_model_with_vectors_reads_back_tagging_the_same_and_refuses_another_table()
    {
        // Given a two-pass model trained with the vectors, saved
        var options = new NerTrainingOptions(Epochs: 3, Folds: 2, Features: NerFeatureSet.Embeddings | NerFeatureSet.EmbeddingWindow);
        NerModel model = NerTrainer.Train(Training(), NoLists, options, words: WordClasses.Empty, vectors: Table());
        using var stream = new MemoryStream();
        model.Save(stream);

        // When it is read back with the same table
        stream.Position = 0;
        NerModel loaded = NerModel.Load(stream, () => WordClasses.Empty, () => Table());

        // Then it tags every name as before
        foreach (string name in new[] { "Oslo", "Anna", "Bergen", "Ulrik", "Trondheim" })
        {
            Assert.Equal(NameLabel(model, name), NameLabel(loaded, name));
        }

        // And with another table (one more word), or none, it is refused with the reason
        stream.Position = 0;
        var other = Assert.Throws<InvalidDataException>(() => NerModel.Load(stream, () => WordClasses.Empty, () => Table(extraWords: 1)));
        Assert.Contains("not the ones the model was trained with", other.Message, StringComparison.Ordinal);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => NerModel.Load(stream, () => WordClasses.Empty, () => null));
    }
}
