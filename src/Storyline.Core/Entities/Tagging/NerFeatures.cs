using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Storyline.Domain;

namespace Storyline.Entities.Tagging;

/// <summary>
/// The features of every token of one document, as 64-bit hashes of (template, values). Per-token facts (hashes of
/// the word, its lower-cased form and shapes, gazetteer marks, document-level counts) are computed once per document
/// into pooled arrays; <see cref="Extract"/> then combines them without allocating.
/// </summary>
/// <remarks>
/// Features: the word, its lower-cased form, its shape (Xxxx, XX, dd, Xx-Xx, with runs capped) and short shape
/// (runs collapsed), prefixes and suffixes of 1–4 characters, the lower-cased words and short shapes in a ±2 window
/// and word bigrams, position in the sentence, whether the sentence is a headline in capitals, gazetteer
/// membership (begin/inside/last/unit of a city, country, demonym or region name) of the token and its neighbours,
/// and document-level evidence: whether the same word is written capitalised in the middle of a sentence, or in
/// lower case, elsewhere in the document. The second pass adds what the first pass said about the token and about
/// the other occurrences of the same word in the document (Ratinov and Roth's "extended prediction history").
/// Optional groups (<see cref="NerFeatureSet"/>) add what unlabelled text says about the word and its neighbours
/// (<see cref="WordClasses"/>: clusters of word vectors, frequency rank, casing).
/// </remarks>
internal sealed partial class NerFeatures : IDisposable
{
    /// <summary>Most features a token can have.</summary>
    public const int MaxPerToken = 116 + MaxSigns;

    // Most binarised-vector features a word has: one per dimension (WordClasses keeps at most 256).
    private const int MaxSigns = 256;

    // Word-class values beyond a sentence's ends (cluster ids are below 65,535).
    private const ulong BeforeSentence = 0xB05_0000UL;
    private const ulong AfterSentence = 0xE05_0000UL;

    private const byte Capitalized = 1;
    private const byte AllCaps = 2;
    private const byte SentenceStart = 4;
    private const byte HeadlineSentence = 8;
    private const byte HasDigit = 16;
    private const byte LowerInitial = 32;
    private const byte CapitalizedMidElsewhere = 64;
    private const byte LowerElsewhere = 128;

    private readonly int count;
    private readonly ulong[] word;
    private readonly ulong[] lower;
    private readonly ulong[] shape;
    private readonly ulong[] shortShape;
    private readonly byte[] flags;
    private readonly byte[] gazetteer;
    private readonly int[] sentenceOf;
    private readonly int[] lowerId;
    private readonly int[] shortId;
    private readonly (int First, int Count)[] sentences;
    private readonly string text;
    private readonly TextSpan[] tokens;
    private readonly int lists;
    private readonly WordClasses words;
    private readonly NerFeatureSet set;
    private readonly int[] wordEntry;
    private byte[]? firstPass;
    private byte[]? documentType;

