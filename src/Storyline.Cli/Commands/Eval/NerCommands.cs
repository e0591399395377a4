using System.CommandLine;
using Storyline.Entities.Tagging;
using Storyline.Evaluation.Ner;

using Storyline.Cli.Output;

namespace Storyline.Cli.Commands.Eval;

/// <summary><c>storyline train ner</c> and <c>storyline eval ner</c>: the named-entity tagger on CoNLL-2003.</summary>
internal static class NerCommands
{
    public static Command Train(CliEnvironment env, GlobalOptions global)
    {
        _ = global;
        var data = EvalOutput.DataOption("The CoNLL-2003 folder holding eng.train (../shared/data/ner/conll2003)");
        var places = new Option<string?>("--places") { Description = "The places folder for the gazetteer (default: ../../places beside --data)" };
        var output = new Option<string>("--output") { Description = "Where the model goes", DefaultValueFactory = _ => Path.Combine("models", "ner", "model.bin") };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle", DefaultValueFactory = _ => new NerTrainingOptions().Seed };
        var onePass = new Option<bool>("--one-pass") { Description = "Train only the first pass (no document-consistency pass)" };
        var dev = new Option<string?>("--dev") { Description = "A CoNLL file scored after each epoch (eng.testa), for choosing epochs" };
        var command = new Command("ner", "Train the named-entity tagger on CoNLL-2003 eng.train") { data, places, output, epochs, seed, onePass, dev };
        command.SetAction((parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(folder, "eng.train")))
            {
                env.Error.WriteLine($"error: {Path.Combine(folder, "eng.train")} not found");
                return Task.FromResult(ExitCodes.Error);
            }

            string placesFolder = parse.GetValue(places) ?? Path.GetFullPath(Path.Combine(folder, "..", "..", "places"));
            var options = new NerTrainingOptions { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), SecondPass = !parse.GetValue(onePass) };
            NerTraining.Run(folder, placesFolder, parse.GetValue(output)!, options, parse.GetValue(dev), message => env.Screen.Line(message));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static Command Eval(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption("A CoNLL-2003 file (eng.testa)");
        var predictions = EvalOutput.PredictionsOption("Write the input's columns plus the predicted IOB1 tag here, for conlleval");
        var modelPath = new Option<string?>("--model") { Description = "A model file (default: the committed models/ner/model.bin)" };
        var command = new Command("ner", "Score the named-entity tagger on a CoNLL-2003 file (conlleval: exact span and type)") { data, predictions, modelPath };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string file = parse.GetValue(data)!;
            if (!File.Exists(file))
            {
                await env.Error.WriteLineAsync($"error: {file} not found").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string? path = parse.GetValue(modelPath);
            NerModel? model = path is null ? NerModel.Default : NerModel.Load(path);
            if (model is null)
            {
                await env.Error.WriteLineAsync($"error: no model at {NerModel.DefaultPath}; run 'storyline train ner' first").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            IReadOnlyList<ConllDocument> documents = ConllFile.Read(file);
            var predicted = NerEvaluation.Tag(model, documents);
            string? predictionsPath = parse.GetValue(predictions);
            if (predictionsPath is not null)
            {
                await using var writer = new StreamWriter(predictionsPath);
                ConllFile.WriteWithPredictions(writer, documents, predicted);
            }

            int tokens = documents.Sum(d => d.Sentences.Sum(s => s.Rows.Count));
            await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), NerEvaluation.Report(file, NerEvaluation.Score(documents, predicted), documents.Count, tokens)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
