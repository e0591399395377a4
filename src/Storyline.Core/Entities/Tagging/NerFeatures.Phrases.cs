namespace Storyline.Entities.Tagging;

/// <content>
/// <see cref="NerFeatureSet.PhraseEvidence"/>: the first pass's names matched, word for word, wherever they recur in
/// the document.
/// </content>
internal sealed partial class NerFeatures
{
    // Longest phrase looked for (longer names are rare and their words get the per-word evidence anyway).
    private const int MaxPhrase = 8;

    // Per token: its place in the longest first-pass name that covers it somewhere in the document (a NerLabels.Part,
    // 0: none) and that name's commonest type + 1.
    private byte[]? phrasePart;
    private byte[]? phraseType;

    // The names the first pass labelled (exact words, up to MaxPhrase), and then every run of tokens in the document
    // that spells one of them: each token of such a run takes its place in it and the name's commonest type.
    private void MarkPhrases(ReadOnlySpan<byte> labels)
    {
        phrasePart ??= new byte[count];
        phraseType ??= new byte[count];
        Array.Clear(phrasePart);
        Array.Clear(phraseType);

        // Per phrase (hash of its words and length): the votes for each type; per first word: the lengths to try.
        var votes = new Dictionary<ulong, int[]>();
        var lengths = new Dictionary<ulong, int>();
        foreach (var (first, n) in sentences)
        {
            int end = first + n;
            for (int i = first; i < end; i++)
            {
                NerLabels.Part part = NerLabels.PartOf(labels[i]);
                if (part is not (NerLabels.Part.Begin or NerLabels.Part.Unit))
                {
                    continue;
                }

                int last = i;
                if (part == NerLabels.Part.Begin)
                {
                    while (last + 1 < end && NerLabels.PartOf(labels[last + 1]) == NerLabels.Part.Inside)
                    {
                        last++;
                    }

                    if (last + 1 >= end || NerLabels.PartOf(labels[last + 1]) != NerLabels.Part.Last)
                    {
                        continue;
                    }

                    last++;
                }

                int length = last - i + 1;
                if (length > MaxPhrase)
                {
                    continue;
                }

                ulong key = PhraseKey(i, length);
                if (!votes.TryGetValue(key, out int[]? typeVotes))
                {
                    typeVotes = new int[4];
                    votes[key] = typeVotes;
                }

                typeVotes[(int)NerLabels.TypeOf(labels[i])]++;
                lengths[word[i]] = lengths.TryGetValue(word[i], out int mask) ? mask | (1 << length) : 1 << length;
            }
        }

        if (votes.Count == 0)
        {
            return;
        }

        Span<byte> covered = count <= 4096 ? stackalloc byte[count] : new byte[count];
        covered.Clear();
        foreach (var (first, n) in sentences)
        {
            int end = first + n;
            for (int i = first; i < end; i++)
            {
                if (!lengths.TryGetValue(word[i], out int mask))
                {
                    continue;
                }

                // The longest name that starts here.
                for (int length = Math.Min(MaxPhrase, end - i); length >= 1; length--)
                {
                    if ((mask & (1 << length)) == 0 || !votes.TryGetValue(PhraseKey(i, length), out int[]? typeVotes))
                    {
                        continue;
                    }

                    int type = 0;
                    for (int k = 1; k < 4; k++)
                    {
                        if (typeVotes[k] > typeVotes[type])
                        {
                            type = k;
                        }
                    }

                    for (int t = i; t < i + length; t++)
                    {
                        if (length > covered[t])
                        {
                            covered[t] = (byte)length;
                            NerLabels.Part part = length == 1 ? NerLabels.Part.Unit
                                : t == i ? NerLabels.Part.Begin
                                : t == i + length - 1 ? NerLabels.Part.Last
                                : NerLabels.Part.Inside;
                            phrasePart[t] = (byte)part;
                            phraseType[t] = (byte)(type + 1);
                        }
                    }

                    break;
                }
            }
        }
    }

    // The words of tokens i .. i + length − 1, exactly as written, and the length.
    private ulong PhraseKey(int i, int length)
    {
        ulong key = (ulong)length;
        for (int t = i; t < i + length; t++)
        {
            key = FeatureHash.Mix(key, word[t]);
        }

        return key;
    }
}
