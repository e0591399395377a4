using Storyline.Storage;

namespace Storyline.Web;

/// <summary>
/// The served store. The SQLite store holds one connection and is not safe for concurrent use, so every read takes its
/// turn through one gate. An ingest does not: it writes through a store of its own (<see cref="WriteAsync"/>), which
/// waits for the archive's writer lock, so that reads go on while it analyses and stores, and a writer in another
/// process (a <c>storyline ingest</c>) and this server's ingests never number stories at the same time.
/// </summary>
internal sealed class Archive(IStoryStore store, Func<CancellationToken, Task<IStoryStore>> openWriter) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> UseAsync<T>(Func<IStoryStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // When the request's deadline passes (or its client goes), the query under way is stopped, not run to its
            // end with every other request waiting at the gate (a 1,500-word search held it for 54 s).
            using IDisposable? interrupt = (store as SqliteStoryStore)?.InterruptWhenCancelled(cancellationToken);
            return await work(store, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            throw new OperationCanceledException("the request was cancelled while the archive was being read", ex, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a store of its own over the same archive, opened for it and closed after it.</summary>
    public async Task<T> WriteAsync<T>(Func<IStoryStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using IStoryStore writer = await openWriter(cancellationToken).ConfigureAwait(false);
        return await work(writer, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
