using System.Diagnostics;

namespace Storyline.Ingest.Tests;

/// <summary>
/// kill -9 at random points of a large ingest, then the same command again: the archive ends equal (by content hash)
/// to the one of an uninterrupted run. Runs the real storyline program as a separate process.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Reports = 600;
    private readonly ScratchFolder scratch = new("storyline-crash");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Killed_ingests_rerun_to_the_same_archive_as_an_uninterrupted_one()
    {
        // Given a generated archive of reports in one JSON Lines file
        string input = Path.Combine(scratch.Path, "archive.jsonl");
        await File.WriteAllTextAsync(input, Corpus.GenerateJsonLines(Reports, seed: 7));

        // And the archive an uninterrupted run makes
        string reference = Path.Combine(scratch.Path, "reference.db");
        Assert.Equal(0, await RunAsync(input, reference, killAt: null));

        // When another run is killed three times at random points while it stores, and then run to the end
        string crashed = Path.Combine(scratch.Path, "crashed.db");
        var random = new Random(20231112);
        int killed = 0;
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            int? code = await RunAsync(input, crashed, killAt: random.Next(Reports * (attempt - 1) / 3, Reports * attempt / 3));
            killed += code is null ? 1 : 0;
        }

        Assert.Equal(0, await RunAsync(input, crashed, killAt: null));

        // Then it holds exactly what the uninterrupted run holds
        Assert.True(killed > 0, "no run was killed: the archive is too small to test crashes");
        Assert.Equal(ArchiveSnapshot.TableHashes(reference).Values, ArchiveSnapshot.TableHashes(crashed).Values);
    }

    // The exit code, or null when the process was killed once the archive held killAt reports.
    private static async Task<int?> RunAsync(string input, string db, int? killAt)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "storyline.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { program, "ingest", input, "--db", db },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (killAt is int target)
        {
            while (!process.HasExited)
            {
                if (StoredReports(db) >= target)
                {
                    // SIGKILL: no clean-up, no flush, exactly like a crash of the process.
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return null;
                }

                await Task.Delay(20);
            }
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"storyline ingest exited {process.ExitCode}: {await error}{await output}");
        return process.ExitCode;
    }

    // How many reports the archive holds now, read alongside the writer (WAL allows it); 0 before it exists.
    private static long StoredReports(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = db, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM articles";
            return (long)command.ExecuteScalar()!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The writer is creating the schema; try again shortly.
            return 0;
        }
    }
}
