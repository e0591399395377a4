using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>One day of a ranked timeline.</summary>
/// <param name="Date">The day.</param>
/// <param name="Weight">How much the day belongs in the timeline: its score from <see cref="TimelineOptions.DateRanker"/>.</param>
/// <param name="Entries">Its entries, the most important first.</param>
public sealed record TimelineDay(DateOnly Date, double Weight, ImmutableArray<TimelineEntry> Entries);

/// <summary>
/// Builds a ranked, dated timeline from reports, in the manner of date-wise timeline summarisation (Ghalandari and
/// Ifrim 2020, "DATEWISE"): sentences are placed on the day their time expression names (else, for a report's lead,
/// on its publication date); days are ranked by how often they are named; each day's sentences are ranked by
/// centrality (cosine to the day's and to the whole timeline's TF-IDF centroids) and by how many independent reports say them, near-identical
/// sentences being one entry with all their sources; redundant entries are left out. Stateless and thread-safe.
/// </summary>
public sealed class TimelineSummarizer
{
    private const double SameSentenceOverlap = 0.7;

    /// <summary>The timeline of <paramref name="reports"/>, in date order.</summary>
    public ImmutableArray<TimelineDay> Summarize(IEnumerable<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        AnalyzedArticle[] ordered = [.. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        List<Candidate> candidates = Candidates(ordered, options);
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
        DayEvidence[] evidence = Evidence(ordered, byDate);
        double[] scores = options.DateRanker.Score(evidence);
        var weights = evidence.Select((e, i) => (e.Date, Score: scores[i])).ToDictionary(p => p.Date, p => p.Score);
        IEnumerable<DateOnly> dates = weights.Keys;
        if (options.MaxDates is int max)
        {
            dates = dates.OrderByDescending(d => weights[d]).ThenBy(d => d).Take(max);
        }

        TermVector story = TermVector.Centroid(candidates.Select(c => c.Vector!));
        Novelty(candidates, options);
        return [.. dates.Order().Select(d => new TimelineDay(d, weights[d], RankDay(byDate[d], story, options)))];
    }

    /// <summary>
    /// What the reports say about each day that could hold an entry (a day with a candidate sentence within the options'
    /// span), in date order: what <see cref="TimelineOptions.DateRanker"/> ranks, and what a date model is trained on.
    /// </summary>
    public IReadOnlyList<DayEvidence> Evidence(IEnumerable<AnalyzedArticle> reports, TimelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        AnalyzedArticle[] ordered = [.. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        return Evidence(ordered, Candidates(ordered, options).GroupBy(c => c.Date).ToDictionary(g => g.Key, g => g.ToList()));
    }

    private static DayEvidence[] Evidence(AnalyzedArticle[] reports, Dictionary<DateOnly, List<Candidate>> byDate)
    {
        var published = new Dictionary<DateOnly, int>();
        var exact = new Dictionary<DateOnly, int>();
        var relative = new Dictionary<DateOnly, int>();
        var later = new Dictionary<DateOnly, int>();
        var earlier = new Dictionary<DateOnly, int>();
        var named = new HashSet<DateOnly>();
        foreach (AnalyzedArticle report in reports)
        {
            DateOnly day = report.Article.Published;
            published[day] = published.GetValueOrDefault(day) + 1;
            named.Clear();
            foreach (var sentence in report.Times.Where(DateMentions.NamesDay).GroupBy(t => t.Sentence))
            {
                foreach (var mention in sentence.GroupBy(t => t.Day!.Value))
                {
                    bool isExact = mention.Any(t => DateMentions.KindOf(report, t) == DateMentionKind.Exact);
                    Dictionary<DateOnly, int> counts = isExact ? exact : relative;
                    counts[mention.Key] = counts.GetValueOrDefault(mention.Key) + 1;
                    named.Add(mention.Key);
                }
            }

            foreach (DateOnly mentioned in named)
            {
                if (mentioned < day)
                {
                    later[mentioned] = later.GetValueOrDefault(mentioned) + 1;
                }
                else if (mentioned > day)
                {
                    earlier[mentioned] = earlier.GetValueOrDefault(mentioned) + 1;
                }
            }
        }

        return
        [
            .. byDate.OrderBy(p => p.Key).Select(p => new DayEvidence(p.Key)
            {
                Published = published.GetValueOrDefault(p.Key),
                PublishedNextDay = published.GetValueOrDefault(p.Key.AddDays(1)),
                ExactMentions = exact.GetValueOrDefault(p.Key),
                RelativeMentions = relative.GetValueOrDefault(p.Key),
                LaterReports = later.GetValueOrDefault(p.Key),
                EarlierReports = earlier.GetValueOrDefault(p.Key),
                PlacedByExpression = p.Value.Count(c => c.ByExpression),
                PlacedByPublication = p.Value.Count(c => !c.ByExpression),
            }),
        ];
    }

    private static ImmutableArray<TimelineEntry> RankDay(List<Candidate> day, TermVector story, TimelineOptions options)
    {
        TermVector centroid = TermVector.Centroid(day.Select(c => c.Vector!));

        // Near-identical sentences of the day are one event; the first said (earliest report) stands for it.
        var events = new List<List<Candidate>>();
        foreach (Candidate candidate in day)
        {
            List<Candidate>? same = events.Find(e => Overlap(e[0].WordSet, candidate.WordSet) >= SameSentenceOverlap);
            if (same is null)
            {
                events.Add([candidate]);
            }
            else
            {
                same.Add(candidate);
            }
        }

        var ranked = events
            .Select(e =>
            {
                int independent = e.Select(c => c.Report.Article.Id).Where(id => !options.Copies.Contains(id)).Distinct().Count();
                double centrality = (options.DayCentrality * e[0].Vector!.Cosine(centroid)) + ((1 - options.DayCentrality) * e[0].Vector!.Cosine(story));
                double importance = centrality
                    * (1 + (options.SourceWeight * Math.Log(Math.Max(1, independent))))
                    * (1 + (e[0].ByExpression ? options.ExpressionWeight : 0))
                    * (1 + (options.NoveltyWeight * e[0].Novelty));
                return (Event: e, Importance: importance);
            })
            .OrderByDescending(e => e.Importance)
            .ThenBy(e => e.Event[0].Order);

        var kept = new List<(List<Candidate> Event, double Importance)>();
        foreach (var candidate in ranked)
        {
            if (kept.Count >= options.EntriesPerDate)
            {
                break;
            }

            if (kept.All(k => k.Event[0].Vector!.Cosine(candidate.Event[0].Vector!) < options.Redundancy))
            {
                kept.Add(candidate);
            }
        }

        return [.. kept.Select(k => Entry(k.Event, k.Importance))];
    }

    private static TimelineEntry Entry(List<Candidate> sameEvent, double importance)
    {
        Candidate first = sameEvent[0];
        AnalyzedArticle report = first.Report;
        Claim? claim = report.Claims.FirstOrDefault(c => c.Sentence == first.Sentence.Index);
        Quote? quote = report.Quotes.FirstOrDefault(q => q.Sentence == first.Sentence.Index && q.Source is not null);
        (string? attribution, SourceKind kind) = claim?.Source is TextSpan source
            ? (report.Text(source), claim.SourceKind)
            : quote?.Source is TextSpan speaker ? (report.Text(speaker), quote.SourceKind) : (null, SourceKind.Unknown);
        TimeExpression? time = first.Time;
        return new TimelineEntry(
            first.Date,
            first.Text,
            report.Article.Id,
            first.Sentence.Span,
            time?.Value ?? TimexValue.OfDay(report.Article.Published),
            time is null ? null : report.Text(time.Span),
            time?.Anchor ?? report.Article.Published,
            claim?.Status,
            [.. sameEvent.Select(c => c.Report.Article.Id).Distinct()])
        {
            Importance = Math.Round(importance, 4),
            Attribution = attribution,
            AttributionKind = kind,
        };
    }

    private static List<Candidate> Candidates(IEnumerable<AnalyzedArticle> reports, TimelineOptions options)
    {
        var candidates = new List<Candidate>();
        foreach (AnalyzedArticle report in reports)
        {
            int leads = 0;
            foreach (Sentence sentence in report.Sentences)
            {
                string text = report.SentenceText(sentence).Trim();
                List<string> words = TermVector.ContentWords(text);
                if (words.Count < options.MinWords || words.Count > options.MaxWords)
                {
                    continue;
                }

                TimeExpression? time = report.Times.FirstOrDefault(t => t.Sentence == sentence.Index && DateMentions.NamesDay(t));
                DateOnly date;
                if (time?.Day is DateOnly day)
                {
                    date = day;
                }
                else if (leads < options.LeadSentences)
                {
                    leads++;
                    date = report.Article.Published;
                }
                else
                {
                    continue;
                }

                if ((options.Start is DateOnly start && date < start) || (options.End is DateOnly end && date > end))
                {
                    continue;
                }

                candidates.Add(new Candidate(report, sentence, text, date, time, words, candidates.Count));
            }
        }

        return candidates;
    }

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

        foreach (Candidate candidate in candidates)
        {
            EntityKey[] entities = [.. candidate.Report.Mentions.Where(m => m.Sentence == candidate.Sentence.Index).Select(m => m.Entity).Distinct()];
            int fresh = entities.Count(e => !options.KnownEntities.Contains(e) && firstSeen[e] >= candidate.Report.Article.Published);
            candidate.Novelty = entities.Length == 0 ? 0 : (double)fresh / entities.Length;
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

    // Overlap coefficient: shared words over the smaller set, so that a sentence and its lightly edited copy match.
    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        (HashSet<string> small, HashSet<string> large) = a.Count <= b.Count ? (a, b) : (b, a);
        return (double)small.Count(large.Contains) / small.Count;
    }

    private sealed class Candidate(AnalyzedArticle report, Sentence sentence, string text, DateOnly date, TimeExpression? time, List<string> words, int order)
    {
        public AnalyzedArticle Report { get; } = report;

        public Sentence Sentence { get; } = sentence;

        public string Text { get; } = text;

        public DateOnly Date { get; } = date;

        public TimeExpression? Time { get; } = time;

        public bool ByExpression => Time is not null;

        public List<string> Words { get; } = words;

        public HashSet<string> WordSet { get; } = new(words, StringComparer.Ordinal);

        public int Order { get; } = order;

        public TermVector? Vector { get; set; }

        public double Novelty { get; set; }
    }
}
