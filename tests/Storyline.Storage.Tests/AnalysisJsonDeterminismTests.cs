using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

public sealed class AnalysisJsonDeterminismTests
{
    [Fact]
    public void Stored_features_list_entity_names_in_key_order_whatever_the_dictionary_order()
    {
        // Regression: entity names were written in the dictionary's hash order, and string hashes differ between
        // processes, so a report stored by a rerun after a crash differed from the same report stored by an
        // uninterrupted run. A comparer with reversed hashes makes the dictionary enumerate "@c", "@b", "@a".
        var names = ImmutableDictionary.CreateRange(
            new ReversedHashComparer(),
            new[] { "@a", "@b", "@c" }.Select(k => KeyValuePair.Create(k, k.ToUpperInvariant())));
        Assert.Equal(["@c", "@b", "@a"], names.Keys);

        string json = AnalysisJson.SerializeFeatures(new StoryFeatures(new ArticleId("0000000000000001"), new DateOnly(2023, 9, 12), [new TermCount("kim", 2)], names));

        int a = json.IndexOf("\"@a\"", StringComparison.Ordinal);
        int b = json.IndexOf("\"@b\"", StringComparison.Ordinal);
        int c = json.IndexOf("\"@c\"", StringComparison.Ordinal);
        Assert.True(a >= 0 && a < b && b < c, json);
    }

    private sealed class ReversedHashComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) => -obj[^1];
    }
}
