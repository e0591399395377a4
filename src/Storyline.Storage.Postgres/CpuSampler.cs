using System.Globalization;
using Npgsql;

namespace Storyline.Storage.Postgres;

/// <summary>
/// Where a run of several ingest processes spends its CPU, for the load test and the throughput benchmark: the CPU time
/// of the given local processes (the workers) and of the database server's processes that serve Storyline's connections
/// to the database (their application name is <c>storyline &lt;pid&gt;</c>), read from <c>/proc</c> every
/// <see cref="Interval"/> until <see cref="StopAsync"/>. A process's last sample stands for it once it has gone (so a
/// figure may miss up to one interval of a process's end). Zero where <c>/proc</c> is not there (not Linux) or the
/// server is on another machine. Every sample is kept (<see cref="Samples"/>), so that a run's CPU can be split by time.
/// </summary>
public sealed class CpuSampler
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly Dictionary<int, double> workers = [];
    private readonly Dictionary<int, double> server = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private readonly Func<IReadOnlyCollection<int>> workerIds;
    private readonly List<Sample> samples = [];

    private CpuSampler(string? db, Func<IReadOnlyCollection<int>> workerIds)
    {
        this.workerIds = workerIds;
        sampling = Task.Run(() => SampleAsync(db, stop.Token));
    }

    /// <summary>The CPU seconds of the worker processes.</summary>
    public double WorkerSeconds { get; private set; }

    /// <summary>The CPU seconds of the server's processes for Storyline's connections to the database.</summary>
    public double ServerSeconds { get; private set; }

    /// <summary>Every sample taken, in time order (complete once <see cref="StopAsync"/> has returned).</summary>
    public IReadOnlyList<Sample> Samples => samples;

    /// <summary>
    /// Starts sampling the processes <paramref name="workerIds"/> names (asked at every sample) and the server of
    /// <paramref name="db"/> (none where null).
    /// </summary>
    public static CpuSampler Start(string? db, Func<IReadOnlyCollection<int>> workerIds)
    {
        ArgumentNullException.ThrowIfNull(workerIds);
        return new CpuSampler(db, workerIds);
    }

    /// <summary>Takes a last sample and stops.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        stop.Dispose();
    }

    /// <summary>One sample: when (seconds of the stopwatch's clock, the same in every process of the machine), each worker's CPU seconds so far, and the server's.</summary>
    /// <param name="At">When it was taken.</param>
    /// <param name="Workers">CPU seconds of each worker process (by id) from its start.</param>
    /// <param name="Server">CPU seconds of the server's processes for the connections seen so far.</param>
    public sealed record Sample(double At, IReadOnlyDictionary<int, double> Workers, double Server);

    private async Task SampleAsync(string? db, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            try
            {
                if (db is not null)
                {
                    connection = new NpgsqlConnection(PostgresTarget.Parse(db).ConnectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (NpgsqlException)
            {
                connection = null; // the workers' processes alone
            }

            bool last = false;
            while (!last)
            {
                last = cancellationToken.IsCancellationRequested;
                foreach (int pid in workerIds())
                {
                    Read(pid, workers);
                }

                if (connection is not null)
                {
                    await using var command = new NpgsqlCommand(
                        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'storyline %' AND pid <> pg_backend_pid()", connection);
                    await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
                    while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        Read(reader.GetInt32(0), server);
                    }
                }

                WorkerSeconds = workers.Values.Sum();
                ServerSeconds = server.Values.Sum();
                samples.Add(new Sample(System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency, new Dictionary<int, double>(workers), ServerSeconds));
                if (!last)
                {
                    try
                    {
                        await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // one more sample, then out
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // The user and system CPU seconds of process `pid` so far into `into`, where /proc has it.
    private static void Read(int pid, Dictionary<int, double> into)
    {
        try
        {
            string text = File.ReadAllText(Path.Combine("/proc", pid.ToString(CultureInfo.InvariantCulture), "stat"));

            // Fields 14 and 15 (utime, stime, in clock ticks of 1/100 s), counted after the command name's closing bracket.
            string[] fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length < 13)
            {
                return;
            }

            into[pid] = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Gone (its last sample stands), or not on Linux.
        }
    }
}
