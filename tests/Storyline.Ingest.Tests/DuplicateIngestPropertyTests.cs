using FsCheck;
using FsCheck.Fluent;
using Storyline.Domain;
using Storyline.Sources;
using Storyline.Storage;

namespace Storyline.Ingest.Tests;

/// <summary>
/// Ingesting is idempotent: any interleaving of duplicates of a batch leaves exactly one copy of each report and the
/// same stories as ingesting the batch once in its first-seen order.
/// </summary>
public sealed class DuplicateIngestPropertyTests : IDisposable
{
    // Twelve reports of the sample: enough for several stories, few enough for many runs.
    private static readonly SourceReport[] Pool = [.. Corpus.Sample.Take(12)];
    private readonly ScratchFolder scratch = new("storyline-prop");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Duplicates_in_any_order_and_any_split_give_the_first_seen_archive()
    {
        // A sequence of pool indices with repeats, and a point where it is split into two ingest runs.
        Gen<(int[] Sequence, int Split)> cases =
            from length in Gen.Choose(1, 24)
            from sequence in Gen.ArrayOf(Gen.Choose(0, Pool.Length - 1), length)
            from split in Gen.Choose(0, length)
            select (sequence, split);

        Prop.ForAll(cases.ToArbitrary(), c => Holds(c.Sequence, c.Split))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(12).WithReplay(20231112UL, 7UL));
    }

    private bool Holds(int[] sequence, int split)
    {
        // Given the sequence ingested as it is, in two runs, and then once more in full
        string withDuplicates = NewDb();
        IngestSummary first = Ingest(withDuplicates, sequence[..split]);
        IngestSummary second = Ingest(withDuplicates, sequence);
        string hashAfterTwoRuns = ArchiveSnapshot.Hash(withDuplicates);
        IngestSummary third = Ingest(withDuplicates, sequence);

        // And the first-seen order without duplicates, split at the same point
        int[] firstSeen = [.. sequence.Distinct()];
        int[] firstRun = [.. sequence[..split].Distinct()];
        string clean = NewDb();
        Ingest(clean, firstRun);
        Ingest(clean, [.. firstSeen.Except(firstRun)]);

        // Then the archives are equal, each report is stored once, and a repeat run stores nothing
        int distinct = firstSeen.Length;
        return hashAfterTwoRuns == ArchiveSnapshot.Hash(clean)
            && ArchiveSnapshot.Hash(withDuplicates) == hashAfterTwoRuns
            && first.New + second.New == distinct
            && first.Duplicates + second.Duplicates == split + sequence.Length - distinct
            && third.New == 0 && third.Duplicates == sequence.Length;
    }

    private string NewDb() => Path.Combine(scratch.Path, Guid.NewGuid().ToString("N") + ".db");

    private static IngestSummary Ingest(string db, int[] indices)
    {
        return Task.Run(async () =>
        {
            await using IStoryStore store = await SqliteStoryStore.OpenAsync(db);
            return await new Ingestor(store).IngestAsync(Reads(indices));
        }).GetAwaiter().GetResult();
    }

    private static async IAsyncEnumerable<ReadResult> Reads(int[] indices)
    {
        foreach (int i in indices)
        {
            yield return new ReportRead(Pool[i]);
        }

        await Task.CompletedTask;
    }
}
