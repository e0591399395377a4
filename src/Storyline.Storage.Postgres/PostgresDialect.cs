using Storyline.Storage.Relational;

namespace Storyline.Storage.Postgres;

/// <summary>
/// PostgreSQL's side of the shared SQL: text compared byte by byte (COLLATE "C", as SQLite's BINARY), a sequence for the
/// arrival order, the search column (a tsvector in place of FTS5), and ASCII folding by translate() (SQLite's lower()
/// and NOCASE fold ASCII letters only).
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";

    public static PostgresDialect Instance { get; } = new();

    protected override string KeyOnlyOption => string.Empty;

    protected override bool DeclaresReferences => false;

    public override string AsciiLower(string expression) => $"translate({expression}, '{Upper}', '{Lower}')";

    // The form the caseless index (translate(name, …)) answers.
    public override string EqualsIgnoringCase(string column, string value) => $"{AsciiLower(column)} = {AsciiLower(value)}";

    protected override string TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "bigint",
        ColumnKind.Real => "double precision",
        _ => "text COLLATE \"C\"",
    };

    protected override string ArrivalColumn(string name) => name + " bigserial PRIMARY KEY";

    protected override string IgnoringCase(string column) => AsciiLower(column);

    protected override IEnumerable<string> ExtraColumns(ArchiveTable table) =>
        table == ArchiveTables.Articles ? ["search tsvector NOT NULL"] : [];
}
