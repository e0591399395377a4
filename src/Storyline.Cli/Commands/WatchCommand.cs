using System.CommandLine;
using System.Globalization;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Sources.Web;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary>
/// <c>storyline watch PATH|URL… [--interval SECONDS] [--once]</c>: polls folders, files, pages and feeds, and ingests
/// what is new. A failing source is reported and the others go on; Ctrl-C stops between or during polls, cleanly.
/// What it fetched (validators, feed items) is kept with the archive, so a restart goes on where it stopped.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var sources = CliOptions.NoOptions(new Argument<string[]>("sources")
        {
            Description = "Folders, files, glob patterns, and web addresses of pages or feeds to poll",
            Arity = ArgumentArity.OneOrMore,
        });
        Option<int> interval = CliOptions.Count("--interval", "Seconds between polls", 300);
        var once = new Option<bool>("--once") { Description = "Poll once and stop" };
        var command = global.AddTo(new Command("watch", "Poll folders and feeds and ingest what is new, until Ctrl-C; with --json, one JSON line per poll") { sources, interval, once });
        command.SetAction(async (parse, cancellationToken) =>
        {
            int seconds = parse.GetValue(interval);
            bool json = parse.GetValue(global.Json);
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: false, cancellationToken).ConfigureAwait(false);
            WatchMemory memory = WatchMemory.Parse(await store.LoadWatchStateAsync(cancellationToken).ConfigureAwait(false));
            using var fetcher = new PoliteFetcher(new FetchOptions { Clock = env.Clock }, ValidatorCache.From(memory.Validators));
            var source = new ReportSource(new ReaderOptions { Clock = env.Clock }, env.OpenStdin, fetcher);
            var watcher = new SourceWatcher(parse.GetValue(sources) ?? [], source, memory.SeenItems);
            IIngestor ingestor = IngestorFactory.For(store);
            bool anyFailed = false;
            try
            {
                while (true)
                {
                    var results = new List<ReadResult>();
                    await foreach (ReadResult result in watcher.PollAsync(cancellationToken).ConfigureAwait(false))
                    {
                        results.Add(result);
                    }

                    IngestSummary summary = await ingestor.IngestAsync(results.ToAsyncEnumerable(), null, cancellationToken).ConfigureAwait(false);
                    foreach (ReadFailed failure in summary.Failures)
                    {
                        anyFailed = true;
                        await env.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
                    }

                    // Kept once what was read is stored: a crash before this reads it again, and finds it stored.
                    await store.SaveWatchStateAsync(WatchMemory.Of(fetcher.Cache, watcher).ToJson(), cancellationToken).ConfigureAwait(false);
                    string time = env.Clock.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                    if (json)
                    {
                        await Json.WriteLineAsync(env.Out, new WatchPoll(env.Clock.GetUtcNow(), ArchiveViews.Ingest(summary))).ConfigureAwait(false);
                    }
                    else
                    {
                        await env.Out.WriteLineAsync($"{time} read {Words.Count(summary.Read, "report")}: {summary.New} new, {summary.Duplicates} duplicate, {summary.Failed} failed; {Words.Count(summary.NewStories, "new story", "new stories")}").ConfigureAwait(false);
                    }
                    if (parse.GetValue(once))
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(seconds), env.Clock, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await (json ? env.Error : env.Out).WriteLineAsync("Stopped.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            return anyFailed ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>One poll of <c>watch --json</c>: when it ended and what it ingested.</summary>
internal sealed record WatchPoll(DateTimeOffset At, IngestView Ingested);
