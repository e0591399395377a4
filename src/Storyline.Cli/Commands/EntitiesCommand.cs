using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline entities</c>: the people, organisations and places mentioned across all reports.</summary>
internal static class EntitiesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var type = new Option<string?>("--type") { Description = "Only one type: person, organization, location or miscellaneous" };
        var limit = new Option<int>("--limit") { Description = "At most this many entities (default 50)", DefaultValueFactory = _ => 50 };
        var command = new Command("entities", "List the entities mentioned across all reports, most mentioned first") { type, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            EntityType? wanted = null;
            if (parse.GetValue(type) is { Length: > 0 } typeText)
            {
                if (!Enum.TryParse(typeText, ignoreCase: true, out EntityType parsed) || !Enum.IsDefined(parsed))
                {
                    await env.Error.WriteLineAsync($"error: unknown type '{typeText}'; use person, organization, location or miscellaneous").ConfigureAwait(false);
                    return ExitCodes.Error;
                }

                wanted = parsed;
            }

            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            var entities = (await store.ListEntitiesAsync(wanted, parse.GetValue(limit), cancellationToken).ConfigureAwait(false)).Select(EntityListItem.From).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, entities).ConfigureAwait(false);
            }
            else
            {
                Render.Entities(env.Console, entities);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
