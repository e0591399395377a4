using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// CPU time of the calling thread, in nanoseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): on a
/// machine shared with other work, the time a stage costs, not how long it waited for a core. Elsewhere, the stopwatch.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && Probe();

    public static long Frequency => Available ? 1_000_000_000 : Stopwatch.Frequency;

    public static long Now()
    {
        if (!Available)
        {
            return Stopwatch.GetTimestamp();
        }

        _ = ClockGetTime(ThreadCpuTimeId, out TimeSpec now);
        return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
    }

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
