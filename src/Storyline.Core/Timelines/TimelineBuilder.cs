using System.Collections.Immutable;
using Storyline.Domain;

namespace Storyline.Timelines;

/// <summary>
/// Builds a story's dated timeline from its reports. Each report gives its lead sentence, placed on its publication
/// date; each sentence with a time expression that names a day other than the publication date is placed on that
/// day. Near-identical sentences placed on the same day are one entry that keeps every report saying it.
/// Stateless and thread-safe.
/// </summary>
public sealed class TimelineBuilder
{
    private const double SameSentenceOverlap = 0.7;
    private const int MinLeadTokens = 6;

    /// <summary>The timeline of <paramref name="reports"/>, in date order, then in report order.</summary>
    public ImmutableArray<TimelineEntry> Build(IEnumerable<AnalyzedArticle> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var entries = new List<(TimelineEntry Entry, HashSet<string> Words, int Order)>();
        int order = 0;
        foreach (AnalyzedArticle report in reports.OrderBy(r => r.Article.Published).ThenBy(r => r.Article.Id))
        {
            foreach ((Sentence sentence, TimeExpression? time) in DatedSentences(report))
            {
                DateOnly date = time?.Day ?? report.Article.Published;
                string text = report.SentenceText(sentence);
                HashSet<string> words = Words(text);
                int existing = entries.FindIndex(e => e.Entry.Date == date && Overlap(e.Words, words) >= SameSentenceOverlap);
                if (existing >= 0)
                {
                    var (entry, w, o) = entries[existing];
                    if (!entry.Sources.Contains(report.Article.Id))
                    {
                        entries[existing] = (entry with { Sources = entry.Sources.Add(report.Article.Id) }, w, o);
                    }

                    continue;
                }

                Certainty? status = report.Claims.FirstOrDefault(c => c.Sentence == sentence.Index)?.Status;
                entries.Add((new TimelineEntry(
                    date,
                    text,
                    report.Article.Id,
                    sentence.Span,
                    time?.Value ?? TimexValue.OfDay(report.Article.Published),
                    time is null ? null : report.Text(time.Span),
                    time?.Anchor ?? report.Article.Published,
                    status,
                    [report.Article.Id]), words, order++));
            }
        }

        return [.. entries.OrderBy(e => e.Entry.Date).ThenBy(e => e.Order).Select(e => e.Entry)];
    }

    private static IEnumerable<(Sentence Sentence, TimeExpression? Time)> DatedSentences(AnalyzedArticle report)
    {
        Sentence? lead = report.Sentences.Cast<Sentence?>().FirstOrDefault(s => s!.Value.TokenCount >= MinLeadTokens)
            ?? report.Sentences.Cast<Sentence?>().FirstOrDefault();
        foreach (Sentence sentence in report.Sentences)
        {
            TimeExpression? time = report.Times.FirstOrDefault(t => t.Sentence == sentence.Index && t.Day is DateOnly day && day != report.Article.Published);
            if (time is not null)
            {
                yield return (sentence, time);
            }
            else if (lead is Sentence l && l.Index == sentence.Index)
            {
                yield return (sentence, null);
            }
        }
    }

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string word in text.Split([' ', ',', '.', '"', '\u201C', '\u201D', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            words.Add(word.ToLowerInvariant());
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

        int shared = a.Count(b.Contains);
        return (double)shared / Math.Min(a.Count, b.Count);
    }
}