    public NerFeatures(TaggingDocument document, GazetteerLists gazetteerLists, WordClasses? words = null, NerFeatureSet set = NerFeatureSet.None, EmbeddingFeatures? embeddings = null)
    {
        this.words = words ?? WordClasses.Empty;
        this.set = set;
        text = document.Text;
        tokens = document.Tokens;
        sentences = document.Sentences;
        lists = gazetteerLists.ListCount;
        count = tokens.Length;
        int size = Math.Max(count, 1);
        word = ArrayPool<ulong>.Shared.Rent(size);
        lower = ArrayPool<ulong>.Shared.Rent(size);
        shape = ArrayPool<ulong>.Shared.Rent(size);
        shortShape = ArrayPool<ulong>.Shared.Rent(size);
        flags = ArrayPool<byte>.Shared.Rent(size);
        sentenceOf = ArrayPool<int>.Shared.Rent(size);
        lowerId = ArrayPool<int>.Shared.Rent(size);
        shortId = ArrayPool<int>.Shared.Rent(size);
        wordEntry = ArrayPool<int>.Shared.Rent(size);
        gazetteer = ArrayPool<byte>.Shared.Rent(size * GazetteerLists.MaxLists);
        Array.Clear(gazetteer, 0, size * GazetteerLists.MaxLists);

        bool[] capitals = ArrayPool<bool>.Shared.Rent(size);
        for (int s = 0; s < sentences.Length; s++)
        {
            var (first, n) = sentences[s];
            bool headline = IsHeadline(first, n);
            for (int i = first; i < first + n; i++)
            {
                sentenceOf[i] = s;
                flags[i] = Describe(tokens[i].Slice(text), out word[i], out lower[i], out shape[i], out shortShape[i]);
                if (i == first)
                {
                    flags[i] |= SentenceStart;
                }

                if (headline)
                {
                    flags[i] |= HeadlineSentence;
                }

                capitals[i] = (flags[i] & Capitalized) != 0;
                wordEntry[i] = set == NerFeatureSet.None ? -1 : this.words.Find(lower[i]);
            }

            gazetteerLists.Mark(lower.AsSpan(first, n), capitals.AsSpan(first, n), gazetteer.AsSpan(first * GazetteerLists.MaxLists, n * GazetteerLists.MaxLists));
        }

        ArrayPool<bool>.Shared.Return(capitals);
        if ((set & NerFeatureSet.HeadlineCase) != 0)
        {
            RecaseHeadlines();
        }

        LowerCount = Number(lower, lowerId);
        ShortCount = Number(shortShape, shortId);
        MarkDocumentEvidence();
        if ((set & NerFeatureSet.DocumentContext) != 0)
        {
            contexts = GatherContexts();
        }

        if (EmbeddingFeatures.Positions(set) > 0)
        {
            ReadVectors(embeddings ?? throw new ArgumentException("The embedding features need the word vectors.", nameof(embeddings)));
        }
    }

    // Most aggregated context features a token gets.
    private int MaxContexts => (set & NerFeatureSet.DocumentWords) != 0 ? 12 : 8;

    // Per distinct lower-cased word written capitalised: the (side, cluster) pairs of its neighbours over the document.
    private readonly Dictionary<int, List<ulong>>? contexts;

    private Dictionary<int, List<ulong>> GatherContexts()
    {
        int level = Math.Min(2, words.Levels.Count - 1);
        var gathered = new Dictionary<int, List<ulong>>();
        foreach (var (first, n) in sentences)
        {
            int end = first + n;
            for (int i = first; i < end; i++)
            {
                if ((flags[i] & Capitalized) == 0)
                {
                    continue;
                }

                if (!gathered.TryGetValue(lowerId[i], out List<ulong>? pairs))
                {
                    pairs = [];
                    gathered[lowerId[i]] = pairs;
                }

                ReadOnlySpan<ulong> around = (set & NerFeatureSet.DocumentWords) != 0
                    ? [ClusterAt(i - 1, first, end, level) << 2, (ClusterAt(i + 1, first, end, level) << 2) | 1, (Lower(i - 1, first, end) << 2) | 2, (Lower(i + 1, first, end) << 2) | 3]
                    : [ClusterAt(i - 1, first, end, level) << 1, (ClusterAt(i + 1, first, end, level) << 1) | 1];
                foreach (ulong pair in around)
                {
                    if (pairs.Count < MaxContexts && !pairs.Contains(pair))
                    {
                        pairs.Add(pair);
                    }
                }
            }
        }

        return gathered;
    }

    /// <summary>Number of distinct lower-cased words in the document.</summary>
    public int LowerCount { get; }

    /// <summary>Number of distinct short shapes in the document.</summary>
    public int ShortCount { get; }

    /// <summary>Slots of <see cref="Window"/>: one per distinct word, per distinct short shape, and per place beyond a
    /// sentence's ends.</summary>
    public int WindowSlots => LowerCount + ShortCount + 4;

    /// <summary>The window features (templates 14–21: the lower-cased words and short shapes two either side).</summary>
    public const int WindowCount = 8;

