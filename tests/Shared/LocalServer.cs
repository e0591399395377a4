using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Storyline.Testing;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port, for the tests of the fetcher and of the watch command: each path is
/// answered by a handler, and the requests each path received are counted and kept. Nothing leaves the machine.
/// </summary>
internal sealed class LocalServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, Func<HttpListenerContext, int, Task>> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LocalServer()
    {
        int port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseAddress { get; }

    public ConcurrentBag<(string Path, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent)> Requests { get; } = [];

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    public int Count(string path) => counts.GetValueOrDefault(path);

    /// <summary>Answers <paramref name="path"/>; the handler gets the context and the request's number (1 for the first).</summary>
    public void Map(string path, Func<HttpListenerContext, int, Task> handler) => routes[path] = handler;

    public void MapText(string path, string contentType, string body) => Map(path, (c, _) => WriteAsync(c, 200, contentType, body));

    public static async Task WriteAsync(HttpListenerContext context, int status, string contentType, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        string path = context.Request.Url!.AbsolutePath;
        int number = counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        Requests.Add((path, context.Request.Headers["If-None-Match"], context.Request.Headers["If-Modified-Since"], context.Request.UserAgent));
        try
        {
            if (routes.TryGetValue(path, out var handler))
            {
                await handler(context, number);
            }
            else
            {
                await WriteAsync(context, 404, "text/plain", "not here");
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        stop.Dispose();
    }
}
