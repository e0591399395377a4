using Storyline.Storage.Relational;

namespace Storyline.Storage;

/// <summary>SQLite's side of the shared SQL: its types, its rowid arrival order, WITHOUT ROWID tables, and NOCASE for ASCII folding.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    protected override string KeyOnlyOption => " WITHOUT ROWID";

    public override string AsciiLower(string expression) => $"lower({expression})";

    // The form the caseless index (name COLLATE NOCASE) answers.
    public override string EqualsIgnoringCase(string column, string value) => $"{column} = {value} COLLATE NOCASE";

    protected override string TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "INTEGER",
        ColumnKind.Real => "REAL",
        _ => "TEXT",
    };

    // The rowid itself: numbered in insertion order.
    protected override string ArrivalColumn(string name) => name + " INTEGER PRIMARY KEY";

    protected override string IgnoringCase(string column) => column + " COLLATE NOCASE";
}
