using Storyline.Domain;

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

    private readonly ClusteringOptions options;
    private readonly Dictionary<string, int> documentFrequency;
    private readonly Dictionary<long, ActiveStory> active = [];
    private readonly Dictionary<string, HashSet<ActiveStory>> postings = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<Member>> bands = [];
    private long documentCount;
    private long nextStoryId;
    private int expiredOn = int.MinValue;

    /// <summary>A clusterer that starts from <paramref name="state"/> (empty for a new archive).</summary>
    public OnlineStoryClusterer(ClusteringOptions options, ClusteringState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        this.options = options;
        documentCount = state.DocumentCount;
        documentFrequency = new Dictionary<string, int>(state.DocumentFrequency, StringComparer.Ordinal);
        nextStoryId = state.LastStoryId + 1;
        foreach (ClusteringState.StoryMembers story in state.ActiveStories)
        {
            // A stored title is fixed only once the story had three reports (see ActiveStory.MakeTitle).
            var restored = new ActiveStory(story.Id, story.Reports.Length >= 3 ? story.Title : null);
            active[story.Id.Value] = restored;
            foreach (StoryFeatures member in story.Reports)
            {
                Add(restored, member);
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

            return new StoryAssignment(report.Id, source.Id, false, jaccard, source.Title ?? source.MakeTitle(Idf)) { CopyOf = original.Id };
        }

        documentCount++;
        foreach (TermCount term in report.Terms)
        {
            documentFrequency[term.Term] = documentFrequency.GetValueOrDefault(term.Term) + 1;
        }

        var vector = new ReportVector(report, Idf);
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
            best = new ActiveStory(new StoryId(nextStoryId++), null);
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
        Add(best, report);
        double similarity = isNew ? 0 : 1 / (1 + Math.Exp(-bestScore));
        return new StoryAssignment(report.Id, best.Id, isNew, similarity, best.Title ?? best.MakeTitle(Idf)) { Merged = merged };
    }

    /// <summary>The similarities of <paramref name="report"/> to open story <paramref name="story"/>; null when it is not open.</summary>
    public StorySimilarities? Compare(StoryFeatures report, StoryId story)
    {
        ArgumentNullException.ThrowIfNull(report);
        return active.TryGetValue(story.Value, out ActiveStory? open) ? Compare(new ReportVector(report, Idf), report.Published, open) : null;
    }

    /// <summary>The open stories the candidate index offers for <paramref name="report"/>, by number.</summary>
    public IReadOnlyList<StoryId> CandidatesOf(StoryFeatures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. Candidates(new ReportVector(report, Idf)).Select(s => s.Id).Order()];
    }

    private StorySimilarities Compare(ReportVector report, DateOnly published, ActiveStory story)
    {
        double body = Cosine(report.Words, report.WordNorm, story.TopWords(options.MaxStoryTerms));
        double head = Cosine(report.Head, report.HeadNorm, story.TopHead(MaxStoryHeadTerms), weighCounts: false);
        (double entities, double places) = EntityCosines(report, story);
        return new StorySimilarities(body, head, entities, places, options.Model.RecencyOf(published.DayNumber - story.LastReport.DayNumber))
        {
            EntityConflict = Conflict(report, report.KeyEntities, story, place: false),
            PlaceConflict = Conflict(report, report.KeyPlaces, story, place: true),
        };
    }

    // Two reports of the same kind of event (two earthquakes, two stars in rehab) share their words but not their actors:
    // the report's key names are new to the story, and the story's key names are absent from the report. Either alone is
    // common within one story (new people get quoted; a follow-up names only the newest actor), so the conflict is the
    // product of the two shares (by weight). A name counts as present when the other side has the same entity or has
    // used the name's last word (Reid of "Tara Reid"), so that two resolutions of one person do not look like two people.
    private static double Conflict(ReportVector report, List<KeyValuePair<string, double>> key, ActiveStory story, bool place)
    {
        List<KeyValuePair<string, long>> storyKey = story.KeyNames(place);
        if (key.Count == 0 || storyKey.Count == 0)
        {
            return 0;
        }

        double all = 0, unknown = 0;
        foreach ((string term, double weight) in key)
        {
            all += weight;
            if (!story.Names(term) && !story.UsedWord(report.LastWordOf(term)))
            {
                unknown += weight;
            }
        }

        double storyAll = 0, missing = 0;
        foreach ((string term, long weight) in storyKey)
        {
            storyAll += weight;
            if (!report.Names(term) && !report.UsedWord(story.LastWordOf(term)))
            {
                missing += weight;
            }
        }

        return unknown / all * (missing / storyAll);
    }

    private double Cosine(Dictionary<string, double> report, double reportNorm, List<KeyValuePair<string, long>> story, bool weighCounts = true)
    {
        if (reportNorm == 0)
        {
            return 0;
        }

        double dot = 0, norm = 0;
        foreach ((string term, long sum) in story)
        {
            double weight = (weighCounts ? sum / Quantum : sum) * Idf(term);
            norm += weight * weight;
            if (report.TryGetValue(term, out double w))
            {
                dot += w * weight;
            }
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(reportNorm * norm);
    }

    private (double Entities, double Places) EntityCosines(ReportVector report, ActiveStory story)
    {
        double dotE = 0, normE = 0, dotP = 0, normP = 0;
        foreach ((string term, long sum) in story.TopEntities(MaxStoryEntities))
        {
            double weight = sum / Quantum * Idf(term);
            if (story.Places.Contains(term))
            {
                normP += weight * weight;
                dotP += report.Places.TryGetValue(term, out double w) ? w * weight : 0;
            }
            else
            {
                normE += weight * weight;
                dotE += report.Entities.TryGetValue(term, out double w) ? w * weight : 0;
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
        var hits = new Dictionary<ActiveStory, int>();
        foreach (string term in report.QueryTerms(options.QueryTerms))
        {
            if (postings.TryGetValue(term, out HashSet<ActiveStory>? stories) && stories.Count <= options.MaxPostings)
            {
                foreach (ActiveStory story in stories)
                {
                    hits[story] = hits.GetValueOrDefault(story) + 1;
                }
            }
        }

        return [.. hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key.Id.Value).Take(options.MaxCandidates).Select(h => h.Key)];
    }

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

    private void Add(ActiveStory story, StoryFeatures report)
    {
        foreach (string term in story.Add(report))
        {
            if (!postings.TryGetValue(term, out HashSet<ActiveStory>? stories))
            {
                stories = [];
                postings[term] = stories;
            }

            stories.Add(story);
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
        foreach (string term in gone.IndexTerms)
        {
            HashSet<ActiveStory> stories = postings[term];
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
            foreach (string term in story.IndexTerms)
            {
                HashSet<ActiveStory> stories = postings[term];
                stories.Remove(story);
                if (stories.Count == 0)
                {
                    postings.Remove(term);
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

    // The last word of a name, lower case, as the word vectors hold it; null when too short to mean anything.
    private static string? LastWord(string name)
    {
        string last = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Length < 2 ? null : last.ToLowerInvariant();
    }

    private double Idf(string term) =>
        Math.Log((documentCount + 1.0) / (documentFrequency.GetValueOrDefault(term) + 1.0)) + 1.0;

    private static long Quantize(int count) => (long)Math.Round((1 + Math.Log(count)) * Quantum);

    /// <summary>A report's weighted vectors: words, headline words, entities and places.</summary>
    private sealed class ReportVector
    {
        private List<KeyValuePair<string, double>>? keyEntities;
        private List<KeyValuePair<string, double>>? keyPlaces;
        private readonly System.Collections.Immutable.ImmutableDictionary<string, string> names;

        public ReportVector(StoryFeatures report, Func<string, double> idf)
        {
            names = report.EntityNames;
            var places = new HashSet<string>(report.PlaceTerms, StringComparer.Ordinal);
            foreach (TermCount term in report.Terms)
            {
                double weight = Quantize(term.Count) / Quantum * idf(term.Term);
                if (!term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
                {
                    Words[term.Term] = weight;
                    WordNorm += weight * weight;
                }
                else if (places.Contains(term.Term))
                {
                    Places[term.Term] = weight;
                    PlaceNorm += weight * weight;
                }
                else
                {
                    Entities[term.Term] = weight;
                    EntityNorm += weight * weight;
                }
            }

            foreach (string term in report.HeadTerms)
            {
                double weight = idf(term);
                Head[term] = weight;
                HeadNorm += weight * weight;
            }
        }

        public Dictionary<string, double> Words { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> Head { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> Entities { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, double> Places { get; } = new(StringComparer.Ordinal);

        public double WordNorm { get; }

        /// <summary>The report's heaviest people and organisations (at most <see cref="KeyNameCount"/>), heaviest first.</summary>
        public List<KeyValuePair<string, double>> KeyEntities => keyEntities ??= Key(Entities);

        /// <summary>The report's heaviest places.</summary>
        public List<KeyValuePair<string, double>> KeyPlaces => keyPlaces ??= Key(Places);

        public double HeadNorm { get; }

        public double EntityNorm { get; }

        public double PlaceNorm { get; }

        /// <summary>The last word of the name of entity <paramref name="term"/>, lower case, as the word vectors hold it.</summary>
        public string? LastWordOf(string term)
        {
            return names.TryGetValue(term, out string? name) ? LastWord(name) : null;
        }

        /// <summary>Whether the report names entity <paramref name="term"/>.</summary>
        public bool Names(string term) => Entities.ContainsKey(term) || Places.ContainsKey(term);

        /// <summary>Whether the report used <paramref name="word"/> (lower case).</summary>
        public bool UsedWord(string? word) => word is not null && Words.ContainsKey(word);

        private static List<KeyValuePair<string, double>> Key(Dictionary<string, double> vector) =>
            [.. vector.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(KeyNameCount)];

        public IEnumerable<string> QueryTerms(int count)
        {
            static IEnumerable<string> Heaviest(Dictionary<string, double> vector, int n) =>
                vector.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(n).Select(t => t.Key);
            return Heaviest(Words, count).Concat(Heaviest(Entities, count)).Concat(Heaviest(Places, count / 2)).Concat(Head.Keys).Distinct(StringComparer.Ordinal);
        }
    }

    /// <summary>A report of an open story, as the index of near-copies holds it.</summary>
    private sealed class Member(ArticleId id, System.Collections.Immutable.ImmutableArray<uint> signature)
    {
        public ArticleId Id { get; } = id;

        public System.Collections.Immutable.ImmutableArray<uint> Signature { get; } = signature;

        public required ActiveStory Story { get; set; }
    }

    private sealed class ActiveStory(StoryId id, string? title)
    {
        private readonly Dictionary<string, long> words = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> head = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> entityMentions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> entityNames = new(StringComparer.Ordinal);
        private List<KeyValuePair<string, long>>? topWords;
        private List<KeyValuePair<string, long>>? topEntities;
        private List<KeyValuePair<string, long>>? keyNamesOf, keyPeople, keyPlaces;
        private List<KeyValuePair<string, long>>? topHead;

        public StoryId Id { get; } = id;

        /// <summary>Set once the story has three reports, so that the title stays stable as reports arrive.</summary>
        public string? Title { get; private set; } = title;

        public DateOnly LastReport { get; set; } = DateOnly.MinValue;

        public int ReportCount { get; private set; }

        public HashSet<string> Places { get; } = new(StringComparer.Ordinal);

        public List<Member> Members { get; } = [];

        /// <summary>The terms the candidate index lists this story under.</summary>
        public IEnumerable<string> IndexTerms => words.Keys.Concat(entities.Keys);

        /// <summary>Whether the story has named <paramref name="term"/> (an entity term).</summary>
        public bool Names(string term) => entities.ContainsKey(term);

        /// <summary>
        /// The story's heaviest places, or people and organisations (at most <see cref="KeyNameCount"/>), heaviest first.
        /// Asked for every candidate of every report, so kept until the top entities change (every Add and Absorb).
        /// </summary>
        public List<KeyValuePair<string, long>> KeyNames(bool places)
        {
            List<KeyValuePair<string, long>> top = TopEntities(MaxStoryEntities);
            if (!ReferenceEquals(keyNamesOf, top))
            {
                keyPeople = [.. top.Where(e => !Places.Contains(e.Key)).Take(KeyNameCount)];
                keyPlaces = [.. top.Where(e => Places.Contains(e.Key)).Take(KeyNameCount)];
                keyNamesOf = top;
            }

            return places ? keyPlaces! : keyPeople!;
        }

        /// <summary>The last word of the name of entity <paramref name="term"/>, lower case.</summary>
        public string? LastWordOf(string term) => entityNames.TryGetValue(term, out string? name) ? LastWord(name) : null;

        /// <summary>Whether a report of the story used <paramref name="word"/> (lower case).</summary>
        public bool UsedWord(string? word) => word is not null && words.ContainsKey(word);

        /// <summary>Adds a report's terms; returns the terms new to the story.</summary>
        public List<string> Add(StoryFeatures report)
        {
            ReportCount++;
            if (report.Published > LastReport)
            {
                LastReport = report.Published;
            }

            var added = new List<string>();
            foreach (TermCount term in report.Terms)
            {
                bool entity = term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal);
                Dictionary<string, long> sums = entity ? entities : words;
                if (!sums.TryGetValue(term.Term, out long sum))
                {
                    added.Add(term.Term);
                }

                sums[term.Term] = sum + Quantize(term.Count);
                if (entity)
                {
                    entityMentions[term.Term] = entityMentions.GetValueOrDefault(term.Term) + term.Count;
                }
            }

            foreach (string term in report.HeadTerms)
            {
                head[term] = head.GetValueOrDefault(term) + 1;
            }

            Places.UnionWith(report.PlaceTerms);
            foreach ((string term, string name) in report.EntityNames)
            {
                Name(term, name);
            }

            // Sums only grow here, so the new top terms are among the old top terms and the report's own: updating from
            // those gives exactly the top of the whole story, without sorting all its terms at each report.
            topWords = Update(topWords, words, report.Terms.Where(t => !t.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal)).Select(t => t.Term));
            topEntities = Update(topEntities, entities, report.Terms.Where(t => t.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal)).Select(t => t.Term));
            topHead = Update(topHead, head, report.HeadTerms);
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
            foreach ((string term, int count) in other.entityMentions)
            {
                entityMentions[term] = entityMentions.GetValueOrDefault(term) + count;
            }

            foreach ((string term, string name) in other.entityNames)
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

        public List<KeyValuePair<string, long>> TopWords(int max) => topWords ??= Top(words, max);

        public List<KeyValuePair<string, long>> TopEntities(int max) => topEntities ??= Top(entities, max);

        public List<KeyValuePair<string, long>> TopHead(int max) => topHead ??= Top(head, max);

        // Key entities (most mentioned, then key) and a key word of the headlines (most frequent × idf), not part of a name.
        public string MakeTitle(Func<string, double> idf)
        {
            var names = entityMentions.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => entityNames.GetValueOrDefault(e.Key)).OfType<string>().Distinct(StringComparer.Ordinal).Take(2).ToList();
            // The key word says what happened, so words of any name in the story ("korean" of "North Korean") are left to the names.
            var nameWords = new HashSet<string>(
                entityNames.Values.SelectMany(n => n.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)).Select(w => w.ToLowerInvariant()),
                StringComparer.Ordinal);
            bool Named(string word) => nameWords.Contains(word) || names.Any(n => n.Contains(word, StringComparison.OrdinalIgnoreCase));
            string? word = head.Where(t => !Named(t.Key)).OrderByDescending(t => t.Value * idf(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => t.Key).FirstOrDefault()
                ?? words.Where(t => !Named(t.Key)).OrderByDescending(t => t.Value * idf(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => t.Key).FirstOrDefault();
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

        // The fullest name wins; between names of one length, the first in ordinal order, whatever the arrival order.
        private void Name(string term, string name)
        {
            if (!entityNames.TryGetValue(term, out string? known) || name.Length > known.Length
                || (name.Length == known.Length && string.CompareOrdinal(name, known) < 0))
            {
                entityNames[term] = name;
            }
        }

        private static void Sum(Dictionary<string, long> into, Dictionary<string, long> from)
        {
            foreach ((string term, long value) in from)
            {
                into[term] = into.GetValueOrDefault(term) + value;
            }
        }

        private static List<KeyValuePair<string, long>>? Update(List<KeyValuePair<string, long>>? top, Dictionary<string, long> sums, IEnumerable<string> changed)
        {
            if (top is null)
            {
                return null;
            }

            int max = top.Capacity;
            var pool = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach ((string term, long value) in top)
            {
                pool[term] = value;
            }

            foreach (string term in changed)
            {
                pool[term] = sums[term];
            }

            return Top(pool, max);
        }

        // The list's capacity is the number of terms asked for, so that an update keeps the same number.
        private static List<KeyValuePair<string, long>> Top(Dictionary<string, long> sums, int max)
        {
            var top = new List<KeyValuePair<string, long>>(max);
            top.AddRange(sums.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(max));
            return top;
        }
    }
}
