using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>How a timeline is built: how many days and entries, which span, and the ranking weights.</summary>
public sealed record TimelineOptions
{
    /// <summary>Options for a story's own timeline: every day that has an entry, at most five entries a day.</summary>
    public static TimelineOptions Story { get; } = new();

    /// <summary>How many days to keep, the most talked-about first; null keeps every day with an entry.</summary>
    public int? MaxDates { get; init; }

    /// <summary>How many entries to keep per day, the most important first.</summary>
    public int EntriesPerDate { get; init; } = 5;

    /// <summary>First day a timeline may hold (inclusive); null for no bound.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>Last day a timeline may hold (inclusive); null for no bound.</summary>
    public DateOnly? End { get; init; }

    /// <summary>
    /// How many sentences of each report with no day of their own are placed on its publication date (its lead);
    /// sentences with a time expression naming a day are always placed on that day.
    /// </summary>
    public int LeadSentences { get; init; } = 2;

    /// <summary>What a report's publication counts for a day, against 1 for each sentence that names the day.</summary>
    public double PublicationWeight { get; init; } = 0.5;

    /// <summary>How much each further independent report raises an entry's importance (times the log of their number).</summary>
    public double SourceWeight { get; init; } = 0.3;

    /// <summary>How much being dated by a time expression of its own (an event with a time) raises an entry.</summary>
    public double ExpressionWeight { get; init; } = 0.3;

    /// <summary>
    /// How much novelty raises an entry: the share of its sentence's named entities that no earlier report (and none
    /// of <see cref="KnownEntities"/>) mentioned.
    /// </summary>
    public double NoveltyWeight { get; init; } = 0.3;

    /// <summary>Entities already known to the reader (from reports not given), for novelty.</summary>
    public IReadOnlySet<EntityKey> KnownEntities { get; init; } = new HashSet<EntityKey>();

    /// <summary>
    /// How much an entry's centrality is measured against its own day's sentences (the rest against all the
    /// timeline's sentences, which also makes importance comparable across days).
    /// </summary>
    public double DayCentrality { get; init; } = 0.5;

    /// <summary>An entry this similar (cosine) to one already kept for the day is left out as saying the same.</summary>
    public double Redundancy { get; init; } = 0.5;

    /// <summary>Sentences with fewer content words are not entries.</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>Sentences with more content words are not entries (run-ons, lists, split failures).</summary>
    public int MaxWords { get; init; } = 45;

    /// <summary>Reports that are near-copies of another: sources of an entry, but not independent ones.</summary>
    public IReadOnlySet<ArticleId> Copies { get; init; } = new HashSet<ArticleId>();
}

/// <summary>One day of a ranked timeline.</summary>
/// <param name="Date">The day.</param>
/// <param name="Weight">How much the reports talk about the day (sentences naming it, plus publications).</param>
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
        List<Candidate> candidates = Candidates(reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id), options);
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
        var weights = byDate.ToDictionary(p => p.Key, p => p.Value.Sum(c => c.ByExpression ? 1.0 : options.PublicationWeight));
        IEnumerable<DateOnly> dates = weights.Keys;
        if (options.MaxDates is int max)
        {
            dates = dates.OrderByDescending(d => weights[d]).ThenBy(d => d).Take(max);
        }

        TermVector story = TermVector.Centroid(candidates.Select(c => c.Vector!));
        Novelty(candidates, options);
        return [.. dates.Order().Select(d => new TimelineDay(d, weights[d], RankDay(byDate[d], story, options)))];
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
            ? (Attribution(report, source), claim.SourceKind)
            : quote?.Source is TextSpan speaker ? (Attribution(report, speaker), quote.SourceKind) : (null, SourceKind.Unknown);
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

    // Who a sentence is attributed to, in words: the source as written, or, for a pronoun ("He said …"), the name of
    // the person the quotes stage resolved it to ("Samuel Okoro"), never a bare "He".
    private static string Attribution(AnalyzedArticle report, TextSpan source)
    {
        string words = report.Text(source);
        if (Quotes.CueLexicon.Pronouns.Contains(words.ToLowerInvariant())
            && report.Quotes.FirstOrDefault(q => q.Source == source && q.Speaker is not null)?.Speaker is EntityKey speaker
            && report.Entities.FirstOrDefault(e => e.Key == speaker) is Entity person)
        {
            return person.Name;
        }

        return words;
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

                TimeExpression? time = report.Times.FirstOrDefault(t => t.Sentence == sentence.Index && NamesDay(t));
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

    // A value that names one calendar day ("2023-09-12", "2023-09-12TMO"), not a month, a week or a year.
    private static bool NamesDay(TimeExpression time) =>
        time.Type is TimeType.Date or TimeType.Time && time.Value.Length >= 10 && time.Value[4] == '-' && time.Value[7] == '-'
        && char.IsDigit(time.Value[8]) && time.Day is not null;

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
