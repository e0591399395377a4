using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Storyline.Domain;

namespace Storyline.Evaluation.Timelines;

/// <summary>One article of a timeline benchmark topic.</summary>
/// <param name="Id">Its path under the topic ("2010-04-20/12.htm.txt").</param>
/// <param name="Published">Its publication day (the folder's name).</param>
/// <param name="Body">Its text: one sentence a line in the file, paragraphs (blank-line separated) here.</param>
public sealed record TimelineArticle(string Id, DateOnly Published, string Body);

/// <summary>A gold timeline of a topic.</summary>
/// <param name="Name">Its file name ("bbc.txt").</param>
/// <param name="Summaries">Its days and sentences.</param>
public sealed record GoldTimeline(string Name, DatedSummaries Summaries);

/// <summary>One topic of a timeline benchmark: its articles, its query keywords and its gold timelines.</summary>
/// <param name="Name">The folder name ("bpoil_bbc").</param>
/// <param name="Articles">Its articles in publication order (empty files left out).</param>
/// <param name="Keywords">The query words of keywords.json, where given.</param>
/// <param name="Timelines">Its gold timelines.</param>
/// <param name="EmptyFiles">Article files with no text.</param>
public sealed record TimelineTopic(string Name, ImmutableArray<TimelineArticle> Articles, ImmutableArray<string> Keywords, ImmutableArray<GoldTimeline> Timelines, int EmptyFiles);

/// <summary>
/// Reads the Timeline17 layout as distributed with news-tls: a folder of topic folders (or one topic folder), each
/// with <c>InputDocs/YYYY-MM-DD/*.txt</c> (tokenised text, one sentence a line), <c>timelines/*.txt</c> (blocks of a
/// date line, sentence lines, and a line of dashes) and <c>keywords.json</c>.
/// </summary>
public static class Timeline17
{
    /// <summary>Whether <paramref name="folder"/> is a topic folder or holds topic folders.</summary>
    public static bool IsTimelineFolder(string folder) =>
        IsTopic(folder) || (Directory.Exists(folder) && Directory.EnumerateDirectories(folder).Any(IsTopic));

    /// <summary>The topics under <paramref name="folder"/>, by name.</summary>
    public static IReadOnlyList<TimelineTopic> Read(string folder)
    {
        IEnumerable<string> topics = IsTopic(folder) ? [folder] : Directory.EnumerateDirectories(folder).Where(IsTopic).Order(StringComparer.Ordinal);
        return [.. topics.Select(ReadTopic)];
    }

    /// <summary>Parses the text format of a gold timeline (also what <see cref="Format"/> writes).</summary>
    public static DatedSummaries Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<(DateOnly, IEnumerable<string>)>();
        DateOnly? date = null;
        var sentences = new List<string>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("-----", StringComparison.Ordinal))
            {
                if (date is DateOnly d)
                {
                    days.Add((d, sentences.ToList()));
                }

                date = null;
                sentences.Clear();
            }
            else if (date is null && DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
            {
                date = day;
            }
            else if (line.Length > 0 && date is not null)
            {
                sentences.Add(line);
            }
        }

        if (date is DateOnly last)
        {
            days.Add((last, sentences.ToList()));
        }

        return DatedSummaries.Of(days);
    }

    /// <summary>A timeline in the dataset's text format, latest day first as the gold files are.</summary>
    public static string Format(DatedSummaries timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var text = new System.Text.StringBuilder();
        foreach ((DateOnly date, ImmutableArray<string> sentences) in timeline.Days.Reverse())
        {
            text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            foreach (string sentence in sentences)
            {
                text.Append(sentence.Replace('\n', ' ')).Append('\n');
            }

            text.Append("--------------------------------\n");
        }

        return text.ToString();
    }

    private static bool IsTopic(string folder) =>
        Directory.Exists(Path.Combine(folder, "InputDocs")) && Directory.Exists(Path.Combine(folder, "timelines"));

    private static TimelineTopic ReadTopic(string folder)
    {
        var articles = new List<TimelineArticle>();
        int empty = 0;
        foreach (string dayFolder in Directory.EnumerateDirectories(Path.Combine(folder, "InputDocs")).Order(StringComparer.Ordinal))
        {
            if (!DateOnly.TryParseExact(Path.GetFileName(dayFolder), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly published))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(dayFolder).Order(StringComparer.Ordinal))
            {
                string body = string.Join("\n\n", File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0));
                if (body.Length == 0)
                {
                    empty++;
                    continue;
                }

                articles.Add(new TimelineArticle(Path.GetFileName(dayFolder) + "/" + Path.GetFileName(file), published, body));
            }
        }

        string keywordsFile = Path.Combine(folder, "keywords.json");
        ImmutableArray<string> keywords = File.Exists(keywordsFile) ? JsonSerializer.Deserialize<ImmutableArray<string>>(File.ReadAllText(keywordsFile)) : [];
        ImmutableArray<GoldTimeline> timelines =
        [
            .. Directory.EnumerateFiles(Path.Combine(folder, "timelines"), "*.txt").Order(StringComparer.Ordinal)
                .Select(f => new GoldTimeline(Path.GetFileName(f), Parse(File.ReadAllText(f)))),
        ];
        return new TimelineTopic(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), [.. articles], keywords, timelines, empty);
    }

    /// <summary>The article as a report for the analysis pipeline (its id a stable hash of topic and path).</summary>
    public static Article ToArticle(TimelineTopic topic, TimelineArticle article)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(article);
        return new Article(ArticleId.FromContent(topic.Name, article.Published, article.Id, article.Body), article.Published, article.Body, ExternalId: article.Id, Outlet: topic.Name);
    }
}
