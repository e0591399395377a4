namespace Storyline.Testing;

/// <summary>Where the repository, its fixtures and the shared benchmark data are, seen from a test run.</summary>
internal static class TestPaths
{
    /// <summary>The repository root: the folder that holds Storyline.slnx.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>tests/data in the repository.</summary>
    public static string TestData => Path.Combine(RepoRoot, "tests", "data");

    /// <summary>The bundled sample reports.</summary>
    public static string Samples => Path.Combine(RepoRoot, "samples");

    /// <summary>../shared beside the repository (seeds and benchmarks); may be missing on a bare machine.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>../shared/seeds, the two real reports every stage must handle.</summary>
    public static string Seeds => Path.Combine(Shared, "seeds");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Storyline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Storyline.slnx not found above " + AppContext.BaseDirectory);
    }
}
