using System.CommandLine;
using Spectre.Console;
using Storyline.Cli.Output;
using Storyline.Ingest;
using Storyline.Ingest.Distributed;
using Storyline.Sources;
using Storyline.Sources.Web;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline ingest PATH…</c>: read reports and add them to their stories.</summary>
internal static class IngestCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var paths = CliOptions.NoOptions(new Argument<string[]>("paths")
        {
            Description = "Files, folders (searched recursively for .txt, .jsonl, .ndjson, .html, .htm, .xml, .rss, .atom), glob patterns, web addresses of pages or feeds, or - for standard input",
            Arity = ArgumentArity.OneOrMore,
        });
        var maxBytes = new Option<long?>("--max-file-bytes")
        {
            Description = "Refuse files larger than this many bytes (default 64 MiB)",
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n) && n > 0)
                {
                    return n;
                }

                result.AddError($"--max-file-bytes must be a whole number of bytes of at least 1, not '{text}'");
                return null;
            },
        };
        var command = global.AddTo(new Command("ingest", "Read reports (seed text, JSON Lines, HTML pages, RSS/Atom feeds) and add them to their stories; reports already stored are skipped")
        {
            paths,
            maxBytes,
        });
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
                await Json.WriteAsync(env.Out, ArchiveViews.Ingest(summary)).ConfigureAwait(false);
            }
            else
            {
                ArchiveCounts counts = await store.CountAsync(cancellationToken).ConfigureAwait(false);
                env.Screen.Line(ArchiveText.Ingested(ArchiveViews.Ingest(summary), counts.Reports, counts.Stories));
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
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ReportsDoneColumn(), new ElapsedTimeColumn())
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

/// <summary>
/// The progress bar's count: "412/1,038" while analysing, "…" while reading (the total is not known yet), never a
/// percentage or a time left that cannot be known.
/// </summary>
internal sealed class ReportsDoneColumn : ProgressColumn
{
    public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        string text = task.IsIndeterminate && !task.IsFinished
            ? "…"
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0}");
        return new Spectre.Console.Text(text);
    }
}
