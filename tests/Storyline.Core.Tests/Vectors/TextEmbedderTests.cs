using Storyline.Text;
using Storyline.Vectors;

namespace Storyline.Core.Tests.Vectors;

public sealed class TextEmbedderTests
{
    private static readonly Tokenizer Tokens = new();

    private static float[]? Embed(TextEmbedder embedder, string text) => embedder.Embed(text, Tokens.Tokenize(text).AsSpan());

    [Fact]
    public void The_common_component_is_removed_and_the_result_has_unit_length()
    {
        var embedder = new TextEmbedder(WordVectorsTests.Tiny());

        // "The" lies along the common axis, so it adds nothing once the component is removed.
        float[]? vector = Embed(embedder, "The quake");

        Assert.NotNull(vector);
        Assert.Equal(0f, vector[0], 5);
        Assert.Equal(1f, TextEmbedder.Dot(vector, vector), 5);
        Assert.Equal(1f, vector[1], 5);
    }

    [Theory]
    // Row: text, and whether any word of it is known to the tiny table.
    [InlineData("The quake's toll", true)]      // a possessive is looked up without its 's
    [InlineData("Kim Jong-un", true)]          // a hyphenated word not in the table by its parts
    [InlineData("QUAKE", true)]                // looked up lower-cased
    [InlineData("Nothing known here", false)]
    [InlineData("", false)]
    [InlineData("The the THE", false)]         // only the common direction: nothing is left
    public void Words_are_found_as_GloVe_spells_them(string text, bool found)
    {
        var embedder = new TextEmbedder(WordVectorsTests.Tiny());

        Assert.Equal(found, Embed(embedder, text) is not null);
    }

    [Fact]
    public void Sentences_about_one_event_in_other_words_are_closer_than_sentences_about_another()
    {
        // Given the shipped vectors, when three sentences are embedded,
        var embedder = new TextEmbedder(WordVectors.Shipped!);
        float[] quake = Embed(embedder, "A powerful earthquake killed hundreds of people in southern Turkey on Monday.")!;
        float[] tremor = Embed(embedder, "Rescuers searched the rubble for survivors after the quake left many dead.")!;
        float[] rates = Embed(embedder, "The central bank raised interest rates to curb inflation.")!;

        // then the two about the earthquake are the closest pair.
        Assert.True(TextEmbedder.Dot(quake, tremor) > TextEmbedder.Dot(quake, rates) + 0.1f);
        Assert.True(TextEmbedder.Dot(quake, tremor) > TextEmbedder.Dot(tremor, rates) + 0.1f);
    }
}
