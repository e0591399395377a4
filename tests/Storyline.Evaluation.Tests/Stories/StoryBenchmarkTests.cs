using System.Text.Json;
using Storyline.Evaluation.Stories;
using Storyline.Stories;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Stories;

/// <summary>
/// The story benchmarks: layouts found, readers, and smoke runs on a slice of each (a few reports per gold story, so a
/// run takes seconds). The floors here are loose; the full figures come from <c>storyline eval stories</c>.
/// </summary>
public sealed class StoryBenchmarkTests
{
    private static string Data(string relative) => Path.Combine(TestPaths.Shared, "data", relative);

    [SharedFact("data/stories/giveme5w1h-newscluster")]
    public void Giveme5W1H_slice_clusters_by_event()
    {
        string folder = Data("stories/giveme5w1h-newscluster");
        Assert.Equal(StoryBenchmarkLayout.Giveme5W1H, StoryBenchmark.Detect(folder));

        StoryBenchmarkStream stream = StoryBenchmark.Read(folder, StoryBenchmarkLayout.Giveme5W1H, limit: 2);
        StoryRun run = StoryEvaluation.Run(stream);

        Assert.Equal(69, stream.Items.Select(i => i.Gold).Distinct().Count());
        Assert.True(stream.Items.Zip(stream.Items.Skip(1)).All(p => p.First.Report.Published <= p.Second.Report.Published), "date order");
        Assert.True(run.BCubed.F1 >= 0.75, $"BCubed F1 {run.BCubed.F1:F3}");
    }

    [SharedFact("data/stories/ecbplus")]
    public void EcbPlus_slice_keeps_the_two_events_of_a_topic_apart()
    {
        string folder = Data("stories/ecbplus");
        Assert.Equal(StoryBenchmarkLayout.EcbPlus, StoryBenchmark.Detect(folder));

        StoryBenchmarkStream stream = StoryBenchmark.Read(folder, StoryBenchmarkLayout.EcbPlus, limit: 3);
        StoryRun run = StoryEvaluation.Run(stream);

        Assert.Equal(86, stream.Items.Select(i => i.Gold).Distinct().Count());
        Assert.True(run.BCubed.F1 >= 0.65, $"BCubed F1 {run.BCubed.F1:F3}");
    }

    [SharedFact("data/timelines/timeline17")]
    public void Timeline17_slice_never_mixes_topics()
    {
        string folder = Data("timelines/timeline17");
        Assert.Equal(StoryBenchmarkLayout.Timeline17, StoryBenchmark.Detect(folder));

        StoryBenchmarkStream stream = StoryBenchmark.Read(folder, StoryBenchmarkLayout.Timeline17, limit: 40);
        StoryRun run = StoryEvaluation.Run(stream);

        Assert.Equal(["H1N1", "MJ", "bpoil", "haiti"], stream.Items.Select(i => i.Gold).Distinct().Order(StringComparer.Ordinal));
        Assert.True(run.BCubed.Precision >= 0.9, $"BCubed precision {run.BCubed.Precision:F3}");
    }

    [SharedFact("data/timelines/crisis")]
    public void Crisis_is_read_as_one_report_per_topic_and_day_with_the_topic_as_gold()
    {
        string folder = Data("timelines/crisis");
        Assert.Equal(StoryBenchmarkLayout.Crisis, StoryBenchmark.Detect(folder));

        StoryBenchmarkStream stream = StoryBenchmark.Read(folder, StoryBenchmarkLayout.Crisis);

        // Four topics streamed together in date order; each report is one topic's day, its id the topic and the day
        Assert.Equal(["egypt", "libya", "syria", "yemen"], stream.Items.Select(i => i.Gold).Distinct().Order(StringComparer.Ordinal));
        Assert.True(stream.Items.Zip(stream.Items.Skip(1)).All(p => p.First.Report.Published <= p.Second.Report.Published), "date order");
        Assert.All(stream.Items, i => Assert.Equal($"{i.Gold}/{i.Report.Published:yyyy-MM-dd}", i.Id));
        Assert.Equal(stream.Items.Count, stream.Items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());

        // The stories run for months, and no report holds more than the cap of sentences (one paragraph each)
        Assert.All(stream.Items.GroupBy(i => i.Gold), g => Assert.True(g.Max(i => i.Report.Published).DayNumber - g.Min(i => i.Report.Published).DayNumber > 365, g.Key));
        Assert.All(stream.Items, i => Assert.InRange(i.Report.Text.Split("\n\n").Length, 1, StoryBenchmark.CrisisSentencesPerReport));
        Assert.Contains(stream.Items, i => i.Report.Text.Split("\n\n").Length == StoryBenchmark.CrisisSentencesPerReport);

        // All of it is training data for the story stage
        Assert.All(stream.Items, i => Assert.Equal(StoryHalf.Train, StorySplits.HalfOf(StoryBenchmarkLayout.Crisis, i.Gold)));
    }

