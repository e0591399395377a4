using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Storyline.Web.Tests.Security;

/// <summary>The real server (Kestrel on loopback): where it listens, and what it does with a slow client.</summary>
public sealed class ServerLimitsTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    [Fact]
    public async Task An_address_other_than_loopback_is_refused_unless_allowed()
    {
        WebOptions open = archive.Options() with { Address = IPAddress.Any };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StorylineServer.BuildAsync(open));
        Assert.Contains("--allow-remote", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_by_default()
    {
        await using WebApplication app = await StorylineServer.BuildAsync(archive.Options());
        await app.StartAsync();

        Uri address = new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_headers_is_cut_off()
    {
        // Given a server that gives clients one second to send their headers
        await using WebApplication app = await StorylineServer.BuildAsync(archive.Options() with { HeadersTimeout = TimeSpan.FromSeconds(1) });
        await app.StartAsync();
        Uri address = new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        // When a client sends half a request and waits
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        NetworkStream stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/stories HTTP/1.1\r\nHost: localhost\r\n"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        byte[] buffer = new byte[4096];
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        int read;
        var answer = new StringBuilder();
        while ((read = await stream.ReadAsync(buffer, guard.Token)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        // Then the server answers 408 and closes the connection well before the guard
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"closed after {started.Elapsed}");
        Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
        await app.StopAsync();
    }
}
