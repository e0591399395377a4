namespace Storyline.Storage;

/// <summary>The SQLite schema. One version number for the whole of it; a newer file is refused, never rewritten.</summary>
internal static class SqliteSchema
{
    // 2: entity_names (aliases and roles) and entity_places; a version-1 file gains them on opening.
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- seq is the arrival order: story assignment replays in it.
        CREATE TABLE IF NOT EXISTS articles (
            seq              INTEGER PRIMARY KEY,
            id               TEXT NOT NULL UNIQUE,
            published        TEXT NOT NULL,
            title            TEXT,
            outlet           TEXT,
            url              TEXT,
            origin           TEXT,
            dateline         TEXT,
            external_id      TEXT,
            body             TEXT NOT NULL,
            analysis         TEXT NOT NULL,
            analysis_version INTEGER NOT NULL,
            features         TEXT NOT NULL,
            ingested_at      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
        CREATE TABLE IF NOT EXISTS stories (
            id           INTEGER PRIMARY KEY,
            title        TEXT NOT NULL,
            first_report TEXT NOT NULL,
            last_report  TEXT NOT NULL,
            report_count INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS stories_last_report ON stories (last_report);
        CREATE TABLE IF NOT EXISTS story_reports (
            article_id TEXT PRIMARY KEY REFERENCES articles (id),
            story_id   INTEGER NOT NULL REFERENCES stories (id),
            seq        INTEGER NOT NULL,
            similarity REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_reports_story ON story_reports (story_id, seq);
        CREATE TABLE IF NOT EXISTS entities (
            key  TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS mentions (
            article_id TEXT NOT NULL REFERENCES articles (id),
            start      INTEGER NOT NULL,
            length     INTEGER NOT NULL,
            entity_key TEXT NOT NULL REFERENCES entities (key),
            sentence   INTEGER NOT NULL,
            role       TEXT,
            PRIMARY KEY (article_id, start)
        );
        CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_key);
        -- Every alias (kind 'alias') and role (kind 'role') an entity had in any report.
        CREATE TABLE IF NOT EXISTS entity_names (
            entity_key TEXT NOT NULL REFERENCES entities (key),
            kind       TEXT NOT NULL,
            name       TEXT NOT NULL,
            PRIMARY KEY (entity_key, kind, name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS entity_names_name ON entity_names (name COLLATE NOCASE);
        -- Where a geocoded place or country is.
        CREATE TABLE IF NOT EXISTS entity_places (
            entity_key   TEXT PRIMARY KEY REFERENCES entities (key),
            geonameid    INTEGER NOT NULL,
            name         TEXT NOT NULL,
            country      TEXT NOT NULL,
            latitude     REAL NOT NULL,
            longitude    REAL NOT NULL,
            population   INTEGER NOT NULL,
            feature_code TEXT NOT NULL
        );
        -- One row per quote or attribution, for listing by story and speaker; the analysis JSON stays the record.
        CREATE TABLE IF NOT EXISTS quotes (
            article_id     TEXT NOT NULL REFERENCES articles (id),
            ordinal        INTEGER NOT NULL,
            kind           TEXT NOT NULL,
            sentence       INTEGER NOT NULL,
            content_start  INTEGER NOT NULL,
            content_length INTEGER NOT NULL,
            speaker_key    TEXT,
            source_kind    TEXT NOT NULL,
            source_text    TEXT,
            PRIMARY KEY (article_id, ordinal)
        );
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_key);
        CREATE TABLE IF NOT EXISTS term_df (
            term TEXT PRIMARY KEY,
            df   INTEGER NOT NULL
        ) WITHOUT ROWID;
        -- A story found to be the same as an earlier one, and the report at which that was found (stories issue).
        CREATE TABLE IF NOT EXISTS story_merges (
            from_story INTEGER PRIMARY KEY REFERENCES stories (id),
            into_story INTEGER NOT NULL REFERENCES stories (id),
            at_report  TEXT NOT NULL REFERENCES articles (id),
            published  TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_merges_into ON story_merges (into_story);
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
            title, body, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
        );
        """;

    /// <summary>
    /// Columns added after version 1, as (table, column, definition): added where missing when a store is opened, so
    /// that older files gain them without a version change (older programs ignore them).
    /// </summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        // The report this one is a near-copy of (syndicated, republished); null for an original.
        ("story_reports", "copy_of", "TEXT"),

        // The story this one was merged into; null while it stands on its own.
        ("stories", "merged_into", "INTEGER"),

        // How many mentions of the entity, over the archive, were typed as each type: its type is decided from them
        // (ArchiveTypes in Core). An archive written before they existed starts them at 0.
        ("entities", "mentions_person", "INTEGER NOT NULL DEFAULT 0"),
        ("entities", "mentions_organization", "INTEGER NOT NULL DEFAULT 0"),
        ("entities", "mentions_location", "INTEGER NOT NULL DEFAULT 0"),
        ("entities", "mentions_miscellaneous", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
