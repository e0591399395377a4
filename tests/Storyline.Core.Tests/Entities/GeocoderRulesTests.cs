using Storyline.Entities.Resolution;

namespace Storyline.Core.Tests.Entities;

/// <summary>
/// The rules for putting a pin on the map (<see cref="Geocoder.Decide"/>), one row per case, on a made-up gazetteer
/// whose rows copy the real towns' countries, sizes and feature codes.
/// </summary>
public sealed class GeocoderRulesTests
{
    // C  cca2 cca3 name geonameid lat lon population capital names demonyms
    // P  geonameid name lat lon country featurecode population othernames
    private const string Rows = """
        C	RU	RUS	Russia	2017370	60	100	140702000	Moscow	Russian Federation	Russian
        C	US	USA	United States	6252001	38	-97	310232863	Washington D.C.	United States of America|US|USA	American
        C	LY	LBY	Libya	2215636	25	17	6461454	Tripoli		Libyan
        C	TN	TUN	Tunisia	2464461	34	9	10589025	Tunis		Tunisian
        C	CH	CHE	Switzerland	2658434	47	8	7581000	Bern		Swiss
        C	KP	PRK	North Korea	1873107	40	127	22912177	Pyongyang	DPRK	North Korean
        P	4402428	Pacific	38.482	-90.7415	US	PPL	7161
        P	2464915	Sousse	35.8254	10.637	TN	PPLA	164123	Susah|Sousa
        P	87205	Darnah	32.767	22.6367	LY	PPLA	78782	Derna|Darnis
        P	4076239	Millbrook	32.4799	-86.3619	US	PPL	16058
        P	2660646	Geneva	46.2022	6.1457	CH	PPLA	183981	Geneve|Genf
        P	4709796	Mission	26.2159	-98.3253	US	PPL	84331
        P	6174041	Victoria	48.4359	-123.3516	CA	PPLA	289625
        P	4990729	Detroit	42.3314	-83.0457	US	PPLA2	677116
        P	524901	Moscow	55.7522	37.6156	RU	PPLC	10381222	Moskva
        P	5601538	Moscow	46.7324	-117.0002	US	PPLA2	25060
        P	2988507	Paris	48.8534	2.3488	FR	PPLC	2138551
        P	4717560	Paris	33.6609	-95.5555	US	PPLA2	24782
        P	2013348	Vladivostok	43.1056	131.8735	RU	PPLA	587022
        P	-1	Khasan	42.4283	130.6456	RU	PPL	742	Hasan
        P	2747373	The Hague	52.0767	4.2986	NL	PPLG	474292	Den Haag
        """;

    private static readonly Gazetteer Places = Gazetteer.Read(new StringReader(Rows.Replace("        ", string.Empty, StringComparison.Ordinal)));

    private static PlaceContext Context(string main, string named) => new(
        main.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase),
        named.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private const GeocodeEvidence Typed = GeocodeEvidence.TypedLocation;
    private const GeocodeEvidence Untyped = GeocodeEvidence.Untyped;

    // name, evidence, main countries, named countries, the pinned town's id (null: none), the candidates kept.
    public static TheoryData<string, GeocodeEvidence, string, string, long?, long[]> Rules => new()
    {
        // The Reuters seed: "Russia's Pacific port" from Vladivostok, in a report that also names the United States.
        // Pacific, Missouri (7,161 people) is in a named but not a main country and too small: no pin.
        { "pacific", Typed, "RU", "RU,US,KP", null, [4402428] },
        // Sousse in a report about Libya: the only Sousse in the gazetteer is Tunisia's, in a country the report does
        // not name. A place, with its candidate, not a confident wrong pin.
        { "sousse", Typed, "LY", "LY", null, [2464915] },
        // The same town in a report about Tunisia is pinned.
        { "sousse", Typed, "TN", "TN", 2464915, [] },
        // Derna, an alternate name of Darnah, in a report about Libya: pinned, whether the tagger called it a place ...
        { "derna", Typed, "LY", "LY", 87205, [] },
        // ... or a person (a one-word name with no title: the gazetteer in a main country decides).
        { "derna", Untyped, "LY", "LY", 87205, [] },
        // A one-word "person" that is only an alternate name of a small town abroad stays a person.
        { "derna", Untyped, "RU", "RU", null, [] },
        // Millbrook in a report that names no country: a town of 16,000 people is not enough for a pin.
        { "millbrook", Typed, "", "", null, [4076239] },
        // Detroit in a report that names no country: a large city is.
        { "detroit", Typed, "", "", 4990729, [] },
        // A common word as a "person" is not a town in a report about somewhere else ("Mission" in a Libya report).
        { "mission", Untyped, "LY", "LY", null, [] },
        // Mission typed as a place in a report about the United States is Mission, Texas.
        { "mission", Typed, "US", "US", 4709796, [] },
        // Geneva in a report about Libya: a city of 180,000 in a country the report does not name is only a candidate ...
        { "geneva", Typed, "LY", "LY", null, [2660646] },
        // ... and pinned where the report names Switzerland, though it is not the main country.
        { "geneva", Typed, "LY", "LY,CH", 2660646, [] },
        // A capital is a strong enough signal anywhere, and so is a seat of government.
        { "moscow", Typed, "LY", "LY", 524901, [] },
        { "the hague", Typed, "LY", "LY", 2747373, [] },
        // With no context, the capital over the small town of the same name.
        { "paris", Typed, "", "", 2988507, [] },
        // The report's main country outweighs population: Paris, Texas in a report about the United States.
        { "paris", Typed, "US", "US", 4717560, [] },
        // A village of the report's main country is pinned (Khasan, 742 people, in a report filed from Russia).
        { "khasan", Typed, "RU", "RU", -1, [] },
        // A big city as an untyped one-word name, in a report that names its country.
        { "vladivostok", Untyped, "KP", "KP,RU", 2013348, [] },
        // A name no town has.
        { "atlantis", Typed, "US", "US", null, [] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_pin_needs_evidence_that_fits_the_report(string name, GeocodeEvidence evidence, string main, string named, long? pinned, long[] candidates)
    {
        PlaceDecision decision = Geocoder.Decide(Places, name, Context(main, named), evidence);
        Assert.Equal(pinned, decision.Place?.GeoNameId);
        Assert.Equal(candidates, decision.Candidates.Select(c => c.GeoNameId));
    }
}
