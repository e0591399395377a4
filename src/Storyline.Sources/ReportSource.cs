using System.Runtime.CompilerServices;
using Storyline.Sources.Feeds;
using Storyline.Sources.Html;
using Storyline.Sources.Web;

namespace Storyline.Sources;

/// <summary>
/// Reads reports from what the user named: files, folders, globs, web addresses and standard input, in seed text,
/// JSON Lines, HTML pages or RSS/Atom feeds.
/// Each bad file or line becomes a <see cref="ReadFailed"/> that names it and says why; the rest are read.
/// </summary>
public sealed class ReportSource
{
    private readonly ReaderOptions options;
    private readonly Func<Stream> openStdin;
    private readonly SeedTextReader seedReader;
    private readonly JsonLinesReader jsonLinesReader;
    private readonly WebReader webReader;

    /// <summary>
    /// A source with the given limits; <paramref name="openStdin"/> defaults to the process's standard input. Without a
    /// <paramref name="fetcher"/>, web addresses are refused and feed items are not followed to their pages.
    /// </summary>
    public ReportSource(ReaderOptions? options = null, Func<Stream>? openStdin = null, PoliteFetcher? fetcher = null)
    {
        this.options = options ?? new ReaderOptions();
        this.openStdin = openStdin ?? Console.OpenStandardInput;
        seedReader = new SeedTextReader(this.options);
        jsonLinesReader = new JsonLinesReader(this.options);
        webReader = new WebReader(this.options, fetcher);
    }

    /// <summary>The reader of pages and feeds this source uses.</summary>
    public WebReader Web => webReader;

    /// <summary>Every report and failure from <paramref name="inputs"/>, in input order.</summary>
    public async IAsyncEnumerable<ReadResult> ReadAsync(IEnumerable<string> inputs, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (object item in InputExpander.Expand(inputs))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item is ReadFailed failed)
            {
                yield return failed;
                continue;
            }

