using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline story ID</c>: one story's reports, entities and timeline.</summary>
internal static class StoryCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var id = new Argument<long>("id") { Description = "The story's number, as 'storyline stories' lists it" };
        var entities = new Option<int>("--entities") { Description = "How many entities to show (default 15)", DefaultValueFactory = _ => 15 };
        var command = new Command("story", "Show one story: its reports, entities and timeline") { id, entities };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryDetail? story = await StoryView.LoadOrExplainAsync(store, new StoryId(parse.GetValue(id)), env, cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                return ExitCodes.Error;
            }

            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, story).ConfigureAwait(false);
            }
            else
            {
                Render.Story(env.Console, story, Math.Max(0, parse.GetValue(entities)));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
