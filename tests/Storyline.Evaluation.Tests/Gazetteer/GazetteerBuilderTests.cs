using Storyline.Domain;
using Storyline.Entities.Resolution;
using Storyline.Evaluation.Gazetteer;
using Storyline.Testing;

namespace Storyline.Evaluation.Tests.Gazetteer;

/// <summary>The gazetteer build on a made-up places folder (tests/data/gazetteer), and the committed table on the real one.</summary>
public sealed class GazetteerBuilderTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "storyline-gazetteer-" + Guid.NewGuid().ToString("N") + ".tsv.gz");

    public void Dispose() => File.Delete(output);

    private Entities.Resolution.Gazetteer BuildFixture(out GazetteerBuildSummary summary)
    {
        summary = GazetteerBuilder.Build(Path.Combine(TestPaths.TestData, "gazetteer"), output);
        using Stream file = File.OpenRead(output);
        return Entities.Resolution.Gazetteer.Load(file);
    }

    [Fact]
    public void Countries_keep_their_names_spellings_demonyms_and_centre()
    {
        var gazetteer = BuildFixture(out GazetteerBuildSummary summary);

        Assert.Equal(2, summary.Countries);
        Country ardovia = gazetteer.CountryByCode("AA")!;
        Assert.Equal(("Ardovia", "AAA", "Zorvik", 9100001L, 5000000L), (ardovia.Place.Name, ardovia.Code3, ardovia.Capital, ardovia.Place.GeoNameId, ardovia.Place.Population));
        Assert.Equal((45.0, 12.0), (ardovia.Place.Latitude, ardovia.Place.Longitude));
        Assert.Same(ardovia, gazetteer.CountryByName("republic of ardovia"));
        Assert.Same(ardovia, gazetteer.CountryByName("ardovian republic"));
        Assert.Same(ardovia, gazetteer.CountryByDemonym("ardovian"));
        Assert.Same(ardovia, gazetteer.CountryByDemonym("ardovians"));
        Assert.Equal("country:aa", ardovia.Key.Value);

        // Two-letter codes other than US and UK, non-Latin spellings and "Name, Kingdom of" inversions are left out.
        Assert.Null(gazetteer.CountryByName("ra"));
        Assert.DoesNotContain(ardovia.Names, n => n.Contains('Р', StringComparison.Ordinal));
        Assert.DoesNotContain(gazetteer.CountryByCode("BB")!.Names, n => n.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public void Towns_keep_useful_names_coordinates_and_population()
    {
        var gazetteer = BuildFixture(out GazetteerBuildSummary summary);

        // Four populated places (the hill is not one) plus the hand-written additions.
        Assert.Equal(4 + 1, summary.Places);
        Place zorvik = gazetteer.PlacesNamed("zorvik").ToArray().Single(p => p.CountryCode == "AA");
        Assert.Equal((9000001L, "PPLC", 250000L), (zorvik.GeoNameId, zorvik.FeatureCode, zorvik.Population));
        Assert.Equal((45.1235, 12.6543), (zorvik.Latitude, zorvik.Longitude));

        // A large town keeps its Latin-script alternates; codes in capitals, other scripts and romanisations in lower case go.
        Assert.Contains(zorvik, gazetteer.PlacesNamed("sorvik").ToArray());
        Assert.Contains(zorvik, gazetteer.PlacesNamed("zorwik").ToArray());
        Assert.Empty(gazetteer.PlacesNamed("zrv").ToArray());
        Assert.Empty(gazetteer.PlacesNamed("зорвик").ToArray());
        Assert.Empty(gazetteer.PlacesNamed("zo er wei ke").ToArray());
        Assert.False(gazetteer.IsMainName(zorvik, "sorvik"));
        Assert.True(gazetteer.IsMainName(zorvik, "zorvik"));

        // A small town keeps only its ASCII name; an admin seat keeps its alternates whatever its size.
        Assert.Empty(gazetteer.PlacesNamed("brellstadt").ToArray());
        Assert.Single(gazetteer.PlacesNamed("keta").ToArray());
        Assert.Single(gazetteer.PlacesNamed("kettah").ToArray());
        Assert.Empty(gazetteer.PlacesNamed("hill station").ToArray());

        // The hand-written additions (Khasan, missing from cities1000) are always there.
        Assert.Equal("RU", Assert.Single(gazetteer.PlacesNamed("khasan").ToArray()).CountryCode);
    }

    [Fact]
    public void Same_named_towns_are_told_apart_by_the_report_s_countries()
    {
        var gazetteer = BuildFixture(out _);
        HashSet<string> none = [];
        HashSet<string> belmark = ["BB"];

        Assert.Equal("AA", Geocoder.Choose(gazetteer, "zorvik", none, GeocodeEvidence.TypedLocation)!.CountryCode);
        Assert.Equal("BB", Geocoder.Choose(gazetteer, "zorvik", belmark, GeocodeEvidence.TypedLocation)!.CountryCode);
        Assert.Equal("BB", Geocoder.Choose(gazetteer, "zorvik", none, GeocodeEvidence.TypedLocation, requiredCountry: "BB")!.CountryCode);

        // An untyped name must be the main name of a large town or of one in the report's countries.
        Assert.Null(Geocoder.Choose(gazetteer, "brell", none, GeocodeEvidence.Untyped));
        Assert.NotNull(Geocoder.Choose(gazetteer, "brell", new HashSet<string> { "AA" }, GeocodeEvidence.Untyped));
        Assert.Null(Geocoder.Choose(gazetteer, "sorvik", none, GeocodeEvidence.Untyped));
    }

    [Fact]
    public void The_committed_gazetteer_is_embedded_and_knows_the_seed_places()
    {
        var gazetteer = Entities.Resolution.Gazetteer.Default;
        Assert.True(gazetteer.PlaceCount > 100_000, $"only {gazetteer.PlaceCount} towns");
        Assert.Equal("KP", gazetteer.CountryByName("dprk")?.Code);
        Assert.Equal("KP", gazetteer.CountryByName("democratic peoples republic of korea")?.Code);
        Assert.Equal("RU", gazetteer.CountryByDemonym("russian")?.Code);
        foreach (string town in new[] { "vladivostok", "khasan", "pyongyang", "moscow" })
        {
            Assert.NotEmpty(gazetteer.PlacesNamed(town));
        }

        FileInfo file = new(Path.Combine(TestPaths.RepoRoot, "models", "gazetteer", "places.tsv.gz"));
        Assert.True(file.Length < 5 * 1024 * 1024, $"the committed gazetteer is {file.Length} bytes");
    }
}
