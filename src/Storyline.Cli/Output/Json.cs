using System.Text.Json;
using Storyline.Views;

namespace Storyline.Cli.Output;

/// <summary>How --json output is written: the views' JSON (docs/json-shapes.md), indented.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Compact = new(ViewJson.Cli) { WriteIndented = false };

    public static JsonSerializerOptions Options => ViewJson.Cli;

    public static async Task WriteAsync<T>(TextWriter writer, T value)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Options)).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>One value on one line (JSON Lines), for a stream of results such as watch's polls.</summary>
    public static async Task WriteLineAsync<T>(TextWriter writer, T value)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(value, Compact)).ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
