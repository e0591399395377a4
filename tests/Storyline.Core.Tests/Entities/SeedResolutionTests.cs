using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Entities;

/// <summary>The resolution cases on the two real seed reports, through the default pipeline.</summary>
public sealed class SeedResolutionTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static AnalyzedArticle Seed(string name) => Pipeline.Analyze(new ReportCleaner().Clean(SeedFiles.Read(name)));

    private static Mention Find(AnalyzedArticle a, string surface) => a.Mentions.First(m => a.Text(m.Span) == surface);

    private static Entity EntityOf(AnalyzedArticle a, string surface) => a.Entities.Single(e => e.Key == Find(a, surface).Entity);

    [SharedFact("seeds")]
    public void The_same_people_and_places_have_the_same_keys_in_both_reports()
    {
        AnalyzedArticle reuters = Seed(SeedFiles.Reuters);
        AnalyzedArticle independent = Seed(SeedFiles.Independent);

        // Kim Jong Un under three spellings, and a bare "Kim" after the full name, in both reports.
        Assert.Equal("kim jong un", Find(reuters, "Kim Jong Un").Entity.Value);
        Assert.Equal("kim jong un", Find(reuters, "Kim").Entity.Value);
        Assert.Equal("kim jong un", Find(independent, "Kim Jong-un").Entity.Value);
        Assert.Equal("kim jong un", Find(independent, "Kim Jong Un").Entity.Value);
        Assert.All(independent.Mentions.Where(m => independent.Text(m.Span) == "Kim"), m => Assert.Equal("kim jong un", m.Entity.Value));

        // Putin, Mr Putin, Vladimir Putin, President Vladimir Putin.
        Assert.Equal("vladimir putin", Find(reuters, "Vladimir Putin").Entity.Value);
        Assert.Equal("vladimir putin", Find(reuters, "Putin").Entity.Value);
        Assert.All(independent.Mentions.Where(m => independent.Text(m.Span) == "Putin"), m => Assert.Equal("vladimir putin", m.Entity.Value));

        // North Korea, DPRK and the Democratic People's Republic of Korea; demonyms to their countries.
        Assert.Equal("country:kp", Find(reuters, "North Korea").Entity.Value);
        Assert.Equal("country:kp", Find(independent, "DPRK").Entity.Value);
        // The tagger cuts this one at the possessive ("Democratic People" | "Republic of Korea", the latter South Korea's
        // name); the resolver joins the parts back into the country's official name.
        Assert.Equal("country:kp", Find(independent, "Democratic People’s Republic of Korea").Entity.Value);
        Assert.Equal("country:kp", Find(independent, "North Korean").Entity.Value);
        Assert.Equal("country:ru", Find(independent, "Russian").Entity.Value);
    }

    [SharedFact("seeds")]
    public void The_admiral_is_not_the_leader()
    {
        AnalyzedArticle a = Seed(SeedFiles.Independent);
        Assert.Equal("kim myong sik", Find(a, "Kim Myong Sik").Entity.Value);
        Assert.Contains("Navy admiral", EntityOf(a, "Kim Myong Sik").Roles);
        Assert.DoesNotContain(a.Mentions, m => m.Entity.Value == "kim putin" && m.Type == EntityType.Person);
    }

    [SharedFact("seeds")]
    public void Roles_are_kept_with_the_people()
    {
        AnalyzedArticle a = Seed(SeedFiles.Independent);
        Assert.Contains("Kremlin spokesperson", EntityOf(a, "Dmitry Peskov").Roles);
        Assert.Contains("foreign minister", EntityOf(a, "Choe Sun Hui").Roles);
        Assert.Contains("deputy foreign minister", EntityOf(a, "Andrei Rudenko").Roles);
        Assert.Contains("White House National Security Council spokesperson", EntityOf(a, "Adrienne Watson").Roles);
        Assert.Contains("Japan’s chief cabinet secretary", EntityOf(a, "Hirokazu Matsuno").Roles);
        Assert.Contains("chair of North Korea’s space science and technology committee", EntityOf(a, "Pak Thae Song").Roles);
        Assert.Contains("North Korean leader", EntityOf(a, "Kim Jong-un").Roles);
        Assert.Contains("President", EntityOf(Seed(SeedFiles.Reuters), "Vladimir Putin").Roles);
        Assert.All(a.Entities, e => Assert.DoesNotContain("Mr", e.Roles));
    }

    [SharedFact("seeds")]
    public void Vladivostok_Khasan_Pyongyang_and_Moscow_are_on_the_map()
    {
        AnalyzedArticle reuters = Seed(SeedFiles.Reuters);
        AnalyzedArticle independent = Seed(SeedFiles.Independent);
        (string Name, AnalyzedArticle In, string Country, double Lat, double Lon)[] expected =
        [
            ("Vladivostok", reuters, "RU", 43.1, 131.9),
            ("Moscow", reuters, "RU", 55.75, 37.6),
            ("Khasan", independent, "RU", 42.4, 130.6),
            ("Pyongyang", independent, "KP", 39.0, 125.75),
        ];
        foreach (var (name, report, country, lat, lon) in expected)
        {
            Place place = EntityOf(report, name).Place ?? throw new Xunit.Sdk.XunitException(name + " has no place");
            Assert.Equal(country, place.CountryCode);
            Assert.InRange(place.Latitude, lat - 0.2, lat + 0.2);
            Assert.InRange(place.Longitude, lon - 0.2, lon + 0.2);
        }

        // The dateline "VLADIVOSTOK, Russia" is the Reuters report's location.
        Assert.Equal(Find(reuters, "Vladivostok").Entity, reuters.Location);
    }
}
