using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Vectors;

namespace Storyline.Timelines;

/// <summary>
/// Ranks the candidate sentences of one day. Each is scored by its centrality among the day's candidates (cosine to
/// their centroid, by words and by dense sentence vectors) and to the whole timeline, raised by the number of the
/// day's independent reports that say the same, by a time expression of its own and by novelty; so that the day's main
/// news, what most of its reports say, comes first. A sentence as similar as <see cref="TimelineOptions.Redundancy"/>
/// to one kept is left out. The work per day is linear in its candidates: past
/// <see cref="TimelineOptions.MaxCandidatesPerDay"/>, only the most central by words are considered further.
/// </summary>
internal sealed class DayRanking(TimelineOptions options, TermVector story, TextEmbedder? embedder)
{
    private const double SameSentenceOverlap = 0.7;

    /// <summary>The day's entries, the most important first, and how many candidates were considered.</summary>
    public (ImmutableArray<TimelineEntry> Entries, int Considered) Rank(List<Candidate> day)
    {
        TermVector centroid = TermVector.Centroid(day.Select(c => c.Vector));
        foreach (Candidate candidate in day)
        {
            candidate.WordCentrality = (options.DayCentrality * candidate.Vector.Cosine(centroid)) + ((1 - options.DayCentrality) * candidate.Vector.Cosine(story));
        }

        // Candidate pruning: the rest of the work is quadratic in what is considered.
        List<int> considered = [.. Enumerable.Range(0, day.Count)];
        if (day.Count > options.MaxCandidatesPerDay)
        {
            considered = [.. considered.OrderByDescending(i => day[i].WordCentrality).ThenBy(i => i).Take(options.MaxCandidatesPerDay).Order()];
        }

        List<Candidate> kept = [.. considered.Select(i => day[i])];
        float[]? denseCentroid = DenseCentroid(kept);
        var events = Events(kept);
        var ranked = new List<(List<Candidate> Event, double Importance, double Centrality)>();
        foreach (List<Candidate> sameEvent in events)
        {
            Candidate first = sameEvent[0];
            double words = first.WordCentrality;
            double dense = denseCentroid is null || first.Dense is null ? words : TextEmbedder.Dot(first.Dense, denseCentroid);
            double centrality = (options.CentralityWordWeight * words) + ((1 - options.CentralityWordWeight) * dense);
            int support = Support(first, kept);
            double importance = centrality
                * (1 + (options.SourceWeight * Math.Log(Math.Max(1, support))))
                * (1 + (first.ByExpression ? options.ExpressionWeight : 0))
                * (1 + (options.NoveltyWeight * first.Novelty));
            ranked.Add((sameEvent, importance, centrality));
        }

        var chosen = new List<(List<Candidate> Event, double Importance)>();
        foreach (var candidate in ranked.OrderByDescending(e => e.Importance).ThenBy(e => e.Event[0].Order))
        {
            if (chosen.Count >= options.EntriesPerDate)
            {
                break;
            }

            if (chosen.All(k => Similarity(k.Event[0], candidate.Event[0]) < options.Redundancy))
            {
                chosen.Add((candidate.Event, candidate.Importance));
            }
        }

        return ([.. chosen.Select(k => Entry(k.Event, k.Importance))], kept.Count);
    }

    /// <summary>Word and dense cosine, weighted as <see cref="TimelineOptions.WordWeight"/> says (words alone without vectors).</summary>
    public double Similarity(Candidate a, Candidate b)
    {
        double words = a.Vector.Cosine(b.Vector);
        return a.Dense is null || b.Dense is null ? words : (options.WordWeight * words) + ((1 - options.WordWeight) * TextEmbedder.Dot(a.Dense, b.Dense));
    }

    // How many independent reports (near-copies left out) have a sentence of the day that says about the same.
    private int Support(Candidate candidate, List<Candidate> day)
    {
        var reports = new HashSet<ArticleId>();
        foreach (Candidate other in day)
        {
            if (!options.Copies.Contains(other.Report.Article.Id) && (ReferenceEquals(other, candidate) || Similarity(candidate, other) >= options.SupportSimilarity))
            {
                reports.Add(other.Report.Article.Id);
            }
        }

        return reports.Count;
    }

    // The dense vectors of the considered candidates and the unit vector of their sum; null without word vectors.
    private float[]? DenseCentroid(List<Candidate> kept)
    {
        if (embedder is null)
        {
            return null;
        }

        var sum = new float[embedder.Dimensions];
        foreach (Candidate candidate in kept)
        {
            ImmutableArray<Token> tokens = candidate.Report.Tokens;
            int first = Math.Min(candidate.Sentence.FirstToken, tokens.Length);
            candidate.Dense ??= embedder.Embed(candidate.Report.Body, tokens.AsSpan(first, Math.Min(candidate.Sentence.TokenCount, tokens.Length - first)));
            if (candidate.Dense is float[] v)
            {
                for (int i = 0; i < sum.Length; i++)
                {
                    sum[i] += v[i];
                }
            }
        }

        double norm = Math.Sqrt(sum.Sum(x => (double)x * x));
        if (norm == 0)
        {
            return null;
        }

        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = (float)(sum[i] / norm);
        }

        return sum;
    }

    // Near-identical sentences of the day (a syndicated copy, a lightly edited one) are one event; the first said
    // (earliest report) stands for it.
    private static List<List<Candidate>> Events(List<Candidate> day)
    {
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

        return events;
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

    // Overlap coefficient: shared words over the smaller set, so that a sentence and its lightly edited copy match.
    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        (HashSet<string> small, HashSet<string> large) = a.Count <= b.Count ? (a, b) : (b, a);
        int shared = 0;
        foreach (string word in small)
        {
            shared += large.Contains(word) ? 1 : 0;
        }

        return (double)shared / small.Count;
    }
}
