using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline entities</c>: the people, organisations and places mentioned across all reports.</summary>
internal static class EntitiesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var type = new Option<EntityType?>("--type")
        {
            Description = "Only one type: person, organization (organisation), location (place) or miscellaneous (other)",
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                EntityType? parsed = text.Trim().ToLowerInvariant() switch
                {
                    "person" or "people" => EntityType.Person,
                    "organization" or "organisation" => EntityType.Organization,
                    "location" or "place" => EntityType.Location,
                    "miscellaneous" or "other" => EntityType.Miscellaneous,
                    _ => null,
                };
                if (parsed is null)
                {
                    result.AddError($"unknown type '{text}'; use person, organization, location or miscellaneous");
                }

                return parsed;
            },
        };
        Option<int> limit = CliOptions.Count("--limit", "At most this many entities", 50);
        var command = global.AddTo(new Command("entities", "List the entities mentioned across all reports, most mentioned first") { type, limit });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            var entities = (await store.ListEntitiesAsync(parse.GetValue(type), parse.GetValue(limit), cancellationToken).ConfigureAwait(false)).Select(ArchiveViews.Entity).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, entities).ConfigureAwait(false);
            }
            else
            {
                ArchiveText.Entities(env.Screen, entities);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
