using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline search QUERY</c>: full-text search over the stored reports.</summary>
internal static class SearchCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var query = new Argument<string[]>("query") { Description = "Words that must all occur; \"quoted words\" form a phrase", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "At most this many reports (default 20)", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Find reports by their words") { query, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string text = string.Join(' ', parse.GetValue(query) ?? []);
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            var hits = (await store.SearchAsync(text, parse.GetValue(limit), cancellationToken).ConfigureAwait(false)).Select(SearchItem.From).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, hits).ConfigureAwait(false);
            }
            else
            {
                Render.Search(env.Console, text, hits);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
