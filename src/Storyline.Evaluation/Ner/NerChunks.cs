using Storyline.Domain;
using Storyline.Entities.Tagging;

namespace Storyline.Evaluation.Ner;

/// <summary>A name in a tagged sentence: its first token, its token count and its CoNLL type ("PER").</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="Length">Number of tokens.</param>
/// <param name="Type">The type as written in the tags.</param>
public readonly record struct NerChunk(int Start, int Length, string Type);

/// <summary>
/// Names from tag sequences in IOB1, IOB2 or BILOU/IOBES, read the way conlleval reads them: a name starts at
/// B-X, at U-X/S-X, or at I-X/L-X/E-X that does not continue a name of type X; it goes on over I-X and ends after
/// L-X/E-X, or before anything that does not continue it.
/// </summary>
public static class NerChunks
{
    /// <summary>The names in a sentence's tags.</summary>
    public static List<NerChunk> From(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var chunks = new List<NerChunk>();
        int start = -1;
        string? type = null;

        void Close(int end)
        {
            if (start >= 0)
            {
                chunks.Add(new NerChunk(start, end - start, type!));
                start = -1;
                type = null;
            }
        }

        for (int i = 0; i < tags.Count; i++)
        {
            string tag = tags[i];
            if (tag.Length < 3 || tag[1] != '-')
            {
                Close(i);
                continue;
            }

            char prefix = tag[0];
            string tagType = tag[2..];
            bool continues = start >= 0 && string.Equals(type, tagType, StringComparison.Ordinal);
            switch (prefix)
            {
                case 'I':
                case 'L':
                case 'E':
                    if (!continues)
                    {
                        Close(i);
                        start = i;
                        type = tagType;
                    }

                    if (prefix != 'I')
                    {
                        Close(i + 1);
                    }

                    break;
                case 'U':
                case 'S':
                    Close(i);
                    start = i;
                    type = tagType;
                    Close(i + 1);
                    break;
                default:
                    // B, and any other prefix, opens a new name.
                    Close(i);
                    start = i;
                    type = tagType;
                    break;
            }
        }

        Close(tags.Count);
        return chunks;
    }

    /// <summary>IOB1 tags (CoNLL-2003: I- throughout, B- only to split two adjacent names of one type).</summary>
    public static string[] ToIob1(IReadOnlyList<NerChunk> chunks, int length)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var tags = Enumerable.Repeat("O", length).ToArray();
        NerChunk? previous = null;
        foreach (NerChunk chunk in chunks.OrderBy(c => c.Start))
        {
            bool adjacent = previous is NerChunk p && p.Start + p.Length == chunk.Start && string.Equals(p.Type, chunk.Type, StringComparison.Ordinal);
            for (int i = chunk.Start; i < chunk.Start + chunk.Length; i++)
            {
                tags[i] = (i == chunk.Start && adjacent ? "B-" : "I-") + chunk.Type;
            }

            previous = chunk;
        }

        return tags;
    }

    /// <summary>The tagger's BILOU labels as names.</summary>
    public static List<NerChunk> FromLabels(ReadOnlySpan<byte> labels)
    {
        var spans = new List<(int Start, int Length, EntityType Type)>();
        NerLabels.Spans(labels, spans);
        return [.. spans.Select(s => new NerChunk(s.Start, s.Length, NerLabels.TypeNames[(int)s.Type]))];
    }

    /// <summary>BILOU labels for names (types not among PER, ORG, LOC, MISC are left out).</summary>
    public static byte[] ToLabels(IReadOnlyList<NerChunk> chunks, int length)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var labels = new byte[length];
        NerLabels.FromSpans(
            chunks.Where(c => Array.IndexOf(NerLabels.TypeNames, c.Type) >= 0)
                .Select(c => (c.Start, c.Length, (EntityType)Array.IndexOf(NerLabels.TypeNames, c.Type))),
            labels);
        return labels;
    }
}
