using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Storage;
using Storyline.Views;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline export ID --format json|markdown|csv</c>: a story's summary, timeline, entities, quotes and sources.</summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Argument<long> id = CliOptions.StoryId();
        var format = new Option<string>("--format") { Description = "json, markdown or csv (the timeline, one row per entry)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "markdown", "md", "csv");
        Option<int> summary = CliOptions.Count("--summary", "Sentences in the summary", 5, min: 0);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = global.AddTo(new Command("export", "Write a story (summary, timeline, entities, quotes, sources) as JSON, Markdown or CSV") { id, format, summary, output });
        command.Validators.Add(result =>
        {
            // --json asks for JSON; with another --format the two disagree, and neither may silently win.
            string? chosen = result.GetResult(format) is { Implicit: false, Tokens.Count: > 0 } given ? given.Tokens[0].Value : null;
            if (chosen is not null && chosen != "json" && result.GetResult(global.Json) is { Implicit: false })
            {
                result.AddError($"--json and --format {chosen} disagree: give one of them");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? path = parse.GetValue(output);
            if (path is not null && WhyNotWritable(path) is string reason)
            {
                await env.Error.WriteLineAsync($"error: cannot write {path}: {reason}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            StoryMaterial? material = await Stories.LoadOrExplainAsync(store, parse.GetValue(id), env, cancellationToken).ConfigureAwait(false);
            if (material is null)
            {
                return ExitCodes.Error;
            }

            ExportView item = StoryViews.Export(material, parse.GetValue(summary));
            string text = parse.GetValue(format) switch
            {
                "markdown" or "md" => StoryExport.Markdown(item),
                "csv" => StoryExport.Csv(item),
                _ => System.Text.Json.JsonSerializer.Serialize(item, Json.Options) + "\n",
            };
            if (path is not null)
            {
                try
                {
                    await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await env.Error.WriteLineAsync($"error: cannot write {path}: {Screen.Clean(ex.Message)}").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }
            else
            {
                await env.Out.WriteAsync(text).ConfigureAwait(false);
                await env.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Why a file cannot be written at <paramref name="path"/>, checked before the work; null where it can be tried.</summary>
    private static string? WhyNotWritable(string path)
    {
        if (path.Length == 0)
        {
            return "the name is empty";
        }

        if (Directory.Exists(path))
        {
            return "it is a folder; give a file name";
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"no folder {folder}" : null;
    }
}
