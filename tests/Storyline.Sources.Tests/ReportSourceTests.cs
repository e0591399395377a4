using System.Text;

namespace Storyline.Sources.Tests;

public sealed class ReportSourceTests : IDisposable
{
    private const string Seed = " date 2023-09-11 VLADIVOSTOK, Russia: In Russia's Pacific port, residents waited.\n\nKim's trip is still unconfirmed.\n";
    private const string Lines = "{\"date\":\"2023-09-12\",\"text\":\"Kim arrived.\"}\n{\"date\":\"2023-09-13\",\"text\":\"Kim met Putin.\"}\n";

    private static readonly ReaderOptions Options = new() { Clock = FixedClock.Today };

    private readonly TempTree tree = new();

    public void Dispose() => tree.Dispose();

    private static async Task<List<ReadResult>> ReadAsync(ReportSource source, params string[] inputs)
    {
        var results = new List<ReadResult>();
        await foreach (ReadResult result in source.ReadAsync(inputs))
        {
            results.Add(result);
        }

        return results;
    }

    private static ReportSource WithStdin(string text, ReaderOptions? options = null) =>
        new(options ?? Options, () => new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Standard_input_in_seed_text_is_one_report()
    {
        List<ReadResult> results = await ReadAsync(WithStdin(Seed), "-");

        var report = Assert.IsType<ReportRead>(Assert.Single(results)).Report;
        Assert.Equal("stdin", report.Origin);
        Assert.Equal(new DateOnly(2023, 9, 11), report.Published);
        Assert.StartsWith("VLADIVOSTOK, Russia:", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_in_json_lines_is_one_report_a_line()
    {
        List<ReadResult> results = await ReadAsync(WithStdin("\n  " + Lines), "-");

        Assert.Equal(["stdin:2", "stdin:3"], results.Select(r => Assert.IsType<ReportRead>(r).Location));
    }

    [Fact]
    public async Task Standard_input_in_neither_format_is_a_failure()
    {
        List<ReadResult> results = await ReadAsync(WithStdin("Just some words, no date header.\n"), "-");

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal("stdin", failed.Origin);
        Assert.Contains("unknown format", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_over_the_limit_is_refused()
    {
        List<ReadResult> results = await ReadAsync(WithStdin(Seed, Options with { MaxFileBytes = 20 }), "-");

        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal("stdin", failed.Origin);
        Assert.Contains("over the limit of 20", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_is_not_opened_when_not_named()
    {
        var source = new ReportSource(Options, () => throw new InvalidOperationException("stdin opened"));
        string file = tree.Write("a.txt", Seed);

        List<ReadResult> results = await ReadAsync(source, file);

        Assert.IsType<ReportRead>(Assert.Single(results));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_a_reason_naming_the_limit()
    {
        // Given a 1,500-byte file and a limit of 1,000 bytes
        string big = tree.Write("big.txt", "date 2023-09-12\n\n" + new string('x', 1500 - 17));
        var source = new ReportSource(Options with { MaxFileBytes = 1000 }, () => Stream.Null);

        // When it is read
        List<ReadResult> results = await ReadAsync(source, big);

        // Then it is refused, and the reason gives the size and the limit
        ReadFailed failed = Assert.IsType<ReadFailed>(Assert.Single(results));
        Assert.Equal(big, failed.Origin);
        Assert.Contains("1,500", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("limit of 1,000", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("(--max-file-bytes)", failed.Reason, StringComparison.Ordinal); // the option a user sets, not the setting's name
    }

    [Fact]
    public async Task A_file_at_the_limit_is_read()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Seed);
        string file = tree.Write("exact.txt", bytes);
        var source = new ReportSource(Options with { MaxFileBytes = bytes.Length }, () => Stream.Null);

        Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(source, file)));
    }

    /// <summary>A file name, its content, and whether it is read as a report.</summary>
    public static TheoryData<string, string, bool> FormatByNameAndContent => new()
    {
        // A .jsonl name is JSON Lines.
        { "feed.jsonl", Lines, true },

        // A .ndjson name is JSON Lines too.
        { "feed.ndjson", Lines, true },

        // An unknown extension whose content opens with "{" is JSON Lines.
        { "feed.log", Lines, true },

        // An unknown extension whose content opens with the date header is seed text.
        { "report.md", Seed, true },

        // A .txt file is seed text even when it has no header: then it fails for want of a date.
        { "report.txt", "No header here.", false },

        // An unknown extension and unknown content.
        { "report.md", "No header here.", false },
    };

    [Theory]
    [MemberData(nameof(FormatByNameAndContent))]
    public async Task The_format_is_chosen_by_name_then_content(string name, string content, bool read)
    {
        string file = tree.Write(name, content);

        List<ReadResult> results = await ReadAsync(new ReportSource(Options, () => Stream.Null), file);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(read, r is ReportRead));
        Assert.All(results, r => Assert.StartsWith(file, r.Location, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_bad_file_never_stops_the_others()
    {
        // Given good files and bad files of every kind, side by side in one folder
        string good1 = tree.Write("01-good.txt", Seed);
        string badDate = tree.Write("02-bad-date.txt", "date 2023-02-30\n\nBody.");
        string empty = tree.Write("03-empty.txt", string.Empty);
        string binary = tree.Write("04-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        string latin1 = tree.Write("05-latin1.txt", [.. "date 2023-09-12\n\nCaf"u8, 0xE9, .. " noir."u8]);
        string lines = tree.Write("06-feed.jsonl", "{\"date\":\"2023-09-12\",\"text\":\"One.\"}\nnot json\n{\"date\":\"2023-09-13\",\"text\":\"Two.\"}\n");
        string noText = tree.Write("07-no-text.txt", "date 2023-09-12\n");
        string good2 = tree.Write("08-good.txt", "date 2023-09-14\n\nLast report.");
        string missing = tree["09-missing.txt"];

        // When the folder and a missing file are read
        List<ReadResult> results = await ReadAsync(new ReportSource(Options, () => Stream.Null), tree.Root, missing);

        // Then every good report is read, in order
        Assert.Equal(
            [good1, lines + ":1", lines + ":3", good2],
            results.OfType<ReportRead>().Select(r => r.Location));

        // And there is one failure per bad file (and per bad line), each naming its file and why
        List<ReadFailed> failures = [.. results.OfType<ReadFailed>()];
        Assert.Equal([badDate, empty, binary, latin1, lines, noText, missing], failures.Select(f => f.Origin));
        Assert.Equal(2, failures.Single(f => f.Origin == lines).Line);
        Assert.Contains("not a valid", failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("empty", failures[1].Reason, StringComparison.Ordinal);
        Assert.Contains("binary", failures[2].Reason, StringComparison.Ordinal);
        Assert.Contains("UTF-8", failures[3].Reason, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", failures[4].Reason, StringComparison.Ordinal);
        Assert.Contains("no text", failures[5].Reason, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", failures[6].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_are_read_in_the_order_named()
    {
        string b = tree.Write("b.txt", "date 2023-09-12\n\nB.");
        string a = tree.Write("a.txt", "date 2023-09-12\n\nA.");

        List<ReadResult> results = await ReadAsync(WithStdin(Lines), b, "-", a);

        Assert.Equal([b, "stdin:1", "stdin:2", a], results.Select(r => r.Location));
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        tree.Write("a.txt", Seed);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ReadResult result in new ReportSource(Options, () => Stream.Null).ReadAsync([tree.Root], cancelled.Token))
            {
                Assert.Fail("read after cancellation: " + result.Location);
            }
        });
    }
}
