using System.CommandLine;
using System.Globalization;
using Storyline.Evaluation.Embeddings;

namespace Storyline.Cli.Commands.Eval;

/// <summary>
/// <c>storyline train embeddings --data ../shared/data/embeddings</c>: rebuilds models/embeddings/glove-100d.q8.bin,
/// the committed word vectors (and their common sentence component, from the unlabelled Reuters text) that dense
/// sentence and document vectors are made from.
/// </summary>
internal static class TrainEmbeddingsCommand
{
    public static Command Create(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption("The embeddings folder holding glove-6b-100d-top200k.q8.txt.gz (../shared/data/embeddings)");
        var unlabelled = new Option<string?>("--unlabelled") { Description = "The Reuters-21578 folder (default: ../unlabelled/reuters21578 beside --data)" };
        var words = new Option<int>("--words") { Description = "How many of the most frequent words to keep", DefaultValueFactory = _ => WordVectorBuilder.DefaultWords };
        var output = new Option<string>("--output")
        {
            Description = "Where to write it (default models/embeddings/glove-100d.q8.bin)",
            DefaultValueFactory = _ => Path.Combine("models", "embeddings", "glove-100d.q8.bin"),
        };
        var command = new Command("embeddings", "Build the committed word vectors from GloVe and the common sentence component from Reuters news") { data, unlabelled, words, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            string glove = Path.Combine(folder, "glove-6b-100d-top200k.q8.txt.gz");
            string reutersFolder = parse.GetValue(unlabelled) ?? Path.GetFullPath(Path.Combine(folder, "..", "unlabelled", "reuters21578"));
            string reuters = Path.Combine(reutersFolder, "reuters21578_all.sgm.gz");
            foreach (string needed in new[] { glove, reuters })
            {
                if (!File.Exists(needed))
                {
                    await env.Error.WriteLineAsync($"error: {needed}: not found").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }

            int count = parse.GetValue(words);
            if (count < 1)
            {
                await env.Error.WriteLineAsync("error: --words must be at least 1").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string target = parse.GetValue(output)!;
            WordVectorBuildSummary summary = WordVectorBuilder.Build(glove, reuters, target, count);
            if (parse.GetValue(global.Json))
            {
                await Output.Json.WriteAsync(env.Out, summary).ConfigureAwait(false);
            }
            else
            {
                await env.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Wrote {target}: {summary.Words:N0} words of {summary.Dimensions} numbers, common component from {summary.Sentences:N0} Reuters sentences ({summary.CommonShare:P1} of their energy), {summary.Bytes / 1024.0 / 1024.0:0.0} MB")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
