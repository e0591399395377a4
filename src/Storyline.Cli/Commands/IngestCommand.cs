using System.CommandLine;
using Spectre.Console;
using Storyline.Cli.Output;
using Storyline.Ingest;
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

            string? db = parse.GetValue(global.Db);
            using var fetcher = new PoliteFetcher(new FetchOptions { Clock = env.Clock });
            var source = new ReportSource(readerOptions, env.OpenStdin, fetcher);
            string[] inputs = parse.GetValue(paths) ?? [];
            (IngestSummary summary, ArchiveCounts counts) = await WithProgressAsync(env, showProgress: !json, async progress =>
            {
                // The input is read before the archive is opened: a run that reads nothing to store leaves no new, empty
                // archive behind.
                using ReportIntake intake = await ReportIntake.ReadAsync(source.ReadAsync(inputs, cancellationToken), progress, null, cancellationToken).ConfigureAwait(false);
                if (intake.Pending.Count == 0 && !Storage.Postgres.StoreOpener.Exists(db))
                {
                    return (new IngestSummary(intake.Read, 0, intake.RepeatedInRun, intake.Failures, []), new ArchiveCounts(0, 0, 0));
                }

                await using IStoryStore store = await StoreOpener.OpenAsync(db, env, mustExist: false, cancellationToken).ConfigureAwait(false);
                IngestSummary done = await IngestorFactory.For(store).IngestAsync(intake, progress, cancellationToken).ConfigureAwait(false);
                return (done, await store.CountAsync(cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false);

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
                env.Screen.Line(ArchiveText.Ingested(ArchiveViews.Ingest(summary), counts.Reports, counts.Stories));
            }

            return summary.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    // Runs the ingest with a progress bar where the console is a terminal and progress is wanted.
    private static async Task<T> WithProgressAsync<T>(CliEnvironment env, bool showProgress, Func<IProgress<IngestProgress>?, Task<T>> run)
    {
        if (!showProgress || !env.Console.Profile.Capabilities.Interactive)
        {
            return await run(null).ConfigureAwait(false);
        }

        T result = default!;
        await env.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ReportsDoneColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                ProgressTask reading = context.AddTask("Reading");
                reading.IsIndeterminate = true;
                ProgressTask analysing = context.AddTask("Analysing", autoStart: false);
                var progress = new Progress<IngestProgress>(p =>
                {
                    if (p.Stage == "waiting")
                    {
                        reading.Value = reading.MaxValue;
                        reading.StopTask();
                        reading.Description = "Read; waiting for another writer of the archive";
                    }
                    else if (p.Stage == "analysing")
                    {
                        reading.Value = reading.MaxValue;
                        reading.StopTask();
                        reading.Description = "Reading";
                        analysing.StartTask();
                        analysing.MaxValue = p.Total ?? 1;
                        analysing.Value = p.Done;
                    }
                });
                result = await run(progress).ConfigureAwait(false);
                reading.StopTask();
                analysing.Value = analysing.MaxValue;
            }).ConfigureAwait(false);
        return result;
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
