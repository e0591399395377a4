using Storyline.Ingest;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The one place that decides which ingestor an archive takes; <c>ingest</c>, <c>watch</c> and <c>serve</c>'s
/// <c>POST /api/ingest</c> all come through it. A PostgreSQL archive takes the queue, so that every writer, in any
/// process, goes through its one assigner; any other store takes the single-process <see cref="Ingestor"/>, which
/// waits for the archive's writer lock.
/// </summary>
public static class IngestorFactory
{
    /// <summary>The ingestor for <paramref name="store"/>; <paramref name="queued"/> sets how a queued run works, where it is one.</summary>
    public static IIngestor For(IStoryStore store, IngestSettings? settings = null, QueuedIngestOptions? queued = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store is PostgresStoryStore postgres ? new QueuedIngestor(postgres, settings, queued) : new Ingestor(store, settings);
    }
}
