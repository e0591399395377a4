using System.Data;
using System.Data.Common;
using System.Globalization;
using Storyline.Domain;
using Storyline.Entities;
using Storyline.Stories;

namespace Storyline.Storage.Relational;

/// <summary>
/// What both relational stores share: the read queries and their row mappers (RelationalStoryStore.Reads.cs), and the
/// saving of a batch — which reports are new, the rows they add (<see cref="BatchRows"/>) and the story changes
/// (<see cref="StoryChanges"/>), computed once. A store brings its connection, its dialect, its migrations, its search
/// and its bulk write (<see cref="WriteAsync"/>). One instance is used by one caller at a time.
/// </summary>
public abstract partial class RelationalStoryStore : IStoryStore
{
    // Ids per look-up: within every server's limit on parameters.
    private const int IdsPerQuery = 500;

    /// <summary>A store over <paramref name="connection"/> (open), speaking <paramref name="dialect"/>.</summary>
    protected RelationalStoryStore(DbConnection connection, SqlDialect dialect, TimeProvider clock)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The open connection.</summary>
    protected DbConnection Connection { get; }

    /// <summary>The store's SQL dialect.</summary>
    protected SqlDialect Dialect { get; }

    /// <summary>The clock that dates arrivals.</summary>
    protected TimeProvider Clock { get; }

    /// <summary>How messages name the archive (a file, or a database without its password).</summary>
    protected abstract string ArchiveName { get; }

