using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Storyline.Storage.Relational;

namespace Storyline.Storage.Postgres;

/// <summary>
/// Copies an archive between stores, SQLite to PostgreSQL or back, table by table (both schemas are made from
/// <see cref="ArchiveTables"/>), arrival order and story numbers kept, the search index rebuilt on the target. The target
/// must hold no report. <see cref="HashAsync"/> gives the same content hash for the same archive in either store.
/// </summary>
public static class ArchiveCopy
{
    /// <summary>What a copy did: rows per table, and the content hash of the source and of the target after it.</summary>
    /// <param name="Rows">Rows copied, by table.</param>
    /// <param name="SourceHash">Content hash of the source.</param>
    /// <param name="TargetHash">Content hash of the target after the copy (equal to the source's when all went well).</param>
    public sealed record Result(IReadOnlyDictionary<string, long> Rows, string SourceHash, string TargetHash);

    /// <summary>Copies the archive at <paramref name="from"/> to the empty store at <paramref name="to"/> (each a SQLite path or a PostgreSQL target).</summary>
    /// <exception cref="StoreException">Either store cannot be opened, they are the same, or the target holds reports.</exception>
    public static async Task<Result> CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        await using DbConnection source = await OpenAsync(from, StoreAccess.Read, cancellationToken).ConfigureAwait(false);
        await using DbConnection target = await OpenAsync(to, StoreAccess.Write, cancellationToken).ConfigureAwait(false);
        if (await CountAsync(target, "SELECT count(*) FROM articles", cancellationToken).ConfigureAwait(false) > 0)
        {
            throw new StoreException($"{Describe(to)}: the target already holds reports; copy into an empty store");
        }

        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (DbTransaction transaction = await target.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Tables emptied first: a store with no report may still hold stories or terms of a failed copy.
            foreach (ArchiveTable table in ArchiveTables.Content.Reverse())
            {
                await ExecuteAsync(target, transaction, $"DELETE FROM {table.Name}", cancellationToken).ConfigureAwait(false);
            }

            foreach (ArchiveTable table in ArchiveTables.Content)
            {
                rows[table.Name] = target is NpgsqlConnection postgres
                    ? await CopyToPostgresAsync(source, postgres, table, cancellationToken).ConfigureAwait(false)
                    : await CopyToSqliteAsync(source, (SqliteConnection)target, (SqliteTransaction)transaction, table, cancellationToken).ConfigureAwait(false);
            }

            if (target is NpgsqlConnection)
            {
                await ExecuteAsync(target, transaction, "SELECT setval(pg_get_serial_sequence('articles', 'seq'), coalesce((SELECT max(seq) FROM articles), 0) + 1, false)", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ExecuteAsync(target, transaction, "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')", cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return new Result(rows, await HashConnectionAsync(source, cancellationToken).ConfigureAwait(false), await HashConnectionAsync(target, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The content hash (SHA-256, hex) of the archive at <paramref name="db"/>: every row of every table, in key order.</summary>
    public static async Task<string> HashAsync(string db, CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = await OpenAsync(db, StoreAccess.Read, cancellationToken).ConfigureAwait(false);
        return await HashConnectionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> HashConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (ArchiveTable table in ArchiveTables.Content)
        {
            Append(hash, "T" + table.Name);
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT {table.ColumnList} FROM {table.Name} ORDER BY {table.OrderBy}";
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                Append(hash, "R");
                for (int i = 0; i < table.Columns.Count; i++)
                {
                    object? value = Read(reader, i, table.Columns[i].Kind);
                    Append(hash, value switch
                    {
                        null => "N",
                        long l => "I" + l.ToString(CultureInfo.InvariantCulture),
                        double d => "D" + d.ToString("R", CultureInfo.InvariantCulture),
                        string s => "S" + s,
                        _ => throw new InvalidOperationException("unexpected value"),
                    });
                }
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    private static object? Read(DbDataReader reader, int ordinal, ColumnKind kind) => reader.IsDBNull(ordinal) ? null : kind switch
    {
        ColumnKind.Integer => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
        ColumnKind.Real => Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
        _ => reader.GetString(ordinal),
    };

    private static async Task<long> CopyToPostgresAsync(DbConnection source, NpgsqlConnection target, ArchiveTable table, CancellationToken cancellationToken)
    {
        bool articles = table.Name == "articles";
        string plain = table.ColumnList;
        string columns = plain + (articles ? ", search" : string.Empty);
        string into = table.Name;
        if (articles)
        {
            // Articles go through a staging table: the search column arrives as tsvector text, made as the store makes it.
            into = "articles_copy";
            await using var stage = new NpgsqlCommand($"CREATE TEMP TABLE articles_copy ON COMMIT DROP AS SELECT {plain}, ''::text AS search FROM articles WITH NO DATA", target);
            await stage.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using DbCommand select = source.CreateCommand();
        select.CommandText = $"SELECT {table.ColumnList} FROM {table.Name} ORDER BY {table.OrderBy}";
        await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long count = 0;
        await using (NpgsqlBinaryImporter writer = await target.BeginBinaryImportAsync($"COPY {into} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            int title = IndexOf(table, "title");
            int body = IndexOf(table, "body");
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                var values = new object?[table.Columns.Count];
                for (int i = 0; i < table.Columns.Count; i++)
                {
                    values[i] = Read(reader, i, table.Columns[i].Kind);
                    if (values[i] is null)
                    {
                        await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    switch (table.Columns[i].Kind)
                    {
                        case ColumnKind.Integer:
                            await writer.WriteAsync((long)values[i]!, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                            break;
                        case ColumnKind.Real:
                            await writer.WriteAsync((double)values[i]!, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
                            break;
                        default:
                            await writer.WriteAsync((string)values[i]!, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                            break;
                    }
                }

                if (articles)
                {
                    // The search column, made as the store makes it.
                    await writer.WriteAsync(SearchText.ToTsVector((string?)values[title], (string)values[body]!), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }

                count++;
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        if (articles)
        {
            await using var move = new NpgsqlCommand($"INSERT INTO articles ({columns}) SELECT {plain}, search::tsvector FROM articles_copy ORDER BY seq", target);
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private static async Task<long> CopyToSqliteAsync(DbConnection source, SqliteConnection target, SqliteTransaction transaction, ArchiveTable table, CancellationToken cancellationToken)
    {
        await using DbCommand select = source.CreateCommand();
        select.CommandText = $"SELECT {table.ColumnList} FROM {table.Name} ORDER BY {table.OrderBy}";
        await using DbDataReader reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using SqliteCommand insert = target.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = table.Columns.Select((_, i) => insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
        for (int i = 0; i < table.Columns.Count; i++)
        {
            parameters[i].SqliteType = table.Columns[i].Kind switch { ColumnKind.Integer => SqliteType.Integer, ColumnKind.Real => SqliteType.Real, _ => SqliteType.Text };
        }

        long count = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (int i = 0; i < table.Columns.Count; i++)
            {
                parameters[i].Value = Read(reader, i, table.Columns[i].Kind) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    private static async Task<DbConnection> OpenAsync(string db, StoreAccess access, CancellationToken cancellationToken)
    {
        // Opening the store checks (or, for the target, creates) the schema; its connection is then used bare.
        IStoryStore store = await StoreOpener.OpenAsync(db, access, null, cancellationToken).ConfigureAwait(false);
        if (store is PostgresStoryStore postgres)
        {
            return postgres.Connection;
        }

        await store.DisposeAsync().ConfigureAwait(false);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int IndexOf(ArchiveTable table, string column) => table.Columns.Select(c => c.Name).ToList().IndexOf(column);

    private static string Describe(string db) => PostgresTarget.Matches(db) ? PostgresTarget.Describe(PostgresTarget.Parse(db)) : db;
}
