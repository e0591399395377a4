using System.CommandLine;
using Spectre.Console;
using Storyline.Cli.Output;
using Storyline.Ingest;
using Storyline.Ingest.Distributed;
using Storyline.Sources;
using Storyline.Sources.Web;
using Storyline.Storage;
using Storyline.Storage.Postgres;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline ingest PATH…</c>: read reports and add them to their stories.</summary>
internal static class IngestCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (searched recursively for .txt, .jsonl, .ndjson, .html, .htm, .xml, .rss, .atom), glob patterns, web addresses of pages or feeds, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var maxBytes = new Option<long?>("--max-file-bytes") { Description = "Refuse files larger than this (default 64 MiB)" };
        var command = new Command("ingest", "Read reports (seed text, JSON Lines, HTML pages, RSS/Atom feeds) and add them to their stories; reports already stored are skipped")
        {
            paths,
            maxBytes,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            bool json = parse.GetValue(global.Json);
            var readerOptions = new ReaderOptions { Clock = env.Clock };
            if (parse.GetValue(maxBytes) is long limit)
            {
                readerOptions = readerOptions with { MaxFileBytes = limit };
            }

            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: false, cancellationToken).ConfigureAwait(false);
            using var fetcher = new PoliteFetcher(new FetchOptions { Clock = env.Clock });
            var source = new ReportSource(readerOptions, env.OpenStdin, fetcher);
            var ingestor = new Ingestor(store);
            string[] inputs = parse.GetValue(paths) ?? [];
            IngestSummary summary = store is PostgresStoryStore postgres
                ? await new QueuedIngestor(postgres).IngestAsync(source, inputs, null, cancellationToken).ConfigureAwait(false) // several processes may share its queue
                : await RunAsync(env, ingestor, source, inputs, showProgress: !json, cancellationToken).ConfigureAwait(false);

            foreach (ReadFailed failure in summary.Failures)
            {
                await env.Error.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
            }

            if (json)
            {
                await Json.WriteAsync(env.Out, IngestResult.From(summary)).ConfigureAwait(false);
            }
            else
            {
                ArchiveCounts counts = await store.CountAsync(cancellationToken).ConfigureAwait(false);
                env.Console.MarkupLine(
                    $"Read {summary.Read} reports: [green]{summary.New} new[/], {summary.Duplicates} duplicate, " +
                    (summary.Failed > 0 ? $"[red]{summary.Failed} failed[/]" : "0 failed") +
                    $"; {summary.NewStories} new stories. The archive holds {counts.Reports} reports in {counts.Stories} stories.");
            }

            return summary.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IngestSummary> RunAsync(CliEnvironment env, Ingestor ingestor, ReportSource source, string[] inputs, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress || !env.Console.Profile.Capabilities.Interactive)
        {
            return await ingestor.IngestAsync(source, inputs, null, cancellationToken).ConfigureAwait(false);
        }

        IngestSummary? summary = null;
        await env.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask reading = context.AddTask("Reading");
                reading.IsIndeterminate = true;
                ProgressTask analysing = context.AddTask("Analysing", autoStart: false);
                var progress = new Progress<IngestProgress>(p =>
                {
                    if (p.Stage == "analysing")
                    {
                        reading.Value = reading.MaxValue;
                        reading.StopTask();
                        analysing.StartTask();
                        analysing.MaxValue = p.Total ?? 1;
                        analysing.Value = p.Done;
                    }
                });
                summary = await ingestor.IngestAsync(source, inputs, progress, cancellationToken).ConfigureAwait(false);
                reading.StopTask();
                analysing.Value = analysing.MaxValue;
            }).ConfigureAwait(false);
        return summary!;
    }
}
