using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline quotes [--story ID] [--speaker NAME]</c>: who said what.</summary>
internal static class QuotesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var story = new Option<long?>("--story") { Description = "Only this story's quotes" };
        var speaker = new Option<string?>("--speaker") { Description = "Only quotes whose speaker's name or source words contain this (case ignored)" };
        var limit = new Option<int>("--limit") { Description = "At most this many quotes (default 200)", DefaultValueFactory = _ => 200 };
        var command = new Command("quotes", "List quotes and attributions: who said what, and what kind of source") { story, speaker, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryId? storyId = parse.GetValue(story) is long id ? new StoryId(id) : null;
            if (storyId is StoryId wanted && await store.GetStoryAsync(wanted, cancellationToken).ConfigureAwait(false) is null)
            {
                await env.Error.WriteLineAsync($"error: no story {wanted}; 'storyline stories' lists them").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            var quotes = (await store.ListQuotesAsync(storyId, parse.GetValue(speaker), Math.Max(0, parse.GetValue(limit)), cancellationToken).ConfigureAwait(false))
                .Select(QuoteItem.From).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, quotes).ConfigureAwait(false);
            }
            else
            {
                Render.Quotes(env.Console, quotes, "Quotes");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
