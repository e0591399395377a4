using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Text;

/// <summary>The seed reports as the text stage sees them: without the leading "date YYYY-MM-DD", paragraph-normalised.</summary>
internal static class SeedBodies
{
    public static IEnumerable<string> All() =>
        Directory.GetFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(path => Read(Path.GetFileName(path)));

    public static string Read(string fileName) => Paragraphs.Normalize(SeedFiles.Read(fileName).Text);
}
