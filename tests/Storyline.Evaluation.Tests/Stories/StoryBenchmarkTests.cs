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

    [Fact]
    public void The_shipped_model_is_the_one_in_models_stories()
    {
        // models/stories/merge-model.json is what 'storyline train stories' wrote; the defaults must match it.
        string json = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "models", "stories", "merge-model.json"));
        StoredMergeModel stored = MergeModelJson.FromJson(json);

        Assert.Equal(stored.Model, MergeModel.Default);
        Assert.Equal(stored.MergeScore, ClusteringOptions.Default.MergeScore);
        Assert.Equal(stored.WindowDays, ClusteringOptions.Default.WindowDays);
        Assert.Equal(TfidfBaseline.Threshold, MergeModelJson.BaselineThreshold(json));

        // And the evidence train stories searches its settings over is the evidence the file was fitted on
        string evidence = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("provenance").GetProperty("evidence").GetString()!;
        Assert.Equal(evidence, string.Join(", ", PairFit.Names.Where(TrainingGrid.SelectedEvidence.Contains)));
        Assert.Equal(TrainingGrid.SelectedEvidence, TrainingGrid.Default.Features);
    }
}
