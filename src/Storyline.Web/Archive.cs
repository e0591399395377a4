using Storyline.Storage;

namespace Storyline.Web;

/// <summary>
/// The served store. The SQLite store holds one connection and is not safe for concurrent use, so every request
/// takes its turn through one gate; an ingest holds the gate while it writes.
/// </summary>
internal sealed class Archive(IStoryStore store) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<T> UseAsync<T>(Func<IStoryStore, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(store, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
