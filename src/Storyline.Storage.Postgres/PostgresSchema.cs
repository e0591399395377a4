namespace Storyline.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema: the SQLite store's tables column for column (so that an archive copies across table by
/// table), text compared byte-wise (COLLATE "C", as SQLite's BINARY), dates as 'yyyy-MM-dd' text, and full-text
/// search as a tsvector column with a GIN index in place of FTS5. One version number for the whole of it; a newer
/// database is refused, never rewritten.
/// </summary>
internal static class PostgresSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   text COLLATE "C" PRIMARY KEY,
            value text NOT NULL
        );
        -- seq is the arrival order: story assignment replays in it. search is the FTS5 index's stand-in.
        CREATE TABLE IF NOT EXISTS articles (
            seq              bigserial PRIMARY KEY,
            id               text COLLATE "C" NOT NULL UNIQUE,
            published        text COLLATE "C" NOT NULL,
            title            text COLLATE "C",
            outlet           text COLLATE "C",
            url              text COLLATE "C",
            origin           text COLLATE "C",
            dateline         text COLLATE "C",
            external_id      text COLLATE "C",
            body             text COLLATE "C" NOT NULL,
            analysis         text NOT NULL,
            analysis_version bigint NOT NULL,
            features         text NOT NULL,
            ingested_at      text NOT NULL,
            search           tsvector NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
        CREATE INDEX IF NOT EXISTS articles_search ON articles USING gin (search);
        CREATE TABLE IF NOT EXISTS stories (
            id           bigint PRIMARY KEY,
            title        text COLLATE "C" NOT NULL,
            first_report text COLLATE "C" NOT NULL,
            last_report  text COLLATE "C" NOT NULL,
            report_count bigint NOT NULL,
            merged_into  bigint
        );
        CREATE INDEX IF NOT EXISTS stories_last_report ON stories (last_report);
        CREATE TABLE IF NOT EXISTS story_reports (
            article_id text COLLATE "C" PRIMARY KEY REFERENCES articles (id),
            story_id   bigint NOT NULL REFERENCES stories (id),
            seq        bigint NOT NULL,
            similarity double precision NOT NULL,
            copy_of    text COLLATE "C"
        );
        CREATE INDEX IF NOT EXISTS story_reports_story ON story_reports (story_id, seq);
        CREATE TABLE IF NOT EXISTS entities (
            key  text COLLATE "C" PRIMARY KEY,
            type text COLLATE "C" NOT NULL,
            name text COLLATE "C" NOT NULL
        );
        -- How many mentions of the entity were typed as each type: its type is decided from them (ArchiveTypes).
        ALTER TABLE entities ADD COLUMN IF NOT EXISTS mentions_person bigint NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN IF NOT EXISTS mentions_organization bigint NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN IF NOT EXISTS mentions_location bigint NOT NULL DEFAULT 0;
        ALTER TABLE entities ADD COLUMN IF NOT EXISTS mentions_miscellaneous bigint NOT NULL DEFAULT 0;
        CREATE TABLE IF NOT EXISTS mentions (
            article_id text COLLATE "C" NOT NULL REFERENCES articles (id),
            start      bigint NOT NULL,
            length     bigint NOT NULL,
            entity_key text COLLATE "C" NOT NULL REFERENCES entities (key),
            sentence   bigint NOT NULL,
            role       text COLLATE "C",
            PRIMARY KEY (article_id, start)
        );
        CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_key);
        CREATE TABLE IF NOT EXISTS entity_names (
            entity_key text COLLATE "C" NOT NULL REFERENCES entities (key),
            kind       text COLLATE "C" NOT NULL,
            name       text COLLATE "C" NOT NULL,
            PRIMARY KEY (entity_key, kind, name)
        );
        CREATE INDEX IF NOT EXISTS entity_names_name ON entity_names (translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));
        CREATE TABLE IF NOT EXISTS entity_places (
            entity_key   text COLLATE "C" PRIMARY KEY REFERENCES entities (key),
            geonameid    bigint NOT NULL,
            name         text COLLATE "C" NOT NULL,
            country      text COLLATE "C" NOT NULL,
            latitude     double precision NOT NULL,
            longitude    double precision NOT NULL,
            population   bigint NOT NULL,
            feature_code text COLLATE "C" NOT NULL
        );
        CREATE TABLE IF NOT EXISTS quotes (
            article_id     text COLLATE "C" NOT NULL REFERENCES articles (id),
            ordinal        bigint NOT NULL,
            kind           text COLLATE "C" NOT NULL,
            sentence       bigint NOT NULL,
            content_start  bigint NOT NULL,
            content_length bigint NOT NULL,
            speaker_key    text COLLATE "C",
            source_kind    text COLLATE "C" NOT NULL,
            source_text    text COLLATE "C",
            PRIMARY KEY (article_id, ordinal)
        );
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_key);
        CREATE TABLE IF NOT EXISTS term_df (
            term text COLLATE "C" PRIMARY KEY,
            df   bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS story_merges (
            from_story bigint PRIMARY KEY REFERENCES stories (id),
            into_story bigint NOT NULL REFERENCES stories (id),
            at_report  text COLLATE "C" NOT NULL REFERENCES articles (id),
            published  text COLLATE "C" NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_merges_into ON story_merges (into_story);
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
