using Storyline.Evaluation.Ner;

namespace Storyline.Evaluation.Tests.Ner;

public sealed class NerChunksTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // IOB1 (CoNLL-2003): I- throughout, B- only between two adjacent names of one type.
        { "I-PER I-PER O I-LOC", "0+2 PER, 3+1 LOC" },
        { "I-PER I-PER B-PER O", "0+2 PER, 2+1 PER" },
        // IOB1: a type change with no O between is two names.
        { "I-ORG I-LOC", "0+1 ORG, 1+1 LOC" },
        // IOB2: every name opens with B-.
        { "B-PER I-PER O B-LOC B-LOC", "0+2 PER, 3+1 LOC, 4+1 LOC" },
        // IOB2 read leniently: an I- after O opens a name, as conlleval reads it.
        { "O I-MISC I-MISC", "1+2 MISC" },
        // BILOU / IOBES: L/E closes, U/S is a one-token name.
        { "B-ORG I-ORG L-ORG U-LOC O", "0+3 ORG, 3+1 LOC" },
        { "B-ORG E-ORG S-PER S-PER", "0+2 ORG, 2+1 PER, 3+1 PER" },
        // A name at the very end of the sentence is closed.
        { "O O I-LOC", "2+1 LOC" },
        { "O O O", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_are_read_from_tags(string tags, string expected)
    {
        List<NerChunk> chunks = NerChunks.From(tags.Split(' '));
        Assert.Equal(expected, string.Join(", ", chunks.Select(c => $"{c.Start}+{c.Length} {c.Type}")));
    }

    [Fact]
    public void Iob1_writing_uses_B_only_between_adjacent_names_of_one_type()
    {
        NerChunk[] chunks = [new(0, 2, "PER"), new(2, 1, "PER"), new(3, 1, "LOC"), new(5, 1, "LOC")];
        Assert.Equal(["I-PER", "I-PER", "B-PER", "I-LOC", "O", "I-LOC"], NerChunks.ToIob1(chunks, 6));
        Assert.Equal(chunks, NerChunks.From(NerChunks.ToIob1(chunks, 6)));
    }

    [Fact]
    public void Bilou_labels_round_trip()
    {
        NerChunk[] chunks = [new(0, 3, "ORG"), new(3, 1, "PER"), new(5, 2, "MISC")];
        byte[] labels = NerChunks.ToLabels(chunks, 7);
        Assert.Equal(chunks, NerChunks.FromLabels(labels));
    }
}
