using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Ingest;
using Storyline.Stories;

namespace Storyline.Storage.Postgres.Tests;

/// <summary>
/// The queue's binary payload gives the assigner what the analysis and features JSON would (the rows a store makes and the
/// features the clusterer reads), so that the stories and rows are the same whichever it reads; no server needed.
/// </summary>
public sealed class QueuePayloadTests
{
    private static readonly Article Article = new(new ArticleId("0123456789abcdef"), new DateOnly(2023, 9, 12), "Kim arrived in Vladivostok. \"We are ready,\" Peskov said.", "Kim in Russia", "Reuters");

    public static TheoryData<string, AnalyzedArticle, StoryFeatures> Reports => new()
    {
        // every optional part set: a role, candidates, a place, a quote with every span, a speaker and citing, the
        // report's place, and every list of the features
        { "full", Full(), FullFeatures() },

        // every optional part missing: no role, no candidates, no place, a bare quote, no report place; features with
        // unset (default) lists, which the JSON leaves out and reads back as empty
        {
            "bare",
            new AnalyzedArticle(
                Article, [], [], [new Mention(new TextSpan(0, 3), EntityType.Person, new EntityKey("person:kim"), 0)],
                [new Entity(new EntityKey("person:kim"), EntityType.Person, "Kim", [], [])], [], [new Quote(new TextSpan(29, 12), QuoteKind.Direct, 1)], []),
            new StoryFeatures(Article.Id, Article.Published, [new TermCount("kim", 1)], ImmutableDictionary<string, string>.Empty)
            {
                HeadTerms = default, PlaceTerms = default, Signature = default, PeopleTerms = default, DateTerms = default, NumberTerms = default,
            }
        },

        // nothing found at all
        { "empty", new AnalyzedArticle(Article, [], [], [], [], [], [], []), new StoryFeatures(Article.Id, Article.Published, [], ImmutableDictionary<string, string>.Empty) },
    };

    [Xunit.Theory]
    [MemberData(nameof(Reports))]
    public void The_payload_reads_back_as_the_analysis_and_features_JSON_do(string name, AnalyzedArticle report, StoryFeatures features)
    {
        // Given a report and its features as the queue's JSON would carry them
        AnalyzedArticle fromJson = AnalysisJson.DeserializeForRows(Article, AnalysisJson.Serialize(report));
        StoryFeatures featuresFromJson = AnalysisJson.DeserializeFeatures(Article.Id, Article.Published, AnalysisJson.SerializeFeatures(features));

        // When the worker writes the payload and the assigner reads it
        Assert.True(QueuePayload.TryRead(Article, QueuePayload.Write(report, features), out AnalyzedArticle read, out StoryFeatures readFeatures), name);

        // Then both give the same report rows and the same features
        Assert.Equal(AnalysisJson.Serialize(fromJson), AnalysisJson.Serialize(read));
        Assert.Equal(fromJson.Mentions.ToArray(), read.Mentions.ToArray());
        Assert.Equal(fromJson.Location, read.Location);
        Assert.Same(Article, read.Article);
        Assert.Equal(AnalysisJson.SerializeFeatures(featuresFromJson), AnalysisJson.SerializeFeatures(readFeatures));
        Assert.Equal(featuresFromJson.Terms.ToArray(), readFeatures.Terms.ToArray());
        Assert.Equal(featuresFromJson.EntityNames.OrderBy(n => n.Key, StringComparer.Ordinal), readFeatures.EntityNames.OrderBy(n => n.Key, StringComparer.Ordinal));
        Assert.Equal(featuresFromJson.Headline, readFeatures.Headline);
        foreach ((ImmutableArray<string> a, ImmutableArray<string> b) in new[]
        {
            (featuresFromJson.HeadTerms, readFeatures.HeadTerms), (featuresFromJson.PlaceTerms, readFeatures.PlaceTerms), (featuresFromJson.PeopleTerms, readFeatures.PeopleTerms),
            (featuresFromJson.DateTerms, readFeatures.DateTerms), (featuresFromJson.NumberTerms, readFeatures.NumberTerms),
        })
        {
            Assert.False(b.IsDefault);
            Assert.Equal(a.ToArray(), b.ToArray());
        }

        Assert.Equal(featuresFromJson.Signature.ToArray(), readFeatures.Signature.ToArray());
        Assert.Equal((Article.Id, Article.Published), (readFeatures.Id, readFeatures.Published));
    }

