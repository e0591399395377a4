using Storyline.Entities.Resolution;

namespace Storyline.Core.Tests.Entities;

/// <summary>A made-up gazetteer of a few rows, so that geocoding tests do not depend on the committed table.</summary>
internal static class TestGazetteer
{
    // C  cca2 cca3 name geonameid lat lon population capital names demonyms
    // P  geonameid name lat lon country featurecode population othernames
    private const string Rows = """
        # test gazetteer
        C	RU	RUS	Russia	2017370	60	100	140702000	Moscow	Russian Federation	Russian
        C	US	USA	United States	6252001	38	-97	310232863	Washington D.C.	United States of America|US|USA	American
        C	FR	FRA	France	3017382	46	2	64768389	Paris	French Republic	French
        C	KP	PRK	North Korea	1873107	40	127	22912177	Pyongyang	Democratic People's Republic of Korea|DPRK	North Korean
        C	IN	IND	India	1269750	20	77	1173108018	New Delhi	Republic of India	Indian
        P	524901	Moscow	55.7522	37.6156	RU	PPLC	10381222	Moskva
        P	5601538	Moscow	46.7324	-117.0002	US	PPLA2	25060
        P	2988507	Paris	48.8534	2.3488	FR	PPLC	2138551	Paree
        P	4717560	Paris	33.6609	-95.5555	US	PPLA2	24782
        P	2013348	Vladivostok	43.1056	131.8735	RU	PPLA	587022	Wladiwostok
        P	1871859	Pyongyang	39.0339	125.7543	KP	PPLC	3222000	Pjongjang
        P	-1	Khasan	42.4283	130.6456	RU	PPL	742	Hasan
        P	1270239	Hassan	13.0072	76.0962	IN	PPL	128531	Khasan
        C	LY	LBY	Libya	2215636	25	17	6461454	Tripoli		Libyan
        C	TN	TUN	Tunisia	2464461	34	9	10589025	Tunis		Tunisian
        P	87205	Darnah	32.767	22.6367	LY	PPLA	78782	Derna|Darnis
        P	88319	Benghazi	32.1167	20.0667	LY	PPLA	650629
        P	2464915	Sousse	35.8254	10.637	TN	PPLA	164123	Susah
        P	4402428	Pacific	38.482	-90.7415	US	PPL	7161
        P	4076239	Millbrook	32.4799	-86.3619	US	PPL	16058
        P	6174041	Victoria	48.4359	-123.3516	CA	PPLA	289625
        P	4667282	White House	36.4701	-86.6514	US	PPL	11947
        """;

    public static Gazetteer Instance { get; } = Gazetteer.Read(new StringReader(Rows.Replace("        ", string.Empty, StringComparison.Ordinal)));
}
