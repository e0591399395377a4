using Storyline.Domain;
using Storyline.Sources;

namespace Storyline.Ingest;

/// <summary>
/// What one ingest run read, before any store is touched: the failures, and each report read for the first time in the
/// run (a report read twice is counted as a duplicate once). The reports wait in a temporary file (<see cref="ReportSpill"/>)
/// and only a small key per report stays in memory, so a run's memory does not grow with its input. Every ingestor
/// starts from one; a command can look at it before it opens (and so creates) an archive. Dispose it to delete the file.
/// </summary>
public sealed class ReportIntake : IDisposable
{
    private readonly ReportSpill spill = new();
    private readonly List<PendingReport> pending = [];
    private readonly List<ReadFailed> failures = [];

    private ReportIntake()
    {
    }

    /// <summary>Reports read successfully, repeats included.</summary>
    public int Read { get; private set; }

    /// <summary>Reports read again in this run (the same content from another file, line or address).</summary>
    public int RepeatedInRun { get; private set; }

    /// <summary>Files, lines and items that could not be read, and why.</summary>
    public IReadOnlyList<ReadFailed> Failures => failures;

    /// <summary>The distinct reports read, in input order (first reading).</summary>
    public IReadOnlyList<PendingReport> Pending => pending;

    /// <summary>Reads <paramref name="results"/> to the end; <paramref name="timings"/>, where given, times the hashing and spilling.</summary>
    public static async Task<ReportIntake> ReadAsync(
        IAsyncEnumerable<ReadResult> results, IProgress<IngestProgress>? progress = null, IngestTimings? timings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var intake = new ReportIntake();
        try
        {
            var seen = new HashSet<ArticleId>();
            await foreach (ReadResult result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                switch (result)
                {
                    case ReadFailed failed:
                        intake.failures.Add(failed);
                        break;
                    case ReportRead ok:
                        intake.Read++;
                        long t = timings?.Now() ?? 0;
                        ArticleId id = ok.Report.Id;
                        if (seen.Add(id))
                        {
                            intake.pending.Add(new PendingReport(intake.pending.Count + intake.RepeatedInRun, ok.Report.Published, id, intake.spill.Write(ok.Report)));
                        }
                        else
                        {
                            intake.RepeatedInRun++;
                        }

                        timings?.Add("hash and spill", t);
                        break;
                }

                progress?.Report(new IngestProgress("reading", intake.Read + intake.failures.Count, null));
            }

            return intake;
        }
        catch
        {
            intake.Dispose();
            throw;
        }
    }

    /// <summary>The report <paramref name="report"/> stands for, read back from the temporary file. One caller at a time.</summary>
    public SourceReport ReadBack(PendingReport report) => spill.Read(report.Offset);

    /// <inheritdoc />
    public void Dispose() => spill.Dispose();
}

/// <summary>A report an ingest run read: its place in the input, its date, its id, and where the run's temporary file holds it.</summary>
/// <param name="Order">Its place among the reports read (repeats counted).</param>
/// <param name="Published">Its publication date.</param>
/// <param name="Id">Its id.</param>
/// <param name="Offset">Where <see cref="ReportIntake"/>'s file holds it.</param>
public readonly record struct PendingReport(int Order, DateOnly Published, ArticleId Id, long Offset);
