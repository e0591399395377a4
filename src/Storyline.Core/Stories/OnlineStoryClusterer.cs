using Storyline.Domain;
using Storyline.Vectors;

namespace Storyline.Stories;

/// <summary>
/// Online story clustering. Reports arrive in date order; each is first checked against the open stories' reports for
/// a near-copy (<see cref="CopyIndex"/>), which joins its original's story without being counted again. Otherwise the
/// candidate stories, found through an inverted index over the terms and entities of the open stories
/// (<see cref="CandidateIndex"/>), are compared with it on several similarities (<see cref="StorySimilarity"/>), and
/// the <see cref="MergeModel"/> decides whether it joins the best of them or starts a story. When the report fits two
/// stories very well, the two are one story and are merged; where <see cref="ClusteringOptions.StoryMerge"/> is set, a
/// second decision then compares the report's story as a whole with its best other candidates and may merge one. Stories with no report within the window close, and reports
/// older than the window leave the near-copy index even when their story is still open.
/// <para>
/// Deterministic for a given input order, and the same after a restart from <see cref="ClusteringState"/>: term sums are
/// integers (weights in thousandths), so they do not depend on the order reports were added in, and every choice breaks
/// ties by story number or term. Not thread-safe: assignment is sequential by design.
/// </para>
/// </summary>
public sealed class OnlineStoryClusterer
{
    private readonly ClusteringOptions options;
    private readonly StoryVocabulary vocabulary;
    private readonly Dictionary<long, ActiveStory> active = [];
    private readonly CopyIndex copies = new();
    private readonly CandidateIndex index;
    private readonly ReportSlots slots;
    private long nextStoryId;
    private int expiredOn = int.MinValue;

    // The candidates of the report being assigned and their similarities, reused from report to report.
    private readonly List<(ActiveStory Story, StorySimilarities Similarities)> measured = [];

    // The candidates with their report-level scores, and the story pairs measured after the last report.
    private readonly List<(ActiveStory Story, double Score)> scored = [];
    private readonly List<StoryPairCandidate> storyPairs = [];

    // Whether stories are compared as wholes after each report (the story-merge decision, or its training): only then are
    // the candidates' scores kept.
    private readonly bool comparesStories;

