using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Storyline.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
