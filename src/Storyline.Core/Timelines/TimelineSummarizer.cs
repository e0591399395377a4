using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Text;
using Storyline.Vectors;

namespace Storyline.Timelines;

/// <summary>One day of a ranked timeline.</summary>
/// <param name="Date">The day.</param>
/// <param name="Weight">How much the day belongs in the timeline: its score from <see cref="TimelineOptions.DateRanker"/>.</param>
/// <param name="Entries">Its entries, the most important first.</param>
public sealed record TimelineDay(DateOnly Date, double Weight, ImmutableArray<TimelineEntry> Entries)
{
    /// <summary>How many sentences were about the day.</summary>
    public int Candidates { get; init; }

    /// <summary>
    /// How many of them were considered for its entries: all, or the <see cref="TimelineOptions.MaxCandidatesPerDay"/>
    /// most central by words when there were more (so that a day of thousands of reports costs linear time).
    /// </summary>
    public int Considered { get; init; }
}

/// <summary>
/// Builds a ranked, dated timeline from reports, in the manner of date-wise timeline summarisation (Ghalandari and
/// Ifrim 2020, "DATEWISE"): sentences are placed on the day they are about (<see cref="TimelineCandidates"/>); days are
/// scored from what the reports say about them (<see cref="DayEvidence"/>) by <see cref="TimelineOptions.DateRanker"/>
/// (a learned date model, <see cref="DateModel"/>); each chosen day's sentences are ranked by <see cref="DayRanking"/>,
/// its main news first. Work is linear in the reports' sentences. Stateless and thread-safe.
/// </summary>
public sealed class TimelineSummarizer
{
    private static readonly Lazy<TextEmbedder?> ShippedEmbedder = new(() => WordVectors.Shipped is WordVectors v ? new TextEmbedder(v) : null);

    /// <summary>The timeline of <paramref name="reports"/>, in date order.</summary>
    public ImmutableArray<TimelineDay> Summarize(IEnumerable<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        AnalyzedArticle[] ordered = Ordered(reports);
        List<Candidate> candidates = TimelineCandidates.Collect(ordered, options);
        if (candidates.Count == 0)
        {
            return [];
        }

        Dictionary<string, double> idf = InverseFrequencies(candidates);
        foreach (Candidate candidate in candidates)
        {
            candidate.Vector = TermVector.Of(candidate.Words, idf);
        }

        var byDate = candidates.GroupBy(c => c.Date).ToDictionary(g => g.Key, g => g.ToList());
        DayEvidence[] evidence = TimelineCandidates.Evidence(ordered, candidates);
        double[] scores = options.DateRanker.Score(evidence);
        var weights = evidence.Select((e, i) => (e.Date, Score: scores[i])).ToDictionary(p => p.Date, p => p.Score);
        IEnumerable<DateOnly> dates = weights.Keys;
        if (options.MaxDates is int max)
        {
            dates = dates.OrderByDescending(d => weights[d]).ThenBy(d => d).Take(max);
        }

        TermVector story = TermVector.Centroid(candidates.Select(c => c.Vector));
        Novelty(candidates, options);
        var ranking = new DayRanking(options, story, options.UseWordVectors ? ShippedEmbedder.Value : null);
        var days = new List<TimelineDay>();
        foreach (DateOnly date in dates.Order())
        {
            (ImmutableArray<TimelineEntry> entries, int considered) = ranking.Rank(byDate[date]);
            days.Add(new TimelineDay(date, weights[date], entries) { Candidates = byDate[date].Count, Considered = considered });
        }

        return [.. days];
    }

    /// <summary>
    /// What the reports say about each day that could hold an entry (a day with a candidate sentence within the options'
    /// span), in date order: what <see cref="TimelineOptions.DateRanker"/> ranks, and what a date model is trained on.
    /// </summary>
    public IReadOnlyList<DayEvidence> Evidence(IEnumerable<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        AnalyzedArticle[] ordered = Ordered(reports);
        return TimelineCandidates.Evidence(ordered, TimelineCandidates.Collect(ordered, options));
    }

    private static readonly Tokenizer Tokens = new();

    // Reports in story order, each with its tokens: a store keeps every annotation but the tokens (cheap to redo, and
    // the sentences' token offsets are the tokenizer's), and clauses and dense vectors are read token by token.
    private static AnalyzedArticle[] Ordered(IEnumerable<AnalyzedArticle> reports) =>
    [
        .. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)
            .Select(r => r.Tokens.IsDefaultOrEmpty && r.Body.Length > 0 ? r with { Tokens = Tokens.Tokenize(r.Body) } : r),
    ];

    // The share of each sentence's entities first mentioned on its report's day (or later): 0 where it names none.
    private static void Novelty(List<Candidate> candidates, TimelineOptions options)
    {
        var firstSeen = new Dictionary<EntityKey, DateOnly>();
        foreach (AnalyzedArticle report in candidates.Select(c => c.Report).Distinct())
        {
            foreach (Mention mention in report.Mentions)
            {
                if (!firstSeen.TryGetValue(mention.Entity, out DateOnly seen) || report.Article.Published < seen)
                {
                    firstSeen[mention.Entity] = report.Article.Published;
                }
            }
        }

        // Each report's mentions by sentence, once: a report of ten thousand sentences is read once, not per sentence.
        var bySentence = new Dictionary<(ArticleId Report, int Sentence), HashSet<EntityKey>>();
        foreach (AnalyzedArticle report in candidates.Select(c => c.Report).Distinct())
        {
            foreach (Mention mention in report.Mentions)
            {
                var key = (report.Article.Id, mention.Sentence);
                if (!bySentence.TryGetValue(key, out HashSet<EntityKey>? entities))
                {
                    bySentence[key] = entities = [];
                }

                entities.Add(mention.Entity);
            }
        }

        foreach (Candidate candidate in candidates)
        {
            if (!bySentence.TryGetValue((candidate.Report.Article.Id, candidate.Sentence.Index), out HashSet<EntityKey>? entities) || entities.Count == 0)
            {
                candidate.Novelty = 0;
                continue;
            }

            int fresh = entities.Count(e => !options.KnownEntities.Contains(e) && firstSeen[e] >= candidate.Report.Article.Published);
            candidate.Novelty = (double)fresh / entities.Count;
        }
    }

    private static Dictionary<string, double> InverseFrequencies(List<Candidate> candidates)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Candidate candidate in candidates)
        {
            foreach (string word in candidate.WordSet)
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }
        }

        double n = candidates.Count;
        return df.ToDictionary(p => p.Key, p => Math.Log((n + 1) / (p.Value + 1)) + 1, StringComparer.Ordinal);
    }
}
