using System.Text.Json;
using Storyline.Domain;

namespace Storyline.Views.Tests;

/// <summary>The records' JSON, the same for the command line and the web: camelCase, enums as words, no nulls.</summary>
public sealed class ViewJsonTests
{
    [Fact]
    public void A_quote_is_written_with_camel_case_names_enum_words_and_no_nulls()
    {
        var quote = new QuoteItem("abc", new DateOnly(2023, 9, 12), 1, QuoteKind.Indirect, "that <they> would meet", "Mr Peskov", null, SourceKind.NamedPerson, "dmitry peskov", "Dmitry Peskov", null, null, null);

        using JsonDocument cli = JsonDocument.Parse(JsonSerializer.Serialize(quote, ViewJson.Cli));
        var web = new JsonSerializerOptions();
        ViewJson.Configure(web, forWeb: true);
        string webText = JsonSerializer.Serialize(quote, web);

        JsonElement q = cli.RootElement;
        Assert.Equal("2023-09-12", q.GetProperty("published").GetString());
        Assert.Equal("indirect", q.GetProperty("kind").GetString());
        Assert.Equal("namedPerson", q.GetProperty("sourceKind").GetString());
        Assert.False(q.TryGetProperty("cue", out _));
        Assert.False(q.TryGetProperty("citingKind", out _));
        Assert.Equal("that <they> would meet", q.GetProperty("content").GetString());
        // The web escapes markup characters; the values read back the same
        Assert.Contains("\\u003C", webText, StringComparison.Ordinal);
        Assert.Equal(q.GetProperty("content").GetString(), JsonDocument.Parse(webText).RootElement.GetProperty("content").GetString());
    }
}
