using Storyline.Domain;

namespace Storyline.Stories;

/// <summary>
/// The stand-in story clusterer: reports arrive in date order; each joins the active story whose TF-IDF centroid is
/// most similar by cosine, when that similarity reaches a threshold, or starts a new story. Document frequencies are
/// counted over the stream. Deterministic for a given input order. Not thread-safe: assignment is sequential by design.
/// </summary>
public sealed class OnlineStoryClusterer
{
    private readonly ClusteringOptions options;
    private readonly Dictionary<string, int> documentFrequency;
    private readonly List<ActiveStory> active = [];
    private long documentCount;
    private long nextStoryId;

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
            // A stored title is fixed only once the story had three reports (see ActiveStory.Title).
            var restored = new ActiveStory(story.Id, story.Reports.Length >= 3 ? story.Title : null);
            foreach (StoryFeatures member in story.Reports)
            {
                restored.Add(member, options.MaxStoryTerms);
            }

            active.Add(restored);
        }
    }

    /// <summary>Number of stories currently open for new reports.</summary>
    public int ActiveStoryCount => active.Count;

    /// <summary>Assigns one report to a story. Call in arrival order; the result depends on that order only.</summary>
    public StoryAssignment Assign(StoryFeatures report)
    {
        ArgumentNullException.ThrowIfNull(report);
        documentCount++;
        foreach (TermCount term in report.Terms)
        {
            documentFrequency[term.Term] = documentFrequency.GetValueOrDefault(term.Term) + 1;
        }

        Expire(report.Published);
        Dictionary<string, double> vector = Weigh(report);
        ActiveStory? best = null;
        double bestSimilarity = 0;
        foreach (ActiveStory story in active)
        {
            double similarity = Cosine(vector, story);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && best is not null && story.Id.Value < best.Id.Value))
            {
                best = story;
                bestSimilarity = similarity;
            }
        }

        bool isNew = best is null || bestSimilarity < options.JoinThreshold;
        if (isNew)
        {
            best = new ActiveStory(new StoryId(nextStoryId++), null);
            active.Add(best);
        }

        best!.Add(report, options.MaxStoryTerms);
        return new StoryAssignment(report.Id, best.Id, isNew, isNew ? 0 : bestSimilarity, best.Title ?? best.MakeTitle(Idf));
    }

    private void Expire(DateOnly now)
    {
        active.RemoveAll(s => now.DayNumber - s.LastReport.DayNumber > options.WindowDays);
    }

    private double Idf(string term) =>
        Math.Log((documentCount + 1.0) / (documentFrequency.GetValueOrDefault(term) + 1.0)) + 1.0;

    private Dictionary<string, double> Weigh(StoryFeatures report)
    {
        var vector = new Dictionary<string, double>(report.Terms.Length, StringComparer.Ordinal);
        foreach (TermCount term in report.Terms)
        {
            double weight = (1 + Math.Log(term.Count)) * Idf(term.Term);
            if (term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
            {
                weight *= options.EntityWeight;
            }

            vector[term.Term] = weight;
        }

        return vector;
    }

    private double Cosine(Dictionary<string, double> vector, ActiveStory story)
    {
        double dot = 0;
        double storyNorm = 0;
        foreach ((string term, double sum) in story.TermSums)
        {
            double weight = sum * Idf(term) * (term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal) ? options.EntityWeight : 1);
            storyNorm += weight * weight;
            if (vector.TryGetValue(term, out double w))
            {
                dot += w * weight;
            }
        }

        double norm = 0;
        foreach (double w in vector.Values)
        {
            norm += w * w;
        }

        return dot == 0 ? 0 : dot / Math.Sqrt(norm * storyNorm);
    }

    private sealed class ActiveStory(StoryId id, string? title)
    {
        private readonly Dictionary<string, int> entityMentions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> entityNames = new(StringComparer.Ordinal);

        public StoryId Id { get; } = id;

        /// <summary>Set once the story has three reports, so that the title stays stable as reports arrive.</summary>
        public string? Title { get; private set; } = title;

        public DateOnly LastReport { get; private set; } = DateOnly.MinValue;

        public int ReportCount { get; private set; }

        public Dictionary<string, double> TermSums { get; } = new(StringComparer.Ordinal);

        public void Add(StoryFeatures report, int maxTerms)
        {
            ReportCount++;
            if (report.Published > LastReport)
            {
                LastReport = report.Published;
            }

            foreach (TermCount term in report.Terms)
            {
                TermSums[term.Term] = TermSums.GetValueOrDefault(term.Term) + 1 + Math.Log(term.Count);
                if (term.Term.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal))
                {
                    entityMentions[term.Term] = entityMentions.GetValueOrDefault(term.Term) + term.Count;
                }
            }

            foreach ((string term, string name) in report.EntityNames)
            {
                if (!entityNames.TryGetValue(term, out string? known) || name.Length > known.Length)
                {
                    entityNames[term] = name;
                }
            }

            if (TermSums.Count > maxTerms)
            {
                foreach (string term in TermSums.OrderBy(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(TermSums.Count - maxTerms).Select(t => t.Key).ToList())
                {
                    TermSums.Remove(term);
                }
            }
        }

        // Key entities (most mentioned, then name) and the heaviest content word.
        public string MakeTitle(Func<string, double> idf)
        {
            var names = entityMentions.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => entityNames.GetValueOrDefault(e.Key)).OfType<string>().Distinct(StringComparer.Ordinal).Take(2).ToList();
            string? word = TermSums.Where(t => !t.Key.StartsWith(StoryFeatures.EntityPrefix, StringComparison.Ordinal)
                    && !names.Any(n => n.Contains(t.Key, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(t => t.Value * idf(t.Key)).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key).FirstOrDefault();
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
    }
}
