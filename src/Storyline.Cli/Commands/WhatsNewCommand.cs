using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Timelines;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline whatsnew ID --since DATE|REPORT</c>: what a story's later reports add.</summary>
internal static class WhatsNewCommand
{
    private static readonly WhatsNew Service = new();

    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var id = new Argument<long>("id") { Description = "The story's number" };
        var since = new Option<string>("--since")
        {
            Description = "A day (YYYY-MM-DD: reports published after it are new) or a report id or prefix (reports after it are new)",
            Required = true,
        };
        var limit = new Option<int>("--limit") { Description = $"How many new facts to show at most, the most important first (default {WhatsNew.DefaultMaxFacts})", DefaultValueFactory = _ => WhatsNew.DefaultMaxFacts };
        var command = new Command("whatsnew", "What a story's reports since a day or a report add: facts, quotes, changes of status") { id, since, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            Story? story = await StoryLoader.LoadOrExplainAsync(store, new StoryId(parse.GetValue(id)), env, cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                return ExitCodes.Error;
            }

            IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(story.Id, cancellationToken).ConfigureAwait(false);
            string sinceText = parse.GetValue(since)!;
            if (!NewsCutoff.TryParse(sinceText, reports, out NewsCutoff cutoff))
            {
                await env.Error.WriteLineAsync($"error: --since {sinceText} is neither a day (YYYY-MM-DD) nor one report of story {story.Id}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            NewsSince news = Service.Since(reports, cutoff, story.Copies.Keys.ToHashSet(), Math.Max(0, parse.GetValue(limit)));
            var item = new WhatsNewItem(
                story.Id.Value,
                story.Title,
                cutoff.Date,
                cutoff.Report?.Value,
                [.. news.NewReports.Select(r => r.Value)],
                [.. news.Facts.Select(TimelineItem.From)],
                news.MoreFacts,
                [.. news.Quotes.Select(StoryQuoteItem.From)],
                [.. news.StatusChanges.Select(StatusChangeItem.Of)]);
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, item).ConfigureAwait(false);
            }
            else
            {
                Render.WhatsNew(env.Console, item);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
