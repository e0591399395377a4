using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline stories</c>: every story, latest activity first.</summary>
internal static class StoriesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var timelines = new Option<bool>("--timelines") { Description = "Show each story with its timeline" };
        var command = new Command("stories", "List the stories, latest activity first") { timelines };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<StorySummary> stories = await store.ListStoriesAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(timelines))
            {
                var details = new List<StoryDetail>();
                foreach (StorySummary story in stories)
                {
                    details.Add((await StoryView.LoadAsync(store, story.Id, cancellationToken).ConfigureAwait(false))!);
                }

                if (parse.GetValue(global.Json))
                {
                    await Json.WriteAsync(env.Out, details).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                foreach (StoryDetail detail in details)
                {
                    Render.Heading(env.Console, detail.Id, detail.Title, detail.Reports.Count);
                    Render.Timeline(env.Console, detail.Timeline, detail.TimelineNotes);
                }

                return ExitCodes.Ok;
            }

            var items = stories.Select(StoryListItem.From).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, items).ConfigureAwait(false);
            }
            else
            {
                Render.Stories(env.Console, items);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
