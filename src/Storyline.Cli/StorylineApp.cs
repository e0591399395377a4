using System.CommandLine;
using Storyline.Cli.Commands;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>The storyline command: parses, calls Core and Storage, formats. Nothing else.</summary>
internal static class StorylineApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env)
    {
        var options = new GlobalOptions(
            new Option<string>("--db")
            {
                Description = $"The store: a SQLite file path (default ./{StoreOpener.DefaultPath}), or a PostgreSQL database as postgres://user@host:port/db or Host=…;Database=…",
                Recursive = true,
            },
            new Option<bool>("--json") { Description = "Write JSON instead of tables", Recursive = true });

        var root = new RootCommand("Storyline turns a stream of dated news reports into living stories.");
        root.Options.Add(options.Db);
        root.Options.Add(options.Json);
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
            foreach (var error in parsed.Errors)
            {
                await env.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await env.Error.WriteLineAsync("Run 'storyline --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Error;
        }

        // Store errors are reported by the catch below, as one line with the reason, not as a stack trace.
        var invocation = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            await env.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}

/// <summary>Options every command has.</summary>
internal sealed record GlobalOptions(Option<string> Db, Option<bool> Json);