    /// <summary>
    /// The values of token <paramref name="i"/>'s window features (the first <see cref="WindowCount"/> of
    /// <see cref="ExtractContext"/>: its feature k is <c>FeatureHash.Feature(14 + k, values[k])</c>), and for each a
    /// slot that stands for its value, the same wherever the value recurs in the document: so a caller can keep
    /// what it worked out from feature k of a slot for every other token that has it.
    /// </summary>
    public void Window(int i, Span<int> slots, Span<ulong> values)
    {
        var (first, length) = sentences[sentenceOf[i]];
        int end = first + length;
        int beyond = LowerCount + ShortCount;
        for (int k = 0; k < WindowCount; k++)
        {
            bool shapes = k >= 4;
            int j = i + (k % 4) switch { 0 => -1, 1 => 1, 2 => -2, _ => 2 };
            if (j < first)
            {
                slots[k] = beyond + (first - j - 1);
                values[k] = 0xB05UL + (ulong)(first - j);
            }
            else if (j >= end)
            {
                slots[k] = beyond + 2 + (j - end);
                values[k] = 0xE05UL + (ulong)(j - end);
            }
            else
            {
                slots[k] = shapes ? LowerCount + shortId[j] : lowerId[j];
                values[k] = shapes ? shortShape[j] : lower[j];
            }
        }
    }

    /// <summary>The rest of <see cref="ExtractContext"/>'s features, after the <see cref="Window"/> ones; returns how many.</summary>
    public int ExtractRest(int i, Span<ulong> into) => Context(i, into, window: false);

    // Numbers the distinct values of the tokens, in order of first appearance.
    private int Number(ulong[] values, int[] ids)
    {
        var seen = new Dictionary<ulong, int>();
        for (int i = 0; i < count; i++)
        {
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, values[i], out bool exists);
            if (!exists)
            {
                id = seen.Count - 1;
            }

            ids[i] = id;
        }

