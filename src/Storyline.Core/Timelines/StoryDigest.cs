using System.Collections.Immutable;
using Storyline.Claims;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Timelines;

/// <summary>A sentence of a story's extractive summary.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Report">The report it comes from.</param>
/// <param name="Published">That report's date.</param>
/// <param name="Sources">Every report that says it (near-identical sentences are one).</param>
/// <param name="Score">How central it is to the story (cosine to the story's centroid, raised by its sources).</param>
public sealed record SummarySentence(string Text, ArticleId Report, DateOnly Published, ImmutableArray<ArticleId> Sources, double Score);

/// <summary>A quote of a story with the words its spans point to.</summary>
/// <param name="Report">The report it is in.</param>
/// <param name="Published">That report's date.</param>
/// <param name="Quote">The quote as found.</param>
/// <param name="Content">The quoted or reported words.</param>
/// <param name="Source">The source's words, where found.</param>
public sealed record StoryQuote(ArticleId Report, DateOnly Published, Quote Quote, string Content, string? Source);

/// <summary>A report of a story, as a source.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Published">Its date.</param>
/// <param name="Title">Its title, where known.</param>
/// <param name="Outlet">Its outlet, where known.</param>
/// <param name="Url">Where it was read, where known.</param>
/// <param name="CopyOf">The report it is a near-copy of; null for an original.</param>
public sealed record StorySource(ArticleId Id, DateOnly Published, string? Title, string? Outlet, string? Url, ArticleId? CopyOf);

/// <summary>Everything a reader needs of a story: its summary, ranked timeline, entities, quotes, claims and sources.</summary>
/// <param name="Story">The story.</param>
/// <param name="Summary">Its extractive summary, in story order.</param>
/// <param name="Timeline">Its ranked timeline, in date order.</param>
/// <param name="Entities">Its entities, most mentioned first.</param>
/// <param name="Quotes">Its quotes, in publication order.</param>
/// <param name="Claims">Its claims followed across reports.</param>
/// <param name="Sources">Its reports.</param>
public sealed record Digest(
    Story Story,
    ImmutableArray<SummarySentence> Summary,
    ImmutableArray<TimelineDay> Timeline,
    ImmutableArray<StoryEntity> Entities,
    ImmutableArray<StoryQuote> Quotes,
    ImmutableArray<ClaimTrack> Claims,
    ImmutableArray<StorySource> Sources);

/// <summary>
/// Computes a story's digest at read time from its stored reports: the ranked timeline
/// (<see cref="TimelineSummarizer"/>), an extractive summary chosen by maximal marginal relevance (central to the story,
/// not repeating what is already chosen), entities, quotes and claim histories. No I/O; stateless and thread-safe, for
/// the command line and the web API alike.
/// </summary>
public sealed class StoryDigest
{
    private const double Relevance = 0.7;
    private const double SameSentence = 0.6;
    private readonly TimelineSummarizer summarizer = new();

