using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Storyline.Web;

/// <summary>
/// The web UI: the files under wwwroot/, embedded in this assembly at build time. Only these exact paths are
/// served, looked up by ordinal string, so no request path can reach any other file (no path traversal).
/// </summary>
internal sealed class UiFiles
{
    private const string Prefix = "wwwroot/";
    private readonly FrozenDictionary<string, UiFile> files;

    private UiFiles(FrozenDictionary<string, UiFile> files) => this.files = files;

    public static UiFiles Load()
    {
        Assembly assembly = typeof(UiFiles).Assembly;
        var files = new Dictionary<string, UiFile>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            byte[] bytes = copy.ToArray();
            string path = "/" + name[Prefix.Length..].Replace('\\', '/');
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
            files[path] = new UiFile(bytes, ContentType(path), etag);
        }

        if (files.TryGetValue("/index.html", out UiFile? index))
        {
            files["/"] = index;
        }

        if (files.TryGetValue("/favicon.svg", out UiFile? icon))
        {
            files["/favicon.ico"] = icon; // browsers ask for it whatever the page says
        }

        return new UiFiles(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public IEnumerable<string> Paths => files.Keys;

    /// <summary>Serves the file at the request's path, if there is one; false otherwise.</summary>
    public async Task<bool> TryServeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if ((!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            || !files.TryGetValue(request.Path.Value ?? "/", out UiFile? file))
        {
            return false;
        }

        HttpResponse response = context.Response;
        response.Headers.ETag = file.ETag;
        response.Headers.CacheControl = "no-cache";
        if (string.Equals(request.Headers.IfNoneMatch, file.ETag, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        response.ContentType = file.ContentType;
        response.ContentLength = file.Bytes.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(file.Bytes, context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".txt" => "text/plain; charset=utf-8",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    private sealed record UiFile(byte[] Bytes, string ContentType, string ETag);
}