        return seen.Count;
    }

    /// <summary>Number of tokens.</summary>
    public int Count => count;

    /// <summary>The sentences, as runs of tokens.</summary>
    public (int First, int Count)[] Sentences => sentences;

    /// <summary>
    /// Gives the second pass the first pass's labels: per token, and per word the type most often given to it
    /// anywhere in the document.
    /// </summary>
    public void SetFirstPass(ReadOnlySpan<byte> labels)
    {
        firstPass ??= new byte[count];
        documentType ??= new byte[count];
        labels[..count].CopyTo(firstPass);

        // Per distinct word: the votes for each type and for O; a word never capitalised has none.
        int[] votes = ArrayPool<int>.Shared.Rent(Math.Max(LowerCount * 5, 1));
        bool[] voted = ArrayPool<bool>.Shared.Rent(Math.Max(LowerCount, 1));
        Array.Clear(votes, 0, LowerCount * 5);
        Array.Clear(voted, 0, LowerCount);
        for (int i = 0; i < count; i++)
        {
            if ((flags[i] & (Capitalized | AllCaps)) == 0)
            {
                continue;
            }

            voted[lowerId[i]] = true;
            votes[(lowerId[i] * 5) + (labels[i] == NerLabels.Outside ? 4 : (int)NerLabels.TypeOf(labels[i]))]++;
        }

        for (int i = 0; i < count; i++)
        {
            documentType[i] = 0;
            if (voted[lowerId[i]])
            {
                ReadOnlySpan<int> v = votes.AsSpan(lowerId[i] * 5, 5);
                int best = 0;
                for (int k = 1; k < 5; k++)
                {
                    if (v[k] > v[best])
                    {
                        best = k;
                    }
                }

                documentType[i] = (byte)(best + 1);
            }
        }

        ArrayPool<int>.Shared.Return(votes);
        ArrayPool<bool>.Shared.Return(voted);
        if ((set & NerFeatureSet.PhraseEvidence) != 0)
        {
            MarkPhrases(labels);
        }
    }

    /// <summary>
    /// Writes the features of token <paramref name="i"/> into <paramref name="into"/>, with the first pass's
    /// evidence once <see cref="SetFirstPass"/> has been called; returns how many.
    /// </summary>
    public int Extract(int i, Span<ulong> into)
    {
        int n = ExtractBase(i, into);
        if (firstPass is not null)
        {
            n += ExtractEvidence(i, into[n..]);
        }

        return n;
    }

    /// <summary>
    /// The features that come from the first pass's labels (<see cref="SetFirstPass"/> first); returns how many.
    /// </summary>
    public int ExtractEvidence(int i, Span<ulong> into)
    {
        int n = 0;
        var (first, length) = sentences[sentenceOf[i]];
        int end = first + length;
        ulong sh = shortShape[i];
        byte[] labels = firstPass ?? throw new InvalidOperationException("No first pass yet.");
        byte[] types = documentType!;
        byte label = labels[i];
        byte type = types[i];
        byte typePrev = i > first ? types[i - 1] : (byte)7;
        byte typeNext = i + 1 < end ? types[i + 1] : (byte)7;
        into[n++] = FeatureHash.Feature(40, label);
        into[n++] = FeatureHash.Feature(41, type);
        into[n++] = FeatureHash.Feature(42, type, sh);
        into[n++] = FeatureHash.Feature(43, typePrev, type, typeNext);
        into[n++] = FeatureHash.Feature(44, label, type);
        into[n++] = FeatureHash.Feature(45, i > first ? labels[i - 1] : (byte)99, label, i + 1 < end ? labels[i + 1] : (byte)99);
        if (phrasePart is not null && phrasePart[i] != 0)
        {
            into[n++] = FeatureHash.Feature(46, phrasePart[i], phraseType![i]);
            into[n++] = FeatureHash.Feature(47, phrasePart[i], phraseType![i], label);
        }

        return n;
    }

    /// <summary>The features of token <paramref name="i"/> that do not depend on a first pass; returns how many.</summary>
    public int ExtractBase(int i, Span<ulong> into)
    {
        int n = ExtractWord(i, into);
        return n + ExtractContext(i, into[n..]);
    }

    /// <summary>
    /// The first of <see cref="ExtractBase"/>'s features: those of the token's characters alone (the same for every
    /// token of the same text, see <see cref="SameWord"/>); returns how many.
    /// </summary>
    public int ExtractWord(int i, Span<ulong> into)
    {
        int n = 0;
        into[n++] = FeatureHash.Feature(1, 0);
        into[n++] = FeatureHash.Feature(2, word[i]);
        into[n++] = FeatureHash.Feature(3, lower[i]);
        into[n++] = FeatureHash.Feature(4, shape[i]);
        into[n++] = FeatureHash.Feature(5, shortShape[i]);

        ReadOnlySpan<char> chars = tokens[i].Slice(text);
        int affixes = Math.Min(4, chars.Length - 1);
        for (int k = 1; k <= affixes; k++)
        {
            into[n++] = FeatureHash.Feature(5 + k, FeatureHash.Text(chars[..k], lower: true));
            into[n++] = FeatureHash.Feature(9 + k, FeatureHash.Text(chars[^k..], lower: true));
        }

        if (set != NerFeatureSet.None)
        {
            n += WordClassFeatures(i, into[n..]);
        }

        return n;
    }

    // What unlabelled text says about the word itself: its clusters, rank and casing (depend on its characters only,
    // as ExtractWord's features must).
    private int WordClassFeatures(int i, Span<ulong> into)
    {
        int n = 0;
        int entry = wordEntry[i];
        ulong sh = shortShape[i];
        if ((set & NerFeatureSet.Clusters) != 0)
        {
            int levels = words.Levels.Count;
            for (int l = 0; l < levels; l++)
            {
                into[n++] = FeatureHash.Feature(50 + l, words.Cluster(entry, l));
            }

            into[n++] = FeatureHash.Feature(54, words.Cluster(entry, Math.Min(1, levels - 1)), sh);
        }

        if ((set & NerFeatureSet.VectorSigns) != 0)
        {
            Span<int> dims = stackalloc int[MaxSigns];
            int signs = words.Signs(entry, dims);
            for (int k = 0; k < signs; k++)
            {
                into[n++] = FeatureHash.Feature(80, (ulong)dims[k]);
            }
        }

        if ((set & NerFeatureSet.Rank) != 0)
        {
            into[n++] = FeatureHash.Feature(55, (ulong)words.RankBucket(entry), sh);
        }

        if ((set & NerFeatureSet.Casing) != 0)
        {
            into[n++] = FeatureHash.Feature(56, (ulong)words.Casing(entry), (ulong)(flags[i] & (Capitalized | AllCaps)));
        }

        return n;
    }

    // The cluster of token j at a level, or a marker beyond the sentence's ends.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ClusterAt(int j, int first, int end, int level) =>
        j < first ? BeforeSentence + (ulong)(first - j) : j >= end ? AfterSentence + (ulong)(j - end) : words.Cluster(wordEntry[j], level);

    /// <summary>The hash of token <paramref name="i"/>'s characters: equal for tokens that may be <see cref="SameWord"/>.</summary>
    public ulong WordHash(int i) => word[i];

    /// <summary>Whether tokens <paramref name="i"/> and <paramref name="j"/> are the same characters, so that their
    /// <see cref="ExtractWord"/> features are the same.</summary>
    public bool SameWord(int i, int j) => tokens[i].Slice(text).SequenceEqual(tokens[j].Slice(text));

    /// <summary>
    /// The rest of <see cref="ExtractBase"/>'s features, after <see cref="ExtractWord"/>'s: the token in its
    /// sentence, its neighbours, the gazetteer and the document; returns how many.
    /// </summary>
    public int ExtractContext(int i, Span<ulong> into) => Context(i, into, window: true);

    private int Context(int i, Span<ulong> into, bool window)
    {
        int n = 0;
        var (first, length) = sentences[sentenceOf[i]];
        int end = first + length;
        ulong sh = shortShape[i];
        ulong lw = lower[i];
        byte f = flags[i];
        ReadOnlySpan<char> chars = tokens[i].Slice(text);

        ulong lowerPrev = Lower(i - 1, first, end);
        ulong lowerNext = Lower(i + 1, first, end);
        ulong shortPrev = Short(i - 1, first, end);
        ulong shortNext = Short(i + 1, first, end);
        if (window)
        {
            // Keep in step with Window.
            into[n++] = FeatureHash.Feature(14, lowerPrev);
            into[n++] = FeatureHash.Feature(15, lowerNext);
            into[n++] = FeatureHash.Feature(16, Lower(i - 2, first, end));
            into[n++] = FeatureHash.Feature(17, Lower(i + 2, first, end));
            into[n++] = FeatureHash.Feature(18, shortPrev);
            into[n++] = FeatureHash.Feature(19, shortNext);
            into[n++] = FeatureHash.Feature(20, Short(i - 2, first, end));
            into[n++] = FeatureHash.Feature(21, Short(i + 2, first, end));
        }

        into[n++] = FeatureHash.Feature(22, lowerPrev, lw);
        into[n++] = FeatureHash.Feature(23, lw, lowerNext);
        into[n++] = FeatureHash.Feature(24, shortPrev, sh, shortNext);
        into[n++] = FeatureHash.Feature(25, (ulong)(f & (SentenceStart | HeadlineSentence)), shape[i]);
        into[n++] = FeatureHash.Feature(26, lowerPrev, sh);
        into[n++] = FeatureHash.Feature(27, sh, lowerNext);
        into[n++] = FeatureHash.Feature(28, lowerPrev, lowerNext);
        into[n++] = FeatureHash.Feature(29, (ulong)Math.Min(i - first, 3), sh);
        into[n++] = FeatureHash.Feature(30, (ulong)Math.Min(chars.Length, 12), sh);

        for (int l = 0; l < lists; l++)
        {
            byte here = gazetteer[(i * GazetteerLists.MaxLists) + l];
            if (here != 0)
            {
                into[n++] = FeatureHash.Feature(31, (ulong)l, here);
                into[n++] = FeatureHash.Feature(32, (ulong)l, here, sh);
            }

            byte before = i > first ? gazetteer[((i - 1) * GazetteerLists.MaxLists) + l] : (byte)0;
            byte after = i + 1 < end ? gazetteer[((i + 1) * GazetteerLists.MaxLists) + l] : (byte)0;
            if (before != 0 || after != 0)
            {
                into[n++] = FeatureHash.Feature(33, (ulong)l, before, after);
            }
        }

        // Document-level evidence about the same word elsewhere: a capitalised sentence opener or a headline word
        // that is also written capitalised mid-sentence is likely a name; one also written in lower case is not.
        into[n++] = FeatureHash.Feature(34, (ulong)(f & (CapitalizedMidElsewhere | LowerElsewhere | SentenceStart | HeadlineSentence | Capitalized)));
        into[n++] = FeatureHash.Feature(35, (ulong)(f & (CapitalizedMidElsewhere | LowerElsewhere | Capitalized)), sh);

        if ((set & NerFeatureSet.Casing) != 0)
        {
            // How often news text capitalises the word, against where it stands: a sentence opener or a headline word
            // that is usually written in lower case is not a name.
            into[n++] = FeatureHash.Feature(57, (ulong)words.Casing(wordEntry[i]), (ulong)(f & (SentenceStart | HeadlineSentence | Capitalized | AllCaps | CapitalizedMidElsewhere)));
        }

        if ((set & NerFeatureSet.ClusterCase) != 0)
        {
            int levels = words.Levels.Count;
            into[n++] = FeatureHash.Feature(58, ClusterAt(i, first, end, Math.Min(1, levels - 1)), (ulong)(f & (SentenceStart | HeadlineSentence | Capitalized | AllCaps)));
            into[n++] = FeatureHash.Feature(59, ClusterAt(i, first, end, Math.Min(2, levels - 1)), (ulong)Math.Min(i - first, 3), (ulong)(f & (Capitalized | AllCaps)));
        }

        if ((set & NerFeatureSet.ClusterContext) != 0)
        {
            into[n++] = FeatureHash.Feature(66, ClusterAt(i - 1, first, end, 0));
            into[n++] = FeatureHash.Feature(67, ClusterAt(i + 1, first, end, 0));
            int level = Math.Min(1, words.Levels.Count - 1);
            into[n++] = FeatureHash.Feature(68, ClusterAt(i, first, end, level), lowerPrev);
            into[n++] = FeatureHash.Feature(69, ClusterAt(i, first, end, level), lowerNext);
        }

        if (contexts is not null && (f & Capitalized) != 0 && contexts.TryGetValue(lowerId[i], out List<ulong>? pairs))
        {
            foreach (ulong pair in pairs)
            {
                into[n++] = FeatureHash.Feature(70, pair);
            }
        }

        if ((set & NerFeatureSet.ClusterWindow) != 0)
        {
            int levels = words.Levels.Count;
            int near = Math.Min(1, levels - 1);
            int far = Math.Min(2, levels - 1);
            into[n++] = FeatureHash.Feature(60, ClusterAt(i - 1, first, end, near));
            into[n++] = FeatureHash.Feature(61, ClusterAt(i + 1, first, end, near));
            into[n++] = FeatureHash.Feature(62, ClusterAt(i - 2, first, end, far));
            into[n++] = FeatureHash.Feature(63, ClusterAt(i + 2, first, end, far));
            into[n++] = FeatureHash.Feature(64, ClusterAt(i - 1, first, end, far), ClusterAt(i, first, end, far));
            into[n++] = FeatureHash.Feature(65, ClusterAt(i, first, end, far), ClusterAt(i + 1, first, end, far));
        }

        return n;
    }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(word);
        ArrayPool<ulong>.Shared.Return(lower);
        ArrayPool<ulong>.Shared.Return(shape);
        ArrayPool<ulong>.Shared.Return(shortShape);
        ArrayPool<byte>.Shared.Return(flags);
        ArrayPool<int>.Shared.Return(sentenceOf);
        ArrayPool<int>.Shared.Return(lowerId);
        ArrayPool<int>.Shared.Return(shortId);
        ArrayPool<int>.Shared.Return(wordEntry);
        ArrayPool<byte>.Shared.Return(gazetteer);
        ReturnVectors();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Lower(int j, int first, int end) => j < first ? 0xB05UL + (ulong)(first - j) : j >= end ? 0xE05UL + (ulong)(j - end) : lower[j];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Short(int j, int first, int end) => j < first ? 0xB05UL + (ulong)(first - j) : j >= end ? 0xE05UL + (ulong)(j - end) : shortShape[j];

    private static byte Describe(ReadOnlySpan<char> chars, out ulong word, out ulong lower, out ulong shape, out ulong shortShape)
    {
        ulong w = FeatureHash.Seed;
        ulong l = FeatureHash.Seed;
        ulong s = FeatureHash.Seed;
        ulong ss = FeatureHash.Seed;
        char previousClass = '\0';
        int run = 0;
        int upper = 0;
        int lowerCount = 0;
        byte result = 0;
        for (int k = 0; k < chars.Length; k++)
        {
            char c = FeatureHash.Fold(chars[k]);
            w = FeatureHash.Add(w, c);
            l = FeatureHash.Add(l, char.ToLowerInvariant(c));
            char cls;
            if (char.IsUpper(c))
            {
                cls = 'X';
                upper++;
            }
            else if (char.IsLower(c))
            {
                cls = 'x';
                lowerCount++;
            }
            else if (char.IsDigit(c))
            {
                cls = 'd';
                result |= HasDigit;
            }
            else
            {
                cls = c;
            }

            if (cls == previousClass)
            {
                run++;
            }
            else
            {
                run = 1;
                ss = FeatureHash.Add(ss, cls);
            }

            if (run <= 4)
            {
                s = FeatureHash.Add(s, cls);
            }

            previousClass = cls;
        }

        if (IsBareHonorific(chars))
        {
            // British style writes "Mr Kim" where CoNLL's Reuters text writes "Mr. Kim": read it as the latter.
            w = FeatureHash.Add(w, '.');
            l = FeatureHash.Add(l, '.');
            s = FeatureHash.Add(s, '.');
            ss = FeatureHash.Add(ss, '.');
        }

        if (chars.Length > 0 && char.IsUpper(chars[0]))
        {
            result |= Capitalized;
        }

        if (chars.Length > 0 && char.IsLower(chars[0]))
        {
            result |= LowerInitial;
        }

        if (upper > 0 && lowerCount == 0)
        {
            result |= AllCaps;
        }

        word = w;
        lower = l;
        shape = s;
        shortShape = ss;
        return result;
    }

    // HeadlineCase: an all-capitals word of a headline takes the word and shape hashes of the form the document writes
    // it in outside headlines (its first such form), or of its lower-case form where news text nearly always writes it
    // in lower case; otherwise it keeps its own. Flags stay as written, so no evidence is made up.
    private void RecaseHeadlines()
    {
        Dictionary<ulong, int>? body = null;
        for (int i = 0; i < count; i++)
        {
            if ((flags[i] & HeadlineSentence) == 0 && (flags[i] & AllCaps) == 0 && (flags[i] & (Capitalized | LowerInitial)) != 0)
            {
                body ??= [];
                body.TryAdd(lower[i], i);
            }
        }

        Span<char> buffer = stackalloc char[64];
        for (int i = 0; i < count; i++)
        {
            if ((flags[i] & (HeadlineSentence | AllCaps)) != (HeadlineSentence | AllCaps))
            {
                continue;
            }

            if (body is not null && body.TryGetValue(lower[i], out int j))
            {
                word[i] = word[j];
                shape[i] = shape[j];
                shortShape[i] = shortShape[j];
                continue;
            }

            ReadOnlySpan<char> chars = tokens[i].Slice(text);
            if (chars.Length <= buffer.Length && words.Casing(wordEntry[i]) is 1 or 2)
            {
                Span<char> lowered = buffer[..chars.Length];
                chars.ToLowerInvariant(lowered);
                Describe(lowered, out word[i], out _, out shape[i], out shortShape[i]);
            }
        }
    }

    private static bool IsBareHonorific(ReadOnlySpan<char> chars) =>
        chars is "Mr" or "Mrs" or "Ms" or "Dr" or "MR" or "MRS" or "MS" or "DR";

    private bool IsHeadline(int first, int n)
    {
        int letters = 0;
        for (int i = first; i < first + n; i++)
        {
            ReadOnlySpan<char> chars = tokens[i].Slice(text);
            bool hasLetter = false;
            foreach (char c in chars)
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                hasLetter |= char.IsUpper(c);
            }

            letters += hasLetter && chars.Length > 1 ? 1 : 0;
        }

        return letters >= 2;
    }

    private void MarkDocumentEvidence()
    {
        byte[] seen = ArrayPool<byte>.Shared.Rent(Math.Max(LowerCount, 1));
        Array.Clear(seen, 0, LowerCount);
        for (int i = 0; i < count; i++)
        {
            byte f = flags[i];
            byte evidence = 0;
            if ((f & Capitalized) != 0 && (f & (SentenceStart | HeadlineSentence | AllCaps)) == 0)
            {
                evidence |= CapitalizedMidElsewhere;
            }

            if ((f & LowerInitial) != 0)
            {
                evidence |= LowerElsewhere;
            }

            seen[lowerId[i]] |= evidence;
        }

        for (int i = 0; i < count; i++)
        {
            flags[i] |= seen[lowerId[i]];
        }

        ArrayPool<byte>.Shared.Return(seen);
    }
}
