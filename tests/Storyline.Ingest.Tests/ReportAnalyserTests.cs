using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Testing;

namespace Storyline.Ingest.Tests;

/// <summary>
/// The default pipeline is built when first needed, or in the background from when a queued run is made, so that
/// loading its models overlaps reading and queueing the input; whatever analyses waits for it.
/// </summary>
public sealed class ReportAnalyserTests : IDisposable
{
    private readonly ScratchFolder scratch = new("storyline-analyser");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void The_default_pipeline_is_built_by_the_first_analysis()
    {
        // Given an analyser made without a pipeline
        var analyser = new ReportAnalyser();
        Assert.False(analyser.IsLoaded);

        // When it analyses a report
        ReportAnalysis analysis = analyser.Analyse(new SourceReport("test", 1, new DateOnly(2023, 9, 12), "Kim Jong Un arrived in Vladivostok on Tuesday, state media said."));

        // Then it built the pipeline to do so
        Assert.True(analyser.IsLoaded);
        Assert.Null(analysis.Error);
        Assert.NotNull(analysis.Report);
    }

    [Fact]
    public void A_given_pipeline_is_loaded_from_the_start()
    {
        Assert.True(new ReportAnalyser(new PipelineBuilder().UseText().Build()).IsLoaded);
    }

    [Fact]
    public async Task Loading_in_the_background_builds_the_pipeline_without_an_analysis()
    {
        var analyser = new ReportAnalyser();

        analyser.LoadInBackground();

        await UntilLoadedAsync(analyser);
    }

    [Fact]
    public async Task The_single_process_ingestor_has_the_pipeline_built_when_it_is_made_before_it_takes_the_writer_lock()
    {
        await using SqliteStoryStore store = await SqliteStoryStore.OpenAsync(Path.Combine(scratch.Path, "archive.db"));
        var analyser = new ReportAnalyser();

        _ = new Ingestor(store, new IngestSettings { Analyser = analyser });

        Assert.True(analyser.IsLoaded);
    }

    [PostgresFact]
    public async Task A_queued_run_starts_loading_the_models_when_it_is_made_and_analyses_everything()
    {
        // Given a queued ingestor made with an analyser whose models are not loaded
        string db = TestPostgres.WithSchema(TestPostgres.NewSchema("loading"));
        string input = Path.Combine(scratch.Path, "reports.jsonl");
        await File.WriteAllTextAsync(input, StoryInputs.ToJsonLines(LoadTest.Generate(Path.Combine(TestPaths.Samples, "reports"), 20, seed: 7)));
        await using PostgresStoryStore store = await PostgresStoryStore.OpenAsync(db);
        var analyser = new ReportAnalyser();
        var ingestor = new QueuedIngestor(store, new IngestSettings { Analyser = analyser });

        // When nothing is asked of it, the models load all the same
        await UntilLoadedAsync(analyser);

        // And its run analyses and stores every report
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        IngestSummary summary = await ingestor.IngestAsync(new ReportSource(), [input], cancellationToken: limit.Token);
        Assert.Equal(20, summary.New);
        Assert.Empty(summary.Failures);
        Assert.Empty(await ArchiveChecks.CheckAsync(store));
    }

    // Waits (a minute at most, for a loaded machine) until the analyser's pipeline is built.
    private static async Task UntilLoadedAsync(ReportAnalyser analyser)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!analyser.IsLoaded && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
        }

        Assert.True(analyser.IsLoaded);
    }
}
