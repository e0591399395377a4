using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Storyline.Domain;
using Storyline.Evaluation.Timelines;

namespace Storyline.Evaluation.Stories;

/// <summary>The benchmark layouts <c>storyline eval stories</c> reads.</summary>
public enum StoryBenchmarkLayout
{
    /// <summary>Giveme5W1H news-cluster: news-please JSON files, each with a date and a gold <c>newsCluster.EventId</c>.</summary>
    Giveme5W1H,

    /// <summary>ECB+: topic folders of CROMER XML files, two events per topic (<c>N_Kecb.xml</c>, <c>N_Kecbplus.xml</c>); no dates.</summary>
    EcbPlus,

    /// <summary>Timeline17 (news-tls layout): topic folders of <c>InputDocs/YYYY-MM-DD/*.txt</c>; gold is the topic.</summary>
    Timeline17,

    /// <summary>
    /// Crisis (its dated sentences, see <see cref="Crisis"/>): one report per topic and day; gold is the topic (egypt,
    /// libya, syria, yemen), stories that run for months. Scored whole; a training source of the story model only with
    /// <c>train stories --long-stories</c> (its gold is a topic over years, coarser than the other sets' events).
    /// </summary>
    Crisis,
}

/// <summary>One report of a benchmark, its gold story, and its place in the stream.</summary>
/// <param name="Id">Its name in the benchmark (file name), as predictions name it.</param>
/// <param name="Report">The report as a reader would give it.</param>
/// <param name="Gold">Its gold story (an event, or for Timeline17 a topic).</param>
public sealed record StoryBenchmarkItem(string Id, SourceReport Report, string Gold);

/// <summary>A benchmark read into a stream: reports in the order they are assigned.</summary>
/// <param name="Layout">Which benchmark.</param>
/// <param name="Items">Reports in stream order: date, then a fixed order within a day.</param>
/// <param name="Skipped">Files left out (empty), for the notes.</param>
public sealed record StoryBenchmarkStream(StoryBenchmarkLayout Layout, IReadOnlyList<StoryBenchmarkItem> Items, int Skipped);

/// <summary>Reads the story benchmarks. Which one a folder holds is found from its layout.</summary>
public static class StoryBenchmark
{
    /// <summary>ECB+ has no publication dates: every report gets this day, so the stream order alone decides.</summary>
    public static readonly DateOnly EcbPlusDay = new(2010, 1, 1);

    /// <summary>
    /// At most this many of a Crisis day's sentences make its report (the first, in the file's order): a few days hold
    /// hundreds (870 at most), most fewer than twenty; the cap keeps one day from outweighing a month (docs/QUALITY.md).
    /// </summary>
    public const int CrisisSentencesPerReport = 30;

    /// <summary>The layout of <paramref name="folder"/>, or null when it is none of the known ones.</summary>
    public static StoryBenchmarkLayout? Detect(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        if (Crisis.IsCrisisFolder(folder))
        {
            return StoryBenchmarkLayout.Crisis;
        }

        if (Directory.Exists(Path.Combine(folder, "news_cluster")) || Directory.EnumerateFiles(folder, "*.json").Any(f => File.ReadAllText(f).Contains("\"newsCluster\"", StringComparison.Ordinal)))
        {
            return StoryBenchmarkLayout.Giveme5W1H;
        }

        if (Directory.Exists(Path.Combine(folder, "ECB+")) || Directory.EnumerateFiles(folder, "*ecb*.xml", SearchOption.AllDirectories).Any())
        {
            return StoryBenchmarkLayout.EcbPlus;
        }

        if (Directory.EnumerateDirectories(folder).Any(d => Directory.Exists(Path.Combine(d, "InputDocs"))) || Directory.Exists(Path.Combine(folder, "InputDocs")))
        {
            return StoryBenchmarkLayout.Timeline17;
        }

        return null;
    }

    /// <summary>Reads <paramref name="folder"/> as <paramref name="layout"/>; <paramref name="limit"/> keeps a slice (per topic or event, for smoke tests).</summary>
    public static StoryBenchmarkStream Read(string folder, StoryBenchmarkLayout layout, int? limit = null) => layout switch
    {
        StoryBenchmarkLayout.Giveme5W1H => ReadGiveme(folder, limit),
        StoryBenchmarkLayout.EcbPlus => ReadEcbPlus(folder, limit),
        StoryBenchmarkLayout.Timeline17 => ReadTimeline17(folder, limit),
        StoryBenchmarkLayout.Crisis => ReadCrisis(folder, limit),
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };

    private static StoryBenchmarkStream ReadGiveme(string folder, int? limit)
    {
        string files = Directory.Exists(Path.Combine(folder, "news_cluster")) ? Path.Combine(folder, "news_cluster") : folder;
        var items = new List<StoryBenchmarkItem>();
        int skipped = 0;
        foreach (string file in Directory.EnumerateFiles(files, "*.json").Order(StringComparer.Ordinal))
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement root = json.RootElement;
            string? text = Text(root, "text");
            string? published = Text(root, "date_publish");
            if (string.IsNullOrWhiteSpace(text) || published is null || !root.TryGetProperty("newsCluster", out JsonElement cluster))
            {
                skipped++;
                continue;
            }

            var day = DateOnly.FromDateTime(DateTime.Parse(published, CultureInfo.InvariantCulture));
            string gold = cluster.GetProperty("EventId").GetRawText();
            string name = Path.GetFileName(file);
            items.Add(new StoryBenchmarkItem(name, new SourceReport(file, null, day, text, Text(root, "title"), Text(root, "url"), Text(root, "source_domain"), name), gold));
        }

        // Date order, then file name: the stream the clusterer sees.
        return new StoryBenchmarkStream(StoryBenchmarkLayout.Giveme5W1H, Slice(items.OrderBy(i => i.Report.Published).ThenBy(i => i.Id, StringComparer.Ordinal), limit), skipped);
    }

    private static StoryBenchmarkStream ReadEcbPlus(string folder, int? limit)
    {
        string root = Directory.Exists(Path.Combine(folder, "ECB+")) ? Path.Combine(folder, "ECB+") : folder;
        var items = new List<StoryBenchmarkItem>();
        int skipped = 0;
        foreach (string file in Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            int underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !name.Contains("ecb", StringComparison.Ordinal))
            {
                skipped++;
                continue;
            }

            string text = EcbText(file);
            if (text.Length == 0)
            {
                skipped++;
                continue;
            }

            // The event: topic number and which half of the corpus (original ECB or the ECB+ extension).
            string gold = name[..underscore] + (name.EndsWith("ecbplus.xml", StringComparison.Ordinal) ? "plus" : "ecb");
            items.Add(new StoryBenchmarkItem(name, new SourceReport(file, null, EcbPlusDay, text, ExternalId: name), gold));
        }

        // No dates: a fixed pseudo-random order (FNV-1a of the file name), so that topics and their two events interleave
        // as they would in a feed, and every run sees the same stream.
        return new StoryBenchmarkStream(StoryBenchmarkLayout.EcbPlus, Slice(items.OrderBy(i => TextHash.Fnv(i.Id)).ThenBy(i => i.Id, StringComparer.Ordinal), limit), skipped);
    }

    private static StoryBenchmarkStream ReadTimeline17(string folder, int? limit)
    {
        IEnumerable<string> topics = Directory.Exists(Path.Combine(folder, "InputDocs")) ? [folder] : Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal);
        var items = new List<(StoryBenchmarkItem Item, string Folder)>();
        int skipped = 0;
        foreach (string topicFolder in topics)
        {
            string docs = Path.Combine(topicFolder, "InputDocs");
            if (!Directory.Exists(docs))
            {
                continue;
            }

            string folderName = Path.GetFileName(topicFolder);
            string topic = folderName.Split('_')[0];
            foreach (string day in Directory.EnumerateDirectories(docs).Order(StringComparer.Ordinal))
            {
                if (!DateOnly.TryParseExact(Path.GetFileName(day), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly published))
                {
                    continue;
                }

                foreach (string file in Directory.EnumerateFiles(day).Order(StringComparer.Ordinal))
                {
                    string[] lines = File.ReadAllLines(file);
                    string text = string.Join("\n\n", lines.Select(l => l.Trim()).Where(l => l.Length > 0));
                    if (text.Length == 0)
                    {
                        skipped++;
                        continue;
                    }

                    string id = folderName + "/" + Path.GetFileName(day) + "/" + Path.GetFileName(file);
                    items.Add((new StoryBenchmarkItem(id, new SourceReport(file, null, published, text, Outlet: folderName, ExternalId: id), topic), folderName));
                }
            }
        }

        // All topics streamed together in date order; within a day by folder and file name.
        return new StoryBenchmarkStream(
            StoryBenchmarkLayout.Timeline17,
            Slice(items.OrderBy(i => i.Item.Report.Published).ThenBy(i => i.Item.Id, StringComparer.Ordinal).Select(i => i.Item), limit),
            skipped);
    }

    // Each topic's days as pseudo-reports: its first sentences joined back into text, the first serving as the headline
    // (as ECB+'s lead sentence does), published that day. Streamed together in date order, then by topic.
    private static StoryBenchmarkStream ReadCrisis(string folder, int? limit)
    {
        var items = new List<StoryBenchmarkItem>();
        int skipped = 0;
        foreach (string topicFolder in Directory.EnumerateDirectories(Path.Combine(folder, "dated_sentences_derived")).Order(StringComparer.Ordinal))
        {
            string file = Path.Combine(topicFolder, "time-sent.csv");
            if (!File.Exists(file))
            {
                continue;
            }

            string topic = Path.GetFileName(topicFolder);
            foreach ((DateOnly day, List<string> sentences) in Crisis.ReadDays(file))
            {
                string text = string.Join("\n\n", sentences.Take(CrisisSentencesPerReport).Select(s => Detokenize(s.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Where(s => s.Length > 0));
                if (text.Length == 0)
                {
                    skipped++;
                    continue;
                }

                string id = topic + "/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                items.Add(new StoryBenchmarkItem(id, new SourceReport(file, null, day, text, Outlet: "crisis", ExternalId: id), topic));
            }
        }

        return new StoryBenchmarkStream(StoryBenchmarkLayout.Crisis, Slice(items.OrderBy(i => i.Report.Published).ThenBy(i => i.Id, StringComparer.Ordinal), limit), skipped);
    }

    // At most `limit` reports per gold story, keeping the stream order.
    private static List<StoryBenchmarkItem> Slice(IEnumerable<StoryBenchmarkItem> ordered, int? limit)
    {
        if (limit is not int max)
        {
            return [.. ordered];
        }

        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var slice = new List<StoryBenchmarkItem>();
        foreach (StoryBenchmarkItem item in ordered)
        {
            int count = taken.GetValueOrDefault(item.Gold);
            if (count < max)
            {
                taken[item.Gold] = count + 1;
                slice.Add(item);
            }
        }

        return slice;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Tokens joined back into text (see Detokenize): one paragraph per sentence.
    internal static string EcbText(string file)
    {
        var sentences = new SortedDictionary<int, List<string>>();
        using (XmlReader reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
        {
            // ReadElementContentAsString moves past the element, onto the next node: only read on where it did not.
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "token"
                    && int.TryParse(reader.GetAttribute("sentence"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int sentence))
                {
                    string token = reader.ReadElementContentAsString();
                    if (!sentences.TryGetValue(sentence, out List<string>? list))
                    {
                        list = [];
                        sentences[sentence] = list;
                    }

                    list.Add(token);
                    continue;
                }

                reader.Read();
            }
        }

        var text = new StringBuilder();
        foreach (List<string> tokens in sentences.Values)
        {
            string line = Detokenize(tokens);
            if (line.Length > 0)
            {
                text.Append(text.Length > 0 ? "\n\n" : string.Empty).Append(line);
            }
        }

        return text.ToString();
    }

    // Tokens joined back into a sentence: no space before closing punctuation or clitics, none after opening brackets;
    // LaTeX-style quotes become plain ones.
    internal static string Detokenize(IEnumerable<string> tokens)
    {
        var line = new StringBuilder();
        bool glue = true;
        foreach (string raw in tokens)
        {
            string token = raw is "``" or "''" ? "\"" : raw;
            bool closing = token.Length > 0 && (".,;:!?)]}%".Contains(token[0], StringComparison.Ordinal) || token.StartsWith('\'') || token == "n't");
            if (!glue && !closing)
            {
                line.Append(' ');
            }

            line.Append(token);
            glue = token is "(" or "[" or "{" or "$";
        }

        return line.ToString();
    }
}
