using System.Net;
using System.Net.Http.Headers;

namespace Storyline.Sources.Web;

/// <summary>How the fetcher behaves towards the sites it reads. Defaults suit polling a few news sites.</summary>
public sealed record FetchOptions
{
    /// <summary>Sent with every request, naming the program and where to learn about it.</summary>
    public string UserAgent { get; init; } = "Storyline/0.1 (+https://github.com/storyline-news/storyline; news reader)";

    /// <summary>How long one attempt may take, headers and body (default 20 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long one fetch may take in all: every attempt, retry wait, redirect and the body (default 60 s). A server
    /// that answers one byte a second never trips a per-read timeout; this deadline stops it.
    /// </summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts after the first for a timeout, a network error, 408, 429 or a 5xx (default 3).</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The wait before the first retry; each next wait doubles (default 1 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a server's Retry-After is honoured up to (default 60 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Responses larger than this are refused (default 8 MiB).</summary>
    public long MaxResponseBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Redirects followed for one request (default 5); a redirect back to an address already seen is refused.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The least time between two requests to the same host (default 1 s).</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock the waits are measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>What fetching one address gave.</summary>
public abstract record FetchResult
{
    private protected FetchResult(Uri requested)
    {
        Requested = requested;
    }

    /// <summary>The address asked for.</summary>
    public Uri Requested { get; }
}

/// <summary>A page or feed that was fetched.</summary>
/// <param name="Requested">The address asked for.</param>
/// <param name="Address">The address the content came from, after redirects.</param>
/// <param name="MediaType">The Content-Type's media type ("text/html"), where given.</param>
/// <param name="Charset">The Content-Type's charset, where given.</param>
/// <param name="Body">The bytes.</param>
public sealed record Fetched(Uri Requested, Uri Address, string? MediaType, string? Charset, byte[] Body) : FetchResult(Requested);

/// <summary>The server said the content has not changed since the copy named by the cached ETag or date.</summary>
public sealed record NotModified(Uri Requested) : FetchResult(Requested);

/// <summary>The address could not be fetched, and why.</summary>
public sealed record FetchFailed(Uri Requested, string Reason) : FetchResult(Requested);

/// <summary>
/// Fetches pages and feeds politely: a clear User-Agent, one attempt at a time per host with a pause between them,
/// timeouts, retries with exponential backoff for transient failures, conditional GETs (If-None-Match,
/// If-Modified-Since) from a <see cref="ValidatorCache"/>, a size limit, a redirect limit with loop detection, and a
/// content-type check. Every failure is a <see cref="FetchFailed"/> with a reason, never an exception (except
/// cancellation).
/// </summary>
public sealed class PoliteFetcher : IDisposable
{
    private static readonly string[] AcceptedTypes =
    [
        "text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
        "application/xml", "text/xml", "text/plain", "application/feed+json",
    ];

    private readonly HttpClient client;
    private readonly bool ownsClient;
    private readonly FetchOptions options;
    private readonly ValidatorCache cache;
    private readonly Dictionary<string, HostGate> gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gatesLock = new();

    /// <summary>A fetcher with its own HTTP client.</summary>
    public PoliteFetcher(FetchOptions? options = null, ValidatorCache? cache = null)
        : this(new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, options, cache, ownsClient: true)
    {
    }

    private PoliteFetcher(HttpClient client, FetchOptions? options, ValidatorCache? cache, bool ownsClient)
    {
        this.client = client;
        this.options = options ?? new FetchOptions();
        this.cache = cache ?? new ValidatorCache();
        this.ownsClient = ownsClient;
    }

    /// <summary>The conditional-GET validators this fetcher keeps.</summary>
    public ValidatorCache Cache => cache;

    /// <summary>Fetches <paramref name="url"/>; with <paramref name="conditional"/>, a cached ETag or date is sent and 304 gives <see cref="NotModified"/>.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, bool conditional = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return new FetchFailed(url, $"only http and https addresses are fetched, not {url.Scheme}");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.TotalTimeout);
        try
        {
            return await FetchWithinAsync(url, conditional, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchFailed(url, $"gave up after {options.TotalTimeout.TotalSeconds:0.#} s in all (FetchOptions.TotalTimeout)");
        }
    }

