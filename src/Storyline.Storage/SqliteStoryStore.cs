using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyline.Domain;
using Storyline.Storage.Relational;

namespace Storyline.Storage;

/// <summary>
/// The default store: one SQLite file (WAL journal), full-text search with FTS5. The queries and the rows a batch adds
/// are the relational layer's (<see cref="RelationalStoryStore"/>); this class keeps SQLite's own: opening and
/// migrating the file, the writer lock beside it, the bulk write (rows as JSON arrays for <c>json_each</c>), FTS5.
/// One instance is used by one caller at a time; open several for several processes.
/// </summary>
public sealed partial class SqliteStoryStore : RelationalStoryStore
{
    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

    private SqliteStoryStore(SqliteConnection connection, TimeProvider clock)
        : base(connection, SqliteDialect.Instance, clock)
    {
        this.connection = connection;
    }

    /// <summary>The path of the database file.</summary>
    public string Path => connection.DataSource;

    /// <inheritdoc />
    protected override string ArchiveName => Path;

    // What `watch` keeps between runs, beside the archive.
    private string WatchStatePath => Path + ".watch.json";

    /// <summary>Opens (and creates, where missing) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file is not a Storyline database, or is of a newer version.</exception>
    public static async Task<SqliteStoryStore> OpenAsync(string path, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException($"{path}: folder {folder} does not exist");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, path, cancellationToken).ConfigureAwait(false);

            // Only once the file is known to be ours: WAL is written into the file's header, and a file that is
            // refused must be left exactly as it was.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);

            // Bulk writes touch the same index pages (term frequencies, mentions, entity names, the search index) batch
            // after batch: a page cache of 64 MiB (the default is 2 MiB) keeps them in memory instead of reading them back
            // from the operating system, and checkpoints every 8,192 pages of WAL (32 MiB; the default is 1,000) copy a
            // page rewritten by several batches once. Neither changes what a commit guarantees.
            await ExecuteAsync(connection, "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 8192;", cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"{path}: not a usable Storyline database ({ex.Message})", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SqliteStoryStore(connection, clock ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public override Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default) =>
        WriterLockFile.AcquireAsync(System.IO.Path.GetFullPath(Path), cancellationToken);

    /// <inheritdoc />
    public override async Task<string?> LoadWatchStateAsync(CancellationToken cancellationToken = default)
    {
        string file = WatchStatePath;
        return File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc />
    public override async Task SaveWatchStateAsync(string state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);

        // Written whole to a temporary file, then moved over the old one: a crash leaves one or the other.
        string file = WatchStatePath;
        string temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, state, cancellationToken).ConfigureAwait(false);
        File.Move(temp, file, overwrite: true);
    }

    /// <inheritdoc />
    // BEGIN IMMEDIATE: the write lock from the start, so that what the batch finds stored stays true until it commits.
    protected override Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(connection.BeginTransaction(deferred: false));

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        foreach (SqliteCommand command in prepared.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        prepared.Clear();
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Turns what a user typed into an FTS5 query (<see cref="SearchTerms"/>): each word is required and matched as typed
    /// (FTS5 operators lose their meaning; punctuation separates words, as the index's tokenizer does), text in double
    /// quotes is a phrase, and a word or phrase given twice is asked for once.
    /// </summary>
    /// <exception cref="ArgumentException">The query holds more than <see cref="SearchTerms.MaxWords"/> distinct words.</exception>
    internal static string ToFtsQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        SearchTerms terms = SearchTerms.Read(query);
        return terms.Problem is string problem
            ? throw new ArgumentException(problem, nameof(query))
            : string.Join(' ', terms.Terms.Select(t => '"' + string.Join(' ', t) + '"'));
    }

    private static async Task MigrateAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        // Looked at first in a read transaction: an archive whose schema is complete (every opening but the first) is only
        // read, so that opening it never waits for a writer.
        await using (SqliteTransaction read = connection.BeginTransaction(deferred: true))
        {
            if (await IsCurrentAsync(connection, read, path, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        // Checked again and created in ONE transaction that holds the write lock from its start (BEGIN IMMEDIATE): of
        // several processes opening a new file at once, one creates the schema and the others wait and then find all of
        // it, never a part of it.
        await using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
        if (!await IsCurrentAsync(connection, transaction, path, cancellationToken).ConfigureAwait(false))
        {
            await using SqliteCommand create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = SqliteSchema.Create + "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '" + SqliteSchema.Version.ToString(CultureInfo.InvariantCulture) + "');";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach ((string table, string column, string definition) in SqliteSchema.AddedColumns)
            {
                if (!await HasColumnAsync(connection, transaction, table, column, cancellationToken).ConfigureAwait(false))
                {
                    create.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Whether the file holds this program's whole schema at this version (false for a new, empty file, or an older
    // version to bring up to date); refuses another program's file and a newer version.
    private static async Task<bool> IsCurrentAsync(SqliteConnection connection, SqliteTransaction transaction, string path, CancellationToken cancellationToken)
    {
        await using SqliteCommand check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "SELECT count(*) FILTER (WHERE name = 'meta'), count(*) FROM sqlite_master WHERE type = 'table'";
        bool hasMeta;
        long tables;
        await using (SqliteDataReader reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (hasMeta, tables) = (reader.GetInt64(0) > 0, reader.GetInt64(1));
        }

        if (!hasMeta && tables > 0)
        {
            throw new StoreException($"{path}: this SQLite file is not a Storyline database; nothing was changed");
        }

        if (!hasMeta)
        {
            return false;
        }

        check.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        object? found = await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        int version = found is string s ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
        if (version > SqliteSchema.Version)
        {
            throw new StoreException($"{path}: database schema version {version} is newer than this program's ({SqliteSchema.Version}); upgrade Storyline");
        }

        if (version < SqliteSchema.Version)
        {
            return false;
        }

        foreach ((string table, string column, _) in SqliteSchema.AddedColumns)
        {
            if (!await HasColumnAsync(connection, transaction, table, column, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> HasColumnAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string column, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The statements run for every batch are prepared once and kept, instead of a new command parsed and prepared again
    // for every batch.
    private async Task ExecuteAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Prepared(transaction, sql, parameters).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    private async Task<object?> ScalarAsync(SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Prepared(transaction, sql, parameters).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);

    private SqliteCommand Prepared(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        if (!prepared.TryGetValue(sql, out SqliteCommand? command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach ((string name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            prepared[sql] = command;
        }

        command.Transaction = transaction;
        for (int i = 0; i < parameters.Length; i++)
        {
            command.Parameters[parameters[i].Name].Value = parameters[i].Value ?? DBNull.Value;
        }

        return command;
    }
}
