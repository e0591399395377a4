using System.Net;

namespace Storyline.Web;

/// <summary>How <c>storyline serve</c> listens and what it accepts. Every limit is documented in docs/RELIABILITY.md.</summary>
public sealed record WebOptions
{
    /// <summary>The archive served, as <c>--db</c> names it: a SQLite file, or a PostgreSQL address or connection string.</summary>
    public required string Database { get; init; }

    /// <summary>
    /// The address to listen on: loopback by default, so that nothing off this machine can reach it. An IPv4 address
    /// written as IPv6 (<c>::ffff:127.0.0.1</c>) is taken as the IPv4 address it is (a socket cannot listen on it).
    /// </summary>
    public IPAddress Address
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value.IsIPv4MappedToIPv6 ? value.MapToIPv4() : value;
        }
    } = IPAddress.Loopback;

    /// <summary>The port; 0 takes a free one (tests).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Whether an address other than loopback may be used; without it such an address is refused.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>The largest request body, in bytes: an ingest POST larger than this gets 413.</summary>
    public long MaxIngestBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>How long one request may take before it is cancelled with 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an ingest request may take (analysis is slower than reading).</summary>
    public TimeSpan IngestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the client has to send the request headers.</summary>
    public TimeSpan HeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock (report dates in the future are refused against it).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whether <see cref="Address"/> is a loopback address.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>
    /// The Host header values a loopback server answers to: the loopback names and the address it listens on (so that
    /// <c>--host 127.0.0.2</c> answers requests to 127.0.0.2); any other name is refused, so that a page of another
    /// site whose name resolves to this machine (DNS rebinding) cannot read the archive.
    /// </summary>
    public IReadOnlyList<string> LoopbackHosts =>
        [.. new[] { "localhost", "127.0.0.1", "[::1]", Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address.ToString() }.Distinct(StringComparer.Ordinal)];
}
