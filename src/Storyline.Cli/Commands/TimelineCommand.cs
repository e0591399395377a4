using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline timeline ID</c>: one story's dated timeline.</summary>
internal static class TimelineCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Argument<long> id = CliOptions.StoryId();
        var command = global.AddTo(new Command("timeline", "Show one story's dated timeline") { id });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryMaterial? material = await Stories.LoadOrExplainAsync(store, parse.GetValue(id), env, cancellationToken).ConfigureAwait(false);
            if (material is null)
            {
                return ExitCodes.Error;
            }

            TimelineView timeline = StoryViews.TimelineOf(material);
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, timeline.Entries).ConfigureAwait(false);
            }
            else
            {
                Screen screen = env.Screen;
                StoryText.Heading(screen, timeline.Story, timeline.Title, material.Originals.Count());
                StoryText.Timeline(screen, timeline.Entries, timeline.Notes);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
