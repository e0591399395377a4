using Storyline.Domain;
using System.Collections.Immutable;

namespace Storyline.Stories;

/// <summary>
/// Online story clustering. Reports arrive in date order; each is first checked against the open stories' reports for
/// a near-copy (MinHash over word shingles), which joins its original's story without being counted again. Otherwise
/// the candidate stories, found through an inverted index over the terms and entities of the open stories, are
/// compared with it on several similarities (body words, headline words, people and organisations, places, time gap),
/// and the <see cref="MergeModel"/> decides whether it joins the best of them or starts a story. When the report fits
/// two stories very well, the two are one story and are merged. Stories with no report within the window close.
/// <para>
/// Deterministic for a given input order, and the same after a restart from <see cref="ClusteringState"/>: term sums are
/// integers (weights in thousandths), so they do not depend on the order reports were added in, and every choice breaks
/// ties by story number or term. Not thread-safe: assignment is sequential by design.
/// </para>
/// </summary>
public sealed class OnlineStoryClusterer
{
    // Term weights are summed as whole thousandths, so that a story's sums are exactly the same whether it was built
    // report by report, restored from the store, or merged from two stories.
    private const double Quantum = 1000;
    private const int MaxStoryEntities = 100;
    private const int MaxStoryHeadTerms = 60;

    // How many of a report's and a story's heaviest names the actor conflict compares.
    private const int KeyNameCount = 3;

    // What a term is in the report being assigned (see the per-term marks below).
    private const byte WordKind = 0, EntityKind = 1, PlaceKind = 2;

    // Quantize(count) for the counts most terms have, so that most terms take no logarithm.
    private static readonly long[] Quantized = [.. Enumerable.Range(0, 256).Select(Quantize)];

    private readonly ClusteringOptions options;
    private readonly StoryVocabulary vocabulary = new();
    private readonly Dictionary<long, ActiveStory> active = [];
    private readonly Dictionary<ulong, List<Member>> bands = [];
    private long nextStoryId;
    private int expiredOn = int.MinValue;

    // One slot per term id. The report being assigned: a term is in it when its mark is the report's generation, with
    // its kind and weight (and the same for its headline words); a story is in a term's postings when it holds the term.
    private HashSet<ActiveStory>?[] postings = [];
    private int[] reportMark = [];
    private byte[] reportKind = [];
    private double[] reportWeight = [];
    private int[] headMark = [];
    private double[] headWeight = [];
    private int[] queryMark = [];
    private int reportGeneration;
    private int queryGeneration;
    private int candidateGeneration;

    /// <summary>A clusterer that starts from <paramref name="state"/> (empty for a new archive).</summary>
    public OnlineStoryClusterer(ClusteringOptions options, ClusteringState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        this.options = options;
        vocabulary.Restore(state.DocumentCount, state.DocumentFrequency);
        nextStoryId = state.LastStoryId + 1;
        foreach (ClusteringState.StoryMembers story in state.ActiveStories)
        {
            // A stored title is fixed only once the story had three reports (see ActiveStory.MakeTitle).
            var restored = NewStory(story.Id, story.Reports.Length >= 3 ? story.Title : null);
            active[story.Id.Value] = restored;
            foreach (StoryFeatures member in story.Reports)
            {
                Add(restored, member, new ReportTerms(report: member, vocabulary));
            }

            if (story.LastReport is DateOnly last && last > restored.LastReport)
            {
                restored.LastReport = last;
            }
        }
    }

    /// <summary>Number of stories currently open for new reports.</summary>
    public int ActiveStoryCount => active.Count;

    /// <summary>Assigns one report to a story. Call in arrival order; the result depends on that order only.</summary>
    public StoryAssignment Assign(StoryFeatures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Expire(report.Published);
        if (FindOriginal(report) is (Member original, double jaccard))
        {
            ActiveStory source = original.Story;
            if (report.Published > source.LastReport)
            {
                source.LastReport = report.Published;
            }

            return new StoryAssignment(report.Id, source.Id, false, jaccard, source.Title ?? source.MakeTitle()) { CopyOf = original.Id };
        }

        var terms = new ReportTerms(report, vocabulary);
        vocabulary.CountReport(terms.Terms);
        ReportVector vector = Vectorise(report, terms);
        ActiveStory? best = null, second = null;
        double bestScore = double.NegativeInfinity, secondScore = double.NegativeInfinity;
        foreach (ActiveStory candidate in Candidates(vector))
        {
            double score = options.Model.Score(Compare(vector, report.Published, candidate));
            if (score > bestScore || (score == bestScore && candidate.Id.Value < best!.Id.Value))
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (candidate, score);
            }
            else if (score > secondScore || (score == secondScore && candidate.Id.Value < second!.Id.Value))
            {
                (second, secondScore) = (candidate, score);
            }
        }

