using Storyline.Sources;
using Storyline.Stories;

namespace Storyline.Ingest;

/// <summary>
/// Adds what a run read to an archive: drops the reports stored already, analyses the rest, assigns them to stories in
/// date order and stores them, whatever else writes to the archive at the same time. Which ingestor an archive takes
/// is decided in one place (<c>IngestorFactory</c>, beside the store opener): every command and endpoint that ingests
/// goes through it.
/// </summary>
public interface IIngestor
{
    /// <summary>Ingests the reports of <paramref name="intake"/> (which the caller disposes) and returns what was done.</summary>
    Task<IngestSummary> IngestAsync(ReportIntake intake, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>How an ingestor works: its analysis, its clusterer's settings, and where it reports its time.</summary>
public sealed record IngestSettings
{
    /// <summary>The analysis step (default pipeline and cleaner where null).</summary>
    public ReportAnalyser? Analyser { get; init; }

    /// <summary>The story clusterer's settings.</summary>
    public ClusteringOptions Clustering { get; init; } = ClusteringOptions.Default;

    /// <summary>Collects time per stage, where given (the throughput benchmark).</summary>
    public IngestTimings? Timings { get; init; }
}

/// <summary>Reading and ingesting in one call.</summary>
public static class IngestorExtensions
{
    /// <summary>Reads <paramref name="results"/> (reports and failures) and ingests them.</summary>
    public static async Task<IngestSummary> IngestAsync(this IIngestor ingestor, IAsyncEnumerable<ReadResult> results, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ingestor);
        using ReportIntake intake = await ReportIntake.ReadAsync(results, progress, null, cancellationToken).ConfigureAwait(false);
        return await ingestor.IngestAsync(intake, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ingests everything <paramref name="source"/> reads from <paramref name="inputs"/>.</summary>
    public static Task<IngestSummary> IngestAsync(this IIngestor ingestor, ReportSource source, IEnumerable<string> inputs, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ingestor.IngestAsync(source.ReadAsync(inputs, cancellationToken), progress, cancellationToken);
    }
}
