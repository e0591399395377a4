using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Storyline.Sources.Tests.Reliability;

/// <summary>
/// Hostile and broken files, each read in one run beside a good report: the bad one is refused with a failure that
/// names it and says why, and the good one is read as if the bad one were not there. Every input is made here, at
/// test time, in a temporary folder (big ones as sparse files or streamed to disk), so the tests stay fast.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private const string Good = "date 2023-09-12\n\nKim Jong Un arrived in Vladivostok by armoured train on Tuesday.\n";

    private static readonly ReaderOptions Options = new() { Clock = FixedClock.Today };

    private readonly TempTree tree = new();

    public void Dispose() => tree.Dispose();

    private static async Task<List<ReadResult>> ReadAsync(ReaderOptions options, params string[] inputs)
    {
        var results = new List<ReadResult>();
        await foreach (ReadResult result in new ReportSource(options, () => Stream.Null).ReadAsync(inputs))
        {
            results.Add(result);
        }

        return results;
    }

    // Reads the hostile file between two good ones and returns its failure, checking that both good ones were read.
    private async Task<ReadFailed> RefusedBesideGoodAsync(string hostile, ReaderOptions? options = null)
    {
        string before = tree.Write("good-before.txt", Good);
        string after = tree.Write("good-after.txt", Good.Replace("Tuesday", "Wednesday", StringComparison.Ordinal));

        List<ReadResult> results = await ReadAsync(options ?? Options, before, hostile, after);

        Assert.Equal([before, after], results.OfType<ReportRead>().Select(r => r.Report.Origin));
        ReadFailed failed = Assert.Single(results.OfType<ReadFailed>());
        Assert.Equal(hostile, failed.Origin);
        return failed;
    }

    public static TheoryData<string, byte[], string> BrokenFiles => new()
    {
        { "empty.txt", [], "empty file" },
        { "blank.txt", "  \n\t\n"u8.ToArray(), "empty file (only white space)" },
        // Bytes of a picture: NUL bytes say it is not text.
        { "photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "binary file" },
        // A page named .html that is binary all the same.
        { "page.html", [0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0, 0, 0, 0xFF, 0x00], "binary file" },
        // Latin-1 "café" in a file that claims nothing: the byte 0xE9 is not UTF-8.
        { "latin1.txt", [.. "date 2023-09-12\n\ncaf"u8, 0xE9, .. " au lait.\n"u8], "not valid UTF-8 text at byte 20" },
        // UTF-16 without its byte-order mark is NUL-laden: refused, not guessed.
        { "utf16-no-mark.txt", Encoding.Unicode.GetBytes(Good), "binary file" },
        // UTF-16 with a mark whose text has a lone surrogate.
        { "bad-utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("date 2023-09-12\n\nab"), 0x00, 0xD8, 0x41, 0x00], "not valid UTF-16 text" },
        { "no-date.txt", "Kim arrived.\n"u8.ToArray(), "no date" },
        { "bad-date.txt", "date 2023-02-30\n\nKim arrived.\n"u8.ToArray(), "'2023-02-30' is not a valid YYYY-MM-DD date" },
        { "future.txt", "date 2031-01-01\n\nKim arrived.\n"u8.ToArray(), "date 2031-01-01 is in the future (today is 2024-01-15)" },
        { "ancient.txt", "date 1066-10-14\n\nHarold fell.\n"u8.ToArray(), "before 1800-01-01" },
        { "no-text.txt", "date 2023-09-12\n\n\n"u8.ToArray(), "no text after the date" },
        // A gzip header, then a deflate block of the reserved type.
        { "broken.jsonl.gz", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03, 0xFF, 0xFF, 0xFF, 0xFF], "not valid gzip data" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_is_refused_with_its_name_and_the_reason(string name, byte[] bytes, string reason)
    {
        string path = tree.Write(name, bytes);

        ReadFailed failed = await RefusedBesideGoodAsync(path);

        Assert.Contains(reason, failed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public async Task Utf16_with_a_byte_order_mark_is_decoded(string encodingName)
    {
        Encoding encoding = Encoding.GetEncoding(encodingName);
        string path = tree.Write("utf16.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Good)]);

        ReportRead read = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(Options, path)));

        Assert.Equal(Good["date 2023-09-12\n\n".Length..].Trim(), read.Report.Text);
    }

    [Fact]
    public async Task A_200_megabyte_file_is_refused_before_it_is_read()
    {
        // Given a 200 MB file (sparse: it takes no room on disk and no time to make)
        string path = tree["huge.jsonl"];
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            file.SetLength(200L * 1024 * 1024);
        }

        // When it is read beside good files, Then it is refused by its size and memory stays small.
        long before = GC.GetTotalAllocatedBytes();
        ReadFailed failed = await RefusedBesideGoodAsync(path);
        long allocated = GC.GetTotalAllocatedBytes() - before;

        Assert.Equal("file is 209,715,200 bytes, over the limit of 67,108,864 (--max-file-bytes)", failed.Reason);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {allocated:N0} bytes refusing a file by its size");
    }

    [Fact]
    public async Task A_device_that_never_ends_is_read_only_up_to_the_limit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a Unix machine: nothing to check.
        }

        // /dev/zero says its length is 0 and never ends.
        ReadFailed failed = await RefusedBesideGoodAsync("/dev/zero", Options with { MaxFileBytes = 1024 * 1024 });

        Assert.Contains("over the limit of 1,048,576 bytes", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_10_megabyte_json_line_is_refused_unparsed_and_the_next_line_is_read()
    {
        // Given a JSON Lines file whose first line is 10 MB, streamed to disk
        string path = tree["long-line.jsonl"];
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("{\"date\":\"2023-09-12\",\"text\":\"");
            char[] words = "word ".ToCharArray();
            for (int i = 0; i < 2 * 1024 * 1024; i++)
            {
                writer.Write(words);
            }

            writer.Write("\"}\n{\"date\":\"2023-09-13\",\"text\":\"Kim met Putin.\"}\n");
        }

        List<ReadResult> results = await ReadAsync(Options, path);

        ReadFailed failed = Assert.IsType<ReadFailed>(results[0]);
        Assert.Equal($"{path}:1", failed.Location);
        Assert.StartsWith("line is 10,485,791 characters, over the limit of 4,000,000 (ReaderOptions.MaxLineCharacters)", failed.Reason, StringComparison.Ordinal);
        Assert.Equal("Kim met Putin.", Assert.IsType<ReportRead>(results[1]).Report.Text);
    }

    [Theory]
    [InlineData("long.jsonl", 1_300_000)]
    [InlineData("long.txt", 1_299_999)] // the seed reader trims the body's last space
    public async Task A_report_longer_than_the_text_limit_is_refused(string name, int length)
    {
        string text = string.Concat(Enumerable.Repeat("Kim arrived. ", 100_000));
        string content = name.EndsWith(".jsonl", StringComparison.Ordinal)
            ? $"{{\"date\":\"2023-09-12\",\"text\":\"{text}\"}}\n"
            : $"date 2023-09-12\n\n{text}\n";

        ReadFailed failed = await RefusedBesideGoodAsync(tree.Write(name, content));

        Assert.Equal($"text is {length:N0} characters, over the limit of 1,000,000 (ReaderOptions.MaxReportCharacters)", failed.Reason);
    }

    [Fact]
    public async Task A_json_string_that_is_not_utf16_is_refused_for_its_line()
    {
        string path = tree.Write("surrogate.jsonl", "{\"date\":\"2023-09-12\",\"text\":\"half \\ud800 a pair\"}\n{\"date\":\"2023-09-12\",\"text\":\"Fine.\"}\n");

        List<ReadResult> results = await ReadAsync(Options, path);

        Assert.StartsWith("invalid text in a field", Assert.IsType<ReadFailed>(results[0]).Reason, StringComparison.Ordinal);
        Assert.Equal("Fine.", Assert.IsType<ReportRead>(results[1]).Report.Text);
    }

    [Fact]
    public async Task A_page_nested_100000_levels_deep_is_refused_quickly()
    {
        // Given a page of 100,000 nested <div>s around a dated article
        var html = new StringBuilder("<html><head><meta property=\"article:published_time\" content=\"2023-09-12\"></head><body>");
        html.Insert(html.Length, "<div>", 100_000).Append("<p>Kim arrived.</p>").Insert(html.Length, "</div>", 100_000).Append("</body></html>");
        string path = tree.Write("deep.html", html.ToString());

        // When it is read beside good files
        var clock = Stopwatch.StartNew();
        ReadFailed failed = await RefusedBesideGoodAsync(path);

        // Then it is refused unparsed (parsing it takes minutes; walking it overflows the stack), in well under a second's work
        Assert.Equal("page nests elements more than 512 levels deep (ReaderOptions.MaxHtmlDepth); refused unparsed", failed.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_page_nested_up_to_the_limit_is_read()
    {
        var html = new StringBuilder("<html><head><meta property=\"article:published_time\" content=\"2023-09-12\"></head><body>");
        html.Insert(html.Length, "<div><span>", 250).Append("<p>Kim Jong Un arrived in Vladivostok by armoured train.</p>").Insert(html.Length, "</span></div>", 250).Append("</body></html>");
        string path = tree.Write("nested.html", html.ToString());

        ReportRead read = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(Options, path)));

        Assert.Equal("Kim Jong Un arrived in Vladivostok by armoured train.", read.Report.Text);
    }

    [Fact]
    public async Task A_feed_item_nested_100000_levels_deep_keeps_its_text()
    {
        string content = new StringBuilder().Insert(0, "&lt;b&gt;", 100_000).Append("Kim arrived in Vladivostok.").ToString();
        string feed = $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Kim</title><pubDate>Tue, 12 Sep 2023 10:00:00 GMT</pubDate><description>{content}</description></item></channel></rss>";
        string path = tree.Write("deep.rss", feed);

        ReportRead read = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(Options, path)));

        Assert.Equal("Kim arrived in Vladivostok.", read.Report.Text);
    }

    [Fact]
    public async Task A_feed_nested_100000_levels_deep_is_refused()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>");
        xml.Insert(xml.Length, "<x>", 100_000).Insert(xml.Length, "</x>", 100_000).Append("</channel></rss>");

        ReadFailed failed = await RefusedBesideGoodAsync(tree.Write("deep.xml", xml.ToString()));

        Assert.Contains("nest", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compressed_file_is_read()
    {
        string path = tree.Write("feed.jsonl.gz", Gzip(Encoding.UTF8.GetBytes("{\"date\":\"2023-09-12\",\"text\":\"Kim arrived.\"}\n")));

        ReportRead read = Assert.IsType<ReportRead>(Assert.Single(await ReadAsync(Options, tree.Root)));

        Assert.Equal($"{path}:1", read.Location);
    }

    [Fact]
    public async Task A_compression_bomb_is_stopped_at_the_limit()
    {
        // Given 64 MiB + 1 of spaces compressed to about 64 KB: past the default limit once expanded
        string path = tree["bomb.jsonl.gz"];
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Optimal))
        {
            byte[] spaces = new byte[1024 * 1024];
            spaces.AsSpan().Fill((byte)' ');
            for (int i = 0; i < 64; i++)
            {
                gzip.Write(spaces);
            }

            gzip.Write(" "u8);
        }

        Assert.True(new FileInfo(path).Length < 1024 * 1024);

        ReadFailed failed = await RefusedBesideGoodAsync(path);

        Assert.Equal("gzip data expands to more than 67,108,864 bytes (--max-file-bytes); refused (a compression bomb or too large)", failed.Reason);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }
}