    private async Task<FetchResult> FetchWithinAsync(Uri url, bool conditional, CancellationToken cancellationToken)
    {

        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        Uri current = url;
        for (int redirects = 0; ; redirects++)
        {
            (HttpResponseMessage? response, string? failure) = await SendWithRetriesAsync(current, conditional, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return new FetchFailed(url, failure!);
            }

            using (response)
            {
                int status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304)
                {
                    Uri? location = response.Headers.Location;
                    if (location is null)
                    {
                        return new FetchFailed(url, $"HTTP {status} redirect without a Location");
                    }

                    Uri next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return new FetchFailed(url, $"redirect loop at {next}");
                    }

                    if (redirects + 1 > options.MaxRedirects)
                    {
                        return new FetchFailed(url, $"more than {options.MaxRedirects} redirects");
                    }

                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return new FetchFailed(url, $"redirect to a non-web address {next}");
                    }

                    current = next;
                    continue;
                }

                if (status == 304)
                {
                    return new NotModified(url);
                }

                if (status is < 200 or >= 300)
                {
                    return new FetchFailed(url, $"HTTP {status} {response.ReasonPhrase}".TrimEnd());
                }

                return await ReadBodyAsync(url, current, response, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<FetchResult> ReadBodyAsync(Uri requested, Uri address, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
        string? mediaType = type?.MediaType?.ToLowerInvariant();
        if (mediaType is not null && !AcceptedTypes.Contains(mediaType) && !mediaType.EndsWith("+xml", StringComparison.Ordinal))
        {
            return new FetchFailed(requested, $"content type {mediaType} is not a page or a feed");
        }

        long? length = response.Content.Headers.ContentLength;
        if (length > options.MaxResponseBytes)
        {
            return new FetchFailed(requested, $"response is {length:N0} bytes, over the limit of {options.MaxResponseBytes:N0}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        byte[] body;
        try
        {
            await using Stream stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxResponseBytes)
                {
                    return new FetchFailed(requested, $"response is over the limit of {options.MaxResponseBytes:N0} bytes");
                }
            }

            body = buffer.ToArray();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchFailed(requested, $"timed out after {options.Timeout.TotalSeconds:0.#} s reading the response");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return new FetchFailed(requested, "connection broke reading the response: " + ex.Message);
        }

        cache.Remember(requested, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
        return new Fetched(requested, address, mediaType, type?.CharSet, body);
    }

    private async Task<(HttpResponseMessage? Response, string? Failure)> SendWithRetriesAsync(Uri url, bool conditional, CancellationToken cancellationToken)
    {
        string failure = "no attempt made";
        for (int attempt = 0; attempt <= options.Retries; attempt++)
        {
            await WaitForHostAsync(url, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
            if (conditional && cache.TryGet(url, out CachedValidators validators))
            {
                if (validators.ETag is string etag && EntityTagHeaderValue.TryParse(etag, out EntityTagHeaderValue? tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (validators.LastModified is DateTimeOffset modified)
                {
                    request.Headers.IfModifiedSince = modified;
                }
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            TimeSpan? retryAfter = null;
            try
            {
                HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is 408 or 429 or >= 500 && attempt < options.Retries)
                {
                    failure = $"HTTP {status}";
                    retryAfter = RetryAfter(response);
                    response.Dispose();
                }
                else
                {
                    return (response, null);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"timed out after {options.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException ex)
            {
                failure = "cannot connect: " + ex.Message;
            }

            if (attempt < options.Retries)
            {
                TimeSpan backoff = options.RetryDelay * Math.Pow(2, attempt);
                TimeSpan wait = retryAfter is TimeSpan asked && asked > backoff ? (asked < options.MaxRetryDelay ? asked : options.MaxRetryDelay) : backoff;
                await Task.Delay(wait, options.Clock, cancellationToken).ConfigureAwait(false);
            }
        }

        return (null, $"{failure} (after {options.Retries + 1} attempts)");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? value = response.Headers.RetryAfter;
        return value?.Delta ?? (value?.Date is DateTimeOffset date ? date - DateTimeOffset.UtcNow : null);
    }

    // One request at a time per host, and at least PerHostInterval between the starts of two of them.
    private async Task WaitForHostAsync(Uri url, CancellationToken cancellationToken)
    {
        HostGate gate;
        lock (gatesLock)
        {
            if (!gates.TryGetValue(url.Authority, out gate!))
            {
                gate = new HostGate();
                gates[url.Authority] = gate;
            }
        }

        await gate.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DateTimeOffset now = options.Clock.GetUtcNow();
            if (gate.NextAllowed > now)
            {
                await Task.Delay(gate.NextAllowed - now, options.Clock, cancellationToken).ConfigureAwait(false);
            }

            gate.NextAllowed = options.Clock.GetUtcNow() + options.PerHostInterval;
        }
        finally
        {
            gate.Turn.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }

        foreach (HostGate gate in gates.Values)
        {
            gate.Turn.Dispose();
        }
    }

    private sealed class HostGate
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public DateTimeOffset NextAllowed { get; set; }
    }
}
