namespace Storyline.Cli;

/// <summary>What the process's exit code means.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, but some input failed (the others were processed).</summary>
    public const int SomeFailed = 1;

    /// <summary>The command could not run: bad arguments, unusable store, nothing found.</summary>
    public const int Error = 2;
}
