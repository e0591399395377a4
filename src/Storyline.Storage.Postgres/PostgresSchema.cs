namespace Storyline.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema: the archive's tables (<see cref="Relational.ArchiveTables"/>, as the SQLite store has them, so
/// that an archive copies across table by table), text compared byte-wise (COLLATE "C", as SQLite's BINARY), dates as
/// 'yyyy-MM-dd' text, full-text search as a tsvector column with a GIN index in place of FTS5, and the ingest queue.
/// One version number for the whole of it; a newer database is refused, never rewritten.
/// </summary>
internal static class PostgresSchema
{
    public const int Version = 1;

    public static readonly string Create = PostgresDialect.Instance.CreateTables() + """
        CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin (search);
        -- Reports waiting for parallel ingest workers (see IngestQueue): read, then analysed, then stored, failed, or a
        -- duplicate (found stored already when its turn came).
        CREATE TABLE IF NOT EXISTS ingest_queue (
            seq       bigserial PRIMARY KEY,
            id        text COLLATE "C" NOT NULL UNIQUE,
            published text COLLATE "C" NOT NULL,
            run_id    text COLLATE "C" NOT NULL,
            state     text COLLATE "C" NOT NULL DEFAULT 'queued',
            source    text NOT NULL,
            article   text,
            analysis  text,
            features  text,
            error     text,
            story_id  bigint,
            new_story boolean,
            similarity double precision,
            story_title text
        );
        CREATE INDEX IF NOT EXISTS ingest_queue_order ON ingest_queue (published, seq) WHERE state IN ('queued', 'analysed');
        CREATE INDEX IF NOT EXISTS ingest_queue_run ON ingest_queue (run_id);
        """;
}
