namespace Storyline.Storage.Postgres;

/// <summary>Whether a command only reads an archive or may create it.</summary>
public enum StoreAccess
{
    /// <summary>Reads: the archive must exist already; nothing is created.</summary>
    Read,

    /// <summary>Writes (ingest, watch, migrate's target): a missing archive is created.</summary>
    Write,
}

/// <summary>
/// Opens the archive that <c>--db</c> names, for every command and the web server alike: a SQLite file (the default),
/// or a PostgreSQL database given as an address or a connection string (<see cref="PostgresTarget"/>). It lives beside
/// the PostgreSQL store because this project is the one that knows both kinds of store; <see cref="IngestorFactory"/>,
/// beside it, picks the ingestor for what it opened.
/// </summary>
public static class StoreOpener
{
    /// <summary>The SQLite file used when no <c>--db</c> is given.</summary>
    public const string DefaultPath = "storyline.db";

    /// <summary>What <paramref name="db"/> names, with the default for nothing.</summary>
    public static string Target(string? db) => string.IsNullOrWhiteSpace(db) ? DefaultPath : db.Trim();

    /// <summary>
    /// Whether the archive <paramref name="db"/> names is there: the SQLite file exists (a PostgreSQL database is taken to
    /// be there; opening it says otherwise).
    /// </summary>
    public static bool Exists(string? db)
    {
        string target = Target(db);
        return PostgresTarget.Matches(target) || File.Exists(target);
    }

    /// <summary>How messages name the archive <paramref name="db"/> names: the file, or the database without its password.</summary>
    public static string Describe(string? db)
    {
        string target = Target(db);
        if (!PostgresTarget.Matches(target))
        {
            return target;
        }

        try
        {
            return PostgresTarget.Describe(PostgresTarget.Parse(target));
        }
        catch (StoreException)
        {
            return "the PostgreSQL database";
        }
    }

    /// <summary>Opens the archive <paramref name="db"/> names; for <see cref="StoreAccess.Write"/> a missing one is created.</summary>
    /// <exception cref="StoreException">
    /// One line naming the archive and the reason: a folder was given, a reader named an archive that does not exist (a
    /// SQLite file, or a PostgreSQL schema without Storyline's tables), or the store could not be opened.
    /// </exception>
    public static async Task<IStoryStore> OpenAsync(string? db, StoreAccess access, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        string target = Target(db);
        if (PostgresTarget.Matches(target))
        {
            return await PostgresStoryStore.OpenAsync(target, clock, create: access == StoreAccess.Write, cancellationToken).ConfigureAwait(false);
        }

        if (Directory.Exists(target))
        {
            throw new StoreException($"{target}: is a folder, not an archive; --db takes a SQLite file (or a PostgreSQL address)");
        }

        if (access == StoreAccess.Read && !File.Exists(target))
        {
            throw new StoreException($"{target}: no such database; run 'storyline ingest PATH --db {target}' first");
        }

        return await SqliteStoryStore.OpenAsync(target, clock, cancellationToken).ConfigureAwait(false);
    }
}
