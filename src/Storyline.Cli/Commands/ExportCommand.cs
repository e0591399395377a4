using System.CommandLine;
using Storyline.Cli.Output;
using Storyline.Domain;
using Storyline.Storage;
using Storyline.Timelines;

namespace Storyline.Cli.Commands;

/// <summary><c>storyline export ID --format json|markdown|csv</c>: a story's summary, timeline, entities, quotes and sources.</summary>
internal static class ExportCommand
{
    private static readonly StoryDigest Digests = new();

    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var id = new Argument<long>("id") { Description = "The story's number" };
        var format = new Option<string>("--format") { Description = "json, markdown or csv (the timeline, one row per entry)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "markdown", "md", "csv");
        var summary = new Option<int>("--summary") { Description = "Sentences in the summary (default 5)", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output" };
        var command = new Command("export", "Write a story (summary, timeline, entities, quotes, sources) as JSON, Markdown or CSV") { id, format, summary, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using IStoryStore store = await StoreOpener.OpenAsync(parse.GetValue(global.Db), env, mustExist: true, cancellationToken).ConfigureAwait(false);
            Story? story = await StoryLoader.LoadOrExplainAsync(store, new StoryId(parse.GetValue(id)), env, cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                return ExitCodes.Error;
            }

            IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(story.Id, cancellationToken).ConfigureAwait(false);
            ExportItem item = ExportItem.From(Digests.Build(story, reports, Math.Max(0, parse.GetValue(summary))));
            string text = parse.GetValue(format) switch
            {
                "markdown" or "md" => StoryExport.Markdown(item),
                "csv" => StoryExport.Csv(item),
                _ => System.Text.Json.JsonSerializer.Serialize(item, Json.Options) + "\n",
            };
            if (parse.GetValue(output) is string path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
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
}
