using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Entities;
using Storyline.Entities.Resolution;
using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Core.Tests.Entities;

/// <summary>The resolver on its own: mentions typed by hand (as a good tagger would), resolved with a tiny gazetteer.</summary>
public sealed class EntityResolverTests
{
    private static readonly TextStage Text = new(new Tokenizer(), new SentenceSplitter());
    private static readonly EntityResolver Resolver = new(TestGazetteer.Instance, new ResolverOptions { TrustTypes = true });

    /// <summary>
    /// Analyses <paramref name="body"/> with every occurrence of each name typed as given (longest names first, so that
    /// "Kim" inside "Kim Jong Un" is not a second mention), then resolves.
    /// </summary>
    internal static AnalyzedArticle Resolve(string body, string? dateline, params (string Name, EntityType Type)[] names)
    {
        AnalyzedArticle article = Text.Apply(AnalyzedArticle.Empty(new Article(new ArticleId("0000000000000000"), new DateOnly(2023, 9, 12), body, Dateline: dateline)));
        var mentions = new List<Mention>();
        var taken = new bool[body.Length];
        foreach ((string name, EntityType type) in names.OrderByDescending(n => n.Name.Length))
        {
            for (int at = body.IndexOf(name, StringComparison.Ordinal); at >= 0; at = body.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                bool wordStart = at == 0 || !char.IsLetter(body[at - 1]);
                bool wordEnd = at + name.Length == body.Length || !char.IsLetter(body[at + name.Length]) || body[at + name.Length] is '\u2019' or '\'';
                if (!wordStart || !wordEnd || taken[at..(at + name.Length)].Any(t => t))
                {
                    continue;
                }

                Array.Fill(taken, true, at, name.Length);
                var span = new TextSpan(at, name.Length);
                int sentence = article.Sentences.First(s => s.Span.Contains(span)).Index;
                mentions.Add(new Mention(span, type, new EntityKey(name.ToLowerInvariant().Replace('-', ' ')), sentence));
            }
        }

        return Resolver.Apply(article with { Mentions = [.. mentions.OrderBy(m => m.Span.Start)] });
    }

    private static Mention Nth(AnalyzedArticle a, string surface, int n = 0) => a.Mentions.Where(m => a.Text(m.Span) == surface).ElementAt(n);

    private const EntityType P = EntityType.Person;
    private const EntityType L = EntityType.Location;
    private const EntityType M = EntityType.Miscellaneous;

