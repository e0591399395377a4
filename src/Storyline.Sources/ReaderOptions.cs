namespace Storyline.Sources;

/// <summary>Limits and checks the readers apply. Defaults suit a newsroom's feed; all are configurable.</summary>
public sealed record ReaderOptions
{
    /// <summary>Files larger than this are refused rather than read (default 64 MiB).</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>A report dated more than this many days after today is refused as a mistake (default 1, for time zones).</summary>
    public int MaxDaysInFuture { get; init; } = 1;

    /// <summary>Reports dated before this are refused as a mistake (default 1800-01-01).</summary>
    public DateOnly EarliestDate { get; init; } = new(1800, 1, 1);

    /// <summary>The clock that says what "today" is.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
