using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline story ID</c>: one story's reports, entities, timeline, quotes and claims.</summary>
internal static class StoryCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Argument<long> id = CliOptions.StoryId();
        Option<int> entities = CliOptions.Count("--entities", "How many entities to show", 15, min: 0);
        var command = global.AddTo(new Command("story", "Show one story: its reports, entities, timeline, quotes and claims") { id, entities });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryMaterial? material = await Stories.LoadOrExplainAsync(store, parse.GetValue(id), env, cancellationToken).ConfigureAwait(false);
            if (material is null)
            {
                return ExitCodes.Error;
            }

            StoryDetail story = StoryViews.Detail(material, await store.GetMergesAsync(material.Story.Id, cancellationToken).ConfigureAwait(false));
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, story).ConfigureAwait(false);
            }
            else
            {
                StoryText.Story(env.Screen, story, parse.GetValue(entities));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>Loads a story for a command, following merges, or says on standard error that there is none.</summary>
internal static class Stories
{
    public static async Task<StoryMaterial?> LoadOrExplainAsync(IStoryStore store, long id, CliEnvironment env, CancellationToken cancellationToken)
    {
        StoryMaterial? story = await StoryLookup.LoadAsync(store, new StoryId(id), cancellationToken).ConfigureAwait(false);
        if (story is null)
        {
            await env.Error.WriteLineAsync($"error: no story {id}; 'storyline stories' lists them").ConfigureAwait(false);
        }

        return story;
    }
}