    /// <summary>The digest of <paramref name="story"/> from its <paramref name="reports"/> (any order).</summary>
    public Digest Build(Story story, IReadOnlyList<AnalyzedArticle> reports, int summarySentences = 5, TimelineOptions? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(reports);
        var copies = story.Copies.Keys.ToHashSet();
        AnalyzedArticle[] ordered = [.. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        AnalyzedArticle[] originals = [.. ordered.Where(r => !copies.Contains(r.Article.Id))];
        return new Digest(
            story,
            Summarize(ordered, copies, summarySentences),
            Timeline(ordered, copies, timeline),
            StoryEntities.Gather(originals),
            [.. ordered.SelectMany(r => r.Quotes.Select(q => new StoryQuote(r.Article.Id, r.Article.Published, q, r.Text(q.Content), q.Source is TextSpan s ? r.Text(s) : null)))],
            ClaimHistory.Build(ordered),
            [.. ordered.Select(r => new StorySource(r.Article.Id, r.Article.Published, r.Article.Title, r.Article.Outlet, r.Article.Url, story.Copies.TryGetValue(r.Article.Id, out ArticleId original) ? original : null))]);
    }

    /// <summary>The story's ranked timeline: every day with an entry, at most <see cref="TimelineOptions.EntriesPerDate"/> a day.</summary>
    public ImmutableArray<TimelineDay> Timeline(IReadOnlyList<AnalyzedArticle> reports, IReadOnlySet<ArticleId> copies, TimelineOptions? options = null) =>
        summarizer.Summarize(reports, (options ?? TimelineOptions.Story) with { Copies = copies });

    /// <summary>
    /// The <paramref name="length"/> sentences that best sum the story up, in story order: each chosen for its
    /// centrality (cosine to the centroid of all the story's sentences, raised by the number of independent reports
    /// that say it, and by an early place in its report) less its similarity to the sentences already chosen.
    /// </summary>
    public static ImmutableArray<SummarySentence> Summarize(IReadOnlyList<AnalyzedArticle> reports, IReadOnlySet<ArticleId> copies, int length)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(copies);
        if (length <= 0)
        {
            return [];
        }

        List<SentenceUnit> units = SentenceUnit.Of(reports, minWords: 4, maxWords: 45);
        if (units.Count == 0)
        {
            return [];
        }

        // Near-identical sentences (a syndicated copy) are one unit with every report saying it.
        var groups = new List<(SentenceUnit First, List<ArticleId> Sources)>();
        foreach (SentenceUnit unit in units)
        {
            int same = groups.FindIndex(g => g.First.Vector.Cosine(unit.Vector) >= SameSentence + 0.3);
            if (same >= 0)
            {
                if (!groups[same].Sources.Contains(unit.Report.Article.Id))
                {
                    groups[same].Sources.Add(unit.Report.Article.Id);
                }
            }
            else
            {
                groups.Add((unit, [unit.Report.Article.Id]));
            }
        }

        TermVector centroid = TermVector.Centroid(units.Select(u => u.Vector));
        var scored = groups.Select(g =>
        {
            int independent = g.Sources.Count(s => !copies.Contains(s));
            double score = g.First.Vector.Cosine(centroid) * (1 + (0.3 * Math.Log(Math.Max(1, independent)))) / (1 + (0.05 * g.First.Position));
            return (g.First, g.Sources, Score: score);
        }).ToList();

        var chosen = new List<(SentenceUnit First, List<ArticleId> Sources, double Score)>();
        while (chosen.Count < length && scored.Count > 0)
        {
            var best = scored
                .Select(s => (Item: s, Mmr: (Relevance * s.Score) - ((1 - Relevance) * chosen.Select(c => c.First.Vector.Cosine(s.First.Vector)).DefaultIfEmpty(0).Max())))
                .MaxBy(s => s.Mmr).Item;
            scored.Remove(best);
            if (chosen.All(c => c.First.Vector.Cosine(best.First.Vector) < SameSentence))
            {
                chosen.Add(best);
            }
        }

        return
        [
            .. chosen.OrderBy(c => c.First.Order).Select(c => new SummarySentence(
                c.First.Text, c.First.Report.Article.Id, c.First.Report.Article.Published, [.. c.Sources], Math.Round(c.Score, 4))),
        ];
    }
}

/// <summary>A sentence of a report with its term vector (IDF over the sentences it was made with).</summary>
internal sealed class SentenceUnit
{
    private SentenceUnit(AnalyzedArticle report, Sentence sentence, string text, int position, int order, List<string> words)
    {
        Report = report;
        Sentence = sentence;
        Text = text;
        Position = position;
        Order = order;
        Words = words;
    }

    public AnalyzedArticle Report { get; }

    public Sentence Sentence { get; }

    public string Text { get; }

    /// <summary>Its place among its report's kept sentences, from 0.</summary>
    public int Position { get; }

    /// <summary>Its place among all units.</summary>
    public int Order { get; }

    public List<string> Words { get; }

    public TermVector Vector { get; private set; } = TermVector.Of([], new Dictionary<string, double>());

    /// <summary>The sentences of <paramref name="reports"/> with between the given numbers of content words, vectorised.</summary>
    public static List<SentenceUnit> Of(IEnumerable<AnalyzedArticle> reports, int minWords, int maxWords)
    {
        var units = new List<SentenceUnit>();
        foreach (AnalyzedArticle report in reports)
        {
            int position = 0;
            foreach (Sentence sentence in report.Sentences)
            {
                string text = report.SentenceText(sentence).Trim();
                List<string> words = TermVector.ContentWords(text);
                if (words.Count >= minWords && words.Count <= maxWords)
                {
                    units.Add(new SentenceUnit(report, sentence, text, position++, units.Count, words));
                }
            }
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SentenceUnit unit in units)
        {
            foreach (string word in unit.Words.Distinct(StringComparer.Ordinal))
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }
        }

        double n = units.Count;
        var idf = df.ToDictionary(p => p.Key, p => Math.Log((n + 1) / (p.Value + 1)) + 1, StringComparer.Ordinal);
        foreach (SentenceUnit unit in units)
        {
            unit.Vector = TermVector.Of(unit.Words, idf);
        }

        return units;
    }
}
