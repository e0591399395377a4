using Storyline.Domain;

namespace Storyline.Entities.Resolution;

/// <summary>How sure the resolver must be before it calls a name a place.</summary>
public enum GeocodeEvidence
{
    /// <summary>The recogniser typed the mention a location: any town of that name will do.</summary>
    TypedLocation,

    /// <summary>
    /// The recogniser did not say it is a place (a rough recogniser's other types): only a town whose main name it is,
    /// and that is either large or in a country the report is about.
    /// </summary>
    Untyped,
}

/// <summary>The countries a report is about, as the geocoder weighs them.</summary>
/// <param name="Main">Its dateline's country and the country it names most: a small town of these is believable.</param>
/// <param name="Named">Every country it names (demonyms included), the main ones among them.</param>
public sealed record PlaceContext(IReadOnlySet<string> Main, IReadOnlySet<string> Named)
{
    /// <summary>A report that names no country and has no dateline.</summary>
    public static PlaceContext None { get; } = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>Whether the report says anything about its countries.</summary>
    public bool IsEmpty => Main.Count == 0 && Named.Count == 0;
}

/// <summary>What the geocoder made of a name: a town on the map, or the towns it may be, or nothing.</summary>
/// <param name="Place">The town, when the evidence is strong enough to put a pin on it.</param>
/// <param name="Candidates">The towns it may be, best first, when the evidence is not (empty otherwise).</param>
public sealed record PlaceDecision(Place? Place, IReadOnlyList<Place> Candidates)
{
    /// <summary>No town goes by the name (or the evidence allows none).</summary>
    public static PlaceDecision None { get; } = new(null, []);
}

/// <summary>
/// Chooses among same-named towns: the larger, the main name over an alternate one, capitals and admin seats over
/// villages, and above all a town in a country the report mentions or is filed from; and decides whether the best of
/// them is believable enough for a pin (<see cref="Decide"/>). Stateless.
/// </summary>
/// <remarks>
/// The rules of <see cref="Decide"/>, each with a row in the test table (<c>GeocoderRulesTests</c>):
/// <list type="number">
/// <item>A town of one of the report's main countries (its dateline's, the one it names most) is pinned.</item>
/// <item>A town of another country the report names is pinned when it has at least <see cref="NamedCountryMinPopulation"/>
/// people or is a capital or an admin seat: "Russia's Pacific port" in a report that also names the United States is
/// not Pacific, Missouri (7,000 people).</item>
/// <item>A town in a country the report does not name is pinned only on a stronger signal than its size: a capital or
/// a city of <see cref="WorldCityMinPopulation"/> people; otherwise the name stays a place with its candidates
/// (Sousse in a Libya report: Tunisia's Sousse is the only one in the gazetteer, and it is not the Libyan town).</item>
/// <item>In a report that names no country and has no dateline, a capital or a town of
/// <see cref="NoContextMinPopulation"/> people is pinned; a smaller one stays a candidate.</item>
/// <item>A name the recogniser did not type as a place (<see cref="GeocodeEvidence.Untyped"/>) is a place only if it
/// names a town of a main country (by its main name, or by any name if it has
/// <see cref="UntypedMinPopulation"/> people: "Derna" for Darnah in a Libya report), or is the main name of a capital,
/// of a city of <see cref="WorldCityMinPopulation"/> people, or of a town of <see cref="NoContextMinPopulation"/>
/// people in a named country (or in a report that names none); never only a candidate.</item>
/// </list>
/// </remarks>
public static class Geocoder
{
    /// <summary>A town of a named, non-main country is pinned from this many people (or as a capital or admin seat).</summary>
    public const long NamedCountryMinPopulation = 15_000;

    /// <summary>A town in a country the report does not name is pinned from this many people (or as a capital).</summary>
    public const long WorldCityMinPopulation = 1_000_000;

    /// <summary>In a report with no country at all, a town is pinned from this many people (or as a capital).</summary>
    public const long NoContextMinPopulation = 100_000;

    /// <summary>Candidates kept for a name that is not pinned.</summary>
    public const int MaxCandidates = 5;

    /// <summary>An untyped name is a place only if the town has at least this many people (or is in a context country).</summary>
    public const long UntypedMinPopulation = 15_000;

