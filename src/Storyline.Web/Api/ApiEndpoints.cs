using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;
using Storyline.Timelines;
using Storyline.Views;

namespace Storyline.Web.Api;

/// <summary>
/// The JSON API under /api: the records of Storyline.Views, as the command line's --json writes them. Every refusal is
/// an <see cref="ApiError"/> with a 4xx status; parameters are read by <see cref="ApiParameters"/>.
/// </summary>
internal static class ApiEndpoints
{
    public const int MaxLimit = ApiParameters.MaxLimit;
    private const int SummaryLength = 5;
    private const int MaxFacts = 20;

    // An ingest answer lists at most this many failures and counts the rest.
    private const int MaxListedFailures = 100;
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        RouteGroupBuilder api = app.MapGroup("/api").WithTags("Storyline");

        api.MapGet("/stories", async (Archive archive, string? limit, CancellationToken ct) =>
        {
            int take = ApiParameters.Limit(limit, 50);
            return await archive.UseAsync(async (store, token) =>
                (await store.ListStoryCardsAsync(take, StoryViews.KeyEntityCount, token).ConfigureAwait(false)).Select(ArchiveViews.Story).ToList(), ct).ConfigureAwait(false);
        })
        .WithName("ListStories").WithSummary("Every story, latest activity first, with counts and key entities.")
        .Produces<List<StoryListItem>>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/stories/{id}", (Archive archive, StoryViewCache cache, string id, CancellationToken ct) =>
            CachedViewAsync(archive, cache, id, "detail", StoryViews.Detail, ct, withMerges: true))
        .WithName("GetStory").WithSummary("One story: reports, entities with roles, places with coordinates, timeline, quotes (also by speaker), claims.")
        .Produces<StoryDetail>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/stories/{id}/timeline", (Archive archive, StoryViewCache cache, string id, CancellationToken ct) =>
            CachedViewAsync(archive, cache, id, "timeline", (material, _) => StoryViews.TimelineOf(material), ct))
        .WithName("GetTimeline").WithSummary("A story's ranked timeline: dated entries with certainty, attribution, importance and sources (as the CLI's timeline).")
        .Produces<TimelineView>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/stories/{id}/summary", (Archive archive, StoryViewCache cache, string id, CancellationToken ct) =>
            CachedViewAsync(archive, cache, id, "summary", (material, _) => StoryViews.Summary(material, SummaryLength), ct))
        .WithName("GetSummary").WithSummary("A story's extractive summary: its most central sentences, each with every report that says it.")
        .Produces<SummaryView>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/stories/{id}/whatsnew", (Archive archive, StoryViewCache cache, string id, string? since, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(since))
            {
                throw ApiException.BadRequest("'since' is required: a date as YYYY-MM-DD (reports published after it are new) or a report id or prefix (reports after it are new)");
            }

            return CachedViewAsync(archive, cache, id, "whatsnew " + since.Trim(), (material, _) =>
                NewsCutoff.TryParse(since.Trim(), material.Reports, out NewsCutoff cutoff)
                    ? StoryViews.WhatsNew(material, cutoff, MaxFacts)
                    : throw ApiException.BadRequest($"'since' is neither a date (YYYY-MM-DD) nor one report of story {material.Story.Id}: '{since}'"), ct);
        })
        .WithName("GetWhatsNew").WithSummary("What a story gained after a date or a report: new reports, new facts, newly named entities, new quotes and claims whose standing moved.")
        .Produces<WhatsNewView>().Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/reports/{id}", async (Archive archive, string id, CancellationToken ct) =>
            await archive.UseAsync(async (store, token) =>
            {
                StoredReport report = (string.IsNullOrWhiteSpace(id) ? null : await ArchiveTypeLookup.LoadReportAsync(store, id.Trim(), token).ConfigureAwait(false))
                    ?? throw ApiException.NotFound($"no report '{id}' (or the prefix names several)");
                Story? story = await StoryLookup.FindAsync(store, report.Story, token).ConfigureAwait(false);
                return ArchiveViews.Report(report, story);
            }, ct).ConfigureAwait(false))
        .WithName("GetReport").WithSummary("One report by id or unique prefix: its text, with where its entities are named and its quotes are, and its story.")
        .Produces<ReportPage>().Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/entities", async (Archive archive, string? type, string? limit, CancellationToken ct) =>
        {
            EntityType? kind = ApiParameters.Type(type);
            int take = ApiParameters.Limit(limit, 50);
            return await archive.UseAsync(async (store, token) =>
                (await store.ListEntitiesAsync(kind, take, token).ConfigureAwait(false)).Select(ArchiveViews.Entity).ToList(), ct).ConfigureAwait(false);
        })
        .WithName("ListEntities").WithSummary("Entities, most mentioned first; type = person, organization, location or miscellaneous.")
        .Produces<List<EntityListItem>>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/entities/{key}", async (Archive archive, string key, CancellationToken ct) =>
            await archive.UseAsync(async (store, token) =>
            {
                EntityDetail detail = await store.GetEntityAsync(key, 15, token).ConfigureAwait(false)
                    ?? throw ApiException.NotFound($"no entity with the key or name '{key}'");
                IReadOnlyList<StoredQuote> quotes = await store.ListQuotesAsync(null, detail.Summary.Key.Value, 50, token).ConfigureAwait(false);
                return ArchiveViews.Entity(detail, quotes);
            }, ct).ConfigureAwait(false))
        .WithName("GetEntity").WithSummary("One entity by key, name or alias: names, roles, place, stories, company, quotes.")
        .Produces<EntityPage>().Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/quotes", async (Archive archive, string? story, string? speaker, string? limit, CancellationToken ct) =>
        {
            StoryId? of = ApiParameters.OptionalStory(story);
            int take = ApiParameters.Limit(limit, 200);
            return await archive.UseAsync(async (store, token) =>
                (await store.ListQuotesAsync(of, string.IsNullOrWhiteSpace(speaker) ? null : speaker.Trim(), take, token).ConfigureAwait(false))
                    .Select(ArchiveViews.Quote).ToList(), ct).ConfigureAwait(false);
        })
        .WithName("ListQuotes").WithSummary("Quotes in date order, of one story and/or of speakers whose name contains 'speaker'.")
        .Produces<List<QuoteItem>>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/search", Search)
        .WithName("Search").WithSummary("Full-text search (all words required, \"quoted words\" a phrase), filtered by date range, entity and story.")
        .Produces<SearchView>().Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/labels", () => Labels.All())
        .WithName("GetLabels").WithSummary("The words the UI shows for entity types, kinds of source, certainties and quote kinds, by their JSON value.");

        api.MapPost("/ingest", (HttpContext context, Archive archive, string? format, CancellationToken ct) => Ingest(context, archive, options, format, ct))
        .WithName("Ingest")
        .WithSummary("Adds reports: the body is seed text ('date YYYY-MM-DD', blank line, body) or JSON Lines (format=jsonl or Content-Type application/x-ndjson).")
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // Described here rather than with Accepts(), which would also turn away other content types with a bare 404.
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "Seed text or JSON Lines, UTF-8, at most the server's --max-body-bytes",
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
            return Task.CompletedTask;
        })
        .Produces<IngestView>()
        .Produces<ApiError>(StatusCodes.Status400BadRequest)
        .Produces<ApiError>(StatusCodes.Status403Forbidden)
        .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
        .Produces<ApiError>(StatusCodes.Status422UnprocessableEntity)
        .WithRequestTimeout(StorylineServer.IngestTimeoutPolicy);

        // Ingest is POST only: another method on its path is told so, not that the path does not exist.
        api.MapMethods("/ingest", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            throw new ApiException(StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} is not allowed on /api/ingest: POST the reports");
        }).ExcludeFromDescription();

        // GET only, so that a known path with the wrong method still gets 405 from routing.
        api.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            throw ApiException.NotFound($"no API endpoint {context.Request.Method} {context.Request.Path}; the OpenAPI document is at /openapi/v1.json");
        }).ExcludeFromDescription();
    }

    private static async Task<SearchView> Search(Archive archive, string? q, string? from, string? to, string? entity, string? story, string? limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            throw ApiException.BadRequest("'q' is required: the words to search for");
        }

        if (SearchTerms.Read(q).Problem is string problem)
        {
            throw ApiException.BadRequest("'q': " + problem);
        }

        DateOnly? lo = ApiParameters.Day("from", from);
        DateOnly? hi = ApiParameters.Day("to", to);
        if (lo is DateOnly f && hi is DateOnly t && f > t)
        {
            throw ApiException.BadRequest($"'from' ({f:yyyy-MM-dd}) is after 'to' ({t:yyyy-MM-dd})");
        }

        StoryId? of = ApiParameters.OptionalStory(story);
        int take = ApiParameters.Limit(limit, 20);
        string? entityFilter = string.IsNullOrWhiteSpace(entity) ? null : entity.Trim();
        return await archive.UseAsync(async (store, token) =>
        {
            EntityKey? key = null;
            if (entityFilter is not null)
            {
                EntityDetail detail = await store.GetEntityAsync(entityFilter, 0, token).ConfigureAwait(false)
                    ?? throw ApiException.NotFound($"no entity with the key or name '{entityFilter}'");
                key = detail.Summary.Key;
            }

            IReadOnlyList<SearchHit> hits = await store.SearchAsync(new SearchFilter(q.Trim(), lo, hi, key, of), take, token).ConfigureAwait(false);
            var titles = (await store.ListStoriesAsync(token).ConfigureAwait(false)).ToDictionary(s => s.Id.Value, s => s.Title);
            return new SearchView(q.Trim(), lo, hi, key?.Value, of?.Value, [.. hits.Select(h => ArchiveViews.Hit(h, titles))]);
        }, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> Ingest(HttpContext context, Archive archive, WebOptions options, string? format, CancellationToken ct)
    {
        if (IsCrossSite(context.Request))
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "ingest from another site's page is refused");
        }

        string origin = ChooseOrigin(format, context.Request.ContentType);
        if (context.Request.ContentLength is long declared && declared > options.MaxIngestBytes)
        {
            throw TooLarge(options);
        }

        byte[] body = await ReadBodyAsync(context.Request, options, ct).ConfigureAwait(false);
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the request body is empty: send seed text or JSON Lines");
        }

        string text = Decode(body);

        var source = new ReportSource(new ReaderOptions { Clock = options.Clock, MaxFileBytes = options.MaxIngestBytes, MaxFileBytesSetting = "serve --max-body-bytes" }, () => Stream.Null);
        // The one way in: the archive's ingestor (on PostgreSQL the queue and its one assigner), working only until this
        // request's reports are stored, not until every other writer's are. Failures past the listed number are counted.
        var unlisted = new StrongBox<int>();
        IngestSummary summary = await archive.WriteAsync(
            (store, token) => IngestorFactory.For(store, queued: new QueuedIngestOptions { HelpOtherRuns = false })
                .IngestAsync(ListedFailures(source.Parse(origin, text), unlisted).ToAsyncEnumerable(), null, token),
            ct).ConfigureAwait(false);
        IngestView view = ArchiveViews.Ingest(summary, MaxListedFailures);
        if (unlisted.Value > 0)
        {
            view = view with { Failed = view.Failed + unlisted.Value, MoreFailures = (view.MoreFailures ?? 0) + unlisted.Value };
        }

        if (summary.Read == 0)
        {
            return Results.Json(new ApiError("no report could be read from the body", StatusCodes.Status422UnprocessableEntity, view.Failures, view.MoreFailures), statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return Results.Json(view);
    }

    /// <summary>
    /// What was read, with only the first <see cref="MaxListedFailures"/> failures kept and the others counted in
    /// <paramref name="unlisted"/>: a 2 MB body of a million bad lines made a 107 MB answer and 350 MB of failures.
    /// </summary>
    private static IEnumerable<ReadResult> ListedFailures(IEnumerable<ReadResult> results, StrongBox<int> unlisted)
    {
        int failures = 0;
        foreach (ReadResult result in results)
        {
            if (result is ReadFailed && ++failures > MaxListedFailures)
            {
                unlisted.Value++;
                continue;
            }

            yield return result;
        }
    }

    /// <summary>A POST from a page of another site (a form or script aimed at this loopback server) is refused.</summary>
    private static bool IsCrossSite(HttpRequest request)
    {
        string? site = request.Headers["Sec-Fetch-Site"];
        if (site is not null && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase) && !string.Equals(site, "none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? origin = request.Headers.Origin;
        return origin is not null
            && !(Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static string ChooseOrigin(string? format, string? contentType)
    {
        string? media = contentType?.Split(';')[0].Trim();
        string kind = (format?.Trim().ToLowerInvariant(), media?.ToLowerInvariant()) switch
        {
            ("seed" or "text", _) => "seed",
            ("jsonl" or "ndjson", _) => "jsonl",
            (null or "", "application/x-ndjson" or "application/jsonl" or "application/jsonlines" or "application/x-jsonlines") => "jsonl",
            (null or "", null or "" or "text/plain") => "seed",
            (null or "", _) => throw new ApiException(StatusCodes.Status415UnsupportedMediaType, $"unsupported Content-Type '{media}': send text/plain (seed text) or application/x-ndjson (JSON Lines)"),
            _ => throw ApiException.BadRequest($"unknown format '{format}': use seed or jsonl"),
        };
        return kind == "jsonl" ? "request.jsonl" : "request";
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, WebOptions options, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > options.MaxIngestBytes)
                {
                    throw TooLarge(options);
                }

                buffer.Write(chunk, 0, n);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(options);
        }

        return buffer.ToArray();
    }

    /// <summary>The body as UTF-8 text (a byte-order mark dropped); binary or invalid UTF-8 is refused.</summary>
    private static string Decode(byte[] body)
    {
        ReadOnlySpan<byte> bytes = body;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (bytes.Contains((byte)0))
        {
            throw ApiException.BadRequest("the body is binary (it holds NUL bytes): send UTF-8 text");
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw ApiException.BadRequest("the body is not valid UTF-8");
        }
    }

    private static ApiException TooLarge(WebOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the body is larger than the limit of {options.MaxIngestBytes.ToString(CultureInfo.InvariantCulture)} bytes (serve --max-body-bytes)");

    /// <summary>
    /// A view of story <paramref name="id"/>: the one kept in (or being made by) <paramref name="cache"/> where the story
    /// and the archive are as they were, else made now, outside the read gate, and kept. The request waits for it only
    /// until its deadline (503): a view slower than that is still made once, and kept for the next request.
    /// </summary>
    private static async Task<T> CachedViewAsync<T>(Archive archive, StoryViewCache cache, string id, string view, Func<StoryMaterial, IReadOnlyList<StoryMerge>, T> make, CancellationToken ct, bool withMerges = false)
        where T : class
    {
        StoryId asked = ApiParameters.StoryId(id);
        (StoryStamp stamp, Task<object>? kept, StoryMaterial? material, IReadOnlyList<StoryMerge> merges) = await archive.UseAsync(async (store, token) =>
        {
            Story story = await StoryLookup.FindAsync(store, asked, token).ConfigureAwait(false) ?? throw ApiException.NotFound($"no story {asked}");
            var stamp = StoryStamp.Of(story, (await store.CountAsync(token).ConfigureAwait(false)).Reports);
            if (cache.Find(asked.Value, view, stamp) is Task<object> hit)
            {
                return (stamp, hit, (StoryMaterial?)null, (IReadOnlyList<StoryMerge>)[]);
            }

            // Loaded after the stamp was taken: if an ingest lands in between, the view is newer than its stamp, and the
            // next request (seeing the new stamp) makes it again; a view is never older than the stamp it is kept under.
            StoryMaterial loaded = await LoadOrThrowAsync(store, id, token).ConfigureAwait(false);
            IReadOnlyList<StoryMerge> merged = withMerges ? await store.GetMergesAsync(loaded.Story.Id, token).ConfigureAwait(false) : [];
            return (stamp, (Task<object>?)null, (StoryMaterial?)loaded, merged);
        }, ct).ConfigureAwait(false);
        if (kept is not null)
        {
            try
            {
                return (T)await kept.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (kept.IsCanceled && !ct.IsCancellationRequested)
            {
                // The request that started it gave up before it began: ask again, and make it.
                return await CachedViewAsync(archive, cache, id, view, make, ct, withMerges).ConfigureAwait(false);
            }
        }

        return await cache.GetAsync(asked.Value, view, stamp, () => make(material!, merges), ct).ConfigureAwait(false);
    }

    private static async Task<StoryMaterial> LoadOrThrowAsync(IStoryStore store, string id, CancellationToken ct)
    {
        StoryId story = ApiParameters.StoryId(id);
        return await StoryLookup.LoadAsync(store, story, ct).ConfigureAwait(false)
            ?? throw ApiException.NotFound($"no story {story}");
    }
}
