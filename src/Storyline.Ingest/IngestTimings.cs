using System.Collections.Concurrent;
using System.Diagnostics;

namespace Storyline.Ingest;

/// <summary>
/// Where an ingest run spends its time, stage by stage, for the throughput benchmark. Each figure is the time
/// threads spent in that stage, summed over threads: the analysis stages run on every core at once, so their sum
/// can exceed the wall time; assignment and storing run on one thread. The clock is the stopwatch unless another is
/// given: a per-thread CPU clock makes the profile independent of other work on a shared machine (no timed interval
/// spans an await that could move it to another thread). Thread-safe.
/// </summary>
/// <param name="clock">Reads the clock; the stopwatch's timestamp when null.</param>
/// <param name="frequency">Ticks of <paramref name="clock"/> per second.</param>
public sealed class IngestTimings(Func<long>? clock = null, long? frequency = null)
{
    private readonly Func<long> clock = clock ?? Stopwatch.GetTimestamp;
    private readonly double frequency = frequency ?? Stopwatch.Frequency;

    private readonly ConcurrentDictionary<string, StrongBox> ticks = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly ConcurrentDictionary<string, long> moments = new(StringComparer.Ordinal);

    /// <summary>Stage names in the order they were first timed.</summary>
    public IReadOnlyList<string> Stages
    {
        get
        {
            lock (order)
            {
                return [.. order];
            }
        }
    }

    /// <summary>Time spent in <paramref name="stage"/>, summed over threads.</summary>
    public TimeSpan this[string stage] => ticks.TryGetValue(stage, out StrongBox? box) ? TimeSpan.FromSeconds(Interlocked.Read(ref box.Ticks) / frequency) : TimeSpan.Zero;

    /// <summary>The clock now, to start an interval.</summary>
    public long Now() => clock();

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (from <see cref="Now"/>) to <paramref name="stage"/>; returns now.</summary>
    public long Add(string stage, long startTimestamp)
    {
        long now = clock();
        if (!ticks.TryGetValue(stage, out StrongBox? box))
        {
            lock (order)
            {
                box = ticks.GetOrAdd(stage, _ => new StrongBox());
                if (!order.Contains(stage))
                {
                    order.Add(stage);
                }
            }
        }

        Interlocked.Add(ref box.Ticks, now - startTimestamp);
        return now;
    }

    /// <summary>
    /// Records that <paramref name="moment"/> happened now (the last time wins), on the stopwatch's clock whatever the
    /// clock of the stages: the benchmark places a run's moments (the last report analysed) on one machine-wide clock.
    /// </summary>
    public void Mark(string moment) => moments[moment] = Stopwatch.GetTimestamp();

    /// <summary>When <paramref name="moment"/> was last marked, in seconds of the stopwatch's clock, or null.</summary>
    public double? MarkedAt(string moment) => moments.TryGetValue(moment, out long at) ? at / (double)Stopwatch.Frequency : null;

    private sealed class StrongBox
    {
        public long Ticks;
    }
}
