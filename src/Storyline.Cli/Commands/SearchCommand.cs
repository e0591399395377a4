using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline search QUERY</c>: full-text search over the stored reports.</summary>
internal static class SearchCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var query = CliOptions.NoOptions(new Argument<string[]>("query") { Description = "Words that must all occur (at most 32 different ones); \"quoted words\" form a phrase", Arity = ArgumentArity.OneOrMore });
        Option<int> limit = CliOptions.Count("--limit", "At most this many reports", 20);
        var command = global.AddTo(new Command("search", "Find reports by their words") { query, limit });
        command.SetAction(async (parse, cancellationToken) =>
        {
            string text = string.Join(' ', parse.GetValue(query) ?? []);
            if (SearchTerms.Read(text).Problem is string problem)
            {
                await env.Error.WriteLineAsync($"error: {problem} ('storyline search --help' shows the usage)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SearchHit> found = await store.SearchAsync(new SearchFilter(text), parse.GetValue(limit), cancellationToken).ConfigureAwait(false);
            var titles = (await store.ListStoriesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id.Value, s => s.Title);
            var hits = found.Select(h => ArchiveViews.Hit(h, titles)).ToList();
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, hits).ConfigureAwait(false);
            }
            else
            {
                ArchiveText.Search(env.Screen, text, hits);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
