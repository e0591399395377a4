using System.Text;

namespace Storyline.Storage.Relational;

/// <summary>
/// What the two stores' SQL differs in, and nothing else: column types and table options in the schema, and the few
/// expressions the shared queries need (ASCII case folding). Both stores name parameters <c>@name</c>.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The DDL that creates every table of <see cref="ArchiveTables.All"/>, and its indexes, where missing.</summary>
    public string CreateTables()
    {
        var sql = new StringBuilder();
        foreach (ArchiveTable table in ArchiveTables.All)
        {
            var lines = new List<string>();
            foreach (ArchiveColumn column in table.Columns)
            {
                bool key = table.Key.Count == 1 && table.Key[0] == column.Name;
                string line = column.Arrival ? ArrivalColumn(column.Name) : $"{column.Name} {TypeOf(column.Kind)}";
                if (key && !column.Arrival)
                {
                    line += " PRIMARY KEY";
                }
                else if (column.NotNull && !key)
                {
                    line += " NOT NULL";
                }

                if (column.Default is string value)
                {
                    line += " DEFAULT " + value;
                }

                if (column.Unique)
                {
                    line += " UNIQUE";
                }

                if (column.References is string target && DeclaresReferences)
                {
                    line += " REFERENCES " + target;
                }

                lines.Add(line);
            }

            lines.AddRange(ExtraColumns(table));
            if (table.Key.Count > 1)
            {
                lines.Add($"PRIMARY KEY ({string.Join(", ", table.Key)})");
            }

            sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append(" (\n    ")
                .Append(string.Join(",\n    ", lines)).Append("\n)").Append(table.KeyOnly ? KeyOnlyOption : string.Empty).Append(";\n");
            foreach (ArchiveIndex index in table.Indexes)
            {
                string columns = index.IgnoringCase ? IgnoringCase(index.Columns[0]) : string.Join(", ", index.Columns);
                sql.Append("CREATE INDEX IF NOT EXISTS ").Append(index.Name).Append(" ON ").Append(table.Name).Append(" (").Append(columns).Append(");\n");
            }
        }

        return sql.ToString();
    }

    /// <summary>
    /// The DDL that adds, where missing, each column of <see cref="ArchiveTables.All"/> that has a default (those added
    /// after a table was first made), for a store whose server can add a column only if it is missing.
    /// </summary>
    public string AddColumnsIfMissing() => string.Concat(
        from table in ArchiveTables.All
        from column in table.Columns
        where column.Default is not null
        select $"ALTER TABLE {table.Name} ADD COLUMN IF NOT EXISTS {column.Name} {TypeOf(column.Kind)}{(column.NotNull ? " NOT NULL" : string.Empty)} DEFAULT {column.Default};\n");

    /// <summary>
    /// Whether the schema declares the tables' references (<see cref="ArchiveColumn.References"/>) as foreign keys, which
    /// the server then checks row by row; a store that does not checks each batch's references itself.
    /// </summary>
    protected virtual bool DeclaresReferences => true;

    /// <summary>The type of a column that holds <paramref name="kind"/>.</summary>
    protected abstract string TypeOf(ColumnKind kind);

    /// <summary>The definition of an arrival-order column: numbered by the store as rows arrive, and the key.</summary>
    protected abstract string ArrivalColumn(string name);

    /// <summary>What follows the table definition of a <see cref="ArchiveTable.KeyOnly"/> table (nothing where the store has no such option).</summary>
    protected abstract string KeyOnlyOption { get; }

    /// <summary>The indexed expression of an index on <paramref name="column"/> with ASCII letters folded.</summary>
    protected abstract string IgnoringCase(string column);

    /// <summary>Columns only this store's version of <paramref name="table"/> has.</summary>
    protected virtual IEnumerable<string> ExtraColumns(ArchiveTable table) => [];

    /// <summary><paramref name="expression"/> with the ASCII letters A–Z lower-cased and nothing else changed (SQLite's <c>lower</c>).</summary>
    public abstract string AsciiLower(string expression);

    /// <summary>A condition: <paramref name="column"/> equals <paramref name="value"/> with ASCII letters folded, as its caseless index can answer it.</summary>
    public abstract string EqualsIgnoringCase(string column, string value);
}
