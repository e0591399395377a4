using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage.Postgres;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline migrate --from DB --to DB</c>: copy an archive between stores (SQLite file ⇄ PostgreSQL).</summary>
internal static class MigrateCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var from = new Option<string>("--from") { Description = "The archive to copy: a SQLite file or a PostgreSQL database", Required = true };
        var to = new Option<string>("--to") { Description = "The empty store to copy it into: a SQLite file or a PostgreSQL database", Required = true };
        var command = global.AddJson(new Command("migrate", "Copy an archive between stores (SQLite file to PostgreSQL or back); checks that both hold the same content") { from, to });
        command.SetAction(async (parse, cancellationToken) =>
        {
            ArchiveCopy.Result result = await ArchiveCopy.CopyAsync(parse.GetValue(from)!, parse.GetValue(to)!, cancellationToken).ConfigureAwait(false);
            bool same = string.Equals(result.SourceHash, result.TargetHash, StringComparison.Ordinal);
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, new { rows = result.Rows, sourceHash = result.SourceHash, targetHash = result.TargetHash, same }).ConfigureAwait(false);
            }
            else
            {
                await env.Out.WriteLineAsync($"Copied {Words.Count(result.Rows["articles"], "report")}, {Words.Count(result.Rows["stories"], "story", "stories")}, {Words.Count(result.Rows["entities"], "entity", "entities")} " +
                    $"({result.Rows.Values.Sum()} rows in {result.Rows.Count} tables).").ConfigureAwait(false);
                await env.Out.WriteLineAsync($"Content hash: {result.SourceHash} (source), {result.TargetHash} (target): {(same ? "equal" : "DIFFERENT")}").ConfigureAwait(false);
            }

            if (!same)
            {
                await env.Error.WriteLineAsync("error: the copy's content differs from the source's").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
