using Storyline.Domain;

namespace Storyline.Entities.Tagging;

/// <summary>
/// The tagger's labels: BILOU (Begin, Inside, Last, Unit, Outside) over the four CoNLL types. BILOU rather than BIO
/// because it makes the end of a name and one-word names explicit, which Ratinov and Roth (2009) found worth about a
/// point of F1 on CoNLL-2003 at no cost in speed.
/// </summary>
public static class NerLabels
{
    /// <summary>Number of labels: O plus B, I, L, U for each of the four types.</summary>
    public const int Count = 17;

    /// <summary>The label of a token outside every name.</summary>
    public const int Outside = 0;

    /// <summary>The CoNLL names of the types, in <see cref="EntityType"/> order.</summary>
    public static readonly string[] TypeNames = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>Position of a token within a name.</summary>
    public enum Part : byte
    {
        /// <summary>Not in a name.</summary>
        Outside,

        /// <summary>First token of a name of two or more.</summary>
        Begin,

        /// <summary>Inner token.</summary>
        Inside,

        /// <summary>Last token of a name of two or more.</summary>
        Last,

        /// <summary>A one-token name.</summary>
        Unit,
    }

    /// <summary>The label for a part of a name of <paramref name="type"/>.</summary>
    public static int Of(Part part, EntityType type) => part == Part.Outside ? Outside : 1 + ((int)type * 4) + ((int)part - 1);

    /// <summary>The part of a name a label stands for.</summary>
    public static Part PartOf(int label) => label == Outside ? Part.Outside : (Part)(((label - 1) % 4) + 1);

    /// <summary>The type a label stands for (meaningless for <see cref="Outside"/>).</summary>
    public static EntityType TypeOf(int label) => (EntityType)((label - 1) / 4);

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (−1: the sentence start).</summary>
    public static bool CanFollow(int previous, int next)
    {
        Part p = previous < 0 ? Part.Outside : PartOf(previous);
        Part n = PartOf(next);
        bool previousOpen = p is Part.Begin or Part.Inside;
        bool nextContinues = n is Part.Inside or Part.Last;
        if (previousOpen != nextContinues)
        {
            return false;
        }

        return !previousOpen || TypeOf(previous) == TypeOf(next);
    }

    /// <summary>Whether a sentence may end after <paramref name="label"/>.</summary>
    public static bool CanEnd(int label) => PartOf(label) is Part.Outside or Part.Last or Part.Unit;

    /// <summary>A readable name ("B-PER", "O").</summary>
    public static string Name(int label) => label == Outside ? "O" : "?BILU"[(int)PartOf(label)] + "-" + TypeNames[(int)TypeOf(label)];

    /// <summary>
    /// The names in a sequence of labels, as (first token, token count, type). A sequence the decoder could not
    /// have made (an I without a B) is read leniently: a broken name still counts as a name.
    /// </summary>
    public static void Spans(ReadOnlySpan<byte> labels, List<(int Start, int Length, EntityType Type)> into)
    {
        int start = -1;
        EntityType type = default;
        for (int i = 0; i <= labels.Length; i++)
        {
            int label = i < labels.Length ? labels[i] : Outside;
            Part part = PartOf(label);
            bool continues = start >= 0 && part is Part.Inside or Part.Last && TypeOf(label) == type;
            if (!continues && start >= 0)
            {
                into.Add((start, i - start, type));
                start = -1;
            }

            if (part == Part.Outside)
            {
                continue;
            }

            if (!continues)
            {
                start = i;
                type = TypeOf(label);
            }

            if (part is Part.Last or Part.Unit)
            {
                into.Add((start, i - start + 1, type));
                start = -1;
            }
        }
    }

    /// <summary>Labels for names given as spans over <paramref name="labels"/>.</summary>
    public static void FromSpans(IEnumerable<(int Start, int Length, EntityType Type)> spans, Span<byte> labels)
    {
        labels.Clear();
        foreach (var (start, length, type) in spans)
        {
            if (length == 1)
            {
                labels[start] = (byte)Of(Part.Unit, type);
                continue;
            }

            labels[start] = (byte)Of(Part.Begin, type);
            for (int i = start + 1; i < start + length - 1; i++)
            {
                labels[i] = (byte)Of(Part.Inside, type);
            }

            labels[start + length - 1] = (byte)Of(Part.Last, type);
        }
    }
}
