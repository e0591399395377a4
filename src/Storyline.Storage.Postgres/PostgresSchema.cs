namespace Storyline.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema: the archive's tables (<see cref="Relational.ArchiveTables"/>, as the SQLite store has them, so
/// that an archive copies across table by table), text compared byte-wise (COLLATE "C", as SQLite's BINARY), dates as
/// 'yyyy-MM-dd' text, full-text search as a tsvector column with a GIN index in place of FTS5, and the ingest queue.
/// One version number for the whole of it; a newer database is refused, never rewritten.
/// </summary>
internal static class PostgresSchema
{
    // 2: articles.author and articles.paywalled; an older database gains them on opening (reports stored before keep
    // no byline and are not paywalled), and an older program refuses the database rather than store reports without them.
    // 3: no foreign keys: the one writer checks each batch's references in one statement instead of the server row by row
    // (PostgresStoryStore.CheckedReferences); an older database's are dropped on opening, its rows unchanged.
    // 4: the queue is taken in (published, id) order, the order of every store (ReportOrder), not in the order runs
    // queued their reports: an older program would assign another run's reports in its own order beside this one.
    public const int Version = 4;

    public static readonly string Create = PostgresDialect.Instance.CreateTables() + PostgresDialect.Instance.AddColumnsIfMissing() + DropForeignKeys() + """
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
            story_title text,
            search    text,
            payload   bytea
        );
        ALTER TABLE ingest_queue ADD COLUMN IF NOT EXISTS search text;
        ALTER TABLE ingest_queue ADD COLUMN IF NOT EXISTS payload bytea;
        DROP INDEX IF EXISTS ingest_queue_order;
        CREATE INDEX IF NOT EXISTS ingest_queue_by_date ON ingest_queue (published, id) WHERE state IN ('queued', 'analysed');
        CREATE INDEX IF NOT EXISTS ingest_queue_run ON ingest_queue (run_id);
        """;

    /// <summary>
    /// The DDL that drops, where present, each foreign key an archive before version 3 declared: one for each reference of
    /// <see cref="Relational.ArchiveTables"/>, under the name the server gave it (table, column, <c>fkey</c>).
    /// </summary>
    public static string DropForeignKeys() => string.Concat(
        from table in Relational.ArchiveTables.All
        from column in table.Columns
        where column.References is not null
        select $"ALTER TABLE {table.Name} DROP CONSTRAINT IF EXISTS {table.Name}_{column.Name}_fkey;\n");

    // Whether the server was built with lz4 (PostgreSQL 14 or later, configured --with-lz4), as an SQL condition.
    private const string ServerHasLz4 = "EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals))";

    /// <summary>
    /// Whether <see cref="Tuning"/> is to be applied: the queue's last column is still compressed (a new archive, or one
    /// tuned before it had that column), or the articles' analysis is still compressed with pglz on a server that has lz4
    /// (an archive tuned before lz4 was asked for).
    /// </summary>
    public const string NeedsTuning = $$"""
        SELECT NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'ingest_queue'::regclass AND attname = 'payload' AND attstorage = 'e')
            OR ({{ServerHasLz4}}
                AND NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'analysis' AND attcompression = 'l'))
        """;

    /// <summary>
    /// How the server keeps the tables, set once (it changes no content): the queue is work in progress, written and read
    /// back once per report, so it is UNLOGGED (no write-ahead log: a crash of the server empties it, and the runs that
    /// queued into it fail and are run again; what is stored stays) and its large columns are not compressed; the
    /// articles' text and JSON are compressed with lz4 where the server has it (pglz, the default, took 0.51 ms of the
    /// server's CPU a report on Timeline17 and lz4 0.12, for 16 % more room: PERFORMANCE.md); the rows
    /// updated in place at every batch (document frequencies, stories) leave room in their pages, so that an update
    /// stays in its page and touches no index.
    /// </summary>
    public const string Tuning = $$"""
        ALTER TABLE ingest_queue SET UNLOGGED;
        ALTER TABLE ingest_queue ALTER COLUMN source SET STORAGE EXTERNAL, ALTER COLUMN article SET STORAGE EXTERNAL,
            ALTER COLUMN analysis SET STORAGE EXTERNAL, ALTER COLUMN features SET STORAGE EXTERNAL, ALTER COLUMN search SET STORAGE EXTERNAL,
            ALTER COLUMN payload SET STORAGE EXTERNAL;
        ALTER TABLE term_df SET (fillfactor = 70);
        ALTER TABLE stories SET (fillfactor = 80);
        DO $tuning$
        BEGIN
            IF {{ServerHasLz4}} THEN
                EXECUTE 'ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN analysis SET COMPRESSION lz4, '
                    || 'ALTER COLUMN features SET COMPRESSION lz4';
            END IF;
        END
        $tuning$;
        """;
}
