using BenchmarkDotNet.Running;
using Storyline.Benchmarks.Throughput;

// Stage micro-benchmarks:   dotnet run -c Release --project bench/Storyline.Benchmarks -- --filter '*'
// End-to-end throughput:    dotnet run -c Release --project bench/Storyline.Benchmarks -- throughput [--help]
if (args.Length > 0 && args[0] == "throughput")
{
    return await ThroughputCommand.RunAsync(args[1..]).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
