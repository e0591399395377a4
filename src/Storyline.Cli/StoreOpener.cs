using Storyline.Storage;
using Storyline.Storage.Postgres;
using Shared = Storyline.Storage.Postgres.StoreOpener;

namespace Storyline.Cli;

/// <summary>
/// Opens the store named by --db for a command: the shared opener (<see cref="Shared"/>, which the web server uses too),
/// with the command's clock. Readers need the archive to be there; writers create it.
/// </summary>
internal static class StoreOpener
{
    public const string DefaultPath = Shared.DefaultPath;

    public static Task<IStoryStore> OpenAsync(string? db, CliEnvironment env, bool mustExist, CancellationToken cancellationToken) =>
        Shared.OpenAsync(db, mustExist ? StoreAccess.Read : StoreAccess.Write, env.Clock, cancellationToken);
}
