using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Timelines;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline whatsnew ID --since DATE|REPORT</c>: what a story's later reports add.</summary>
internal static class WhatsNewCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Argument<long> id = CliOptions.StoryId();
        var since = new Option<string>("--since")
        {
            Description = "A day (YYYY-MM-DD: reports published after it are new) or a report id or prefix (reports after it are new)",
            Required = true,
        };
        Option<int> limit = CliOptions.Count("--limit", "How many new facts to show at most, the most important first", WhatsNew.DefaultMaxFacts);
        var command = global.AddTo(new Command("whatsnew", "What a story's reports since a day or a report add: facts, quotes, changes of status") { id, since, limit });
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryMaterial? material = await Stories.LoadOrExplainAsync(store, parse.GetValue(id), env, cancellationToken).ConfigureAwait(false);
            if (material is null)
            {
                return ExitCodes.Error;
            }

            string sinceText = parse.GetValue(since)!.Trim();
            if (!NewsCutoff.TryParse(sinceText, material.Reports, out NewsCutoff cutoff))
            {
                await env.Error.WriteLineAsync($"error: --since {sinceText} is neither a day (YYYY-MM-DD) nor one report of story {material.Story.Id}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            WhatsNewView item = StoryViews.WhatsNew(material, cutoff, parse.GetValue(limit));
            if (parse.GetValue(global.Json))
            {
                await Json.WriteAsync(env.Out, item).ConfigureAwait(false);
            }
            else
            {
                StoryText.WhatsNew(env.Screen, item);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
