using System.Reflection;
using System.Text.Json;
using Storyline.Testing;
using Storyline.Views;

namespace Storyline.Cli.Tests;

/// <summary>docs/json-shapes.md names every public record of Storyline.Views and every field of it.</summary>
public sealed class JsonShapesDocTests
{
    public static TheoryData<string> Records => [.. typeof(StoryDetail).Assembly.GetExportedTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.GetMethod("<Clone>$") is not null)
        .Where(t => t != typeof(StoryMaterial)) // the views' input (a stored story), never written out
        .Select(t => t.Name)
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_record_and_field_is_in_the_document(string name)
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "json-shapes.md"));
        Type record = typeof(StoryDetail).Assembly.GetExportedTypes().Single(t => t.Name == name);

        Assert.Contains(name, doc, StringComparison.Ordinal);
        foreach (PropertyInfo property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            string field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Assert.True(doc.Contains($"\"{field}\"", StringComparison.Ordinal) || doc.Contains($"`{field}`", StringComparison.Ordinal), $"{name}.{field} is not in docs/json-shapes.md");
        }
    }
}