    /// <summary>Decides whether <paramref name="key"/> is a town on the map, by the rules above.</summary>
    /// <param name="gazetteer">The table of towns.</param>
    /// <param name="key">The name in key form.</param>
    /// <param name="context">The report's countries.</param>
    /// <param name="evidence">How sure the recogniser is that it is a place.</param>
    public static PlaceDecision Decide(Gazetteer gazetteer, string key, PlaceContext context, GeocodeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(context);
        var ranked = new List<(Place Place, bool Main, double Score)>();
        foreach ((Place place, bool main) in gazetteer.Lookup(key))
        {
            ranked.Add((place, main, Score(place, main, context.Named.Contains(place.CountryCode))));
        }

        if (ranked.Count == 0)
        {
            return PlaceDecision.None;
        }

        // Best first; ties to the lower id, so that the choice never depends on the table's order.
        ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Place.GeoNameId.CompareTo(b.Place.GeoNameId));
        if (evidence == GeocodeEvidence.Untyped)
        {
            foreach (var (place, main, _) in ranked)
            {
                bool inMain = context.Main.Contains(place.CountryCode);
                bool large = place.Population >= NoContextMinPopulation && (context.IsEmpty || context.Named.Contains(place.CountryCode));
                bool worldCity = place.Population >= WorldCityMinPopulation || place.FeatureCode is "PPLC" or "PPLG";
                if ((inMain && (main || place.Population >= UntypedMinPopulation)) || (main && (large || worldCity)))
                {
                    return new PlaceDecision(place, []);
                }
            }

            return PlaceDecision.None;
        }

        (Place best, _, _) = ranked[0];
        bool capital = best.FeatureCode is "PPLC" or "PPLG";
        bool seat = best.FeatureCode.StartsWith("PPLA", StringComparison.Ordinal);
        bool pinned = context.Main.Contains(best.CountryCode)
            || (context.Named.Contains(best.CountryCode) ? best.Population >= NamedCountryMinPopulation || capital || seat
                : context.IsEmpty ? best.Population >= NoContextMinPopulation || capital
                : best.Population >= WorldCityMinPopulation || capital);
        return pinned ? new PlaceDecision(best, []) : new PlaceDecision(null, [.. ranked.Take(MaxCandidates).Select(r => r.Place)]);
    }

    private static double Score(Place place, bool main, bool inContext) =>
        Math.Log10(place.Population + 1.0)
        + (inContext ? ContextBonus : 0)
        + (main ? MainNameBonus : 0)
        + (place.FeatureCode == "PPLC" ? CapitalBonus : place.FeatureCode.StartsWith("PPLA", StringComparison.Ordinal) ? SeatBonus : 0);

    // Weights of the score (log10 of population is 0 to 7): the report's countries outweigh any population gap
    // short of about four orders of magnitude.
    private const double ContextBonus = 4.0;
    private const double MainNameBonus = 1.5;
    private const double CapitalBonus = 1.5;
    private const double SeatBonus = 0.5;

    /// <summary>
    /// The town <paramref name="key"/> (a <see cref="NameKey"/>) most likely names, or null.
    /// </summary>
    /// <param name="gazetteer">The table of towns.</param>
    /// <param name="key">The name in key form.</param>
    /// <param name="context">ISO codes of the countries the report mentions or is filed from.</param>
    /// <param name="evidence">How sure the recogniser is that it is a place.</param>
    /// <param name="requiredCountry">Only towns of this country (a dateline's "VLADIVOSTOK, Russia").</param>
    public static Place? Choose(Gazetteer gazetteer, string key, IReadOnlySet<string> context, GeocodeEvidence evidence, string? requiredCountry = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(context);
        Place? best = null;
        double bestScore = double.MinValue;
        foreach ((Place place, bool main) in gazetteer.Lookup(key))
        {
            if (requiredCountry is not null && !string.Equals(place.CountryCode, requiredCountry, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            bool inContext = context.Contains(place.CountryCode);
            if (evidence == GeocodeEvidence.Untyped && (!main || (place.Population < UntypedMinPopulation && !inContext)))
            {
                continue;
            }

            double score = Score(place, main, inContext);

            // Ties go to the lower id, so that the choice never depends on the table's order.
            if (score > bestScore || (score == bestScore && best is not null && place.GeoNameId < best.GeoNameId))
            {
                best = place;
                bestScore = score;
            }
        }

        return best;
    }
}
