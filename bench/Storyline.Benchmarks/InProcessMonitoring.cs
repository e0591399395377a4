using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Storyline.Benchmarks;

/// <summary>
/// The job of benchmarks whose operation takes up to seconds after a heavy set-up (a large archive, a large story):
/// one launch, in process (the out-of-process build times out on the shared machine, and the set-up is made once),
/// each iteration a single operation, measured as it comes (no pilot stage).
/// </summary>
internal static class InProcessMonitoring
{
    public static Job Of(int warmups, int iterations) => Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(warmups)
        .WithIterationCount(iterations)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true));
}
