using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyline.Evaluation.Stories;

namespace Storyline.Benchmarks.Throughput;

/// <summary>What an input folder of the throughput run holds (written beside it as corpus.json).</summary>
/// <param name="Name">"timeline17" or the number of generated reports.</param>
/// <param name="Reports">Reports in the folder.</param>
/// <param name="Words">Words of their bodies (runs of letters or digits).</param>
/// <param name="Bytes">Size of the folder's files.</param>
internal sealed record CorpusInfo(string Name, int Reports, long Words, long Bytes);

/// <summary>
/// Input folders for the throughput run, as JSON Lines files the real reader reads: Timeline17's reports as they are
/// (one file per topic folder), and generated archives made by recombining Timeline17's real sentences.
/// <para>
/// A generated archive is a steady feed of <see cref="PerDay"/> reports a day (1,000 reports are 10 days, 100,000
/// about 2.7 years), in stories of <see cref="ReportsPerStory"/> reports over about 10 days, interleaved with their
/// neighbours, so that the input is not already in date order. A story draws its sentences from three Timeline17
/// articles picked for it, and carries invented names of its own (a person, a place, an organisation) in its lead and
/// headline; each report takes sentences from that pool, two to a paragraph, until it has about 600 words.
/// Deterministic: the same count gives the same files.
/// </para>
/// </summary>
internal static class ArchiveGenerator
{
    public const int PerDay = 100;
    public const int ReportsPerStory = 8;
    private const int WordsPerReport = 600;
    private const int ReportsPerFile = 1_000;
    private static readonly DateOnly Start = new(2015, 1, 1);

    /// <summary>Writes Timeline17's reports into <paramref name="folder"/> (once; reused when corpus.json is there).</summary>
    public static CorpusInfo Timeline17(string data, string folder)
    {
        if (Existing(folder) is CorpusInfo done)
        {
            return done;
        }

        StoryBenchmarkStream stream = StoryBenchmark.Read(data, StoryBenchmarkLayout.Timeline17);
        Directory.CreateDirectory(folder);
        long words = 0;
        foreach (var topic in stream.Items.GroupBy(i => i.Report.Outlet!, StringComparer.Ordinal))
        {
            using var file = new StreamWriter(Path.Combine(folder, topic.Key + ".jsonl"), append: false, new UTF8Encoding(false));
            foreach (StoryBenchmarkItem item in topic)
            {
                words += CountWords(item.Report.Text);
                WriteLine(file, item.Report.Published, null, item.Report.Text, item.Report.Outlet!, item.Id);
            }
        }

        return Finish(folder, "timeline17", stream.Items.Count, words);
    }

    /// <summary>Writes a generated archive of <paramref name="count"/> reports into <paramref name="folder"/> (once).</summary>
    public static CorpusInfo Generate(string data, int count, string folder)
    {
        if (Existing(folder) is CorpusInfo done)
        {
            return done;
        }

        // Each article's sentences (one a line in Timeline17, one a paragraph once read), the very short and long left out.
        string[][] articles = [.. StoryBenchmark.Read(data, StoryBenchmarkLayout.Timeline17).Items
            .Select(i => i.Report.Text.Split("\n\n").Where(s => s.Length is > 40 and < 400).ToArray())
            .Where(s => s.Length >= 5)];
        Directory.CreateDirectory(folder);
        long words = 0;
        StreamWriter? file = null;
        try
        {
            for (int n = 0; n < count; n++)
            {
                if (n % ReportsPerFile == 0)
                {
                    file?.Dispose();
                    file = new StreamWriter(Path.Combine(folder, $"part-{n / ReportsPerFile:D5}.jsonl"), append: false, new UTF8Encoding(false));
                }

                (DateOnly published, string title, string text) = Report(articles, n);
                words += CountWords(text);
                WriteLine(file!, published, title, text, "Generated", "gen-" + n.ToString(CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            file?.Dispose();
        }

        return Finish(folder, count.ToString(CultureInfo.InvariantCulture), count, words);
    }

    // Report n of the stream: story n / 8, whose reports come over about 10 days from day story * 8 / 100.
    private static (DateOnly Published, string Title, string Text) Report(string[][] articles, int n)
    {
        int story = n / ReportsPerStory;
        int k = n % ReportsPerStory;
        var pick = new Random(story * 7919 + 1);
        string[] pool = [.. Enumerable.Range(0, 3).SelectMany(_ => articles[pick.Next(articles.Length)])];
        string person = Name(story, 1) + " " + Name(story, 2);
        string place = Name(story, 3) + "ville";
        string organisation = Name(story, 4) + " Authority";
        var random = new Random(n);
        var text = new StringBuilder(4_500);
        text.Append(place.ToUpperInvariant()).Append(" - ").Append(person).Append(" of the ").Append(organisation)
            .Append(" said on Monday that the situation was changing quickly. ").Append(pool[random.Next(pool.Length)]);
        int words = CountWords(text.ToString());
        for (int paragraph = 1; words < WordsPerReport; paragraph++)
        {
            text.Append("\n\n");
            for (int s = 0; s < 2; s++)
            {
                string sentence = pool[random.Next(pool.Length)];
                text.Append(s > 0 ? " " : string.Empty).Append(sentence);
                words += CountWords(sentence);
            }

            if (paragraph == 3)
            {
                text.Append(' ').Append(person).Append(" told reporters in ").Append(place).Append('.');
            }
        }

        DateOnly published = Start.AddDays((story * ReportsPerStory / PerDay) + (k * 10 / ReportsPerStory));
        return (published, $"{person} and the {organisation} in {place}", text.ToString());
    }

    // An invented capitalised word, the same for a story and a slot on every run.
    private static string Name(int story, int slot)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var random = new Random((story * 7) + slot);
        var name = new StringBuilder();
        for (int i = 0; i < 3; i++)
        {
            name.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        name[0] = char.ToUpperInvariant(name[0]);
        return name.ToString();
    }

    /// <summary>Words as runs of letters or digits (Timeline17's text is tokenised: punctuation stands apart).</summary>
    public static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool wordChar = char.IsLetterOrDigit(c);
            words += wordChar && !inWord ? 1 : 0;
            inWord = wordChar;
        }

        return words;
    }

    private static void WriteLine(StreamWriter file, DateOnly published, string? title, string text, string source, string id)
    {
        var line = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["date"] = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["source"] = source,
            ["text"] = text,
        };
        if (title is not null)
        {
            line["title"] = title;
        }

        file.WriteLine(JsonSerializer.Serialize(line));
    }

    private static CorpusInfo? Existing(string folder)
    {
        string manifest = Path.Combine(folder, "corpus.json");
        return File.Exists(manifest) ? JsonSerializer.Deserialize<CorpusInfo>(File.ReadAllText(manifest)) : null;
    }

    private static CorpusInfo Finish(string folder, string name, int reports, long words)
    {
        long bytes = Directory.EnumerateFiles(folder, "*.jsonl").Sum(f => new FileInfo(f).Length);
        var info = new CorpusInfo(name, reports, words, bytes);
        File.WriteAllText(Path.Combine(folder, "corpus.json"), JsonSerializer.Serialize(info));
        return info;
    }
}
