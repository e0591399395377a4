namespace Storyline.Storage.Relational;

/// <summary>What a column holds, in both stores: SQLite's INTEGER, REAL and TEXT; PostgreSQL's bigint, double precision and text.</summary>
public enum ColumnKind
{
    /// <summary>A whole number (64 bits).</summary>
    Integer,

    /// <summary>A floating-point number (64 bits).</summary>
    Real,

    /// <summary>Text, compared byte by byte.</summary>
    Text,
}

/// <summary>One column of an archive table.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="NotNull">Whether it must have a value.</param>
/// <param name="References">The table and column it refers to (<c>articles (id)</c>), where it is a foreign key.</param>
/// <param name="Unique">Whether its values are unique.</param>
/// <param name="Arrival">Whether it is the arrival order: numbered by the store as rows arrive, and the table's key.</param>
/// <param name="Default">Its value where none is given (SQL), for a column added after the table was first made: an older archive gains it with this value.</param>
public sealed record ArchiveColumn(string Name, ColumnKind Kind, bool NotNull = true, string? References = null, bool Unique = false, bool Arrival = false, string? Default = null);

/// <summary>An index of an archive table.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="IgnoringCase">Whether it is on its one column with ASCII letters folded (for look-ups by name in any case).</param>
public sealed record ArchiveIndex(string Name, IReadOnlyList<string> Columns, bool IgnoringCase = false);

