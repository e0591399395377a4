using System.Text;
using System.Text.Json;
using Spectre.Console;
using Storyline.Cli;

namespace Storyline.Cli.Tests;

/// <summary>What one run of the storyline command printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Json, string Error)
{
    public JsonElement ParseJson() => JsonDocument.Parse(Json).RootElement.Clone();
}

/// <summary>Runs the storyline command in-process against a fresh temporary folder, as if its output were redirected.</summary>
internal sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Folder = Path.Combine(Path.GetTempPath(), "storyline-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string Db => Path.Combine(Folder, "test.db");

    /// <summary>
    /// The terminal width the command sees; null (the default) is output to a pipe or a file, where nothing is wrapped.
    /// </summary>
    public int? Width { get; set; }

    /// <summary>Runs with --db pointing at this runner's database; <paramref name="stdin"/> feeds "-".</summary>
    public async Task<CliRun> RunWithStdinAsync(string stdin, params string[] args)
    {
        // Standard output carries both the text for people and --json, as in a real process.
        var output = new StringWriter();
        var error = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var env = new CliEnvironment(console, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), TimeProvider.System, Width);
        // Commands with no archive (migrate, eval, train) have no --db; help needs none.
        bool hasDb = args.Contains("--db", StringComparer.Ordinal) || args.Contains("--help", StringComparer.Ordinal) || args.Contains("-h", StringComparer.Ordinal)
            || (args.Length > 0 && args[0] is "migrate" or "eval" or "train");
        int code = await StorylineApp.RunAsync(hasDb ? args : [.. args, "--db", Db], env);
        string stdout = output.ToString();
        return new CliRun(code, stdout, stdout, error.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunWithStdinAsync(string.Empty, args);

    /// <summary>Writes a file under this runner's folder and returns its path.</summary>
    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on clean-up.
        }
    }
}
