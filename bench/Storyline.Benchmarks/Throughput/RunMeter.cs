using System.Runtime;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// What a child run uses of its process beyond the stages' own clocks, from <see cref="Start"/> on: the process's CPU,
/// the methods compiled and the compiler's time, and the CPU of the runtime's threads (<see cref="RuntimeThreads"/>).
/// Both stores' child runs measure through it, so that their figures mean the same.
/// </summary>
internal sealed class RunMeter : IDisposable
{
    private readonly double cpuAtStart = ThroughputCommand.ProcessCpuSeconds();
    private readonly long jitAtStart = JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan jitTimeAtStart = JitInfo.GetCompilationTime();
    private readonly RuntimeThreads threads = RuntimeThreads.Start();
    private (double Compiler, double Collector)? stopped;

    private RunMeter()
    {
    }

    /// <summary>Starts measuring.</summary>
    public static RunMeter Start() => new();

    /// <summary>Stops sampling the runtime's threads (the process's CPU and compiler counts are read by <see cref="Fill"/>).</summary>
    public void StopThreads() => stopped ??= threads.Stop();

    /// <summary><paramref name="result"/> with the process's CPU, compiling and runtime threads since the start.</summary>
    public ChildResult Fill(ChildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        StopThreads();
        return result with
        {
            RunCpuSeconds = ThroughputCommand.ProcessCpuSeconds() - cpuAtStart,
            StartupCpuSeconds = cpuAtStart,
            ExitCpuSeconds = ThroughputCommand.ProcessCpuSeconds(),
            JitMethods = JitInfo.GetCompiledMethodCount() - jitAtStart,
            JitSeconds = (JitInfo.GetCompilationTime() - jitTimeAtStart).TotalSeconds,
            CompilerThreadCpuSeconds = stopped!.Value.Compiler,
            CollectorThreadsCpuSeconds = stopped.Value.Collector,
        };
    }

    /// <inheritdoc />
    public void Dispose() => threads.Dispose();
}
