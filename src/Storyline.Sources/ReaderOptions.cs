namespace Storyline.Sources;

/// <summary>Limits and checks the readers apply. Defaults suit a newsroom's feed; all are configurable.</summary>
public sealed record ReaderOptions
{
    /// <summary>
    /// Files larger than this are refused rather than read (default 64 MiB). For a compressed file (<c>.gz</c>) the
    /// limit applies to the decompressed size too, so a compression bomb stops at the limit.
    /// </summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How a user sets <see cref="MaxFileBytes"/>, named in the refusal (the command's option, not this setting).</summary>
    public string MaxFileBytesSetting { get; init; } = "--max-file-bytes";

    /// <summary>A report dated more than this many days after today is refused as a mistake (default 1, for time zones).</summary>
    public int MaxDaysInFuture { get; init; } = 1;

    /// <summary>Reports dated before this are refused as a mistake (default 1800-01-01).</summary>
    public DateOnly EarliestDate { get; init; } = new(1800, 1, 1);

    /// <summary>
    /// A report whose text is longer than this many characters is refused (default 1,000,000: about 150,000 words,
    /// far beyond the longest news report; analysis time grows with the text).
    /// </summary>
    public int MaxReportCharacters { get; init; } = 1_000_000;

    /// <summary>A JSON Lines line longer than this many characters is refused without being parsed (default 4,000,000).</summary>
    public int MaxLineCharacters { get; init; } = 4_000_000;

    /// <summary>
    /// A page (or feed item content) whose elements nest deeper than this is refused before it is parsed (default 512;
    /// the deepest page of the extraction benchmarks nests 78; see <see cref="Html.HtmlNesting"/>).
    /// </summary>
    public int MaxHtmlDepth { get; init; } = 512;

    /// <summary>Items of one feed read at most; the rest are reported as one failure (default 1,000).</summary>
    public int MaxFeedItems { get; init; } = 1_000;

    /// <summary>
    /// How long opening and reading one local file (or standard input) may take in all (default 60 s). A named pipe
    /// with no writer, or a stalled network file system, would otherwise block the whole run.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock that says what "today" is.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
