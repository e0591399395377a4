using System.Runtime.CompilerServices;

namespace Storyline.Sources;

/// <summary>
/// Reads reports from what the user named: files, folders, globs and standard input, in seed text or JSON Lines.
/// Each bad file or line becomes a <see cref="ReadFailed"/> that names it and says why; the rest are read.
/// </summary>
public sealed class ReportSource
{
    private readonly ReaderOptions options;
    private readonly Func<Stream> openStdin;
    private readonly SeedTextReader seedReader;
    private readonly JsonLinesReader jsonLinesReader;

    /// <summary>A source with the given limits; <paramref name="openStdin"/> defaults to the process's standard input.</summary>
    public ReportSource(ReaderOptions? options = null, Func<Stream>? openStdin = null)
    {
        this.options = options ?? new ReaderOptions();
        this.openStdin = openStdin ?? Console.OpenStandardInput;
        seedReader = new SeedTextReader(this.options);
        jsonLinesReader = new JsonLinesReader(this.options);
    }

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
            (string? text, string? reason) = await LoadAsync(input, cancellationToken).ConfigureAwait(false);
            string origin = input.IsStdin ? "stdin" : input.Path;
            if (text is null)
            {
                yield return new ReadFailed(origin, null, reason!);
                continue;
            }

            foreach (ReadResult result in Parse(origin, text))
            {
                yield return result;
            }
        }
    }

    /// <summary>Reads the reports in <paramref name="text"/>, choosing the format from the name and the content.</summary>
    public IEnumerable<ReadResult> Parse(string origin, string text)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(text);
        return DetectFormat(origin, text) switch
        {
            InputFormat.JsonLines => jsonLinesReader.Read(origin, text),
            InputFormat.SeedText => [seedReader.Read(origin, text)],
            _ => [new ReadFailed(origin, null, "unknown format: expected seed text ('date YYYY-MM-DD' then the body) or JSON Lines")],
        };
    }

    private static InputFormat DetectFormat(string origin, string text)
    {
        if (origin.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || origin.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.JsonLines;
        }

        ReadOnlySpan<char> start = text.AsSpan().TrimStart();
        if (start.StartsWith("{"))
        {
            return InputFormat.JsonLines;
        }

        if (origin.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || start.StartsWith("date", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.SeedText;
        }

        return InputFormat.Unknown;
    }

    private async Task<(string? Text, string? Reason)> LoadAsync(InputItem input, CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes;
            if (input.IsStdin)
            {
                using Stream stdin = openStdin();
                bytes = await ReadBoundedAsync(stdin, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var info = new FileInfo(input.Path);
                if (info.Length > options.MaxFileBytes)
                {
                    return (null, $"file is {info.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0} (ReaderOptions.MaxFileBytes)");
                }

                bytes = await File.ReadAllBytesAsync(input.Path, cancellationToken).ConfigureAwait(false);
            }

            if (bytes.LongLength > options.MaxFileBytes)
            {
                return (null, $"input is over the limit of {options.MaxFileBytes:N0} bytes (ReaderOptions.MaxFileBytes)");
            }

            return TextDecoder.TryDecode(bytes, out string text, out string reason) ? (text, null) : (null, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read: {ex.Message}");
        }
    }

    // Reads at most one byte over the limit, so that a stream that never ends cannot exhaust memory.
    private async Task<byte[]> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxFileBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private enum InputFormat
    {
        Unknown,
        SeedText,
        JsonLines,
    }
}
