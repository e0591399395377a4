using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage;

namespace Storyline.Ingest.Tests;

/// <summary>
/// Two writers on one SQLite file at once: the second waits for the first, so the archive is the one a sequential run
/// makes (the first writer's reports, then the second's), stories are never fused and the writers' counts add up.
/// </summary>
public sealed class ConcurrentSqliteIngestTests : IDisposable
{
    private readonly ScratchFolder scratch = new("storyline-concurrent");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Two_ingest_processes_on_one_file_make_the_archive_of_one_sequential_run()
    {
        // Given two inputs on different stories: UAW and Kim reports in one, Derna and Harbourton reports in the other
        const int Each = 150;
        string[] inputs =
        [
            StoryInputs.Write(scratch.Path, "uaw-kim", ["uaw-strike", "kim-putin"], Each, seed: 3),
            StoryInputs.Write(scratch.Path, "derna-harbourton", ["derna-flood", "harbourton-water"], Each, seed: 4),
        ];

        // When two storyline ingest processes write them into one new file at the same time
        string db = Path.Combine(scratch.Path, "both.db");
        JsonElement[] outputs = await Task.WhenAll(inputs.Select(input => StorylineProcess.IngestAsync(input, db)));

        // Then each counted exactly its own reports as new
        Assert.All(outputs, o => Assert.Equal(Each, o.GetProperty("new").GetInt32()));

        // And the archive is the one a single process makes of the two inputs one after the other, in the order in which
        // the two wrote: no story has reports of both inputs, and no report was numbered or ordered as the other's
        string firstStored = FirstStoredReport(db);
        int first = outputs[0].GetProperty("assignments").EnumerateArray().Any(a => a.GetProperty("report").GetString() == firstStored) ? 0 : 1;
        string sequential = Path.Combine(scratch.Path, "sequential.db");
        await IngestInOrderAsync(sequential, [[inputs[first]], [inputs[1 - first]]]);
        Assert.Equal(ArchiveSnapshot.TableHashes(sequential).Values, ArchiveSnapshot.TableHashes(db).Values);
    }

    [Fact]
    public async Task Two_ingestors_at_once_with_overlapping_inputs_count_each_stored_report_once()
    {
        // Given 120 reports of all four sample stories, as two overlapping halves: reports 0-79 and 40-119
        string all = StoryInputs.Write(scratch.Path, "all", ["uaw-strike", "kim-putin", "derna-flood", "harbourton-water"], 120, seed: 9);
        string[] lines = await File.ReadAllLinesAsync(all);
        string[] halves = [Path.Combine(scratch.Path, "first.jsonl"), Path.Combine(scratch.Path, "second.jsonl")];
        await File.WriteAllLinesAsync(halves[0], lines[..80]);
        await File.WriteAllLinesAsync(halves[1], lines[40..]);

        // When two ingestors of this process, each with its own connection, ingest the halves into one file at once
        string db = Path.Combine(scratch.Path, "overlap.db");
        IngestSummary[] summaries = await Task.WhenAll(halves.Select(half => Task.Run(async () =>
        {
            await using IStoryStore store = await SqliteStoryStore.OpenAsync(db);
            return await new Ingestor(store).IngestAsync(new ReportSource(), [half]);
        })));

        // Then the reports they count as new add up to what the archive holds, each counted by one of them
        Assert.Equal(120, summaries.Sum(s => s.New));
        Assert.Equal(40, summaries.Sum(s => s.Duplicates));
        Assert.Equal(120, summaries.SelectMany(s => s.Assignments).Select(a => a.Report).Distinct().Count());

        // And the archive is that of the two runs one after the other, the one that stored all of its half first
        int first = summaries[0].New == 80 ? 0 : 1;
        string sequential = Path.Combine(scratch.Path, "overlap-sequential.db");
        await IngestInOrderAsync(sequential, [[halves[first]], [halves[1 - first]]]);
        Assert.Equal(ArchiveSnapshot.TableHashes(sequential).Values, ArchiveSnapshot.TableHashes(db).Values);
    }

    // One ingest run per group of inputs, one after the other, in this process.
    private static async Task IngestInOrderAsync(string db, string[][] runs)
    {
        foreach (string[] run in runs)
        {
            await using IStoryStore store = await SqliteStoryStore.OpenAsync(db);
            await new Ingestor(store).IngestAsync(new ReportSource(), run);
        }
    }

    private static string FirstStoredReport(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM articles ORDER BY seq LIMIT 1";
        return (string)command.ExecuteScalar()!;
    }
}
