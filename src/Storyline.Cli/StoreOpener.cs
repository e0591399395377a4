using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>Opens the store named by --db: a file path for SQLite (the default), a connection string for PostgreSQL.</summary>
internal static class StoreOpener
{
    public const string DefaultPath = "storyline.db";

    public static async Task<IStoryStore> OpenAsync(string? db, CliEnvironment env, bool mustExist, CancellationToken cancellationToken)
    {
        string target = string.IsNullOrWhiteSpace(db) ? DefaultPath : db.Trim();
        if (target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("Host=", StringComparison.OrdinalIgnoreCase))
        {
            throw new StoreException("PostgreSQL stores are not available in this version; use a SQLite file path with --db");
        }

        if (mustExist && !File.Exists(target))
        {
            throw new StoreException($"{target}: no such database; run 'storyline ingest PATH --db {target}' first");
        }

        return await SqliteStoryStore.OpenAsync(target, env.Clock, cancellationToken).ConfigureAwait(false);
    }
}