    /// <summary>A clusterer that starts from <paramref name="state"/> (empty for a new archive).</summary>
    public OnlineStoryClusterer(ClusteringOptions options, ClusteringState state)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        this.options = options;
        vocabulary = new StoryVocabulary(options.WordIdf);
        comparesStories = options.StoryMerge is not null || options.MeasureStoryPairs;
        index = new CandidateIndex(vocabulary);
        slots = new ReportSlots(vocabulary, options.Embedder);
        vocabulary.Restore(state.DocumentCount, state.DocumentFrequency);
        nextStoryId = state.LastStoryId + 1;
        foreach (ClusteringState.StoryMembers story in state.ActiveStories)
        {
            // The title is made again from the reports' headlines; the stored one stays only where they have none (features
            // stored before headlines were kept) and it was fixed, as key words are once a story has three reports.
            var restored = NewStory(story.Id, story.Reports.Length >= 3 ? story.Title : null);
            active[story.Id.Value] = restored;
            foreach (StoryFeatures member in story.Reports)
            {
                TextEmbedder? embedder = options.Embedder;
                Add(restored, member, new ReportTerms(report: member, vocabulary),
                    embedder is null ? null : MeaningVectors.OfBody(member, embedder),
                    embedder is null ? null : MeaningVectors.OfHead(member, embedder));
            }

            if (story.LastReport is DateOnly last && last > restored.LastReport)
            {
                restored.LastReport = last;
            }
        }
    }

    /// <summary>Number of stories currently open for new reports.</summary>
    public int ActiveStoryCount => active.Count;

    /// <summary>
    /// The story the last report joined or started, compared as a whole with the report's best other candidate stories
    /// (before any merge), when <see cref="ClusteringOptions.StoryMerge"/> or <see cref="ClusteringOptions.MeasureStoryPairs"/>
    /// asks for it; empty otherwise, and after a near-copy.
    /// </summary>
    public IReadOnlyList<StoryPairCandidate> LastStoryPairs => storyPairs;

    /// <summary>Assigns one report to a story. Call in arrival order; the result depends on that order only.</summary>
    public StoryAssignment Assign(StoryFeatures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Decide(report, oracle: null);
    }

    /// <summary>
    /// Assigns one report to the story <paramref name="oracle"/> chooses: it sees the candidate stories with their
    /// similarities (what the model would decide on) and names an open story, or null for a new one. For replaying known
    /// stories, as training on gold stories does; near-copies still join their original's story, and nothing merges.
    /// </summary>
    public StoryAssignment Assign(StoryFeatures report, Func<IReadOnlyList<StoryCandidate>, StoryId?> oracle)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(oracle);
        return Decide(report, oracle);
    }

    private StoryAssignment Decide(StoryFeatures report, Func<IReadOnlyList<StoryCandidate>, StoryId?>? oracle)
    {
        Expire(report.Published);
        storyPairs.Clear();
        if (copies.FindOriginal(report, options) is (StoryMember original, double jaccard))
        {
            ActiveStory source = original.Story;
            if (report.Published > source.LastReport)
            {
                source.LastReport = report.Published;
            }

            return new StoryAssignment(report.Id, source.Id, false, jaccard, StoryTitle.Of(source)) { CopyOf = original.Id };
        }

        var terms = new ReportTerms(report, vocabulary);
        vocabulary.CountReport(terms.Terms);
        ReportVector vector = slots.Vectorise(report, terms);
        ActiveStory? best = null, second = null;
        double bestScore = double.NegativeInfinity, secondScore = double.NegativeInfinity;
        List<StoryCandidate>? seen = oracle is null ? null : [];
        measured.Clear();
        scored.Clear();
        double topHead = double.NegativeInfinity;
        foreach (ActiveStory candidate in index.Candidates(vector, slots, options))
        {
            StorySimilarities similarities = StorySimilarity.Measure(vector, slots, report.Published, candidate, options.Model, options.MeasureAllEvidence);
            measured.Add((candidate, similarities));
            topHead = Math.Max(topHead, similarities.HeadMeaning);
        }

        // The headline-meaning gap compares the candidates with each other, so it is set once all are measured.
        bool gap = options.MeasureAllEvidence || options.Model.HeadMeaningGap != 0;
        foreach ((ActiveStory candidate, StorySimilarities measures) in measured)
        {
            StorySimilarities similarities = gap ? measures with { HeadMeaningGap = measures.HeadMeaning - topHead } : measures;
            seen?.Add(new StoryCandidate(candidate.Id, similarities));
            double score = options.Model.Score(similarities);
            if (comparesStories)
            {
                scored.Add((candidate, score));
            }
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

        if (seen is not null)
        {
            // The oracle's choice replaces the model's: an open story (scored as the model scores it), or a new one.
            best = oracle!(seen) is StoryId chosen && active.TryGetValue(chosen.Value, out ActiveStory? open) ? open : null;
            bestScore = best is null ? double.NegativeInfinity : options.Model.Score(Gap(StorySimilarity.Measure(vector, slots, report.Published, best, options.Model, options.MeasureAllEvidence), topHead, gap));
            second = null;
        }

        StoryId? merged = null;
        if (best is null || (oracle is null && bestScore < 0))
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
        Add(best, report, terms, vector.BodyMeaning, vector.HeadMeaning);
        if (oracle is null && merged is null && comparesStories && MergeStories(best) is (ActiveStory older, ActiveStory newer))
        {
            Merge(older, newer);
            merged = newer.Id;
            best = older;
        }

        double similarity = isNew ? 0 : 1 / (1 + Math.Exp(-bestScore));
        return new StoryAssignment(report.Id, best.Id, isNew, similarity, StoryTitle.Of(best)) { Merged = merged };
    }

    /// <summary>The similarities of <paramref name="report"/> to open story <paramref name="story"/>; null when it is not open.</summary>
    public StorySimilarities? Compare(StoryFeatures report, StoryId story)
    {
        ArgumentNullException.ThrowIfNull(report);
        return active.TryGetValue(story.Value, out ActiveStory? open)
            ? StorySimilarity.Measure(slots.Vectorise(report, new ReportTerms(report, vocabulary)), slots, report.Published, open, options.Model, all: true)
            : null;
    }

    /// <summary>The open stories the candidate index offers for <paramref name="report"/>, by number.</summary>
    public IReadOnlyList<StoryId> CandidatesOf(StoryFeatures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. index.Candidates(slots.Vectorise(report, new ReportTerms(report, vocabulary)), slots, options).Select(s => s.Id).Order()];
    }

    /// <summary>The two open stories compared as wholes (as the story-merge decision compares them); null when either is not open.</summary>
    public StoryPairSimilarities? CompareStories(StoryId story, StoryId other) =>
        active.TryGetValue(story.Value, out ActiveStory? a) && active.TryGetValue(other.Value, out ActiveStory? b)
            ? StorySimilarity.MeasureStories(a, b, vocabulary)
            : null;

    // The story-merge decision: the report's story against the report's best other candidates (by the report-level
    // score, then by number), as wholes; the pair to merge (the older story kept) when the best scores at least 0. Only
    // the report's candidates are compared, so the cost per report does not grow with the archive.
    private (ActiveStory Keep, ActiveStory Gone)? MergeStories(ActiveStory story)
    {
        int count = options.StoryMerge?.Candidates ?? StoryMergeModel.DefaultCandidates;
        scored.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Story.Id.Value.CompareTo(y.Story.Id.Value));
        ActiveStory? chosen = null;
        double chosenScore = double.NegativeInfinity;
        foreach ((ActiveStory other, _) in scored)
        {
            if (storyPairs.Count >= count)
            {
                break;
            }

            if (ReferenceEquals(other, story))
            {
                continue;
            }

            StoryPairSimilarities pair = StorySimilarity.MeasureStories(story, other, vocabulary);
            storyPairs.Add(new StoryPairCandidate(other.Id, pair));
            if (options.StoryMerge is StoryMergeModel model && model.Score(pair) is double score && score >= 0 && score > chosenScore)
            {
                (chosen, chosenScore) = (other, score);
            }
        }

        return chosen is null ? null : story.Id.Value < chosen.Id.Value ? (story, chosen) : (chosen, story);
    }

    // The gap of a story measured apart from the candidates (the oracle's story the index did not offer): never above 0.
    private static StorySimilarities Gap(StorySimilarities similarities, double topHead, bool gap) =>
        gap ? similarities with { HeadMeaningGap = Math.Min(0, similarities.HeadMeaning - topHead) } : similarities;

    private ActiveStory NewStory(StoryId id, string? title) => new(id, title, vocabulary, options.MaxStoryTerms);

    private void Add(ActiveStory story, StoryFeatures report, ReportTerms terms, int[]? body, int[]? headline)
    {
        index.Add(story, story.Add(report, terms, body, headline));
        copies.Add(report, story);
    }

    private void Merge(ActiveStory keep, ActiveStory gone)
    {
        index.Replace(gone, keep);
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
            index.Remove(story);
            copies.Remove(story);
        }

        copies.Expire(now, options.WindowDays);
    }
}
