namespace Storyline.Sources.Tests;

/// <summary>A clock that always says the same moment, so that "today" and "the future" are fixed in tests.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2024-01-15 12:00 UTC: the "today" of these tests.</summary>
    public static FixedClock Today { get; } = new(new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
