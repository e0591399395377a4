using System.Collections.Concurrent;
using System.Diagnostics;

namespace Storyline.Ingest;

/// <summary>
/// Where an ingest run spends its time, stage by stage, for the throughput benchmark. Each figure is the time
/// threads spent in that stage, summed over threads: the analysis stages run on every core at once, so their sum
/// can exceed the wall time; reading, assignment and storing run on one thread each. Thread-safe.
/// </summary>
public sealed class IngestTimings
{
    private readonly ConcurrentDictionary<string, StrongBox> ticks = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

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
    public TimeSpan this[string stage] => ticks.TryGetValue(stage, out StrongBox? box) ? Stopwatch.GetElapsedTime(0, Interlocked.Read(ref box.Ticks)) : TimeSpan.Zero;

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="stage"/>; returns now.</summary>
    public long Add(string stage, long startTimestamp)
    {
        long now = Stopwatch.GetTimestamp();
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

    private sealed class StrongBox
    {
        public long Ticks;
    }
}
