using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Text;

/// <summary>The seed reports as the text stage sees them: without the leading "date YYYY-MM-DD", paragraph-normalised.</summary>
internal static class SeedBodies
{
    public static IEnumerable<string> All() =>
        Directory.GetFiles(TestPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(path => Read(Path.GetFileName(path)));

    public static string Read(string fileName)
    {
        string raw = File.ReadAllText(Path.Combine(TestPaths.Seeds, fileName)).TrimStart();
        if (raw.StartsWith("date ", StringComparison.Ordinal))
        {
            // "date 2023-09-11 " opens each seed: a header, not part of the report.
            raw = raw["date ".Length..].TrimStart();
            int space = raw.IndexOfAny([' ', '\n', '\t']);
            raw = space < 0 ? string.Empty : raw[space..];
        }

        return Paragraphs.Normalize(raw);
    }
}
