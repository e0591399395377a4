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
            StoryDetail? story = await StoryView.LoadOrExplainAsync(store, new StoryId(parse.GetValue(id)), env, cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                return ExitCodes.Error;
            }

            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, story.Timeline).ConfigureAwait(false);
            }
            else
            {
                Render.Heading(env.Console, story.Id, story.Title, story.Reports.Count);
                Render.Timeline(env.Console, story.Timeline, story.TimelineNotes);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
