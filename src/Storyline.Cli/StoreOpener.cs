using Storyline.Storage;
using Storyline.Storage.Postgres;

namespace Storyline.Cli;

/// <summary>Opens the store named by --db: a file path for SQLite (the default), a connection string for PostgreSQL.</summary>
internal static class StoreOpener
{
    public const string DefaultPath = "storyline.db";

    public static async Task<IStoryStore> OpenAsync(string? db, CliEnvironment env, bool mustExist, CancellationToken cancellationToken)
    {
        string target = string.IsNullOrWhiteSpace(db) ? DefaultPath : db.Trim();
        if (PostgresTarget.Matches(target))
        {
            return await PostgresStoryStore.OpenAsync(target, env.Clock, cancellationToken).ConfigureAwait(false);
        }

        if (mustExist && !File.Exists(target))
        {
            throw new StoreException($"{target}: no such database; run 'storyline ingest PATH --db {target}' first");
        }

        return await SqliteStoryStore.OpenAsync(target, env.Clock, cancellationToken).ConfigureAwait(false);
    }
}
