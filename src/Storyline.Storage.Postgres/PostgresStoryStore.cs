using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Storyline.Domain;
using Storyline.Storage.Relational;

namespace Storyline.Storage.Postgres;

/// <summary>
/// The store on a PostgreSQL database, with the SQLite store's behaviour (one contract test suite runs against both).
/// The queries and the rows a batch adds are the relational layer's (<see cref="RelationalStoryStore"/>); this class
/// keeps PostgreSQL's own: opening and migrating the schema, the writer lock (an advisory lock), the bulk write (each
/// batch's rows as arrays for <c>unnest</c>, sent in one round trip), and full-text search on a tsvector with a GIN
/// index. One instance is used by one caller at a time; several processes may open the same database.
/// </summary>
public sealed partial class PostgresStoryStore : RelationalStoryStore
{
    /// <summary>The key of the advisory lock that one writer (or the one assigner of a queued ingest) holds at a time, per schema.</summary>
    internal const string AssignerLock = "hashtext('storyline-assigner:' || current_schema())";

    private readonly NpgsqlConnection connection;

    private PostgresStoryStore(NpgsqlConnection connection, TimeProvider clock, string name, string connectionString)
        : base(connection, PostgresDialect.Instance, clock)
    {
        this.connection = connection;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string it was opened with (password included), for more connections to the same schema.</summary>
    internal string ConnectionString { get; }

    /// <summary>How messages name the database (never with its password).</summary>
    public string Name { get; }

    /// <summary>The open connection (as Npgsql's), for the ingest queue and archive copies that work beside the store.</summary>
    internal new NpgsqlConnection Connection => connection;

    /// <inheritdoc />
    protected override string ArchiveName => Name;

    /// <summary>
    /// Opens the store in the database that <paramref name="db"/> names (see <see cref="PostgresTarget"/>), creating its
    /// tables where missing (in the first schema of the search path, created too where missing) unless
    /// <paramref name="create"/> is false, when an archive that is not there is refused.
    /// </summary>
    /// <exception cref="StoreException">The database cannot be reached, is not a Storyline database (or none is there), or is of a newer version.</exception>
    public static async Task<PostgresStoryStore> OpenAsync(string db, TimeProvider? clock = null, bool create = true, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder builder = PostgresTarget.Parse(db);
        string name = PostgresTarget.Describe(builder);
        builder.Pooling = false;
        builder.IncludeErrorDetail = true;

        // The statements a store and its queue send again and again (a batch's inserts, the queue's claims and reads) are
        // prepared once on the server by the driver, after a few uses, instead of being planned at every batch.
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        // Which process a connection belongs to, as pg_stat_activity shows it (an operator, or a test that stops one writer).
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "storyline " + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, builder.SearchPath, name, create, cancellationToken).ConfigureAwait(false);
            await PreferLz4Async(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"{name}: not a usable Storyline database ({ex.Message})", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PostgresStoryStore(connection, clock ?? TimeProvider.System, name, builder.ConnectionString);
    }

    /// <summary>
    /// <see cref="RelationalStoryStore.SaveBatchAsync(IReadOnlyList{ReportToStore}, CancellationToken)"/>, with more
    /// statements (<paramref name="also"/>, told which reports were new) run in the same transaction.
    /// </summary>
    internal Task<IReadOnlyList<bool>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, Action<NpgsqlBatch, IReadOnlyList<bool>> also, CancellationToken cancellationToken) =>
        SaveBatchAsync(reports, async (transaction, saved, token) =>
        {
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction);
            also(batch, saved);
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            }
        }, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// A session advisory lock, the one the queued ingest's assigner holds (<see cref="IngestQueue"/>): a writer that
    /// holds it and the one assigner of a queued ingest exclude each other. It is taken on this store's connection and
    /// given up when the connection closes, as when the process dies.
    /// </remarks>
    public override async Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default)
    {
        TimeSpan wait = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            await using (NpgsqlCommand take = Command($"SELECT pg_try_advisory_lock({AssignerLock})"))
            {
                if ((bool)(await take.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                {
                    return new AdvisoryLock(connection, AssignerLock);
                }
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    /// <inheritdoc />
    /// <remarks>In the archive's <c>meta</c> table (never in a file named after the connection string).</remarks>
    public override async Task<string?> LoadWatchStateAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand command = Command("SELECT value FROM meta WHERE key = 'watch_state'");
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public override async Task SaveWatchStateAsync(string state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using NpgsqlCommand command = Command("INSERT INTO meta (key, value) VALUES ('watch_state', @state) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        Add(command, "state", state);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>A report whose analysis waits in this archive's queue (<see cref="ReportToStore.QueueRow"/>) is copied from its row on the server.</remarks>
    protected override PreparedReport Prepare(ReportToStore item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.QueueRow is long row && item.StoredAnalysis is null ? new PreparedReport(null, null, null, row) : base.Prepare(item);
    }

    /// <inheritdoc />
    protected override string? SearchDocument(ReportToStore item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.StoredSearchDocument ?? SearchDocument(item.Report.Article);
    }

    /// <summary>The tsvector literal <paramref name="article"/> is indexed by (<see cref="SearchText.ToTsVector"/>).</summary>
    internal static string SearchDocument(Article article) => SearchText.ToTsVector(article.Title, article.Body);

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => connection.DisposeAsync();

    // Large values (analyses, bodies, features) are compressed with lz4 where the server has it: several times faster
    // than the default pglz at both ends, for a little more space. Only how new values are kept changes, not what they are.
    private static async Task PreferLz4Async(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand has = new("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'", connection);
        if (await has.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
        {
            await using NpgsqlCommand set = new("SET default_toast_compression = 'lz4'", connection);
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task MigrateAsync(NpgsqlConnection connection, string? searchPath, string name, bool create, CancellationToken cancellationToken)
    {
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string? schema = searchPath?.Split(',')[0].Trim().Trim('"');
        if (create && !string.IsNullOrEmpty(schema) && !schema.StartsWith('$'))
        {
            await using NpgsqlCommand createSchema = new("CREATE SCHEMA IF NOT EXISTS \"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", connection, transaction);
            try
            {
                await createSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another process created it at the same moment: it is there.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await MigrateAsync(connection, searchPath, name, create, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // One process creates the tables at a time (two creating them at once would clash in the catalogue).
        await using (NpgsqlCommand lockSchema = new("SELECT pg_advisory_xact_lock(hashtext('storyline-schema:' || current_schema()))", connection, transaction))
        {
            await lockSchema.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        bool current = false;
        await using (NpgsqlCommand check = new(
            """
            SELECT count(*) FILTER (WHERE table_name = 'meta'), count(*)
            FROM information_schema.tables WHERE table_schema = current_schema()
            """,
            connection,
            transaction))
        await using (NpgsqlDataReader reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            bool hasMeta = reader.GetInt64(0) > 0;
            long tables = reader.GetInt64(1);
            await reader.CloseAsync().ConfigureAwait(false);
            if (!hasMeta && tables > 0)
            {
                throw new StoreException($"{name}: this PostgreSQL schema holds tables of another program, not a Storyline database; nothing was changed");
            }

            if (!hasMeta && !create)
            {
                throw new StoreException($"{name}: no such database (no Storyline tables in this schema); run 'storyline ingest PATH --db …' first");
            }

            if (hasMeta)
            {
                await using NpgsqlCommand version = new("SELECT value FROM meta WHERE key = 'schema_version'", connection, transaction);
                object? found = await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                int number = found is string s ? int.Parse(s, CultureInfo.InvariantCulture) : 0;
                if (number > PostgresSchema.Version)
                {
                    throw new StoreException($"{name}: database schema version {number} is newer than this program's ({PostgresSchema.Version}); upgrade Storyline");
                }

                current = number == PostgresSchema.Version;
            }
        }

        // An archive at this version has every table and column: the DDL is not run again, since even an ALTER TABLE …
        // ADD COLUMN IF NOT EXISTS waits for an exclusive lock on its table, behind every reader of it.
        if (!current)
        {
            await using NpgsqlCommand createTables = new(
                PostgresSchema.Create + "INSERT INTO meta (key, value) VALUES ('schema_version', '" + PostgresSchema.Version.ToString(CultureInfo.InvariantCulture) + "') ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                connection,
                transaction);
            await createTables.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        bool tune;
        await using (NpgsqlCommand needs = new(PostgresSchema.NeedsTuning, connection, transaction))
        {
            tune = (bool)(await needs.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (tune)
        {
            await using NpgsqlCommand tuning = new(PostgresSchema.Tuning, connection, transaction);
            await tuning.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, NpgsqlTransaction? transaction = null) => new(sql, connection, transaction);

    private static void Add(NpgsqlCommand command, string name, object? value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter(name, value ?? DBNull.Value);
        if (type is NpgsqlDbType t)
        {
            parameter.NpgsqlDbType = t;
        }

        command.Parameters.Add(parameter);
    }

    // A session advisory lock held until disposed (or until its connection closes).
    private sealed class AdvisoryLock(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", connection);
                await release.ExecuteScalarAsync().ConfigureAwait(false);
            }
        }
    }

    internal static void Batch(NpgsqlBatch batch, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        batch.BatchCommands.Add(command);
    }
}
