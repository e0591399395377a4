using System.Globalization;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// CPU time of this process's runtime threads over a run, read from <c>/proc/self/task</c> (Linux) every 100 ms: the
/// background compiler (".NET Tiered Com…": the tier-1 recompiles; it ends when idle and a new one starts later, hence
/// the sampling) and the garbage collector's threads (".NET Server GC", ".NET BGC"). What
/// <see cref="System.Runtime.JitInfo.GetCompilationTime"/> gives is wall time inside the compiler, which a loaded machine
/// inflates; this is the CPU those threads used (to the last sample). Compiling at tier 0 happens on the calling threads
/// and is not in it.
/// </summary>
internal sealed class RuntimeThreads : IDisposable
{
    private readonly Dictionary<int, (bool Compiler, long First, long Last)> threads = [];
    private readonly Timer timer;
    private readonly Lock gate = new();

    private RuntimeThreads()
    {
        Sample(first: true);
        timer = new Timer(_ => Sample(first: false), null, 100, 100);
    }

    /// <summary>Starts sampling (nothing is sampled where there is no <c>/proc/self/task</c>).</summary>
    public static RuntimeThreads Start() => new();

    /// <summary>CPU seconds since the start of the background compiler threads and of the garbage collector's threads.</summary>
    public (double Compiler, double Collector) Stop()
    {
        // Wait for a sample already running, so that it cannot write older ticks after the last one below.
        using (var done = new ManualResetEvent(false))
        {
            if (timer.Dispose(done))
            {
                done.WaitOne();
            }
        }

        Sample(first: false);
        lock (gate)
        {
            double compiler = threads.Values.Where(t => t.Compiler).Sum(t => t.Last - t.First) / 100.0;
            double collector = threads.Values.Where(t => !t.Compiler).Sum(t => t.Last - t.First) / 100.0;
            return (compiler, collector);
        }
    }

    /// <inheritdoc />
    public void Dispose() => timer.Dispose();

    // Each runtime thread's user and system clock ticks (1/100 s); a thread first seen after the start counts from 0.
    private void Sample(bool first)
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return;
        }

        foreach (string task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                string name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                bool compiler = name.StartsWith(".NET Tiered", StringComparison.Ordinal);
                bool collector = name.StartsWith(".NET Server GC", StringComparison.Ordinal) || name.StartsWith(".NET BGC", StringComparison.Ordinal);
                if (!compiler && !collector)
                {
                    continue;
                }

                // /proc/self/task/<tid>/stat: after the name in brackets, the 12th and 13th fields are user and system time.
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                int id = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                lock (gate)
                {
                    threads[id] = threads.TryGetValue(id, out var seen) ? seen with { Last = Math.Max(seen.Last, ticks) } : (compiler, first ? ticks : 0, ticks);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // The thread ended meanwhile, or its stat line is not one this reader knows: a figure, not the run, is lost.
            }
        }
    }
}
