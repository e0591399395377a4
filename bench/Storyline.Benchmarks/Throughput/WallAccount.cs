using System.Globalization;
using Storyline.Storage.Postgres;

namespace Storyline.Benchmarks.Throughput;

/// <summary>
/// A run as a user sees it: each process from exec to exit, the run from the first launch to the last exit, its CPU
/// (the processes' and, for PostgreSQL, the server's for their connections) and the core-time it left idle (cores ×
/// wall − CPU). The idle core-time is split by the run's moments: start-up (from the first launch until the last process
/// is ready: runtime start, models where they are loaded at start, the store opened), steady state (until the last
/// report is analysed) and the tail (until the last process has exited: the last batches assigned and stored, closing).
/// The CPU between moments is read off the samples of <see cref="CpuSampler"/> (every 200 ms), each process's counted
/// from 0 at its launch and to at least what it measured itself at its last line.
/// </summary>
internal sealed record WallAccount(int Cores, double Wall, double Cpu, double ServerCpu, WallAccount.Phase StartUp, WallAccount.Phase Steady, WallAccount.Phase Tail, IReadOnlyList<WallAccount.Process> Processes)
{
    /// <summary>Core-seconds the run left idle.</summary>
    public double Idle => Cores * Wall - Cpu;

    /// <summary>The account of <paramref name="processes"/> (their results, as the parent completed them) from <paramref name="samples"/>.</summary>
    public static WallAccount Of(IReadOnlyList<ChildResult> processes, IReadOnlyList<CpuSampler.Sample> samples, double serverCpu)
    {
        int cores = Environment.ProcessorCount;
        double launched = processes.Min(p => p.LaunchedAt);
        double ready = processes.Max(p => p.StartedAt);
        double exited = processes.Max(p => p.ExitedAt);
        double analysed = Math.Clamp(processes.Select(p => p.AnalysedAt).Where(a => a > 0).DefaultIfEmpty(ready).Max(), ready, exited);
        var curves = processes.Select(p => Curve(p, samples)).ToList();
        var server = samples.Select(s => (s.At, s.Server)).ToList();
        double Total(double t) => curves.Sum(c => At(c, t)) + At(server, t);

        Phase Between(double from, double to) => new(to - from, Total(to) - Total(from), cores);
        return new WallAccount(
            cores, exited - launched, Total(exited) - Total(launched), At(server, exited) - At(server, launched),
            Between(launched, ready), Between(ready, analysed), Between(analysed, exited),
            [.. processes.Select((p, i) => new Process(
                p.ProcessId, p.ExitedAt - p.LaunchedAt, p.StartedAt - p.LaunchedAt, p.StartupCpuSeconds, p.EndedAt - p.StartedAt, p.RunCpuSeconds,
                p.ExitedAt - p.EndedAt, Math.Max(0, At(curves[i], p.ExitedAt) - p.StartupCpuSeconds - p.RunCpuSeconds)))]);
    }

    /// <summary>The lines that print this account (whole lines, each starting with <c>//</c>).</summary>
    public IEnumerable<string> Lines(string corpus, string store, int reports)
    {
        string server = ServerCpu > 0 ? FormattableString.Invariant($", the server's {ServerCpu:F1}") : string.Empty;
        yield return FormattableString.Invariant(
            $"// {corpus} ({store}), exec to exit: {Wall:F2} s, {reports / Wall:N1} reports/s; CPU {Cpu:F1} s{server} ({Cpu * 1000 / reports:F2} ms/report); idle core-time {Idle:F1} of {Cores * Wall:F1} core-s ({Cores} cores × wall − CPU)");
        yield return FormattableString.Invariant(
            $"// {corpus} ({store}), by phase (wall s / CPU s / idle core-s): start-up {StartUp}; steady state {Steady}; tail {Tail}");
        foreach (Process p in Processes)
        {
            yield return FormattableString.Invariant(
                $"// {corpus} ({store}), process {p.Id}: exec to exit {p.Wall:F2} s, CPU {p.StartupCpu + p.RunCpu + p.EndingCpu:F2} s; start-up {p.StartupWall:F2} s (CPU {p.StartupCpu:F2}), run {p.RunWall:F2} s (CPU {p.RunCpu:F2}), ending {p.EndingWall:F2} s (CPU {p.EndingCpu:F2})");
        }
    }

    // A process's CPU seconds over time: 0 at its launch, its samples, and at its exit at least what it measured itself.
    private static List<(double At, double Cpu)> Curve(ChildResult p, IReadOnlyList<CpuSampler.Sample> samples)
    {
        var points = new List<(double At, double Cpu)> { (p.LaunchedAt, 0) };
        points.AddRange(samples.Where(s => s.At > p.LaunchedAt && s.Workers.ContainsKey(p.ProcessId)).Select(s => (s.At, s.Workers[p.ProcessId])));
        double last = points.Max(x => x.Cpu);
        points.Add((p.ExitedAt, Math.Max(last, p.ExitCpuSeconds)));
        points.Sort((a, b) => a.At.CompareTo(b.At));

        // Monotone: a sample taken after the process's own last measure can only add to it.
        for (int i = 1; i < points.Count; i++)
        {
            points[i] = (points[i].At, Math.Max(points[i].Cpu, points[i - 1].Cpu));
        }

        return points;
    }

    // The value of a piecewise-linear curve at t (its first value before it, its last after it).
    private static double At(List<(double At, double Cpu)> curve, double t)
    {
        if (curve.Count == 0)
        {
            return 0;
        }

        if (t <= curve[0].At)
        {
            return curve[0].Cpu;
        }

        for (int i = 1; i < curve.Count; i++)
        {
            if (t <= curve[i].At)
            {
                (double a, double ca) = curve[i - 1];
                (double b, double cb) = curve[i];
                return b > a ? ca + ((cb - ca) * (t - a) / (b - a)) : cb;
            }
        }

        return curve[^1].Cpu;
    }

    /// <summary>A stretch of the run: its wall time and the CPU used in it.</summary>
    internal readonly record struct Phase(double Wall, double Cpu, int Cores)
    {
        /// <summary>Core-seconds left idle in it.</summary>
        public double Idle => (Cores * Wall) - Cpu;

        /// <inheritdoc />
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Wall:F2} / {Cpu:F2} / {Idle:F2}");
    }

    /// <summary>One process: from exec to exit, its start-up (to ready), its run (ready to the end of its work) and its ending (to exit).</summary>
    internal sealed record Process(int Id, double Wall, double StartupWall, double StartupCpu, double RunWall, double RunCpu, double EndingWall, double EndingCpu);
}
