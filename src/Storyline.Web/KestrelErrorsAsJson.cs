using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.WebUtilities;

namespace Storyline.Web;

/// <summary>
/// Kestrel refuses some requests before any middleware sees them (a path holding <c>%00</c>, a malformed request line
/// or header, headers too large or too slow) and answers them itself with an empty body. This connection middleware
/// gives those answers the documented JSON body <c>{error, status}</c>, so that every error the server returns is the
/// same shape. It rewrites only what the application never writes: a complete 4xx or 5xx head with
/// <c>Content-Length: 0</c> and <c>Connection: close</c> (the application's own errors always carry a JSON body).
/// </summary>
internal static class KestrelErrorsAsJson
{
    /// <summary>Wraps each connection's output.</summary>
    public static ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        IDuplexPipe original = connection.Transport;
        connection.Transport = new Duplex(original.Input, new Writer(original.Output));
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = original;
        }
    };

    /// <summary>
    /// The head with a JSON body, where <paramref name="head"/> is a bare error head written by the server itself; null
    /// for anything else.
    /// </summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> head)
    {
        if (head.Length is < 16 or > 2048
            || !(head.StartsWith("HTTP/1.1 4"u8) || head.StartsWith("HTTP/1.1 5"u8))
            || !head.EndsWith("\r\n\r\n"u8)
            || head.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0
            || head.IndexOf("\r\nConnection: close\r\n"u8) < 0
            || head.IndexOf("\r\nContent-Type:"u8) >= 0)
        {
            return null;
        }

        string text = Encoding.ASCII.GetString(head);
        if (!int.TryParse(text.AsSpan(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int status))
        {
            return null;
        }

        string message = status switch
        {
            400 => "bad request: the request line or a header could not be read (a path holding %00 or a control character, a malformed header)",
            408 => "the request headers took too long to arrive",
            413 => "the request body is too large",
            414 => "the request line is too long",
            431 => "the request headers are too large",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        byte[] body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Api.ApiError(message, status), JsonContext.Options));
        string headers = text[..^2].Replace("\r\nContent-Length: 0\r\n", "\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: "
            + body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n", StringComparison.Ordinal);
        return [.. Encoding.ASCII.GetBytes(headers + "\r\n"), .. body];
    }

    private static class JsonContext
    {
        public static readonly System.Text.Json.JsonSerializerOptions Options = Create();

        private static System.Text.Json.JsonSerializerOptions Create()
        {
            var json = new System.Text.Json.JsonSerializerOptions();
            StorylineServer.Configure(json);
            return json;
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes every write through; a bare error head, written in one piece, is replaced as it is committed.</summary>
    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> handedOut;

        public override void Advance(int bytes)
        {
            if (bytes > 0 && bytes <= handedOut.Length && Rewrite(handedOut.Span[..bytes]) is byte[] rewritten)
            {
                // Nothing of the memory handed out is committed yet: the rewritten head is written over it.
                handedOut = Memory<byte>.Empty;
                inner.Write(rewritten);
                return;
            }

            handedOut = Memory<byte>.Empty;
            inner.Advance(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => handedOut = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
