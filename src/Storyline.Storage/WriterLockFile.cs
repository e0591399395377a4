namespace Storyline.Storage;

/// <summary>
/// The writer lock of a SQLite archive: an exclusive lock on a small file beside it (<c>&lt;archive&gt;.lock</c>), taken
/// with the operating system's file locking (<c>flock</c> on Linux and macOS, an exclusive share mode on Windows), so
/// that it excludes writers in other processes and other connections of this one, and is given up by the operating
/// system when its process dies. The file itself is never deleted: deleting a lock file while another process waits
/// on it would let two writers in.
/// </summary>
internal static class WriterLockFile
{
    // How long to wait between attempts while another writer holds the lock: short at first (a web ingest of one report
    // holds it for a moment), then at most a quarter of a second.
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(250);

    /// <summary>The lock file of the archive at <paramref name="archivePath"/>.</summary>
    public static string PathFor(string archivePath) => archivePath + ".lock";

    /// <summary>Waits until no other writer holds the lock of <paramref name="archivePath"/>, then takes it.</summary>
    /// <exception cref="StoreException">The lock file cannot be created or opened (a read-only folder, no permission).</exception>
    public static async Task<IAsyncDisposable> AcquireAsync(string archivePath, CancellationToken cancellationToken)
    {
        string path = PathFor(archivePath);
        TimeSpan wait = FirstWait;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new Held(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"{archivePath}: cannot take the writer lock {path} ({ex.Message})", ex);
            }
        }
    }

    // The lock is held by another open file: EWOULDBLOCK from flock (Linux 11, macOS 35), or a sharing or lock violation
    // on Windows. Any other error (no space, a read-only file system) is not worth waiting for.
    private static bool IsHeldByAnother(IOException ex) =>
        ex.GetType() == typeof(IOException) && ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    private sealed class Held(FileStream stream) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}