    public static TheoryData<string, (string, EntityType)[], string, int, string> SameEntity => new()
    {
        // The hyphenated romanisation is the same name.
        { "Kim Jong Un arrived. Kim Jong-un waved.", [("Kim Jong Un", P), ("Kim Jong-un", P)], "Kim Jong-un", 0, "kim jong un" },
        // A family name alone, after the full name, with and without a courtesy title.
        { "Kim Jong Un arrived. Mr Kim waved. Later Kim left.", [("Kim Jong Un", P), ("Kim", P)], "Kim", 1, "kim jong un" },
        // A Western surname is the last word of the full name.
        { "President Vladimir Putin spoke. Mr Putin left. Putin returned.", [("Vladimir Putin", P), ("Putin", P)], "Putin", 1, "vladimir putin" },
        // A title the tagger kept inside the span is moved out: the key is the name alone.
        { "President Vladimir Putin spoke.", [("President Vladimir Putin", P)], "Vladimir Putin", 0, "vladimir putin" },
        // A short form that comes first still takes the full key of a later full name.
        { "Peskov spoke. Kremlin spokesperson Dmitry Peskov said so.", [("Peskov", P), ("Dmitry Peskov", P)], "Peskov", 0, "dmitry peskov" },
        // Country names, alternate spellings and the official name are one country.
        { "North Korea fired. The DPRK denied it.", [("North Korea", L), ("DPRK", L)], "DPRK", 0, "country:kp" },
        { "The Democratic People's Republic of Korea said so.", [("Democratic People's Republic of Korea", L)], "Democratic People's Republic of Korea", 0, "country:kp" },
        // Curly apostrophe, as The Independent writes it.
        { "The Democratic People’s Republic of Korea said so.", [("Democratic People’s Republic of Korea", L)], "Democratic People’s Republic of Korea", 0, "country:kp" },
        // A demonym goes to its country (as a Miscellaneous mention with the role "demonym").
        { "North Korean leader Kim Jong Un left.", [("North Korean", M), ("Kim Jong Un", P)], "North Korean", 0, "country:kp" },
        // Plural demonym.
        { "The Russians said so.", [("Russians", M)], "Russians", 0, "country:ru" },
        // A family name the tagger typed as a place, after the person's full name, is the person (the sample's bombers report).
        { "North Korea's Kim Jong Un was shown bombers. At the airfield, Kim looked over the jets.", [("North Korea", L), ("Kim Jong Un", P), ("Kim", L)], "Kim", 0, "kim jong un" },
        // Before the full name it is not: a reader has met no person of that name yet.
        { "Kim looked over the jets. Later Kim Jong Un left.", [("Kim Jong Un", P), ("Kim", L)], "Kim", 0, "kim" },
        // Two Kims: the nearest full naming in the previous sentence decides.
        { "Kim Jong Un spoke. Kim Jong Un left. Navy admiral Kim Myong Sik arrived. Mr Kim saluted.", [("Kim Jong Un", P), ("Kim Myong Sik", P), ("Kim", P)], "Kim", 0, "kim myong sik" },
        // Two Kims: one is named in full three times as often as the other, and nothing nearer decides.
        { "Kim Jong Un spoke. Kim Jong Un left. Kim Jong Un ate. Kim Myong Sik came. It rained. It snowed. Mr Kim waved.", [("Kim Jong Un", P), ("Kim Myong Sik", P), ("Kim", P)], "Kim", 0, "kim jong un" },
        // Only a person's title is cut out of the span: an organisation that starts with a rank word keeps it.
        { "General Motors cut jobs.", [("General Motors", EntityType.Organization)], "General Motors", 0, "general motors" },
        // A place is keyed by its GeoNames id.
        { "Officials in Vladivostok waited.", [("Vladivostok", L)], "Vladivostok", 0, "place:2013348" },
    };

    [Theory]
    [MemberData(nameof(SameEntity))]
    public void A_mention_resolves_to_its_canonical_key(string body, (string, EntityType)[] names, string surface, int nth, string key)
    {
        AnalyzedArticle a = Resolve(body, null, names);
        Mention mention = Nth(a, surface, nth);
        Assert.Equal(key, mention.Entity.Value);
        Assert.False(mention.IsAmbiguous);
        Assert.Contains(a.Entities, e => e.Key.Value == key);
    }

    [Fact]
    public void A_title_inside_the_span_is_cut_off_and_kept_as_the_role()
    {
        AnalyzedArticle a = Resolve("President Vladimir Putin spoke.", null, ("President Vladimir Putin", P));
        Mention putin = Assert.Single(a.Mentions);
        Assert.Equal("Vladimir Putin", a.Text(putin.Span));
        Assert.Equal("President", putin.Role);
    }

    [Fact]
    public void Two_Kims_are_two_people_and_an_unclear_Kim_keeps_both_candidates()
    {
        // Given one full naming of each Kim, long before a bare "Mr Kim"
        AnalyzedArticle a = Resolve(
            "Kim Jong Un met Kim Myong Sik on Monday. Officials met later. Analysts spoke. Mr Kim waved.",
            null,
            ("Kim Jong Un", P), ("Kim Myong Sik", P), ("Kim", P));

        // Then the two full names are two people, and "Kim" is not merged into either
        Assert.NotEqual(Nth(a, "Kim Jong Un").Entity, Nth(a, "Kim Myong Sik").Entity);
        Mention kim = Nth(a, "Kim");
        Assert.True(kim.IsAmbiguous);
        Assert.Equal(["kim jong un", "kim myong sik"], kim.Candidates.Select(c => c.Value));
        Assert.Equal("kim", kim.Entity.Value);
    }