    [Xunit.Fact]
    public void A_report_analysed_by_the_pipeline_reads_back_as_its_JSON_does()
    {
        // Given a real report through every analysis stage
        ReportAnalysis analysis = new ReportAnalyser().Analyse(new SourceReport(
            "seed.txt", null, new DateOnly(2023, 9, 11),
            "VLADIVOSTOK, Russia, Sept 11 (Reuters) - North Korean leader Kim Jong Un's trip to Russia is still unconfirmed, Kremlin spokesman Dmitry Peskov said on Monday. "
            + "\"We are ready for the visit,\" Peskov told reporters in Moscow, citing the New York Times. Kim appears to have departed for Russia on a train, YTN reported.",
            "Kim heads to Russia", Outlet: "Reuters"));
        AnalyzedArticle report = Assert.IsType<AnalyzedArticle>(analysis.Report);
        StoryFeatures features = Assert.IsType<StoryFeatures>(analysis.Features);
        Assert.NotEmpty(report.Mentions);

        // When it goes through the payload
        Assert.True(QueuePayload.TryRead(report.Article, QueuePayload.Write(report, features), out AnalyzedArticle read, out StoryFeatures readFeatures));

        // Then it is what the JSON gives
        Assert.Equal(AnalysisJson.Serialize(AnalysisJson.DeserializeForRows(report.Article, AnalysisJson.Serialize(report))), AnalysisJson.Serialize(read));
        Assert.Equal(AnalysisJson.SerializeFeatures(features), AnalysisJson.SerializeFeatures(readFeatures));
        Assert.Equal(features.Terms.ToArray(), readFeatures.Terms.ToArray());
    }

    [Xunit.Fact]
    public void A_payload_of_another_format_is_not_read()
    {
        byte[] payload = QueuePayload.Write(Full(), FullFeatures());
        payload[0] = QueuePayload.Format + 1;

        Assert.False(QueuePayload.TryRead(Article, payload, out _, out _));
        Assert.False(QueuePayload.TryRead(Article, [], out _, out _));
    }

    private static AnalyzedArticle Full()
    {
        var kim = new EntityKey("person:kim jong un");
        var city = new EntityKey("location:vladivostok");
        return new AnalyzedArticle(
            Article,
            [],
            [],
            [
                new Mention(new TextSpan(0, 3), EntityType.Person, kim, 0, "leader") { Candidates = [kim, new EntityKey("person:kim myong sik")] },
                new Mention(new TextSpan(15, 11), EntityType.Location, city, 0),
            ],
            [
                new Entity(kim, EntityType.Person, "Kim Jong Un", ["Kim", "Kim Jong-un"], ["leader"]),
                new Entity(city, EntityType.Location, "Vladivostok", [], [], new Place(2013348, "Vladivostok", "RU", 43.10562, 131.87353, 587022, "PPLA")),
            ],
            [],
            [
                new Quote(new TextSpan(29, 12), QuoteKind.Direct, 1, new TextSpan(43, 4), new TextSpan(48, 6), new EntityKey("person:peskov"), SourceKind.NamedPerson,
                    new TextSpan(0, 3), new TextSpan(15, 11), SourceKind.NewsOutlet, QuoteAct.Belief),
            ],
            []) { Location = city };
    }

    private static StoryFeatures FullFeatures() => new(
        Article.Id, Article.Published, [new TermCount("kim", 2), new TermCount("@person:kim jong un", 1)],
        ImmutableDictionary<string, string>.Empty.Add("person:kim jong un", "Kim Jong Un").Add("location:vladivostok", "Vladivostok"))
    {
        HeadTerms = ["kim", "russia"], PlaceTerms = ["vladivostok"], Signature = [1u, uint.MaxValue, 42u], PeopleTerms = ["kim"],
        DateTerms = ["2023-09-12"], NumberTerms = ["587022"], Headline = "Kim in Russia",
    };
}
