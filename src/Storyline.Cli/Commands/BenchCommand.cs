using System.CommandLine;
using System.Globalization;
using System.Reflection;
using Storyline.Cli.Output;
using Storyline.Storage.Postgres;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline bench load</c>: parallel ingest of generated reports by several processes into PostgreSQL.</summary>
internal static class BenchCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var reports = new Option<int>("--reports") { Description = "Reports to generate", DefaultValueFactory = _ => 20_000 };
        var workers = new Option<int>("--workers") { Description = "Worker processes", DefaultValueFactory = _ => 4 };
        var minutes = new Option<double>("--time-limit") { Description = "Minutes after which the workers are stopped and the test fails", DefaultValueFactory = _ => 30 };
        var samples = new Option<string>("--samples") { Description = "Seed-format reports whose sentences are recombined", DefaultValueFactory = _ => Path.Combine("samples", "reports") };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator", DefaultValueFactory = _ => 1 };
        var load = new Command("load", "Generate reports, ingest them with several 'storyline ingest' processes into one PostgreSQL store (--db, empty), report throughput and check that each report is stored once and each story is consistent")
        {
            reports, workers, minutes, samples, seed,
        };
        load.SetAction(async (parse, cancellationToken) =>
        {
            string db = parse.GetValue(global.Db) ?? string.Empty;
            if (!Storage.Postgres.PostgresTarget.Matches(db))
            {
                await env.Error.WriteLineAsync("error: bench load needs --db naming a PostgreSQL database (postgres://user@127.0.0.1:port/db?schema=NAME)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string work = Path.Combine(Path.GetTempPath(), "storyline-load-" + Guid.NewGuid().ToString("N"));
            try
            {
                var options = new LoadTestOptions(db, parse.GetValue(samples)!, work, WorkerCommand())
                {
                    Reports = parse.GetValue(reports),
                    Workers = parse.GetValue(workers),
                    TimeLimit = TimeSpan.FromMinutes(parse.GetValue(minutes)),
                    Seed = parse.GetValue(seed),
                };
                LoadTestResult result = await LoadTest.RunAsync(options, line => env.Error.WriteLine(line), cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(global.Json))
                {
                    await Json.WriteAsync(env.Out, new
                    {
                        result.Generated, result.Stored, result.NewByWorkers, result.Stories, seconds = Math.Round(result.Elapsed.TotalSeconds, 2),
                        reportsPerSecond = Math.Round(result.ReportsPerSecond, 1), result.Problems,
                        workerCpuSeconds = Math.Round(result.WorkerCpuSeconds, 1), serverCpuSeconds = Math.Round(result.ServerCpuSeconds, 1),
                    }).ConfigureAwait(false);
                }
                else
                {
                    await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{options.Workers} workers stored {result.Stored} of {result.Generated} reports in {result.Elapsed.TotalSeconds:F1} s: {result.ReportsPerSecond:F1} reports/s; {result.Stories} stories.")).ConfigureAwait(false);
                    await env.Out.WriteLineAsync(result.TimeSpent(Environment.ProcessorCount)).ConfigureAwait(false);
                    await env.Out.WriteLineAsync(result.Problems.Count == 0
                        ? "Invariants hold: each report stored exactly once and counted once, each story consistent, the queue drained."
                        : "PROBLEMS:\n  " + string.Join("\n  ", result.Problems)).ConfigureAwait(false);
                }

                return result.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
            }
            finally
            {
                if (Directory.Exists(work))
                {
                    Directory.Delete(work, recursive: true);
                }
            }
        });
        return new Command("bench", "Load tests") { global.AddTo(load) };
    }

    // This very program, run again: its own executable, or the dotnet host and this dll.
    private static string[] WorkerCommand()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        return string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? [host, Assembly.GetEntryAssembly()!.Location]
            : [host];
    }
}
