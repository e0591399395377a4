using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Storyline.Web.Tests.Security;

/// <summary>
/// The real server (Kestrel) on the loopback addresses it accepts, and the errors it returns, including the ones the
/// framework raises before any of our code runs: every one is the documented JSON <c>{error, status}</c> (issue 23).
/// </summary>
public sealed class ListeningAndErrorsTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    [Theory]
    // Each loopback address serve accepts answers requests made to it (127.0.0.2 was accepted, then answered 400 to
    // everything; ::ffff:127.0.0.1 died with a SocketException).
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.2", "127.0.0.2")]        // all of 127/8 is this machine
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")] // IPv4 written as IPv6: listened on as the IPv4 address it is
    public async Task A_loopback_address_is_served(string host, string reached)
    {
        await using WebApplication app = await StorylineServer.BuildAsync(archive.Options() with { Address = IPAddress.Parse(host) });
        await app.StartAsync();
        int port = Port(app);

        using var client = new HttpClient();
        HttpResponseMessage response = await client.GetAsync(new Uri($"http://{reached}:{port}/api/stories?limit=1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }

    public static TheoryData<string, int> RawRequests => new()
    {
        // Each request, sent as raw bytes, and the status it must get, as JSON.
        { "GET /index.html%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400 },             // refused by Kestrel: was an empty body
        { "GET /openapi/x.json HTTP/1.1\r\nHost: localhost\r\n\r\n", 404 },            // was text/plain from the OpenAPI endpoint
        { "GET /no/such/page HTTP/1.1\r\nHost: localhost\r\n\r\n", 404 },
        { "DELETE /api/stories HTTP/1.1\r\nHost: localhost\r\n\r\n", 405 },
        { "GET /api/stories HTTP/1.1\r\nHost: rebound.attacker.example\r\n\r\n", 400 }, // DNS rebinding: was an empty body
        { "GET /api/stories HTTP/1.1\r\nHost: localhost\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n", 431 }, // Kestrel's header limit
        { "POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 999999999\r\n\r\n", 413 },
        { "GET /" + new string('a', 10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },   // Kestrel's request-line limit
        { "GET /api/stories HTTP/1.1\r\nHost: localhost\r\nA header with no colon\r\n\r\n", 400 }, // a malformed header
    };

    [Theory]
    [MemberData(nameof(RawRequests))]
    public async Task Every_error_is_the_documented_json(string request, int status)
    {
        await using WebApplication app = await StorylineServer.BuildAsync(archive.Options());
        await app.StartAsync();

        string answer = await SendRawAsync(Port(app), request);

        int headEnd = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(headEnd > 0, answer);
        string head = answer[..headEnd];
        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", head, StringComparison.OrdinalIgnoreCase);
        string body = Dechunk(head, answer[(headEnd + 4)..]);
        JsonElement error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, error.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
        await app.StopAsync();
    }

    private static int Port(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

    private static async Task<string> SendRawAsync(int port, string request)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, port);
        NetworkStream stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = new StringBuilder();
        byte[] buffer = new byte[8192];
        try
        {
            // Read until the server closes, or until one whole answer is in (a keep-alive connection stays open).
            int read;
            while ((read = await stream.ReadAsync(buffer, guard.Token)) > 0)
            {
                answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
                if (IsComplete(answer.ToString()))
                {
                    break;
                }
            }
        }
        catch (IOException) when (answer.Length > 0)
        {
            // The server closed after answering (it refuses the rest of a request it will not read).
        }

        return answer.ToString();
    }

    private static bool IsComplete(string answer)
    {
        int headEnd = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0)
        {
            return false;
        }

        string head = answer[..headEnd];
        string rest = answer[(headEnd + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return rest.EndsWith("0\r\n\r\n", StringComparison.Ordinal);
        }

        string? length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && Encoding.UTF8.GetByteCount(rest) >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Dechunk(string head, string body)
    {
        if (!head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        var text = new StringBuilder();
        int at = 0;
        while (true)
        {
            int lineEnd = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            int size = int.Parse(body[at..lineEnd], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return text.ToString();
            }

            // The JSON bodies here are ASCII (\u escapes), so characters and bytes agree.
            text.Append(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
