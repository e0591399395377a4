using System.Diagnostics;
using System.Text.Json;

namespace Storyline.Ingest.Tests;

/// <summary>The real storyline program (the build beside the tests), run as a separate process.</summary>
internal static class StorylineProcess
{
    /// <summary>Starts <c>storyline</c> with <paramref name="arguments"/>, its output and errors captured.</summary>
    public static Process Start(params string[] arguments) => StartIn(null, arguments);

    /// <summary>Starts <c>storyline</c> in <paramref name="workingDirectory"/> (this process's where null).</summary>
    public static Process StartIn(string? workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? string.Empty };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "storyline.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>storyline</c> to its end (at most five minutes); asserts that it exited 0 and returns what it printed.</summary>
    public static Task<string> RunAsync(params string[] arguments) => RunInAsync(null, arguments);

    /// <summary><see cref="RunAsync"/> in <paramref name="workingDirectory"/> (this process's where null).</summary>
    public static async Task<string> RunInAsync(string? workingDirectory, params string[] arguments)
    {
        using Process process = StartIn(workingDirectory, arguments);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"storyline {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        return await output;
    }

    /// <summary><c>storyline ingest INPUT --db DB --json</c>: its summary.</summary>
    public static async Task<JsonElement> IngestAsync(string input, string db) =>
        JsonDocument.Parse(await RunAsync("ingest", input, "--db", db, "--json")).RootElement.Clone();
}
