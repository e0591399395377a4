using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Cli.Output;

/// <summary>How --json output is written: camelCase, indented, enums as strings, dates as YYYY-MM-DD.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task WriteAsync<T>(TextWriter writer, T value)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Options)).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
