using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline entity NAME</c>: one entity's names, roles, place, stories and company.</summary>
internal static class EntityCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var name = new Argument<string[]>("name") { Description = "Its key, name or any alias (any case): Kim, \"Kim Jong Un\", country:kp", Arity = ArgumentArity.OneOrMore };
        var related = new Option<int>("--related") { Description = "How many co-occurring entities to show (default 15)", DefaultValueFactory = _ => 15 };
        var command = new Command("entity", "Show one entity: aliases, roles, place, stories and the entities mentioned with it") { name, related };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string wanted = string.Join(' ', parse.GetValue(name) ?? []);
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            EntityDetail? entity = await store.GetEntityAsync(wanted, Math.Max(0, parse.GetValue(related)), cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                await env.Error.WriteLineAsync($"error: no entity named '{wanted}'; 'storyline entities' lists them").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            EntityDetailItem item = EntityDetailItem.From(entity);
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, item).ConfigureAwait(false);
            }
            else
            {
                Render.Entity(env.Console, item);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