/// <summary>An archive table: its columns, key and indexes, from which each store makes its schema.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="Key">Its primary key's columns.</param>
/// <param name="Indexes">Its other indexes.</param>
/// <param name="Content">Whether it holds the archive's content (copied by <c>migrate</c> and in its content hash), or a store's own bookkeeping.</param>
/// <param name="KeyOnly">Whether its rows are their key and little more (SQLite keeps such a table in its key's B-tree alone: WITHOUT ROWID).</param>
public sealed record ArchiveTable(
    string Name, IReadOnlyList<ArchiveColumn> Columns, IReadOnlyList<string> Key, IReadOnlyList<ArchiveIndex> Indexes, bool Content = true, bool KeyOnly = false)
{
    /// <summary>The order its rows are copied and hashed in: its key.</summary>
    public string OrderBy => string.Join(", ", Key);

    /// <summary>Its column names, comma-separated.</summary>
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>
/// The archive's tables, defined once: both stores make their schema from them (<see cref="SqlDialect.CreateTables"/>),
/// and <c>migrate</c> copies and hashes the content tables by them. What only one store has (SQLite's FTS5 index,
/// PostgreSQL's tsvector column and ingest queue) stays with that store.
/// </summary>
public static class ArchiveTables
{
    private static ArchiveColumn Int(string name, bool notNull = true, string? references = null) => new(name, ColumnKind.Integer, notNull, references);

    private static ArchiveColumn Text(string name, bool notNull = true, string? references = null) => new(name, ColumnKind.Text, notNull, references);

    private static ArchiveColumn Real(string name) => new(name, ColumnKind.Real);

    // A count added after the first version: an older archive gains it as 0.
    private static ArchiveColumn Votes(string name) => new(name, ColumnKind.Integer, Default: "0");

    private static ArchiveIndex Index(string name, params string[] columns) => new(name, columns);

    /// <summary>Schema version and other settings of the store.</summary>
    public static ArchiveTable Meta { get; } = new("meta", [Text("key"), Text("value")], ["key"], [], Content: false);

    /// <summary>
    /// The reports: text as read and cleaned, the analysis and story features as JSON with the analysis's version, the
    /// byline and paywall flag, and <c>seq</c>, the arrival order, which story assignment replays in.
    /// </summary>
    public static ArchiveTable Articles { get; } = new(
        "articles",
        [
            new ArchiveColumn("seq", ColumnKind.Integer, Arrival: true),
            new ArchiveColumn("id", ColumnKind.Text, Unique: true),
            Text("published"), Text("title", false), Text("outlet", false), Text("url", false), Text("origin", false), Text("dateline", false),
            Text("external_id", false), Text("body"), Text("analysis"), Int("analysis_version"), Text("features"), Text("ingested_at"),

            // The byline and whether the body is only a paywalled article's teaser: added after the first version, so an
            // older archive gains them as unknown (null) and not paywalled (0).
            new ArchiveColumn("author", ColumnKind.Text, NotNull: false, Default: "NULL"),
            new ArchiveColumn("paywalled", ColumnKind.Integer, Default: "0"),
        ],
        ["seq"],
        [Index("articles_published", "published")]);

    /// <summary>The stories; one merged into another keeps its row and points to it (<c>merged_into</c>).</summary>
    public static ArchiveTable Stories { get; } = new(
        "stories",
        [Int("id"), Text("title"), Text("first_report"), Text("last_report"), Int("report_count"), Int("merged_into", false)],
        ["id"],
        [Index("stories_last_report", "last_report")]);

    /// <summary>Each report's story, its arrival order, how well it fits, and the report it is a near-copy of.</summary>
    public static ArchiveTable StoryReports { get; } = new(
        "story_reports",
        [Text("article_id", references: "articles (id)"), Int("story_id", references: "stories (id)"), Int("seq"), Real("similarity"), Text("copy_of", false)],
        ["article_id"],
        [Index("story_reports_story", "story_id", "seq")]);

    /// <summary>
    /// The entities: the name of their first report, their type over the archive, and how many of their mentions were
    /// typed as each type, which that type is decided from (<c>ArchiveTypes</c> in Core).
    /// </summary>
    public static ArchiveTable Entities { get; } = new(
        "entities",
        [
            Text("key"), Text("type"), Text("name"),
            Votes("mentions_person"), Votes("mentions_organization"), Votes("mentions_location"), Votes("mentions_miscellaneous"),
        ],
        ["key"],
        []);

    /// <summary>Each mention of an entity in a report.</summary>
    public static ArchiveTable Mentions { get; } = new(
        "mentions",
        [Text("article_id", references: "articles (id)"), Int("start"), Int("length"), Text("entity_key", references: "entities (key)"), Int("sentence"), Text("role", false)],
        ["article_id", "start"],
        [Index("mentions_entity", "entity_key")]);

    /// <summary>Every alias (kind 'alias') and role (kind 'role') an entity had in any report.</summary>
    public static ArchiveTable EntityNames { get; } = new(
        "entity_names",
        [Text("entity_key", references: "entities (key)"), Text("kind"), Text("name")],
        ["entity_key", "kind", "name"],
        [new ArchiveIndex("entity_names_name", ["name"], IgnoringCase: true)],
        KeyOnly: true);

    /// <summary>Where a geocoded place or country is.</summary>
    public static ArchiveTable EntityPlaces { get; } = new(
        "entity_places",
        [Text("entity_key", references: "entities (key)"), Int("geonameid"), Text("name"), Text("country"), Real("latitude"), Real("longitude"), Int("population"), Text("feature_code")],
        ["entity_key"],
        []);

    /// <summary>One row per quote or attribution, for listing by story and speaker; the analysis JSON stays the record.</summary>
    public static ArchiveTable Quotes { get; } = new(
        "quotes",
        [
            Text("article_id", references: "articles (id)"), Int("ordinal"), Text("kind"), Int("sentence"), Int("content_start"), Int("content_length"),
            Text("speaker_key", false), Text("source_kind"), Text("source_text", false),
        ],
        ["article_id", "ordinal"],
        [Index("quotes_speaker", "speaker_key")]);

    /// <summary>For each term, the number of reports it occurs in (near-copies left out).</summary>
    public static ArchiveTable TermDf { get; } = new("term_df", [Text("term"), Int("df")], ["term"], [], KeyOnly: true);

    /// <summary>A story found to be the same as an earlier one, and the report at which that was found.</summary>
    public static ArchiveTable StoryMerges { get; } = new(
        "story_merges",
        [Int("from_story", references: "stories (id)"), Int("into_story", references: "stories (id)"), Text("at_report", references: "articles (id)"), Text("published")],
        ["from_story"],
        [Index("story_merges_into", "into_story")]);

    /// <summary>Every table, in the order they are created; referenced tables first.</summary>
    public static IReadOnlyList<ArchiveTable> All { get; } = [Meta, Articles, Stories, StoryReports, Entities, Mentions, EntityNames, EntityPlaces, Quotes, TermDf, StoryMerges];

    /// <summary>The content tables, in the order <c>migrate</c> copies and hashes them.</summary>
    public static IReadOnlyList<ArchiveTable> Content { get; } = [.. All.Where(t => t.Content)];
}
