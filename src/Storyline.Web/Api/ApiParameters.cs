using System.Globalization;
using Storyline.Domain;

namespace Storyline.Web.Api;

/// <summary>
/// The API's parameters, taken as text and read here, so that a bad one is refused with the parameter's name and what
/// it should be, never with the framework's own words.
/// </summary>
internal static class ApiParameters
{
    public const int MaxLimit = 500;

    /// <summary>A story number from the path.</summary>
    public static StoryId StoryId(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0
            ? new StoryId(id)
            : throw ApiException.BadRequest($"'{text}' is not a story number: use a whole number from 1, as /api/stories lists them");

    /// <summary>An optional story number from the query.</summary>
    public static StoryId? OptionalStory(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long id) && id > 0
            ? new StoryId(id)
            : throw ApiException.BadRequest($"'story' must be a story number (a whole number from 1), not '{text}'");

    /// <summary><c>limit</c>: absent is <paramref name="fallback"/>; else 1 to <see cref="MaxLimit"/>.</summary>
    public static int Limit(string? text, int fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= MaxLimit
            ? n
            : throw ApiException.BadRequest($"'limit' must be a whole number from 1 to {MaxLimit.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
    }

    /// <summary>An optional day as YYYY-MM-DD.</summary>
    public static DateOnly? Day(string name, string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day
            : throw ApiException.BadRequest($"'{name}' must be a date as YYYY-MM-DD, not '{text}'");

    /// <summary>An optional entity type.</summary>
    public static EntityType? Type(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "person" or "per" => EntityType.Person,
        "organization" or "organisation" or "org" => EntityType.Organization,
        "location" or "place" or "loc" => EntityType.Location,
        "miscellaneous" or "misc" or "other" => EntityType.Miscellaneous,
        _ => throw ApiException.BadRequest($"unknown entity type '{type}': use person, organization, location or miscellaneous"),
    };
}
