using System.CommandLine;
using System.Globalization;
using Storyline.Evaluation.Timelines;
using Storyline.Timelines;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline train timelines --data DIR</c>: trains the date model of timelines on the gold timelines of a
/// Timeline17-layout folder and writes models/timelines/date-model.json (embedded in Storyline.Core at build time).
/// </summary>
internal static class TrainTimelinesCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        Option<string> data = EvalOutput.DataOption("A Timeline17-layout folder of development topics (../shared/data/timelines/timeline17)");
        var output = new Option<string>("--output")
        {
            Description = "Where to write it (default models/timelines/date-model.json)",
            DefaultValueFactory = _ => Path.Combine("models", "timelines", "date-model.json"),
        };
        var command = new Command("timelines", "Train the date model of timelines on gold timelines (leave-one-topic-out figures printed)") { data, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!Timeline17.IsTimelineFolder(folder))
            {
                await env.Error.WriteLineAsync($"error: {folder} is not a Timeline17-layout folder (topic folders with InputDocs/ and timelines/)").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            IReadOnlyList<TimelineTopic> topics = Timeline17.Read(folder);
            var analysed = TimelineEvaluation.AnalyseAll(topics);
            DateExamples[] examples = [.. topics.SelectMany(t => t.Timelines.Select(g => DateModelTraining.Examples(t.Name, g, analysed[t.Name], TimelineEvaluation.Defaults)))];
            DateModel model = DateModelTraining.Fit(examples);
            IReadOnlyDictionary<string, DateModel> folds = DateModelTraining.LeaveOneTopicOut(examples);

            string target = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            await File.WriteAllTextAsync(target, model.ToJson() + "\n", cancellationToken).ConfigureAwait(false);

            var rows = new List<Evaluation.EvalRow>();
            foreach ((string story, DateModel fold) in folds.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                DateExamples[] held = [.. examples.Where(e => DateModelTraining.StoryOf(e.Topic) == story)];
                rows.Add(new Evaluation.EvalRow(
                    $"without {story}: {string.Join(' ', fold.Weights.Select(w => w.ToString("0.##", CultureInfo.InvariantCulture)))}",
                    [new("date F1 on it", held.Average(e => DateModelTraining.DateF1(e, fold.Weights))), new("timelines", held.Length)]));
            }

            rows.Add(new Evaluation.EvalRow(
                $"all ({string.Join(' ', model.Weights.Select(w => w.ToString("0.##", CultureInfo.InvariantCulture)))})",
                [new("date F1 on it", examples.Average(e => DateModelTraining.DateF1(e, model.Weights))), new("timelines", examples.Length)]));
            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), new Evaluation.EvalReport(
                "train timelines",
                folder,
                rows,
                [
                    $"Wrote {target}. Weights of: {string.Join(", ", DateModel.FeatureNames)}.",
                    "Each 'without' row is a model trained on the other stories, scored on the one left out; the last row is the shipped model on its own training data (not a result).",
                    "Rebuild the program to embed the new model; `eval timelines` gives the leave-one-topic-out ROUGE figures.",
                ])).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
