using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline quotes [--story ID] [--speaker NAME]</c>: who said what.</summary>
internal static class QuotesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<long?> story = CliOptions.OptionalStory("--story", "Only this story's quotes");
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes whose speaker's name or source words contain this (case ignored)" };
        Option<int> limit = CliOptions.Count("--limit", "At most this many quotes", 200);
        var command = global.AddTo(new Command("quotes", "List quotes and attributions: who said what, and what kind of source") { story, speaker, limit });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryId? storyId = null;
            if (parse.GetValue(story) is long id)
            {
                // A merged-away number lists the quotes of the story it became part of.
                Story? found = await StoryLookup.FindAsync(store, new StoryId(id), cancellationToken).ConfigureAwait(false);
                if (found is null)
                {
                    await env.Error.WriteLineAsync($"error: no story {id}; 'storyline stories' lists them").ConfigureAwait(false);
                    return ExitCodes.Error;
                }

                storyId = found.Id;
            }

            var quotes = (await store.ListQuotesAsync(storyId, parse.GetValue(speaker), parse.GetValue(limit), cancellationToken).ConfigureAwait(false))
                .Select(ArchiveViews.Quote).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, quotes).ConfigureAwait(false);
            }
            else
            {
                StoryText.Quotes(env.Screen, quotes, "Quotes");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
