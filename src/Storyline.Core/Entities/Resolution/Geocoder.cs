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

/// <summary>
/// Chooses among same-named towns: the larger, the main name over an alternate one, capitals and admin seats over
/// villages, and above all a town in a country the report mentions or is filed from. Stateless.
/// </summary>
public static class Geocoder
{
    /// <summary>An untyped name is a place only if the town has at least this many people (or is in a context country).</summary>
    public const long UntypedMinPopulation = 15_000;

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

            double score = Math.Log10(place.Population + 1.0)
                + (inContext ? ContextBonus : 0)
                + (main ? MainNameBonus : 0)
                + (place.FeatureCode == "PPLC" ? CapitalBonus : place.FeatureCode.StartsWith("PPLA", StringComparison.Ordinal) ? SeatBonus : 0);

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
