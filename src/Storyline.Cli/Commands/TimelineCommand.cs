using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline timeline ID</c>: one story's dated timeline.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var id = new Argument<long>("id") { Description = "The story's number" };
        var command = new Command("timeline", "Show one story's dated timeline") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryDetail? story = await StoryView.LoadAsync(store, new StoryId(parse.GetValue(id)), cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                await env.Error.WriteLineAsync($"error: no story {parse.GetValue(id)}; 'storyline stories' lists them").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, story.Timeline).ConfigureAwait(false);
            }
            else
            {
                Render.Heading(env.Console, story.Id, story.Title, story.Reports.Count);
                Render.Timeline(env.Console, story.Timeline);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
