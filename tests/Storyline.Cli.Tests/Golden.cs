using Storyline.Testing;

namespace Storyline.Cli.Tests;

/// <summary>
/// Golden files: rendered output compared with tests/data/golden/NAME.expected.txt. Run the tests with
/// STORYLINE_UPDATE_GOLDEN=1 to rewrite them, then review the diff like code.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        string path = Path.Combine(TestPaths.TestData, "golden", name + ".expected.txt");
        string normalized = string.Join('\n', actual.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("STORYLINE_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with STORYLINE_UPDATE_GOLDEN=1 to write it");
        Assert.Equal(File.ReadAllText(path), normalized);
    }
}
