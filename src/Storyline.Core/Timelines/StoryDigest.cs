using System.Collections.Frozen;
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
/// <param name="Score">How important it is in its day of the story's timeline (<see cref="TimelineEntry.Importance"/>).</param>
public sealed record SummarySentence(string Text, ArticleId Report, DateOnly Published, ImmutableArray<ArticleId> Sources, double Score)
{
    /// <summary>The day it is about (its timeline day).</summary>
    public DateOnly Date { get; init; } = Published;
}

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
/// (<see cref="TimelineSummarizer"/>), an extractive summary drawn from it (each day's main news, in date order),
/// entities, quotes and claim histories. Work is linear in the story's sentences. No I/O; stateless and thread-safe,
/// for the command line and the web API alike.
/// </summary>
public sealed class StoryDigest
{
    // An entry this similar (TF-IDF cosine, IDF over the timeline's entries, so that the names every entry shares
    // weigh little) to one already in the summary says the same.
    private const double SameSentence = 0.5;

    // Words that, opening a sentence, point back to something the summary has not said ("It was first reported…").
    private static readonly FrozenSet<string> Pronouns = new[]
    {
        "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their", "we", "our", "i", "him", "them", "such",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly TimelineSummarizer Summarizer = new();

    /// <summary>The digest of <paramref name="story"/> from its <paramref name="reports"/> (any order).</summary>
    public Digest Build(Story story, IReadOnlyList<AnalyzedArticle> reports, int summarySentences = 5, TimelineOptions? timeline = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(reports);
        var copies = story.Copies.Keys.ToHashSet();
        AnalyzedArticle[] ordered = [.. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        AnalyzedArticle[] originals = [.. ordered.Where(r => !copies.Contains(r.Article.Id))];
        ImmutableArray<TimelineDay> days = Timeline(ordered, copies, timeline);
        return new Digest(
            story,
            Summarize(days, ordered, summarySentences),
            days,
            StoryEntities.Gather(originals),
            [.. ordered.SelectMany(r => r.Quotes.Select(q => new StoryQuote(r.Article.Id, r.Article.Published, q, r.Text(q.Content), q.Source is TextSpan s ? r.Text(s) : null)))],
            ClaimHistory.Build(ordered),
            [.. ordered.Select(r => new StorySource(r.Article.Id, r.Article.Published, r.Article.Title, r.Article.Outlet, r.Article.Url, story.Copies.TryGetValue(r.Article.Id, out ArticleId original) ? original : null))]);
    }

    /// <summary>The story's ranked timeline: every day with an entry, at most <see cref="TimelineOptions.EntriesPerDate"/> a day.</summary>
    public ImmutableArray<TimelineDay> Timeline(IReadOnlyList<AnalyzedArticle> reports, IReadOnlySet<ArticleId> copies, TimelineOptions? options = null) =>
        Summarizer.Summarize(reports, (options ?? TimelineOptions.Story) with { Copies = copies });

    /// <summary>
    /// The <paramref name="length"/> sentences that best sum the story up, in date order: drawn from its timeline, each
    /// day's main news first, so that the summary draws on every day (on the days that matter most when there are more
    /// days than sentences) and then adds a day's further news; never a sentence that opens with a pronoun or a
    /// demonstrative ("It was first reported…"), which would point back to something the summary does not say, nor one
    /// that repeats a sentence already chosen.
    /// </summary>
    public static ImmutableArray<SummarySentence> Summarize(IReadOnlyList<AnalyzedArticle> reports, IReadOnlySet<ArticleId> copies, int length)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(copies);
        if (length <= 0)
        {
            return [];
        }

        AnalyzedArticle[] ordered = [.. reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id)];
        return Summarize(Summarizer.Summarize(ordered, TimelineOptions.Story with { Copies = copies, EntriesPerDate = Math.Max(length, TimelineOptions.Story.EntriesPerDate) }), ordered, length);
    }

    private static ImmutableArray<SummarySentence> Summarize(ImmutableArray<TimelineDay> timeline, AnalyzedArticle[] reports, int length)
    {
        if (length <= 0 || timeline.IsDefaultOrEmpty)
        {
            return [];
        }

        // The days to draw on: all of them, or the most important when there are more days than sentences.
        List<TimelineDay> days = [.. timeline.OrderByDescending(d => d.Weight).ThenBy(d => d.Date).Take(length)];
        var queues = days.Select(d => new Queue<TimelineEntry>(d.Entries.Where(e => !OpensWithPronoun(e.Text)))).ToList();
        var words = timeline.SelectMany(d => d.Entries).ToDictionary<TimelineEntry, TimelineEntry, List<string>>(e => e, e => TermVector.ContentWords(e.Text), ReferenceEqualityComparer.Instance);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string word in words.Values.SelectMany(w => w.Distinct(StringComparer.Ordinal)))
        {
            df[word] = df.GetValueOrDefault(word) + 1;
        }

        var idf = df.ToDictionary(p => p.Key, p => Math.Log((words.Count + 1.0) / (p.Value + 1)) + 1, StringComparer.Ordinal);
        var chosen = new List<(TimelineEntry Entry, TermVector Vector)>();
        for (bool any = true; chosen.Count < length && any;)
        {
            // One round: each day's best remaining entry, the days in order of importance.
            any = false;
            foreach (Queue<TimelineEntry> queue in queues)
            {
                while (chosen.Count < length && queue.TryDequeue(out TimelineEntry? entry))
                {
                    any = true;
                    TermVector vector = TermVector.Of(words[entry], idf);
                    if (chosen.All(c => c.Vector.Cosine(vector) < SameSentence))
                    {
                        chosen.Add((entry, vector));
                        break;
                    }
                }
            }
        }

        var order = new Dictionary<ArticleId, int>();
        for (int i = 0; i < reports.Length; i++)
        {
            order.TryAdd(reports[i].Article.Id, i);
        }

        var published = reports.ToDictionary(r => r.Article.Id, r => r.Article.Published);
        return
        [
            .. chosen.Select(c => c.Entry)
                .OrderBy(e => e.Date).ThenBy(e => order.GetValueOrDefault(e.Report)).ThenBy(e => e.Span.Start)
                .Select(e => new SummarySentence(e.Text, e.Report, published.GetValueOrDefault(e.Report, e.Date), e.Sources, e.Importance) { Date = e.Date }),
        ];
    }

    /// <summary>Whether the sentence opens with a pronoun or demonstrative (after any quotation mark).</summary>
    public static bool OpensWithPronoun(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<char> text = sentence.AsSpan().TrimStart(" \"'\u2018\u201C(".AsSpan());
        int end = 0;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > 0 && Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text[..end]);
    }

}