            var input = (InputItem)item;
            if (input.IsWebAddress)
            {
                await foreach (ReadResult result in webReader.ReadAddressAsync(input.Path, conditional: false, isNew: null, cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }

                continue;
            }

            (string? text, string? reason) = await LoadAsync(input, cancellationToken).ConfigureAwait(false);
            string origin = input.IsStdin ? "stdin" : input.Path;
            if (text is null)
            {
                yield return new ReadFailed(origin, null, reason!);
                continue;
            }

            string formatName = input.IsStdin ? origin : FormatName(input.Path);
            if (DetectFormat(formatName, text) == InputFormat.Feed)
            {
                await foreach (ReadResult result in webReader.ReadFeedAsync(origin, text, isNew: null, cancellationToken).ConfigureAwait(false))
                {
                    yield return result;
                }

                continue;
            }

            foreach (ReadResult result in Parse(origin, formatName, text))
            {
                yield return result;
            }
        }
    }

    /// <summary>Reads the reports in <paramref name="text"/>, choosing the format from the name and the content.</summary>
    public IEnumerable<ReadResult> Parse(string origin, string text) => Parse(origin, origin, text);

    private IEnumerable<ReadResult> Parse(string origin, string formatName, string text)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(text);
        return DetectFormat(formatName, text) switch
        {
            InputFormat.JsonLines => jsonLinesReader.Read(origin, text),
            InputFormat.SeedText => [seedReader.Read(origin, text)],
            InputFormat.Html => [webReader.ReadPage(origin, text)],
            InputFormat.Feed => webReader.ReadFeedAsync(origin, text).ToBlockingEnumerable(),
            _ => [new ReadFailed(origin, null, "unknown format: expected seed text ('date YYYY-MM-DD' then the body), JSON Lines, an HTML page or an RSS/Atom feed")],
        };
    }

    private static InputFormat DetectFormat(string name, string text)
    {
        if (name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.JsonLines;
        }

        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.Html;
        }

        ReadOnlySpan<char> start = text.AsSpan().TrimStart();
        if (name.EndsWith(".rss", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".atom", StringComparison.OrdinalIgnoreCase)
            || (start.StartsWith("<") && FeedParser.LooksLikeFeed(start)))
        {
            return InputFormat.Feed;
        }

        if (start.StartsWith("<") && HtmlArticleExtractor.LooksLikeHtml(start))
        {
            return InputFormat.Html;
        }

        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.Feed;
        }

        if (start.StartsWith("{"))
        {
            return InputFormat.JsonLines;
        }

        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || start.StartsWith("date", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.SeedText;
        }

        return InputFormat.Unknown;
    }

    private async Task<(string? Text, string? Reason)> LoadAsync(InputItem input, CancellationToken cancellationToken)
    {
        try
        {
            if (!input.IsStdin && new FileInfo(input.Path).Length is long length && length > options.MaxFileBytes)
            {
                return (null, $"file is {length:N0} bytes, over the limit of {options.MaxFileBytes:N0} ({options.MaxFileBytesSetting})");
            }

            // Opening a named pipe blocks until a writer comes, and a blocking read ignores cancellation: the read runs
            // on its own task and the run waits for it only up to the deadline.
            Task<byte[]?> reading = Task.Run(() => ReadAllBoundedAsync(input, cancellationToken), cancellationToken);
            byte[]? bytes;
            try
            {
                bytes = await reading.WaitAsync(options.MaxReadTime, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return (null, $"not read within {options.MaxReadTime.TotalSeconds:0.#} s (ReaderOptions.MaxReadTime): a named pipe or device with nothing to read, or a stalled file system");
            }

            if (bytes is null)
            {
                return (null, $"input is over the limit of {options.MaxFileBytes:N0} bytes ({options.MaxFileBytesSetting})");
            }

            if (IsGzip(bytes))
            {
                (byte[]? expanded, string? failure) = await GunzipAsync(bytes, cancellationToken).ConfigureAwait(false);
                if (expanded is null)
                {
                    return (null, failure);
                }

                bytes = expanded;
            }

            if (IsMarkup(FormatName(input.Path), bytes))
            {
                if (!HasUtf16Mark(bytes) && bytes.AsSpan().IndexOf((byte)0) >= 0)
                {
                    return (null, "binary file (contains NUL bytes), not a page or a feed");
                }

                // Pages and feeds declare their own encodings and are often not UTF-8.
                return (HtmlDecoder.Decode(bytes), null);
            }

            return TextDecoder.TryDecode(bytes, out string text, out string reason) ? (text, null) : (null, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read: {ex.Message}");
        }
    }

    // Read with a bound: a file's length can lie (a device such as /dev/zero, a file still growing), and only what is
    // read counts.
    private async Task<byte[]?> ReadAllBoundedAsync(InputItem input, CancellationToken cancellationToken)
    {
        await using Stream stream = input.IsStdin
            ? openStdin()
            : new FileStream(input.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ReadBoundedAsync(stream, options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
    }

    // "feed.jsonl.gz" is read as "feed.jsonl".
    private static string FormatName(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static bool HasUtf16Mark(byte[] bytes) =>
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    // The decompressed size is bounded as the file's is: a small file that expands without end (a compression bomb)
    // is stopped one buffer past the limit.
    private async Task<(byte[]? Bytes, string? Failure)> GunzipAsync(byte[] compressed, CancellationToken cancellationToken)
    {
        try
        {
            await using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
            byte[]? bytes = await ReadBoundedAsync(gzip, options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
            return bytes is null
                ? (null, $"gzip data expands to more than {options.MaxFileBytes:N0} bytes ({options.MaxFileBytesSetting}); refused (a compression bomb or too large)")
                : (bytes, null);
        }
        catch (InvalidDataException ex)
        {
            return (null, $"not valid gzip data: {ex.Message}");
        }
    }

    private static bool IsMarkup(string path, byte[] bytes)
    {
        string[] markup = [".html", ".htm", ".xml", ".rss", ".atom"];
        if (markup.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return bytes.Length > 0;
        }

        int i = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < bytes.Length && bytes[i] == (byte)'<';
    }

    // Reads at most one buffer over the limit, so that a stream that never ends cannot exhaust memory; null when the
    // stream is longer than the limit.
    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private enum InputFormat
    {
        Unknown,
        SeedText,
        JsonLines,
        Html,
        Feed,
    }
}
