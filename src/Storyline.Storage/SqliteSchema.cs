using Storyline.Storage.Relational;

namespace Storyline.Storage;

/// <summary>
/// The SQLite schema: the archive's tables (<see cref="ArchiveTables"/>) in SQLite's types, and the FTS5 index. One
/// version number for the whole of it; a newer file is refused, never rewritten.
/// </summary>
internal static class SqliteSchema
{
    // 2: entity_names (aliases and roles) and entity_places; a version-1 file gains them on opening.
    // 3: articles.author and articles.paywalled; an older file gains them on opening (reports stored before keep no
    // byline and are not paywalled), and an older program refuses the file rather than store reports without them.
    public const int Version = 3;

    public static readonly string Create = SqliteDialect.Instance.CreateTables() + """
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

        // A report's byline, and whether its body is only a paywalled article's teaser (1): unknown and 0 for reports
        // stored before they existed.
        ("articles", "author", "TEXT"),
        ("articles", "paywalled", "INTEGER NOT NULL DEFAULT 0"),
    ];
}