    [Fact]
    public void A_hyphenated_pair_of_two_people_is_not_a_third_person()
    {
        AnalyzedArticle a = Resolve(
            "Kim Jong Un and Vladimir Putin met. The Kim-Putin meeting ended. Putin left.",
            null,
            ("Kim Jong Un", P), ("Vladimir Putin", P), ("Kim-Putin", P), ("Putin", P));
        Assert.Equal("vladimir putin", Nth(a, "Putin").Entity.Value);
        Assert.DoesNotContain(a.Entities, e => e.Key.Value == "kim putin" && e.Type == EntityType.Person);
    }

    [Fact]
    public void Aliases_roles_and_the_fullest_name_are_kept_with_the_entity()
    {
        AnalyzedArticle a = Resolve(
            "North Korean leader Kim Jong Un arrived. Mr Kim waved. Kim Jong-un left.",
            null,
            ("North Korean", M), ("Kim Jong Un", P), ("Kim Jong-un", P), ("Kim", P));
        Entity kim = a.Entities.Single(e => e.Key.Value == "kim jong un");
        Assert.Equal(EntityType.Person, kim.Type);
        Assert.Equal("Kim Jong Un", kim.Name);
        Assert.Equal(["Kim", "Kim Jong-un"], kim.Aliases.Order(StringComparer.Ordinal));
        Assert.Equal<string>(["North Korean leader"], kim.Roles);
        Mention demonym = Nth(a, "North Korean");
        Assert.Equal(EntityResolver.DemonymRole, demonym.Role);
        Assert.Equal(EntityType.Miscellaneous, demonym.Type);
        Entity country = a.Entities.Single(e => e.Key.Value == "country:kp");
        Assert.Equal("North Korea", country.Name);
        Assert.Empty(country.Roles);
    }

