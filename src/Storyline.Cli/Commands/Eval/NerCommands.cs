using System.CommandLine;
using System.Globalization;
using Storyline.Cli.Output;
using Storyline.Entities.Tagging;
using Storyline.Evaluation;
using Storyline.Evaluation.Ner;

namespace Storyline.Cli.Commands.Eval;

/// <summary><c>storyline train ner</c> and <c>storyline eval ner</c>: the named-entity tagger on CoNLL-2003.</summary>
internal static class NerCommands
{
    public static Command Train(CliEnvironment env, GlobalOptions global)
    {
        var data = EvalOutput.DataOption("The CoNLL-2003 folder holding eng.train (../shared/data/ner/conll2003)");
        var places = new Option<string?>("--places") { Description = "The places folder for the gazetteer (default: ../../places beside --data)" };
        var output = new Option<string>("--output") { Description = "Where the model goes (default models/ner/model.bin)", DefaultValueFactory = _ => Path.Combine("models", "ner", "model.bin") };
        NerTrainingOptions defaults = NerTraining.Shipped;
        var epochs = new Option<int>("--epochs") { Description = $"Passes over the training data (default {defaults.Epochs})", DefaultValueFactory = _ => defaults.Epochs };
        var secondEpochs = new Option<int>("--second-epochs") { Description = $"Passes for the second pass (default {(defaults.SecondEpochs > 0 ? defaults.SecondEpochs : defaults.Epochs)}; 0: --epochs)", DefaultValueFactory = _ => defaults.SecondEpochs };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffle", DefaultValueFactory = _ => defaults.Seed };
        var onePass = new Option<bool>("--one-pass") { Description = "Train only the first pass (no document-consistency pass)" };
        var features = new Option<string>("--features") { Description = $"Optional feature groups: none, or a comma list of {string.Join(", ", FeatureNames.Keys)} (default {Describe(defaults.Features)})", DefaultValueFactory = _ => Describe(defaults.Features) };
        var words = new Option<string>("--words") { Description = "The word-classes table (default models/ner/word-classes.tsv.gz)", DefaultValueFactory = _ => Path.Combine("models", "ner", NerModel.WordClassesFileName) };
        var prune = new Option<float>("--prune") { Description = $"Drop weight rows whose largest weight is below this (default {defaults.Prune.ToString(CultureInfo.InvariantCulture)})", DefaultValueFactory = _ => defaults.Prune };
        var dev = new Option<string?>("--dev") { Description = "A CoNLL file scored after each epoch of the last pass (for a look only: settings are chosen by --cv)" };
        var minCount = new Option<int>("--min-count") { Description = $"Features seen fewer times get no weights (default {defaults.MinCount})", DefaultValueFactory = _ => defaults.MinCount };
        var ensemble = new Option<int>("--ensemble") { Description = $"Learners per pass on different sentence orders, their weights averaged (default {defaults.Ensemble})", DefaultValueFactory = _ => defaults.Ensemble };
        var wordDropout = new Option<float>("--word-dropout") { Description = $"Share of training tokens shown without their word features, as if new (default {defaults.WordDropout.ToString(CultureInfo.InvariantCulture)})", DefaultValueFactory = _ => defaults.WordDropout };
        var lists = new Option<string>("--lists") { Description = $"Optional gazetteer lists: none, or a comma list of {string.Join(", ", PlaceLists.OptionalLists)} (default {DefaultLists})", DefaultValueFactory = _ => DefaultLists };
        var cv = new Option<int>("--cv") { Description = "Cross-validate on eng.train with K folds of contiguous documents and print the score of every epoch; writes no model" };
        var onlyFolds = new Option<string?>("--cv-folds") { Description = "With --cv: only these folds (1-based, comma list)" };
        var command = new Command("ner", "Train the named-entity tagger on CoNLL-2003 eng.train, or cross-validate its settings there")
        {
            data, places, output, epochs, secondEpochs, seed, onePass, features, words, prune, minCount, ensemble, wordDropout, lists, dev, cv, onlyFolds,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            if (!File.Exists(Path.Combine(folder, "eng.train")))
            {
                await env.Error.WriteLineAsync($"error: {Path.Combine(folder, "eng.train")} not found").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (!TryParseFeatures(parse.GetValue(features)!, out NerFeatureSet groups))
            {
                await env.Error.WriteLineAsync($"error: --features: use none or a comma list of {string.Join(", ", FeatureNames.Keys)}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string[] extraLists = string.Equals(parse.GetValue(lists), "none", StringComparison.OrdinalIgnoreCase) ? []
                : parse.GetValue(lists)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (extraLists.Any(l => !PlaceLists.OptionalLists.Contains(l)))
            {
                await env.Error.WriteLineAsync($"error: --lists: use none or a comma list of {string.Join(", ", PlaceLists.OptionalLists)}").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            int folds = parse.GetValue(cv);
            IReadOnlyList<int>? only = null;
            if (parse.GetValue(onlyFolds) is { Length: > 0 } list)
            {
                var parsed = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(f => int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n - 1 : -1).ToList();
                if (folds < 2 || parsed.Any(f => f < 0 || f >= folds))
                {
                    await env.Error.WriteLineAsync("error: --cv-folds needs --cv K and fold numbers from 1 to K").ConfigureAwait(false);
                    return ExitCodes.Error;
                }

                only = parsed;
            }

            if (parse.GetValue(epochs) < 1 || parse.GetValue(secondEpochs) < 0 || (folds != 0 && folds < 2))
            {
                await env.Error.WriteLineAsync("error: --epochs must be at least 1, --second-epochs at least 0, --cv at least 2").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            string placesFolder = parse.GetValue(places) ?? Path.GetFullPath(Path.Combine(folder, "..", "..", "places"));
            NerTrainingOptions options = defaults with
            {
                Epochs = parse.GetValue(epochs),
                SecondEpochs = parse.GetValue(secondEpochs),
                Seed = parse.GetValue(seed),
                SecondPass = !parse.GetValue(onePass),
                Features = groups,
                Prune = parse.GetValue(prune),
                MinCount = Math.Max(1, parse.GetValue(minCount)),
                Ensemble = Math.Max(1, parse.GetValue(ensemble)),
                WordDropout = Math.Clamp(parse.GetValue(wordDropout), 0f, 1f),
            };
            string wordsPath = parse.GetValue(words)!;
            if (groups != NerFeatureSet.None && !File.Exists(wordsPath))
            {
                await env.Error.WriteLineAsync($"error: {wordsPath} not found: the feature groups need the word classes ('storyline train word-classes')").ConfigureAwait(false);
                return ExitCodes.Error;
            }

            if (folds >= 2)
            {
                EvalReport report = NerTraining.CrossValidate(folder, placesFolder, options, folds, only, wordsPath, extraLists, message => env.Screen.Line(message));
                await EvalOutput.WriteAsync(env, parse.GetValue(global.Json), report).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            NerTraining.Run(folder, placesFolder, parse.GetValue(output)!, options, parse.GetValue(dev), wordsPath, extraLists, message => env.Screen.Line(message));
            return ExitCodes.Ok;
        });
        return command;
    }

    // The optional gazetteer lists of the shipped model (chosen by cross-validation, docs/QUALITY.md).
    private const string DefaultLists = "none";

    private static readonly Dictionary<string, NerFeatureSet> FeatureNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["clusters"] = NerFeatureSet.Clusters,
        ["window"] = NerFeatureSet.ClusterWindow,
        ["rank"] = NerFeatureSet.Rank,
        ["casing"] = NerFeatureSet.Casing,
        ["context"] = NerFeatureSet.ClusterContext,
        ["document"] = NerFeatureSet.DocumentContext,
        ["document-words"] = NerFeatureSet.DocumentContext | NerFeatureSet.DocumentWords,
        ["cluster-case"] = NerFeatureSet.ClusterCase,
        ["headline-case"] = NerFeatureSet.HeadlineCase,
        ["vectors"] = NerFeatureSet.VectorSigns,
        ["phrases"] = NerFeatureSet.PhraseEvidence,
        ["embeddings"] = NerFeatureSet.Embeddings | NerFeatureSet.EmbeddingWindow,
        ["embeddings-word"] = NerFeatureSet.Embeddings,
    };

    private static bool TryParseFeatures(string text, out NerFeatureSet groups)
    {
        groups = NerFeatureSet.None;
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!FeatureNames.TryGetValue(name, out NerFeatureSet group))
            {
                return false;
            }

            groups |= group;
        }

        return true;
    }

    // The names whose groups are all in the set, leaving out a name that another listed name includes ("embeddings-word"
    // beside "embeddings").
    private static string Describe(NerFeatureSet groups)
    {
        var named = FeatureNames.Where(f => (groups & f.Value) == f.Value).ToList();
        return groups == NerFeatureSet.None ? "none"
            : string.Join(',', named.Where(f => !named.Any(o => o.Value != f.Value && (o.Value & f.Value) == f.Value)).Select(f => f.Key));
    }

    /// <summary><c>storyline train word-classes</c>: the tagger's word clusters and casing table.</summary>
    public static Command TrainWordClasses(CliEnvironment env, GlobalOptions global)
    {
        _ = global;
        var data = EvalOutput.DataOption("The shared data folder holding embeddings/ and unlabelled/reuters21578/ (../shared/data)");
        var output = new Option<string>("--output") { Description = "Where the table goes (default models/ner/word-classes.tsv.gz)", DefaultValueFactory = _ => Path.Combine("models", "ner", NerModel.WordClassesFileName) };
        var seed = new Option<int>("--seed") { Description = "Seed of the k-means starts (default 17)", DefaultValueFactory = _ => 17 };
        var vectors = new Option<bool>("--vectors") { Description = "Also keep each word's binarised vector (for the 'vectors' feature group)" };
        var command = new Command("word-classes", "Cluster GloVe word vectors and count casing in Reuters-21578 for the entity tagger") { data, output, seed, vectors };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = parse.GetValue(data)!;
            string glove = Path.Combine(folder, "embeddings", WordClassBuilder.GloveFile);
            string reuters = Path.Combine(folder, "unlabelled", "reuters21578", WordClassBuilder.ReutersFile);
            foreach (string needed in new[] { glove, reuters })
            {
                if (!File.Exists(needed))
                {
                    await env.Error.WriteLineAsync($"error: {needed} not found").ConfigureAwait(false);
                    return ExitCodes.Error;
                }
            }

            WordClassBuilder.Run(folder, parse.GetValue(output)!, WordClassBuilder.DefaultLevels, parse.GetValue(seed), message => env.Screen.Line(message), parse.GetValue(vectors));
            return ExitCodes.Ok;
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
