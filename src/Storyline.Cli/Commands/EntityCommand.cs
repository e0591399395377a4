using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline entity NAME</c>: one entity's names, roles, place, stories, company and quotes.</summary>
internal static class EntityCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var name = CliOptions.NoOptions(new Argument<string[]>("name") { Description = "Its key, name or any alias (any case): Kim, \"Kim Jong Un\", country:kp", Arity = ArgumentArity.OneOrMore });
        Option<int> related = CliOptions.Count("--related", "How many co-occurring entities to show", 15, min: 0);
        var command = global.AddTo(new Command("entity", "Show one entity: aliases, roles, place, stories and the entities mentioned with it") { name, related });
        command.SetAction(async (parse, cancellationToken) =>
        {
            string wanted = string.Join(' ', parse.GetValue(name) ?? []);
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            EntityDetail? entity = await store.GetEntityAsync(wanted, parse.GetValue(related), cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                await env.Error.WriteLineAsync($"error: no entity named '{wanted}'; 'storyline entities' lists them").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            IReadOnlyList<StoredQuote> quotes = await store.ListQuotesAsync(null, entity.Summary.Key.Value, 50, cancellationToken).ConfigureAwait(false);
            EntityPage item = ArchiveViews.Entity(entity, quotes);
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, item).ConfigureAwait(false);
            }
            else
            {
                ArchiveText.Entity(env.Screen, item);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