    [Fact]
    public void A_folder_of_no_known_layout_is_not_detected()
    {
        string empty = Directory.CreateTempSubdirectory("storyline-eval-").FullName;
        try
        {
            Assert.Null(StoryBenchmark.Detect(empty));
            Assert.Null(StoryBenchmark.Detect(Path.Combine(empty, "missing")));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void ECB_tokens_are_joined_back_into_sentences()
    {
        // Given a CROMER file with two sentences of tokens, with LaTeX quotes, clitics and brackets
        string file = Path.Combine(Directory.CreateTempSubdirectory("storyline-ecb-").FullName, "1_1ecb.xml");
        string[] first = ["``", "We", "do", "n't", "know", "(", "yet", ")", ",", "''", "she", "said", "."];
        string[] second = ["Reid", "'s", "rep", "spoke", "."];
        string tokens = string.Concat(first.Select((t, i) => $"<token t_id=\"{i + 1}\" sentence=\"0\" number=\"{i}\">{t}</token>"))
            + string.Concat(second.Select((t, i) => $"<token t_id=\"{i + 20}\" sentence=\"1\" number=\"{i}\">{t}</token>"));
        File.WriteAllText(file, $"<Document doc_name=\"1_1ecb.xml\">{tokens}<Markables/></Document>");

        // When it is read back as text
        string text = StoryBenchmark.EcbText(file);

        // Then each sentence is a paragraph, spaced as written prose
        Assert.Equal("\" We don't know (yet), \" she said.\n\nReid's rep spoke.", text);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    public static TheoryData<string[], string> Sentences => new()
    {
        // Crisis's tokenised sentences: punctuation and clitics glue to the word before, brackets to the word after
        { ["Egypt", "'s", "army", "(", "SCAF", ")", "said", ":", "no", "."], "Egypt's army (SCAF) said: no." },

        // LaTeX quotes become plain ones, and a negation's clitic stays on its verb
        { ["``", "We", "do", "n't", "know", "''"], "\" We don't know \"" },

        // Money and percentages keep their sign against the number
        { ["$", "5", "billion", ",", "up", "3", "%"], "$5 billion, up 3%" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Tokens_are_joined_back_into_a_sentence(string[] tokens, string sentence)
    {
        Assert.Equal(sentence, StoryBenchmark.Detokenize(tokens));
    }

    [Fact]
    public void The_shipped_model_is_the_one_in_models_stories()
    {
        // models/stories/merge-model.json is what 'storyline train stories' wrote; the defaults must match it.
        string json = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "stories", "merge-model.json"));
        StoredMergeModel stored = MergeModelJson.FromJson(json);

        Assert.Equal(stored.Model, MergeModel.Default);
        Assert.Equal(stored.MergeScore, ClusteringOptions.Default.MergeScore);
        Assert.Equal(stored.WindowDays, ClusteringOptions.Default.WindowDays);
        Assert.Equal(stored.TableIdf, ClusteringOptions.Default.WordIdf is not null);
        Assert.Equal(stored.TableIdf ? WordIdf.Shipped : null, ClusteringOptions.Default.WordIdf);
        Assert.Equal(TfidfBaseline.Threshold, MergeModelJson.BaselineThreshold(json));

        // And the evidence train stories searches its settings over is the evidence the file was fitted on
        string evidence = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("provenance").GetProperty("evidence").GetString()!;
        Assert.Equal(evidence, string.Join(", ", PairFit.Names.Where(TrainingGrid.SelectedEvidence.Contains)));
        Assert.Equal(TrainingGrid.SelectedEvidence, TrainingGrid.Default.Features);
    }

    [Theory]
    [InlineData("word-idf.tsv", true)]
    [InlineData("reports so far", false)]
    [InlineData(null, false)]
    public void A_model_file_says_where_its_words_idf_comes_from(string? source, bool table)
    {
        // Given the committed model file with the idf field set, or without it (as files written before it)
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "stories", "merge-model.json")))!.AsObject();
        json.Remove("wordIdf");
        if (source is not null)
        {
            json["wordIdf"] = source;
        }

        // When it is read and made into options
        StoredMergeModel stored = MergeModelJson.FromJson(json.ToJsonString());
        ClusteringOptions options = stored.Options();

        // Then the table is used exactly when the file names it (the program's own, loaded once)
        Assert.Equal(table, stored.TableIdf);
        Assert.Same(table ? WordIdf.Shipped : null, options.WordIdf);
    }

    [Fact]
    public void A_model_file_with_an_unknown_idf_source_is_refused()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "stories", "merge-model.json")))!.AsObject();
        json["wordIdf"] = "whole stream";

        var error = Assert.Throws<FormatException>(() => MergeModelJson.FromJson(json.ToJsonString()));

        Assert.Contains("whole stream", error.Message, StringComparison.Ordinal);
    }
}
