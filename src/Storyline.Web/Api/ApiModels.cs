using Storyline.Views;

namespace Storyline.Web.Api;

// The API answers with the records of Storyline.Views (the same ones the command line's --json writes), documented
// in docs/json-shapes.md and the OpenAPI document (/openapi/v1.json). Only the error is the API's own.

/// <summary>A refused request: what was wrong, in words.</summary>
/// <param name="Error">What was wrong.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Failures">For an ingest that read nothing: the inputs that failed and why (at most 100).</param>
/// <param name="MoreFailures">For an ingest that read nothing: how many more failed than are listed; absent where none.</param>
public sealed record ApiError(string Error, int Status, IReadOnlyList<FailureItem>? Failures = null, int? MoreFailures = null);
