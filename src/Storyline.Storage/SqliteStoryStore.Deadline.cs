using Microsoft.Data.Sqlite;

namespace Storyline.Storage;

/// <summary>Stopping a query when its caller's deadline passes (Microsoft.Data.Sqlite checks a token only before it starts a statement).</summary>
public sealed partial class SqliteStoryStore
{
    /// <summary>
    /// Until the result is disposed, cancelling <paramref name="cancellationToken"/> interrupts the statement running on
    /// this store's connection (SQLite's <c>sqlite3_interrupt</c>): it stops within a few steps of the virtual machine
    /// and fails, so a slow query (a search ranked over many terms, a story of 20,000 reports) gives up its connection
    /// when the request that asked for it is cancelled, instead of running to its end. The caller treats the failure
    /// that follows a cancellation as the cancellation. Disposing waits for an interrupt under way, so none reaches a
    /// later statement; an interrupt while no statement runs does nothing.
    /// </summary>
    public IDisposable InterruptWhenCancelled(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => Interrupt((SqliteConnection)state!), connection)
            : new CancellationTokenRegistration();

    /// <summary>A scalar query over the connection, for tests of the interrupt.</summary>
    internal async Task<long> ScalarForTestsAsync(string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Interrupt(SqliteConnection connection)
    {
        if (connection.Handle is SQLitePCL.sqlite3 handle)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }
}
