using Storyline.Domain;

namespace Storyline.Sources;

/// <summary>What reading one report, or one bad piece of input, gave.</summary>
public abstract record ReadResult
{
    private protected ReadResult()
    {
    }

    /// <summary>Where it came from, as messages show it ("feed.jsonl:12").</summary>
    public abstract string Location { get; }
}

/// <summary>A report that was read.</summary>
public sealed record ReportRead(SourceReport Report) : ReadResult
{
    /// <inheritdoc />
    public override string Location => Report.Location;
}

/// <summary>Input that could not be read as a report, and why.</summary>
/// <param name="Origin">The file, folder, pattern or "stdin".</param>
/// <param name="Line">The line, where the format has lines.</param>
/// <param name="Reason">Why, in words a user can act on.</param>
public sealed record ReadFailed(string Origin, int? Line, string Reason) : ReadResult
{
    /// <inheritdoc />
    public override string Location => Line is int line ? $"{Origin}:{line}" : Origin;

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Reason}";
}
