using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Web.Api;

namespace Storyline.Web;

/// <summary>
/// <c>storyline serve</c>: the JSON API, its OpenAPI document and the web UI over one archive. Listens on loopback
/// unless told otherwise; limits request size, header and request time; serves only its embedded UI files.
/// </summary>
public static class StorylineServer
{
    internal const string IngestTimeoutPolicy = "ingest";

    /// <summary>
    /// The application over the store at <see cref="WebOptions.Database"/>, not started. <paramref name="configure"/>
    /// may change the builder first (tests put a test server in).
    /// </summary>
    public static async Task<WebApplication> BuildAsync(WebOptions options, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsLoopback && !options.AllowRemote)
        {
            throw new InvalidOperationException($"{options.Address} is not a loopback address; pass --allow-remote to serve the archive to other machines");
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port, listen => listen.Use(KestrelErrorsAsJson.Wrap));
            kestrel.Limits.MaxRequestBodySize = options.MaxIngestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 64;
            kestrel.Limits.RequestHeadersTimeout = options.HeadersTimeout;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            kestrel.Limits.MaxConcurrentConnections = 256;
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(UiFiles.Load());
        builder.Services.AddSingleton(new StoryViewCache());
        builder.Services.ConfigureHttpJsonOptions(json => Configure(json.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = options.RequestTimeout, TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable };
            o.AddPolicy(IngestTimeoutPolicy, new RequestTimeoutPolicy { Timeout = options.IngestTimeout, TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable });
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Storyline API";
            document.Info.Description = "Stories, timelines, entities, quotes and search over a Storyline archive. Dates are YYYY-MM-DD; errors are {error, status}.";
            return Task.CompletedTask;
        }));
        configure?.Invoke(builder);

        // The archive must be there (a name mistyped must not become a new, empty archive); ingests open their own store.
        IStoryStore store = await StoreOpener.OpenAsync(options.Database, StoreAccess.Read, options.Clock, cancellationToken).ConfigureAwait(false);
        builder.Services.AddSingleton(new Archive(store, ct => StoreOpener.OpenAsync(options.Database, StoreAccess.Write, options.Clock, ct)));

        WebApplication app = builder.Build();
        app.Use(SecurityHeaders);
        app.Use(JsonErrors);
        app.UseStatusCodePages(EmptyErrorAsJson);
        if (options.IsLoopback)
        {
            app.Use(LoopbackHostsOnly(options.LoopbackHosts));
        }

        app.UseRequestTimeouts();
        UiFiles ui = app.Services.GetRequiredService<UiFiles>();
        app.Use(async (context, next) =>
        {
            if (!await ui.TryServeAsync(context).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        });
        // One document, at one path: the framework's "/openapi/{documentName}.json" answered other names with plain text.
        app.MapOpenApi("/openapi/v1.json");
        ApiEndpoints.Map(app, options);
        return app;
    }

    /// <summary>Builds, starts and runs the server until <paramref name="cancellationToken"/> is cancelled.</summary>
    public static async Task RunAsync(WebOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        await using WebApplication app = await BuildAsync(options, null, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (string address in app.Urls)
        {
            await log.WriteLineAsync($"Serving {StoreOpener.Describe(options.Database)} at {address}/ (API under /api, OpenAPI at /openapi/v1.json); Ctrl-C stops.").ConfigureAwait(false);
        }

        // Ends on Ctrl-C or SIGTERM, whichever of the command's token and the host's own signal handling sees it first.
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.Services.GetRequiredService<Archive>().DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The API's JSON: the views' JSON (camelCase, enums as camelCase strings, dates as YYYY-MM-DD, nulls left out), with
    /// &lt; &gt; &amp; and quotes escaped as \uXXXX, so that report text stays inert even where a client pastes the JSON
    /// into a page.
    /// </summary>
    internal static void Configure(JsonSerializerOptions json) => Storyline.Views.ViewJson.Configure(json, forWeb: true);

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        // No inline script or style and nothing from elsewhere: even text that slipped past escaping could not run.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next();
    }

    /// <summary>
    /// On loopback, only loopback host names: a page on another site whose name resolves to 127.0.0.1 (DNS rebinding)
    /// cannot read the archive. (The framework's host filtering answered with an empty body, before any middleware.)
    /// </summary>
    private static Func<HttpContext, Func<Task>, Task> LoopbackHostsOnly(IReadOnlyList<string> hosts) => (context, next) =>
    {
        string host = context.Request.Host.Host;
        if (host.Length == 0 || hosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return next();
        }

        return WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"this server answers only to {string.Join(", ", hosts)} as its host name, not to '{host}'");
    };

    private static async Task JsonErrors(HttpContext context, Func<Task> next)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, ex.Status, ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, ex.StatusCode, ex.Message).ConfigureAwait(false);
        }
        catch (JsonException ex) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid JSON: " + ex.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "the request took too long and was cancelled").ConfigureAwait(false);
        }
        catch (StoreException ex) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "the archive could not be read: " + ex.Message).ConfigureAwait(false);
        }
    }

    private static Task EmptyErrorAsJson(StatusCodeContext status)
    {
        HttpContext context = status.HttpContext;
        int code = context.Response.StatusCode;
        string message = code switch
        {
            404 => $"nothing at {context.Request.Path}",
            405 => $"{context.Request.Method} is not allowed on {context.Request.Path}",
            400 => "bad request",
            _ => ReasonPhrases.GetReasonPhrase(code),
        };
        return WriteErrorAsync(context, code, message);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        // The response has not started: only the status and body are set, the security headers stay.
        context.Response.StatusCode = status;
        JsonSerializerOptions json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return context.Response.WriteAsJsonAsync(new ApiError(message, status), json, CancellationToken.None);
    }
}
