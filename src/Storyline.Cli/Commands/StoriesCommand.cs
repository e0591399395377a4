using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline stories</c>: every story, latest activity first.</summary>
internal static class StoriesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var timelines = new Option<bool>("--timelines") { Description = "Show each story with its timeline" };
        var command = global.AddTo(new Command("stories", "List the stories, latest activity first") { timelines });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(timelines))
            {
                var details = new List<StoryDetail>();
                foreach (StorySummary story in await store.ListStoriesAsync(cancellationToken).ConfigureAwait(false))
                {
                    StoryMaterial material = (await StoryLookup.LoadAsync(store, story.Id, cancellationToken).ConfigureAwait(false))!;
                    details.Add(StoryViews.Detail(material, await store.GetMergesAsync(story.Id, cancellationToken).ConfigureAwait(false)));
                }

                if (parse.GetValue(global.Json))
                {
                    await Json.WriteAsync(env.Out, details).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }

                Screen screen = env.Screen;
                foreach (StoryDetail detail in details)
                {
                    StoryText.Heading(screen, detail.Id, detail.Title, detail.Reports.Count(r => r.CopyOf is null));
                    StoryText.Timeline(screen, detail.Timeline, detail.TimelineNotes);
                }

                return ExitCodes.Ok;
            }

            // The text lists no key entities: only --json reads them.
            int keyEntities = parse.GetValue(global.Json) ? StoryViews.KeyEntityCount : 0;
            var items = (await store.ListStoryCardsAsync(int.MaxValue, keyEntities, cancellationToken).ConfigureAwait(false)).Select(ArchiveViews.Story).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, items).ConfigureAwait(false);
            }
            else
            {
                ArchiveText.Stories(env.Screen, items);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