        StoryId? merged = null;
        if (best is null || bestScore < 0)
        {
            best = NewStory(new StoryId(nextStoryId++), null);
            active[best.Id.Value] = best;
            bestScore = double.NegativeInfinity;
        }
        else if (second is not null && secondScore >= options.MergeScore && bestScore >= options.MergeScore)
        {
            // The report ties two stories together: they are one. The older story (lower number) stays.
            (ActiveStory keep, ActiveStory gone) = best.Id.Value < second.Id.Value ? (best, second) : (second, best);
            Merge(keep, gone);
            merged = gone.Id;
            best = keep;
        }

        bool isNew = double.IsNegativeInfinity(bestScore);
        Add(best, report, terms);
        double similarity = isNew ? 0 : 1 / (1 + Math.Exp(-bestScore));
        return new StoryAssignment(report.Id, best.Id, isNew, similarity, best.Title ?? best.MakeTitle()) { Merged = merged };
    }

    /// <summary>The similarities of <paramref name="report"/> to open story <paramref name="story"/>; null when it is not open.</summary>
    public StorySimilarities? Compare(StoryFeatures report, StoryId story)
    {
        ArgumentNullException.ThrowIfNull(report);
        return active.TryGetValue(story.Value, out ActiveStory? open)
            ? Compare(Vectorise(report, new ReportTerms(report, vocabulary)), report.Published, open)
            : null;
    }

    /// <summary>The open stories the candidate index offers for <paramref name="report"/>, by number.</summary>
    public IReadOnlyList<StoryId> CandidatesOf(StoryFeatures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. Candidates(Vectorise(report, new ReportTerms(report, vocabulary))).Select(s => s.Id).Order()];
    }

    private StorySimilarities Compare(ReportVector report, DateOnly published, ActiveStory story)
    {
        double body = Cosine(report.WordNorm, story.TopWords());
        double head = HeadCosine(report.HeadNorm, story.TopHead());
        (double entities, double places) = EntityCosines(report, story);
        return new StorySimilarities(body, head, entities, places, options.Model.RecencyOf(published.DayNumber - story.LastReport.DayNumber))
        {
            EntityConflict = Conflict(report, report.KeyEntities(this), story, place: false),
            PlaceConflict = Conflict(report, report.KeyPlaces(this), story, place: true),
        };
    }

    // Two reports of the same kind of event (two earthquakes, two stars in rehab) share their words but not their actors:
    // the report's key names are new to the story, and the story's key names are absent from the report. Either alone is
    // common within one story (new people get quoted; a follow-up names only the newest actor), so the conflict is the
    // product of the two shares (by weight). A name counts as present when the other side has the same entity or has
    // used the name's last word (Reid of "Tara Reid"), so that two resolutions of one person do not look like two people.
    private double Conflict(ReportVector report, KeyName[] key, ActiveStory story, bool place)
    {
        KeyName[] storyKey = story.KeyNames(place);
        if (key.Length == 0 || storyKey.Length == 0)
        {
            return 0;
        }

        double all = 0, unknown = 0;
        foreach (KeyName name in key)
        {
            all += name.Weight;
            if (!story.Names(name.Term) && !story.UsedWord(name.LastWord))
            {
                unknown += name.Weight;
            }
        }

        double storyAll = 0, missing = 0;
        foreach (KeyName name in storyKey)
        {
            storyAll += name.Weight;
            if (!InReport(name.Term, report, WordKind, entity: true) && !InReport(name.LastWord, report, WordKind, entity: false))
            {
                missing += name.Weight;
            }
        }

        return unknown / all * (missing / storyAll);
    }

    // Whether the report has term id (-1: a term never seen, so not); entity: as any name, else as a word of kind.
    private bool InReport(int id, ReportVector report, byte kind, bool entity) =>
        id >= 0 && reportMark[id] == report.Generation && (entity ? reportKind[id] != WordKind : reportKind[id] == kind);

    // The same sums, in the same order, as the cosine over string-keyed vectors: idf comes from a per-report cache and
    // the report's weight from its slot, so every figure is bit for bit what it was.
    private double Cosine(double reportNorm, TopTerm[] story)
    {
        if (reportNorm == 0)
        {
            return 0;
        }

        int generation = reportGeneration;
        double dot = 0, norm = 0;
        foreach (TopTerm term in story)
        {
            double weight = term.Sum / Quantum * vocabulary.Idf(term.Term);
            norm += weight * weight;
            if (reportMark[term.Term] == generation && reportKind[term.Term] == WordKind)
            {
                dot += reportWeight[term.Term] * weight;
            }
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(reportNorm * norm);
    }

    // Headline words weigh by their counts, not by thousandths.
    private double HeadCosine(double reportNorm, TopTerm[] story)
    {
        if (reportNorm == 0)
        {
            return 0;
        }

        int generation = reportGeneration;
        double dot = 0, norm = 0;
        foreach (TopTerm term in story)
        {
            double weight = term.Sum * vocabulary.Idf(term.Term);
            norm += weight * weight;
            if (headMark[term.Term] == generation)
            {
                dot += headWeight[term.Term] * weight;
            }
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(reportNorm * norm);
    }

    private (double Entities, double Places) EntityCosines(ReportVector report, ActiveStory story)
    {
        int generation = reportGeneration;
        double dotE = 0, normE = 0, dotP = 0, normP = 0;
        TopTerm[] top = story.TopEntities();
        bool[] isPlace = story.TopEntityPlaces();
        for (int i = 0; i < top.Length; i++)
        {
            TopTerm term = top[i];
            double weight = term.Sum / Quantum * vocabulary.Idf(term.Term);
            bool inReport = reportMark[term.Term] == generation;
            if (isPlace[i])
            {
                normP += weight * weight;
                dotP += inReport && reportKind[term.Term] == PlaceKind ? reportWeight[term.Term] * weight : 0;
            }
            else
            {
                normE += weight * weight;
                dotE += inReport && reportKind[term.Term] == EntityKind ? reportWeight[term.Term] * weight : 0;
            }
        }

        return (
            dotE == 0 ? 0 : dotE / Math.Sqrt(report.EntityNorm * normE),
            dotP == 0 ? 0 : dotP / Math.Sqrt(report.PlaceNorm * normP));
    }

    // Stories that share one of the report's heaviest words or entities, or a headline word; terms in very many open
    // stories say little and would make the cost grow with the archive, so they are not looked up.
    private List<ActiveStory> Candidates(ReportVector report)
    {
        int generation = ++candidateGeneration;
        var hit = new List<ActiveStory>();
        int query = ++queryGeneration;
        void Look(int term)
        {
            if (queryMark[term] == query)
            {
                return;
            }

            queryMark[term] = query;
            if (postings[term] is { } stories && stories.Count <= options.MaxPostings)
            {
                foreach (ActiveStory story in stories)
                {
                    if (story.HitMark != generation)
                    {
                        story.HitMark = generation;
                        story.Hits = 0;
                        hit.Add(story);
                    }

                    story.Hits++;
                }
            }
        }

        foreach (int term in Heaviest(report.Words, options.QueryTerms))
        {
            Look(term);
        }

        foreach (int term in Heaviest(report.Entities, options.QueryTerms))
        {
            Look(term);
        }

        foreach (int term in Heaviest(report.Places, options.QueryTerms / 2))
        {
            Look(term);
        }

        foreach (int term in report.Head)
        {
            Look(term);
        }

        hit.Sort(static (a, b) => a.Hits != b.Hits ? b.Hits.CompareTo(a.Hits) : a.Id.Value.CompareTo(b.Id.Value));
        int keep = Math.Max(options.MaxCandidates, 0);
        if (hit.Count > keep)
        {
            hit.RemoveRange(keep, hit.Count - keep);
        }

        return hit;
    }

    // The n heaviest of the report's terms, heaviest first, ties by term: kept in a small sorted buffer instead of
    // sorting every term.
    private List<int> Heaviest(List<int> terms, int n)
    {
        var top = new List<int>(Math.Max(n, 0) + 1);
        if (n <= 0)
        {
            return top;
        }

        foreach (int term in terms)
        {
            if (top.Count == n && !Heavier(term, top[^1]))
            {
                continue;
            }

            int at = top.Count;
            while (at > 0 && Heavier(term, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, term);
            if (top.Count > n)
            {
                top.RemoveAt(n);
            }
        }

        return top;
    }

    private bool Heavier(int a, int b) =>
        reportWeight[a] > reportWeight[b] || (reportWeight[a] == reportWeight[b] && vocabulary.CompareTerms(a, b) < 0);

    private (Member Original, double Jaccard)? FindOriginal(StoryFeatures report)
    {
        if (report.Signature.Length != MinHash.Size)
        {
            return null;
        }

        Member? best = null;
        double bestSimilarity = 0;
        for (int band = 0; band < MinHash.Bands; band++)
        {
            // A band shared by very many reports is made of stock phrases ("said on Monday"), not of a copied text; a
            // real copy shares many other bands. Skipping it keeps the cost flat as the archive grows.
            if (!bands.TryGetValue(MinHash.BandKey(report.Signature, band), out List<Member>? members) || members.Count > options.MaxCopyBucket)
            {
                continue;
            }

            foreach (Member member in members)
            {
                double similarity = MinHash.Similarity(report.Signature, member.Signature);
                if (similarity >= options.CopyThreshold
                    && (similarity > bestSimilarity || (similarity == bestSimilarity && member.Id.CompareTo(best!.Id) < 0)))
                {
                    best = member;
                    bestSimilarity = similarity;
                }
            }
        }

        return best is null ? null : (best, bestSimilarity);
    }

    private ActiveStory NewStory(StoryId id, string? title) => new(id, title, vocabulary, options.MaxStoryTerms);

    private void Add(ActiveStory story, StoryFeatures report, ReportTerms terms)
    {
        List<int> added = story.Add(report, terms);
        vocabulary.Fit(ref postings);
        foreach (int term in added)
        {
            (postings[term] ??= []).Add(story);
        }

        if (report.Signature.Length == MinHash.Size)
        {
            var member = new Member(report.Id, report.Signature) { Story = story };
            story.Members.Add(member);
            for (int band = 0; band < MinHash.Bands; band++)
            {
                ulong key = MinHash.BandKey(report.Signature, band);
                if (!bands.TryGetValue(key, out List<Member>? members))
                {
                    members = [];
                    bands[key] = members;
                }

                members.Add(member);
            }
        }
    }

    private void Merge(ActiveStory keep, ActiveStory gone)
    {
        foreach (int term in gone.IndexTerms)
        {
            HashSet<ActiveStory> stories = postings[term]!;
            stories.Remove(gone);
            stories.Add(keep);
        }

        keep.Absorb(gone);
        active.Remove(gone.Id.Value);
    }

    private void Expire(DateOnly now)
    {
        if (now.DayNumber <= expiredOn)
        {
            return;
        }

        expiredOn = now.DayNumber;
        foreach (ActiveStory story in active.Values.Where(s => now.DayNumber - s.LastReport.DayNumber > options.WindowDays).ToList())
        {
            active.Remove(story.Id.Value);
            foreach (int term in story.IndexTerms)
            {
                HashSet<ActiveStory> stories = postings[term]!;
                stories.Remove(story);
                if (stories.Count == 0)
                {
                    postings[term] = null;
                }
            }

            foreach (Member member in story.Members)
            {
                for (int band = 0; band < MinHash.Bands; band++)
                {
                    ulong key = MinHash.BandKey(member.Signature, band);
                    List<Member> members = bands[key];
                    members.Remove(member);
                    if (members.Count == 0)
                    {
                        bands.Remove(key);
                    }
                }
            }
        }
    }

    // The report's weighted vectors, in the per-term slots (a new generation, so the previous report's marks are gone).
    private ReportVector Vectorise(StoryFeatures report, ReportTerms terms)
    {
        vocabulary.Fit(ref reportMark);
        vocabulary.Fit(ref reportKind);
        vocabulary.Fit(ref reportWeight);
        vocabulary.Fit(ref headMark);
        vocabulary.Fit(ref headWeight);
        vocabulary.Fit(ref queryMark);
        vocabulary.Fit(ref postings);
        int generation = ++reportGeneration;
        var vector = new ReportVector(generation, report.EntityNames);

        // The place terms first (marked with the generation's negative), so that the entity terms among them are known.
        foreach (int place in terms.Places)
        {
            reportMark[place] = -generation;
        }

        ImmutableArray<TermCount> counts = report.Terms;
        for (int i = 0; i < counts.Length; i++)
        {
            int id = terms.Terms[i];
            int count = counts[i].Count;
            double weight = ((uint)count < (uint)Quantized.Length ? Quantized[count] : Quantize(count)) / Quantum * vocabulary.Idf(id);
            byte kind = !terms.IsEntity(i) ? WordKind : reportMark[id] == -generation || (reportMark[id] == generation && reportKind[id] == PlaceKind) ? PlaceKind : EntityKind;
            if (reportMark[id] != generation)
            {
                (kind == WordKind ? vector.Words : kind == PlaceKind ? vector.Places : vector.Entities).Add(id);
            }

            reportMark[id] = generation;
            reportKind[id] = kind;
            reportWeight[id] = weight;
            switch (kind)
            {
                case WordKind:
                    vector.WordNorm += weight * weight;
                    break;
                case PlaceKind:
                    vector.PlaceNorm += weight * weight;
                    break;
                default:
                    vector.EntityNorm += weight * weight;
                    break;
            }
        }

        foreach (int id in terms.Head)
        {
            double weight = vocabulary.Idf(id);
            if (headMark[id] != generation)
            {
                headMark[id] = generation;
                vector.Head.Add(id);
            }

            headWeight[id] = weight;
            vector.HeadNorm += weight * weight;
        }

        return vector;
    }

    // The last word of a name, lower case, as the word vectors hold it; null when too short to mean anything.
    private static string? LastWord(string name)
    {
        string last = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Length < 2 ? null : last.ToLowerInvariant();
    }

    private static long Quantize(int count) => (long)Math.Round((1 + Math.Log(count)) * Quantum);

    // Heavier first, then by term.
    private static int HeavierFirst(TopTerm a, TopTerm b, StoryVocabulary vocabulary) =>
        a.Sum != b.Sum ? b.Sum.CompareTo(a.Sum) : vocabulary.CompareTerms(a.Term, b.Term);

    /// <summary>A story's term and its sum (thousandths for words and entities, counts for headline words).</summary>
    private readonly record struct TopTerm(int Term, long Sum);

    /// <summary>A key name: its entity term, its weight, and the id of its last word (-1 for none or never seen).</summary>
    private readonly record struct KeyName(int Term, double Weight, int LastWord);

    /// <summary>A report's term ids: of its terms (in order), of its headline words and of its places.</summary>
    private readonly struct ReportTerms
    {
        private readonly bool[] entity;

        public ReportTerms(StoryFeatures report, StoryVocabulary vocabulary)
        {
            Terms = new int[report.Terms.Length];
            entity = new bool[report.Terms.Length];
            for (int i = 0; i < Terms.Length; i++)
            {
                string term = report.Terms[i].Term;
                Terms[i] = vocabulary.Id(term);
                entity[i] = term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal);
            }

            Head = new int[report.HeadTerms.Length];
            for (int i = 0; i < Head.Length; i++)
            {
                Head[i] = vocabulary.Id(report.HeadTerms[i]);
            }

            Places = new int[report.PlaceTerms.Length];
            for (int i = 0; i < Places.Length; i++)
            {
                Places[i] = vocabulary.Id(report.PlaceTerms[i]);
            }
        }

        public int[] Terms { get; }

        public int[] Head { get; }

        public int[] Places { get; }

        /// <summary>Whether term i is an entity term (by its prefix).</summary>
        public bool IsEntity(int i) => entity[i];
    }

    /// <summary>A report's weighted vectors: its distinct terms by kind (weights are in the clusterer's slots) and norms.</summary>
    private sealed class ReportVector(int generation, ImmutableDictionary<string, string> names)
    {
        private KeyName[]? keyEntities;
        private KeyName[]? keyPlaces;

        public int Generation { get; } = generation;

        public List<int> Words { get; } = [];

        public List<int> Entities { get; } = [];

        public List<int> Places { get; } = [];

        public List<int> Head { get; } = [];

        public double WordNorm { get; set; }

        public double HeadNorm { get; set; }

        public double EntityNorm { get; set; }

        public double PlaceNorm { get; set; }

        /// <summary>The report's heaviest people and organisations (at most <see cref="KeyNameCount"/>), heaviest first.</summary>
        public KeyName[] KeyEntities(OnlineStoryClusterer clusterer) => keyEntities ??= Key(clusterer, Entities);

        /// <summary>The report's heaviest places.</summary>
        public KeyName[] KeyPlaces(OnlineStoryClusterer clusterer) => keyPlaces ??= Key(clusterer, Places);

        private KeyName[] Key(OnlineStoryClusterer clusterer, List<int> terms) =>
            [.. clusterer.Heaviest(terms, KeyNameCount).Select(term => new KeyName(term, clusterer.reportWeight[term], LastWordOf(clusterer.vocabulary, term)))];

        // The id of the last word of the entity's name; a word never seen is in no report and no story.
        private int LastWordOf(StoryVocabulary vocabulary, int term) =>
            names.TryGetValue(vocabulary[term], out string? name) && LastWord(name) is string word ? vocabulary.Find(word) : -1;
    }

    /// <summary>A report of an open story, as the index of near-copies holds it.</summary>
    private sealed class Member(ArticleId id, ImmutableArray<uint> signature)
    {
        public ArticleId Id { get; } = id;

        public ImmutableArray<uint> Signature { get; } = signature;

        public required ActiveStory Story { get; set; }
    }

    private sealed class ActiveStory(StoryId id, string? title, StoryVocabulary vocabulary, int maxWords)
    {
        private readonly Dictionary<int, long> words = [];
        private readonly Dictionary<int, long> entities = [];
        private readonly Dictionary<int, long> head = [];
        private readonly Dictionary<int, int> entityMentions = [];
        private readonly Dictionary<int, (string Name, int LastWord)> entityNames = [];
        private TopTerm[]? topWords;
        private TopTerm[]? topEntities;
        private TopTerm[]? topHead;
        private TopTerm[]? keyNamesOf;
        private KeyName[] keyPeople = [], keyPlaces = [];
        private TopTerm[]? placesOf;
        private bool[] topPlaces = [];

        public StoryId Id { get; } = id;

        /// <summary>Set once the story has three reports, so that the title stays stable as reports arrive.</summary>
        public string? Title { get; private set; } = title;

        public DateOnly LastReport { get; set; } = DateOnly.MinValue;

        public int ReportCount { get; private set; }

        public HashSet<int> Places { get; } = [];

        public List<Member> Members { get; } = [];

        /// <summary>Candidate look-up of the report being assigned: its generation and the story's hits in it.</summary>
        public int HitMark { get; set; }

        public int Hits { get; set; }

        /// <summary>The terms the candidate index lists this story under.</summary>
        public IEnumerable<int> IndexTerms => words.Keys.Concat(entities.Keys);

        /// <summary>Whether the story has named <paramref name="term"/> (an entity term).</summary>
        public bool Names(int term) => entities.ContainsKey(term);

        /// <summary>
        /// The story's heaviest places, or people and organisations (at most <see cref="KeyNameCount"/>), heaviest first,
        /// with their last words. Asked for every candidate of every report, so kept until the top entities change
        /// (every Add and Absorb).
        /// </summary>
        public KeyName[] KeyNames(bool places)
        {
            TopTerm[] top = TopEntities();
            if (!ReferenceEquals(keyNamesOf, top))
            {
                keyPeople = [.. top.Where(e => !Places.Contains(e.Term)).Take(KeyNameCount).Select(e => new KeyName(e.Term, e.Sum, LastWordOf(e.Term)))];
                keyPlaces = [.. top.Where(e => Places.Contains(e.Term)).Take(KeyNameCount).Select(e => new KeyName(e.Term, e.Sum, LastWordOf(e.Term)))];
                keyNamesOf = top;
            }

            return places ? keyPlaces : keyPeople;
        }

        /// <summary>Whether each of <see cref="TopEntities"/> is a place; kept, as the key names are, until the top changes.</summary>
        public bool[] TopEntityPlaces()
        {
            TopTerm[] top = TopEntities();
            if (!ReferenceEquals(placesOf, top))
            {
                topPlaces = new bool[top.Length];
                for (int i = 0; i < top.Length; i++)
                {
                    topPlaces[i] = Places.Contains(top[i].Term);
                }

                placesOf = top;
            }

            return topPlaces;
        }

        /// <summary>Whether a report of the story used word <paramref name="word"/> (-1: none).</summary>
        public bool UsedWord(int word) => word >= 0 && words.ContainsKey(word);

        /// <summary>Adds a report's terms; returns the terms new to the story.</summary>
        public List<int> Add(StoryFeatures report, ReportTerms ids)
        {
            ReportCount++;
            if (report.Published > LastReport)
            {
                LastReport = report.Published;
            }

            var added = new List<int>();
            var changedWords = new List<int>(ids.Terms.Length);
            var changedEntities = new List<int>();
            ImmutableArray<TermCount> terms = report.Terms;
            for (int i = 0; i < terms.Length; i++)
            {
                int term = ids.Terms[i];
                int count = terms[i].Count;
                bool entity = ids.IsEntity(i);
                Dictionary<int, long> sums = entity ? entities : words;
                ref long sum = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, term, out bool exists);
                if (!exists)
                {
                    added.Add(term);
                }

                sum += (uint)count < (uint)Quantized.Length ? Quantized[count] : Quantize(count);
                if (entity)
                {
                    entityMentions[term] = entityMentions.GetValueOrDefault(term) + count;
                    changedEntities.Add(term);
                }
                else
                {
                    changedWords.Add(term);
                }
            }

            foreach (int term in ids.Head)
            {
                head[term] = head.GetValueOrDefault(term) + 1;
            }

            Places.UnionWith(ids.Places);
            foreach ((string term, string name) in report.EntityNames)
            {
                Name(vocabulary.Id(term), name);
            }

            // Sums only grow here, so the new top terms are among the old top terms and the report's own: updating from
            // those gives exactly the top of the whole story, without sorting all its terms at each report.
            topWords = Update(topWords, words, changedWords, maxWords);
            topEntities = Update(topEntities, entities, changedEntities, MaxStoryEntities);
            topHead = Update(topHead, head, ids.Head, MaxStoryHeadTerms);
            return added;
        }

        public void Absorb(ActiveStory other)
        {
            ReportCount += other.ReportCount;
            if (other.LastReport > LastReport)
            {
                LastReport = other.LastReport;
            }

            Sum(words, other.words);
            Sum(entities, other.entities);
            Sum(head, other.head);
            foreach ((int term, int count) in other.entityMentions)
            {
                entityMentions[term] = entityMentions.GetValueOrDefault(term) + count;
            }

            foreach ((int term, (string name, _)) in other.entityNames)
            {
                Name(term, name);
            }

            Places.UnionWith(other.Places);
            foreach (Member member in other.Members)
            {
                member.Story = this;
                Members.Add(member);
            }

            topWords = topEntities = topHead = null;
        }

        public TopTerm[] TopWords() => topWords ??= Top(words, maxWords);

        public TopTerm[] TopEntities() => topEntities ??= Top(entities, MaxStoryEntities);

        public TopTerm[] TopHead() => topHead ??= Top(head, MaxStoryHeadTerms);

        // Key entities (most mentioned, then key) and a key word of the headlines (most frequent × idf), not part of a name.
        public string MakeTitle()
        {
            var names = entityMentions.OrderByDescending(e => e.Value).ThenBy(e => vocabulary[e.Key], StringComparer.Ordinal)
                .Select(e => entityNames.TryGetValue(e.Key, out var known) ? known.Name : null).OfType<string>().Distinct(StringComparer.Ordinal).Take(2).ToList();
            // The key word says what happened, so words of any name in the story ("korean" of "North Korean") are left to the names.
            var nameWords = new HashSet<string>(
                entityNames.Values.SelectMany(n => n.Name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.ToLowerInvariant()),
                StringComparer.Ordinal);
            bool Named(string word) => nameWords.Contains(word) || names.Any(n => n.Contains(word, StringComparison.OrdinalIgnoreCase));
            string? word = KeyWord(head, Named) ?? KeyWord(words, Named);
            if (word is not null)
            {
                names.Add(word);
            }

            string made = names.Count == 0 ? $"Story {Id}" : string.Join(" · ", names);
            if (ReportCount >= 3)
            {
                Title = made;
            }

            return made;
        }

        // The heaviest term (sum × idf, then by term) that is not part of a name: the first of that order, found in one pass.
        private string? KeyWord(Dictionary<int, long> sums, Func<string, bool> named)
        {
            string? best = null;
            double bestWeight = 0;
            foreach ((int term, long sum) in sums)
            {
                string word = vocabulary[term];
                if (named(word))
                {
                    continue;
                }

                double weight = sum * vocabulary.Idf(term);
                if (best is null || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(word, best) < 0))
                {
                    best = word;
                    bestWeight = weight;
                }
            }

            return best;
        }

        private int LastWordOf(int term) => entityNames.TryGetValue(term, out var known) ? known.LastWord : -1;

        // The fullest name wins; between names of one length, the first in ordinal order, whatever the arrival order. The
        // name's last word gets an id now (a word no report used yet may come later).
        private void Name(int term, string name)
        {
            if (!entityNames.TryGetValue(term, out var known) || name.Length > known.Name.Length
                || (name.Length == known.Name.Length && string.CompareOrdinal(name, known.Name) < 0))
            {
                entityNames[term] = (name, LastWord(name) is string word ? vocabulary.Id(word) : -1);
            }
        }

        private static void Sum(Dictionary<int, long> into, Dictionary<int, long> from)
        {
            foreach ((int term, long value) in from)
            {
                into[term] = into.GetValueOrDefault(term) + value;
            }
        }

        // The new top of the story from the old top and the report's terms: the old top's unchanged terms are still in
        // order; the changed ones are sorted and merged in. A changed term that was not in a full top and ranks after its
        // last term cannot get in (every term of the old top only grew), so it is passed over without sorting.
        private TopTerm[]? Update(TopTerm[]? top, Dictionary<int, long> sums, IReadOnlyList<int> changed, int max)
        {
            if (top is null)
            {
                return null;
            }

            int inTop = vocabulary.NewMark(), inChanged = vocabulary.NewMark();
            foreach (TopTerm term in top)
            {
                vocabulary.Mark(term.Term, inTop);
            }

            bool full = top.Length >= max;
            TopTerm last = top.Length > 0 ? top[^1] : default;
            var moved = new List<TopTerm>();
            foreach (int term in changed)
            {
                int mark = vocabulary.MarkOf(term);
                if (mark == inChanged)
                {
                    continue;
                }

                var now = new TopTerm(term, sums[term]);
                if (mark == inTop || !full || HeavierFirst(now, last, vocabulary) < 0)
                {
                    moved.Add(now);
                    vocabulary.Mark(term, inChanged);
                }
            }

            StoryVocabulary terms = vocabulary;
            moved.Sort((a, b) => HeavierFirst(a, b, terms));
            var merged = new TopTerm[Math.Min(max, top.Length + moved.Count)];
            int n = 0, t = 0, m = 0;
            while (n < merged.Length)
            {
                while (t < top.Length && vocabulary.MarkOf(top[t].Term) == inChanged)
                {
                    t++;
                }

                if (t < top.Length && (m == moved.Count || HeavierFirst(top[t], moved[m], vocabulary) < 0))
                {
                    merged[n++] = top[t++];
                }
                else if (m < moved.Count)
                {
                    merged[n++] = moved[m++];
                }
                else
                {
                    break;
                }
            }

            return n == merged.Length ? merged : merged[..n];
        }

        private TopTerm[] Top(Dictionary<int, long> sums, int max)
        {
            var all = new TopTerm[sums.Count];
            int n = 0;
            foreach ((int term, long sum) in sums)
            {
                all[n++] = new TopTerm(term, sum);
            }

            StoryVocabulary terms = vocabulary;
            Array.Sort(all, (a, b) => HeavierFirst(a, b, terms));
            return all.Length <= max ? all : all[..max];
        }
    }
}
