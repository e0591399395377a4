namespace Storyline.Testing;

/// <summary>
/// A fact that needs a folder of ../shared (seeds or a benchmark). Where the folder is missing it is
/// skipped with a message that says where it was looked for; under CI (CI=true) it runs and fails instead,
/// so that a broken checkout never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(string relativePath)
    {
        Skip = SharedData.SkipReason(relativePath);
    }
}

/// <summary>The theory twin of <see cref="SharedFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(string relativePath)
    {
        Skip = SharedData.SkipReason(relativePath);
    }
}

internal static class SharedData
{
    public static string? SkipReason(string relativePath)
    {
        string full = Path.Combine(TestPaths.Shared, relativePath);
        if (Directory.Exists(full) || File.Exists(full))
        {
            return null;
        }

        bool onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return onCi ? null : $"{full} is missing: put ../shared beside the repository to run this test.";
    }
}
