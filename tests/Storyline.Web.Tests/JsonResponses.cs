using System.Net;
using System.Text.Json;

namespace Storyline.Web.Tests;

/// <summary>Reading the API's answers in tests.</summary>
internal static class JsonResponses
{
    /// <summary>The JSON of <paramref name="response"/>, once its status is <paramref name="expected"/> and its type JSON.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
