using System.Globalization;
using Storyline.Domain;

namespace Storyline.Views;

/// <summary>
/// The words people read for the values of the records: one list for the command line's text and the web UI (served
/// at /api/labels), so the two never name a thing differently.
/// </summary>
public static class Labels
{
    /// <summary>An entity type as a reader calls it.</summary>
    public static string Of(EntityType type) => type switch
    {
        EntityType.Person => "Person",
        EntityType.Organization => "Organisation",
        EntityType.Location => "Place",
        _ => "Other",
    };

    /// <summary>A kind of source in words ("named person", "state media").</summary>
    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.NamedPerson => "named person",
        SourceKind.Organization => "organisation",
        SourceKind.NewsOutlet => "news outlet",
        SourceKind.StateMedia => "state media",
        SourceKind.Anonymous => "anonymous",
        SourceKind.Public => "member of the public",
        SourceKind.Expert => "expert",
        _ => "unknown source",
    };

    /// <summary>A certainty as a word ("confirmed").</summary>
    public static string Of(Certainty status) => status.ToString().ToLowerInvariant();

    /// <summary>
    /// A claim's day in words: its standing, then the statuses said that day where they are more than that one
    /// ("unconfirmed (speculative, unconfirmed, expected)", "confirmed").
    /// </summary>
    public static string Of(ClaimDayItem day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Statuses.Count == 1 && day.Statuses[0] == day.Standing
            ? Of(day.Standing)
            : $"{Of(day.Standing)} ({string.Join(", ", day.Statuses.Select(Of))})";
    }

    /// <summary>A quote kind as a word.</summary>
    public static string Of(QuoteKind kind) => kind == QuoteKind.Direct ? "direct" : "indirect";

    /// <summary>A count with its noun, singular for one: "1 report", "3 reports", "2 new stories".</summary>
    public static string Count(long n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? Plural(singular));

    /// <summary>
    /// A claim key as a reader would say it: "kim jong un|visit" is "Kim Jong Un: visit", "kim jong un+vladimir
    /// putin|meet" is "Kim Jong Un and Vladimir Putin: meet". Keys stay as they are in JSON; this is only for showing them.
    /// </summary>
    public static string ClaimKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int bar = key.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return key;
        }

        string who = key[..bar];
        string what = key[(bar + 1)..].Replace('_', ' ');
        return string.Join(" and ", who.Split('+').Select(w => w.StartsWith("country:", StringComparison.Ordinal) || w.StartsWith("place:", StringComparison.Ordinal) ? w : Title(w))) + ": " + what;
    }

    /// <summary>Every label, by the JSON value it names, for the web UI.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> All() => new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
    {
        ["entityType"] = Enum.GetValues<EntityType>().ToDictionary(Json, Of, StringComparer.Ordinal),
        ["sourceKind"] = Enum.GetValues<SourceKind>().ToDictionary(Json, Of, StringComparer.Ordinal),
        ["certainty"] = Enum.GetValues<Certainty>().ToDictionary(Json, Of, StringComparer.Ordinal),
        ["quoteKind"] = Enum.GetValues<QuoteKind>().ToDictionary(Json, Of, StringComparer.Ordinal),
    };

    private static string Json<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Plural(string noun) => noun.EndsWith('y') && !noun.EndsWith("ey", StringComparison.Ordinal)
        ? noun[..^1] + "ies"
        : noun + "s";

    private static string Title(string words) => string.Join(' ', words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
