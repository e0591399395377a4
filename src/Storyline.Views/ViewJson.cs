using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Views;

/// <summary>How the view records are written as JSON, by the command line and the web API alike.</summary>
public static class ViewJson
{
    /// <summary>
    /// camelCase names, enums as camelCase strings, dates as YYYY-MM-DD, nulls left out. The web API escapes
    /// &lt; &gt; &amp; and quotes as \uXXXX (so that text stays inert if a client pastes the JSON into a page); the
    /// command line writes them as they are, indented.
    /// </summary>
    public static void Configure(JsonSerializerOptions json, bool forWeb)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        json.Encoder = forWeb ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.WriteIndented = !forWeb;
    }

    /// <summary>The command line's options.</summary>
    public static JsonSerializerOptions Cli { get; } = Make(forWeb: false);

    private static JsonSerializerOptions Make(bool forWeb)
    {
        var json = new JsonSerializerOptions();
        Configure(json, forWeb);
        json.MakeReadOnly(populateMissingResolver: true);
        return json;
    }
}
