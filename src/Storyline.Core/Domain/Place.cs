namespace Storyline.Domain;

/// <summary>A place on the map, as the gazetteer knows it.</summary>
/// <param name="GeoNameId">Its GeoNames id; a negative id marks a place the project added by hand (not in the GeoNames extract).</param>
/// <param name="Name">Its usual English name ("Vladivostok", "North Korea").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of its country ("RU").</param>
/// <param name="Latitude">Latitude in degrees.</param>
/// <param name="Longitude">Longitude in degrees.</param>
/// <param name="Population">Population, where known (0 otherwise).</param>
/// <param name="FeatureCode">GeoNames feature code ("PPLC" capital, "PPLA" admin seat, "PPL" town, "PCLI" country).</param>
public sealed record Place(long GeoNameId, string Name, string CountryCode, double Latitude, double Longitude, long Population, string FeatureCode)
{
    /// <summary>Whether this is a whole country rather than a town.</summary>
    public bool IsCountry => FeatureCode.StartsWith("PCL", StringComparison.Ordinal);
}