    public static TheoryData<string, string, string?> Roles => new()
    {
        // An organisation before the title.
        { "Russian agencies quoted Kremlin spokesperson Dmitry Peskov as saying so.", "Dmitry Peskov", "Kremlin spokesperson" },
        // A possessive pronoun is not part of the role.
        { "His delegation includes his foreign minister Choe Sun Hui.", "Choe Sun Hui", "foreign minister" },
        // Two modifiers and a head, after a clause opener and a comma.
        { "Meanwhile, deputy foreign minister Andrei Rudenko said so.", "Andrei Rudenko", "deputy foreign minister" },
        // A long organisation name before the title.
        { "\"We urge restraint,\" said White House National Security Council spokesperson Adrienne Watson.", "Adrienne Watson", "White House National Security Council spokesperson" },
        // A capitalised service before a lower-case rank.
        { "Also there was Navy admiral Kim Myong Sik, who leads the fleet.", "Kim Myong Sik", "Navy admiral" },
        // A country's possessive before the title.
        { "Japan’s chief cabinet secretary Hirokazu Matsuno told reporters.", "Hirokazu Matsuno", "Japan’s chief cabinet secretary" },
        // A capitalised title alone.
        { "President Vladimir Putin is due to speak.", "Vladimir Putin", "President" },
        // An apposition after the name.
        { "Also seen was Pak Thae Song, chair of North Korea’s space science and technology committee, with others.", "Pak Thae Song", "chair of North Korea’s space science and technology committee" },
        // An apposition with an article.
        { "He brings Jo Chun Ryong, a ruling party official in charge of munitions policies, to the talks.", "Jo Chun Ryong", "ruling party official in charge of munitions policies" },
        // A second name joined by "and" shares the plural title.
        { "It includes marshals Ri Pyong Chol and Pak Jong Chon.", "Pak Jong Chon", "marshals" },
        // A courtesy title is not a role.
        { "Mr Putin arrived on Monday.", "Putin", null },
        // A verb before the name is not a role.
        { "He is bringing Jo Chun Ryong to the talks.", "Jo Chun Ryong", null },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_role_is_found_and_kept_out_of_the_name(string body, string name, string? role)
    {
        (string, EntityType)[] names = [(name, P), ("Ri Pyong Chol", P), ("Kremlin", EntityType.Organization), ("Japan", L), ("North Korea", L), ("White House National Security Council", EntityType.Organization), ("Navy", EntityType.Organization)];
        AnalyzedArticle a = Resolve(body, null, [.. names.DistinctBy(n => n.Item1).Where(n => body.Contains(n.Item1, StringComparison.Ordinal))]);
        Mention mention = Nth(a, name);
        Assert.Equal(name, a.Text(mention.Span));
        Assert.Equal(role, mention.Role);
        if (role is not null)
        {
            Assert.Contains(role, a.Entities.Single(e => e.Key == mention.Entity).Roles);
        }
    }

    public static TheoryData<string, string?, string, string> Places => new()
    {
        // The larger town of a name, with no other clue.
        { "Officials in Moscow said so.", null, "Moscow", "place:524901" },
        // The report's country outweighs population: Paris, Texas in a report about the United States.
        { "Floods hit the United States. In Paris, the river rose.", null, "Paris", "place:4717560" },
        // Without that context, the capital.
        { "In Paris, the river rose.", null, "Paris", "place:2988507" },
        // A small town of the report's country beats a larger town that has the name only as an alternate.
        { "The train crossed Khasan in Russia.", null, "Khasan", "place:-1" },
        // A dateline's country counts as context.
        { "The train crossed Khasan on Tuesday.", "VLADIVOSTOK, Russia", "Khasan", "place:-1" },
        // An alternate name finds the town.
        { "Crowds gathered in Moskva.", null, "Moskva", "place:524901" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void Places_are_geocoded_with_the_report_s_context(string body, string? dateline, string name, string key)
    {
        string[] candidates = ["United States", "Russia", "Moscow", "Paris", "Khasan", "Moskva"];
        AnalyzedArticle a = Resolve(body, dateline, [.. candidates.Where(c => body.Contains(c, StringComparison.Ordinal)).Select(c => (c, L))]);
        Mention mention = Nth(a, name);
        Assert.Equal(key, mention.Entity.Value);
        Entity place = a.Entities.Single(e => e.Key == mention.Entity);
        Assert.NotNull(place.Place);
        Assert.Equal(EntityType.Location, place.Type);
    }

    [Fact]
    public void The_dateline_is_geocoded_as_the_report_s_location()
    {
        AnalyzedArticle a = Resolve("Residents waited.", "VLADIVOSTOK, Russia");
        Assert.Equal("place:2013348", a.Location?.Value);
        Entity vladivostok = Assert.Single(a.Entities);
        Assert.Equal("Vladivostok", vladivostok.Name);
        Assert.Equal("RU", vladivostok.Place!.CountryCode);
        Assert.Equal(43.1056, vladivostok.Place.Latitude, 3);
    }

    [Fact]
    public void A_name_the_gazetteer_does_not_know_keeps_its_own_key()
    {
        AnalyzedArticle a = Resolve("Officials in Atlantis said so.", null, ("Atlantis", L));
        Assert.Equal("atlantis", Assert.Single(a.Mentions).Entity.Value);
        Assert.Null(Assert.Single(a.Entities).Place);
    }

    [Fact]
    public void Resolution_is_a_pipeline_stage_after_the_recogniser()
    {
        AnalysisPipeline pipeline = PipelineBuilder.CreateDefault();
        Assert.Equal(["text", "entities", "resolve", "time", "quotes", "claims"], pipeline.Stages.Select(s => s.Name));
    }
}
