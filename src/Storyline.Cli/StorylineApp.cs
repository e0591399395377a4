using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Storyline.Cli.Commands;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>The storyline command: parses, calls Core, Storage and Views, formats. Nothing else.</summary>
internal static partial class StorylineApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        // Whatever a command prints, no control character from a report, a page, a feed or an argument reaches the
        // terminal (Output.ControlFreeWriter).
        env = env with { Out = new Output.ControlFreeWriter(env.Out), Error = new Output.ControlFreeWriter(env.Error) };
        var options = new GlobalOptions(
            new Option<string>("--db")
            {
                Description = $"The store: a SQLite file path (default ./{StoreOpener.DefaultPath}), or a PostgreSQL database as postgres://user@host:port/db or Host=…;Database=…",
            },
            new Option<bool>("--json") { Description = "Write JSON instead of text (shapes in docs/json-shapes.md)" });

        var root = new RootCommand("Storyline turns a stream of dated news reports into living stories.");
        root.Subcommands.Add(IngestCommand.Create(env, options));
        root.Subcommands.Add(StoriesCommand.Create(env, options));
        root.Subcommands.Add(StoryCommand.Create(env, options));
        root.Subcommands.Add(TimelineCommand.Create(env, options));
        root.Subcommands.Add(SearchCommand.Create(env, options));
        root.Subcommands.Add(EntitiesCommand.Create(env, options));
        root.Subcommands.Add(EntityCommand.Create(env, options));
        root.Subcommands.Add(WatchCommand.Create(env, options));
        root.Subcommands.Add(QuotesCommand.Create(env, options));
        root.Subcommands.Add(MigrateCommand.Create(env, options));
        root.Subcommands.Add(BenchCommand.Create(env, options));
        root.Subcommands.Add(WhatsNewCommand.Create(env, options));
        root.Subcommands.Add(ExportCommand.Create(env, options));
        root.Subcommands.Add(ServeCommand.Create(env, options));
        foreach (Command? optional in new[] { EvalCommand.Create(env, options), TrainCommand.Create(env, options) })
        {
            if (optional is not null)
            {
                root.Subcommands.Add(optional);
            }
        }

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the first thing wrong, and where the usage is.
            string command = string.Join(' ', Path(parsed.CommandResult));
            // A word the parser did not know says more than what it then missed ("nonsense" rather than "a command is required").
            ParseError first = parsed.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parsed.Errors[0];
            await env.Error.WriteLineAsync($"error: {Friendly(first.Message)} ('{command} --help' shows the usage)").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        var invocation = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            await env.Error.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            await env.Error.WriteLineAsync("Stopped.").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (TypeInitializationException ex) when (ex.InnerException is InvalidDataException or IOException)
        {
            // A model file built into the program that cannot be read (the clusterer's defaults load the word idf table).
            await env.Error.WriteLineAsync("error: " + OneLine(ex.InnerException.Message)).ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // Whatever a command did not foresee is one line with its reason, never a stack trace.
            await env.Error.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>The parser's message in the user's words: no .NET type names.</summary>
    internal static string Friendly(string message) => CannotParse().Replace(
        string.Join(' ', message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
        m => $"{m.Groups["symbol"].Value}: '{m.Groups["value"].Value}' is not {TypeWords(m.Groups["type"].Value)}");

    private static string TypeWords(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number",
        "System.Double" => "a number",
        "System.DateOnly" => "a date (YYYY-MM-DD)",
        "System.Boolean" => "true or false",
        _ => "a valid value",
    };

    private static IEnumerable<string> Path(SymbolResult? result)
    {
        var names = new Stack<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Push(c.Command is RootCommand ? "storyline" : c.Command.Name);
            }
        }

        return names;
    }

    private static string OneLine(string message) => Output.Screen.Clean(message);

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<symbol>[^']*)' as expected type '(?<type>[^']*)'\.?", RegexOptions.CultureInvariant)]
    private static partial Regex CannotParse();
}
