using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Sources;
using Storyline.Storage;
using Storyline.Storage.Postgres;

namespace Storyline.Web.Api;

/// <summary>The JSON API under /api. Every refusal is an <see cref="ApiError"/> with a 4xx status.</summary>
internal static class ApiEndpoints
{
    public const int MaxLimit = 500;
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Map(IEndpointRouteBuilder app, WebOptions options)
    {
        RouteGroupBuilder api = app.MapGroup("/api").WithTags("Storyline");

        api.MapGet("/stories", async (Archive archive, int? limit, CancellationToken ct) =>
        {
            int take = Limit(limit, 50);
            return await archive.UseAsync(async (store, token) =>
            {
                var list = new List<StoryListItem>();
                foreach (StorySummary s in (await store.ListStoriesAsync(token).ConfigureAwait(false)).Take(take))
                {
                    StoryMaterial? material = await LoadAsync(store, s.Id, token).ConfigureAwait(false);
                    IReadOnlyList<EntityRef> key = material is null ? [] : StoryPages.KeyEntities(material);
                    list.Add(new StoryListItem(s.Id.Value, s.Title, s.FirstReport, s.LastReport, s.ReportCount, material?.Reports.Count ?? s.ReportCount, key));
                }

                return list;
            }, ct).ConfigureAwait(false);
        })
        .WithName("ListStories").WithSummary("Every story, latest activity first, with counts and key entities.");

        api.MapGet("/stories/{id}", async (Archive archive, long id, CancellationToken ct) =>
            await archive.UseAsync(async (store, token) =>
            {
                (StoryMaterial material, long? askedFor) = await LoadOrThrowAsync(store, id, token).ConfigureAwait(false);
                IReadOnlyList<StoryMerge> merges = await store.GetMergesAsync(material.Story.Id, token).ConfigureAwait(false);
                return StoryPages.Page(material, askedFor, merges);
            }, ct).ConfigureAwait(false))
        .WithName("GetStory").WithSummary("One story: reports, entities with roles, places with coordinates, quotes by speaker.")
        .Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/stories/{id}/timeline", async (Archive archive, long id, CancellationToken ct) =>
            StoryPages.TimelineOf(await LoadMaterialAsync(archive, id, ct).ConfigureAwait(false)))
        .WithName("GetTimeline").WithSummary("A story's ranked timeline: dated entries with certainty, attribution, importance and sources (as the CLI's timeline).")
        .Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/stories/{id}/summary", async (Archive archive, IStoryInsights insights, long id, CancellationToken ct) =>
            insights.Summarize(await LoadMaterialAsync(archive, id, ct).ConfigureAwait(false)))
        .WithName("GetSummary").WithSummary("A story's extractive summary: its most central sentences, each with every report that says it.")
        .Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/stories/{id}/whatsnew", async (Archive archive, IStoryInsights insights, long id, DateOnly? since, CancellationToken ct) =>
        {
            if (since is not DateOnly day)
            {
                throw ApiException.BadRequest("'since' is required: a date as YYYY-MM-DD; reports published after it are new");
            }

            return insights.WhatsNew(await LoadMaterialAsync(archive, id, ct).ConfigureAwait(false), day);
        })
        .WithName("GetWhatsNew").WithSummary("What a story gained after a date: new reports, new facts, newly named entities, new quotes and claims whose standing moved.")
        .Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/entities", async (Archive archive, string? type, int? limit, CancellationToken ct) =>
        {
            EntityType? kind = ParseType(type);
            int take = Limit(limit, 50);
            return await archive.UseAsync(async (store, token) =>
                (await store.ListEntitiesAsync(kind, take, token).ConfigureAwait(false))
                    .Select(e => new EntityListItem(e.Key.Value, e.Name, e.Type, e.Mentions, e.Reports, e.FirstSeen, e.LastSeen)).ToList(), ct).ConfigureAwait(false);
        })
        .WithName("ListEntities").WithSummary("Entities, most mentioned first; type = person, organization, location or miscellaneous.")
        .Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/entities/{key}", async (Archive archive, string key, CancellationToken ct) =>
            await archive.UseAsync(async (store, token) =>
            {
                EntityDetail detail = await store.GetEntityAsync(key, 15, token).ConfigureAwait(false)
                    ?? throw ApiException.NotFound($"no entity with the key or name '{key}'");
                IReadOnlyList<StoredQuote> quotes = await store.ListQuotesAsync(null, detail.Summary.Key.Value, 50, token).ConfigureAwait(false);
                return StoryPages.Entity(detail, quotes);
            }, ct).ConfigureAwait(false))
        .WithName("GetEntity").WithSummary("One entity by key, name or alias: names, roles, place, stories, company, quotes.")
        .Produces<ApiError>(StatusCodes.Status404NotFound);

        api.MapGet("/quotes", async (Archive archive, long? story, string? speaker, int? limit, CancellationToken ct) =>
        {
            int take = Limit(limit, 200);
            return await archive.UseAsync(async (store, token) =>
                (await store.ListQuotesAsync(story is long s ? new StoryId(s) : null, string.IsNullOrWhiteSpace(speaker) ? null : speaker.Trim(), take, token).ConfigureAwait(false))
                    .Select(StoryPages.Quote).ToList(), ct).ConfigureAwait(false);
        })
        .WithName("ListQuotes").WithSummary("Quotes in date order, of one story and/or of speakers whose name contains 'speaker'.")
        .Produces<ApiError>(StatusCodes.Status400BadRequest);

        api.MapGet("/search", Search)
        .WithName("Search").WithSummary("Full-text search (all words required, \"quoted words\" a phrase), filtered by date range, entity and story.")
        .Produces<ApiError>(StatusCodes.Status400BadRequest);

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
        .Produces<IngestResponse>()
        .Produces<ApiError>(StatusCodes.Status400BadRequest)
        .Produces<ApiError>(StatusCodes.Status403Forbidden)
        .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
        .Produces<ApiError>(StatusCodes.Status422UnprocessableEntity)
        .WithRequestTimeout(StorylineServer.IngestTimeoutPolicy);

        // GET only, so that a known path with the wrong method still gets 405 from routing.
        api.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            throw ApiException.NotFound($"no API endpoint {context.Request.Method} {context.Request.Path}; the OpenAPI document is at /openapi/v1.json");
        }).ExcludeFromDescription();
    }

    private static async Task<SearchResponse> Search(Archive archive, string? q, DateOnly? from, DateOnly? to, string? entity, long? story, int? limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            throw ApiException.BadRequest("'q' is required: the words to search for");
        }

        if (from is DateOnly f && to is DateOnly t && f > t)
        {
            throw ApiException.BadRequest($"'from' ({f:yyyy-MM-dd}) is after 'to' ({t:yyyy-MM-dd})");
        }

        int take = Limit(limit, 20);
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

            // Filters are applied to a wider set of hits, then cut to the limit.
            bool filtered = from is not null || to is not null || key is not null || story is not null;
            IReadOnlyList<SearchHit> hits = await store.SearchAsync(q.Trim(), filtered ? MaxLimit * 4 : take, token).ConfigureAwait(false);
            var titles = (await store.ListStoriesAsync(token).ConfigureAwait(false)).ToDictionary(s => s.Id.Value, s => s.Title);
            var result = new List<SearchItem>();
            foreach (SearchHit hit in hits)
            {
                if ((from is DateOnly lo && hit.Published < lo) || (to is DateOnly hi && hit.Published > hi) || (story is long s && hit.Story.Value != s))
                {
                    continue;
                }

                if (key is EntityKey k)
                {
                    StoredReport? report = await store.GetReportAsync(hit.Report.Value, token).ConfigureAwait(false);
                    if (report is null || !report.Report.Entities.Any(e => e.Key == k))
                    {
                        continue;
                    }
                }

                result.Add(new SearchItem(hit.Report.Value, hit.Published, hit.Title, hit.Story.Value, titles.GetValueOrDefault(hit.Story.Value, ""), hit.Snippet));
                if (result.Count == take)
                {
                    break;
                }
            }

            return new SearchResponse(q.Trim(), from, to, key?.Value, story, result);
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

        var source = new ReportSource(new ReaderOptions { Clock = options.Clock, MaxFileBytes = options.MaxIngestBytes }, () => Stream.Null);
        // The one way in: the archive's ingestor (on PostgreSQL the queue and its one assigner), working only until this
        // request's reports are stored, not until every other writer's are.
        IngestSummary summary = await archive.WriteAsync(
            (store, token) => IngestorFactory.For(store, queued: new QueuedIngestOptions { HelpOtherRuns = false })
                .IngestAsync(source.Parse(origin, text).ToAsyncEnumerable(), null, token),
            ct).ConfigureAwait(false);
        var failures = summary.Failures.Select(f => new FailureItem(f.Location, f.Reason)).ToList();
        if (summary.Read == 0)
        {
            return Results.Json(new ApiError("no report could be read from the body", StatusCodes.Status422UnprocessableEntity, failures), statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        return Results.Json(new IngestResponse(
            summary.Read,
            summary.New,
            summary.Duplicates,
            summary.Failed,
            summary.NewStories,
            failures,
            [.. summary.Assignments.Select(a => new AssignmentItem(a.Report.Value, a.Story.Value, a.IsNewStory, a.StoryTitle))]));
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

    private static async Task<StoryMaterial> LoadMaterialAsync(Archive archive, long id, CancellationToken ct) =>
        await archive.UseAsync(async (store, token) => (await LoadOrThrowAsync(store, id, token).ConfigureAwait(false)).Material, ct).ConfigureAwait(false);

    private static async Task<(StoryMaterial Material, long? AskedFor)> LoadOrThrowAsync(IStoryStore store, long id, CancellationToken ct)
    {
        Story? story = await store.GetStoryAsync(new StoryId(id), ct).ConfigureAwait(false);
        long? asked = null;
        for (int hops = 0; story?.MergedInto is StoryId into && hops < 64; hops++)
        {
            // A merged-away story answers with the story it became part of, saying so.
            asked ??= story.Id.Value;
            story = await store.GetStoryAsync(into, ct).ConfigureAwait(false);
        }

        if (story is null)
        {
            throw ApiException.NotFound($"no story {id.ToString(CultureInfo.InvariantCulture)}");
        }

        IReadOnlyList<AnalyzedArticle> reports = await store.GetStoryReportsAsync(story.Id, ct).ConfigureAwait(false);
        return (new StoryMaterial(story, reports), asked);
    }

    private static async Task<StoryMaterial?> LoadAsync(IStoryStore store, StoryId id, CancellationToken ct)
    {
        Story? story = await store.GetStoryAsync(id, ct).ConfigureAwait(false);
        return story is null ? null : new StoryMaterial(story, await store.GetStoryReportsAsync(id, ct).ConfigureAwait(false));
    }

    private static int Limit(int? limit, int fallback) => limit switch
    {
        null => fallback,
        < 1 or > MaxLimit => throw ApiException.BadRequest($"'limit' must be from 1 to {MaxLimit.ToString(CultureInfo.InvariantCulture)}"),
        int n => n,
    };

    private static EntityType? ParseType(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "person" or "per" => EntityType.Person,
        "organization" or "organisation" or "org" => EntityType.Organization,
        "location" or "place" or "loc" => EntityType.Location,
        "miscellaneous" or "misc" => EntityType.Miscellaneous,
        _ => throw ApiException.BadRequest($"unknown entity type '{type}': use person, organization, location or miscellaneous"),
    };
}