    /// <inheritdoc />
    public async Task<IReadOnlySet<ArticleId>> FindExistingAsync(IReadOnlyCollection<ArticleId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        IReadOnlySet<string> found = await StoredAmongAsync(null, [.. ids.Select(i => i.Value).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        return new HashSet<ArticleId>(found.Select(id => new ArticleId(id)));
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(AnalyzedArticle report, StoryFeatures features, StoryAssignment assignment, CancellationToken cancellationToken = default) =>
        (await SaveBatchAsync([new ReportToStore(report, features, assignment)], cancellationToken).ConfigureAwait(false))[0];

    /// <inheritdoc />
    public Task<IReadOnlyList<bool>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken = default) =>
        SaveBatchAsync(reports, null, cancellationToken);

    /// <summary>
    /// <see cref="SaveBatchAsync(IReadOnlyList{ReportToStore}, CancellationToken)"/>, with <paramref name="also"/> (told which
    /// reports were new) run in the same transaction before it commits.
    /// </summary>
    protected async Task<IReadOnlyList<bool>> SaveBatchAsync(
        IReadOnlyList<ReportToStore> reports, Func<DbTransaction, IReadOnlyList<bool>, CancellationToken, Task>? also, CancellationToken cancellationToken)
    {
        ReportToStore.ThrowIfIncomplete(reports);
        var isNew = new bool[reports.Count];
        if (reports.Count == 0 && also is null)
        {
            return isNew;
        }

        // What is written of each report as text (its analysis and features JSON, a store's search text) depends on that
        // report alone: made on every core before the transaction, so that the one writing thread only writes.
        var prepared = new PreparedReport[reports.Count];
        if (reports.Count == 1)
        {
            prepared[0] = Prepare(reports[0]);
        }
        else
        {
            Parallel.For(0, reports.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => prepared[i] = Prepare(reports[i]));
        }

        // One transaction for the whole batch: one commit instead of one per report, and nothing of the batch kept if any
        // of it fails.
        await using DbTransaction transaction = await BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlySet<string> stored = await StoredAmongAsync(transaction, [.. reports.Select(r => r.Report.Article.Id.Value).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        BatchRows rows = BatchRows.Of(reports, prepared, stored, isNew);
        if (rows.Reports.Count > 0)
        {
            rows.DecideTypes(await LoadEntityTypesAsync(transaction, rows.EntityKeys, cancellationToken).ConfigureAwait(false));
            IReadOnlyDictionary<long, StoryRow> current = await LoadStoriesAsync(transaction, StoryChanges.Touched(rows.Reports), cancellationToken).ConfigureAwait(false);
            StoryChanges stories = StoryChanges.Apply(rows.Reports, current, ArchiveName);
            await WriteAsync(transaction, rows, stories, Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }

        if (also is not null)
        {
            await also(transaction, isNew, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return isNew;
    }

    /// <summary>Begins the transaction a batch is written in (SQLite takes the write lock at once).</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch's rows in <paramref name="transaction"/>, with the store's bulk statements: the articles (numbered in
    /// order, <paramref name="ingestedAt"/> their arrival time) and their search index, the entities, names, places and
    /// document frequencies, the mentions and quotes, then the stories: created and updated rows, each merge's moves and
    /// marks, the reports' story rows (with their articles' arrival order) and the merge records.
    /// </summary>
    protected abstract Task WriteAsync(DbTransaction transaction, BatchRows rows, StoryChanges stories, string ingestedAt, CancellationToken cancellationToken);

    /// <summary>
    /// The store's own search text for <paramref name="item"/>'s article, made with its JSON (null where the store indexes
    /// by itself); <see cref="ReportToStore.StoredSearchDocument"/> where the caller made it already.
    /// </summary>
    protected virtual string? SearchDocument(ReportToStore item) => null;

    /// <inheritdoc />
    public abstract Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<string?> LoadWatchStateAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task SaveWatchStateAsync(string state, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>A command over the connection, in <paramref name="transaction"/> where given.</summary>
    protected DbCommand NewCommand(string sql, DbTransaction? transaction = null)
    {
        DbCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Binds <paramref name="value"/> (null for none) to <c>@<paramref name="name"/></c>, typed so that both servers know a null's type.</summary>
    protected static void Bind(DbCommand command, string name, object? value, DbType type)
    {
        ArgumentNullException.ThrowIfNull(command);
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A day as stored.</summary>
    protected static string Day(DateOnly day) => DayText.Format(day);

    /// <summary>A stored day.</summary>
    protected static DateOnly ParseDay(string text) => DayText.Parse(text);

    /// <summary>An entity type as stored (an unknown one reads as miscellaneous).</summary>
    protected static EntityType ParseType(string text) => Enum.TryParse(text, out EntityType type) ? type : EntityType.Miscellaneous;

    /// <summary>What <paramref name="item"/> stores as text, made before its batch's transaction on any core.</summary>
    protected virtual PreparedReport Prepare(ReportToStore item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.QueueRow is not null && item.StoredAnalysis is null)
        {
            throw new InvalidOperationException($"report {item.Report.Article.Id}: its analysis waits in an ingest queue row, and {ArchiveName} has no such queue");
        }

        return new(item.StoredAnalysis ?? AnalysisJson.Serialize(item.Report), item.StoredFeatures ?? AnalysisJson.SerializeFeatures(item.Features), SearchDocument(item));
    }

    // Which of `ids` the archive holds.
    private async Task<IReadOnlySet<string>> StoredAmongAsync(DbTransaction? transaction, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (string[] chunk in ids.Chunk(IdsPerQuery))
        {
            await using DbCommand command = NewCommand(string.Empty, transaction);
            command.CommandText = $"SELECT id FROM articles WHERE id IN ({Parameters(command, chunk)})";
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(reader.GetString(0));
            }
        }

        return found;
    }

    // The type and type votes of the entities keyed `keys`, where the archive holds them.
    private async Task<IReadOnlyDictionary<string, (EntityType Type, TypeVotes Votes)>> LoadEntityTypesAsync(
        DbTransaction transaction, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (EntityType, TypeVotes)>(StringComparer.Ordinal);
        foreach (string[] chunk in keys.Chunk(IdsPerQuery))
        {
            await using DbCommand command = NewCommand(string.Empty, transaction);
            command.CommandText = $"SELECT key, type, mentions_person, mentions_organization, mentions_location, mentions_miscellaneous FROM entities WHERE key IN ({Parameters(command, chunk)})";
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows[reader.GetString(0)] = (ParseType(reader.GetString(1)),
                    new TypeVotes((int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5)));
            }
        }

        return rows;
    }

    // The rows of the stories numbered `ids`, where the archive holds them.
    private async Task<IReadOnlyDictionary<long, StoryRow>> LoadStoriesAsync(DbTransaction transaction, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<long, StoryRow>();
        foreach (long[] chunk in ids.Chunk(IdsPerQuery))
        {
            await using DbCommand command = NewCommand(string.Empty, transaction);
            command.CommandText = $"SELECT id, title, first_report, last_report, report_count FROM stories WHERE id IN ({Parameters(command, chunk)})";
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new StoryRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4));
                rows[row.Id] = row;
            }
        }

        return rows;
    }

    // Binds each value as @p0, @p1, … and returns the list of their names for an IN (…).
    private static string Parameters<T>(DbCommand command, T[] values)
    {
        var names = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            names[i] = "p" + i.ToString(CultureInfo.InvariantCulture);
            Bind(command, names[i], values[i], values[i] is long ? DbType.Int64 : DbType.String);
        }

        return "@" + string.Join(", @", names);
    }
}
