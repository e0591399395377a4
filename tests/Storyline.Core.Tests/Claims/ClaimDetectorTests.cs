using Storyline.Claims;
using Storyline.Domain;
using Storyline.Pipeline;

namespace Storyline.Core.Tests.Claims;

public sealed class ClaimDetectorTests
{
    private static readonly AnalysisPipeline Pipeline = PipelineBuilder.CreateDefault();

    private static AnalyzedArticle Analyze(string body) =>
        Pipeline.Analyze(new Article(ArticleId.FromContent(null, new DateOnly(2023, 9, 12), null, body), new DateOnly(2023, 9, 12), body));

    // sentence, expected status
    public static TheoryData<string, Certainty> Cues => new()
    {
        // Explicitly unconfirmed
        { "Kim's trip is still unconfirmed.", Certainty.Unconfirmed },
        { "The visit has not been confirmed by Moscow.", Certainty.Unconfirmed },
        // Expected: "was expected", "is due to", "will", "is set to", "plans to"
        { "A Kim visit was expected in coming days.", Certainty.Expected },
        { "Putin is due to speak at the forum.", Certainty.Expected },
        { "Mr Putin and Mr Kim will meet after the forum.", Certainty.Expected },
        { "The summit is set to open on Wednesday.", Certainty.Expected },
        // Speculative hedges beat attribution and expectation
        { "Kim appears to have departed for Russia on a train, South Korean broadcaster YTN reported on Monday.", Certainty.Speculative },
        { "Mr Kim and Mr Putin may meet in Vladivostok.", Certainty.Speculative },
        { "Mr Kim is apparently bringing his munitions chief.", Certainty.Speculative },
        { "The delegation likely includes the foreign minister.", Certainty.Speculative },
        // Denied beats everything
        { "The Kremlin denied that any arms deal was signed.", Certainty.Denied },
        { "Officials dismissed reports of a meeting.", Certainty.Denied },
        // … but a refusal to confirm or deny is no denial (issue 18)
        { "Russian officials have neither confirmed nor denied reports that Mr Kim plans to meet Mr Putin.", Certainty.Unconfirmed },
        { "The Kremlin declined to confirm or deny the visit.", Certainty.Unconfirmed },
        // An explicit confirmation
        { "The Kremlin confirmed the visit.", Certainty.Confirmed },
        // Attributed without hedge to an on-record source: confirmed on the record (issue 18: one status everywhere)
        { "Kim Jong-un arrived in Russia, Russian news agency Interfax reported.", Certainty.Confirmed },
        // Attributed without hedge to an unnamed source: reported (the writer relays it)
        { "Kim Jong-un arrived in Russia, a source told Reuters.", Certainty.Reported },
        // Stated by the writer, past-tense event verb, no hedge: confirmed
        { "Mr Putin arrived in Vladivostok on Monday.", Certainty.Confirmed },
        // "an expected meeting" is not an expectation cue; the arrival is stated
        { "Kim Jong-un arrived in Russia ahead of an expected meeting.", Certainty.Confirmed },
    };

    [Theory]
    [MemberData(nameof(Cues))]
    public void Each_cue_sets_the_status(string sentence, Certainty expected)
    {
        AnalyzedArticle analyzed = Analyze(sentence);

        Claim claim = Assert.Single(analyzed.Claims);
        Assert.Equal(expected, claim.Status);
    }

    [Fact]
    public void A_sentence_with_no_claim_gives_none()
    {
        Assert.Empty(Analyze("Vladivostok is a port city on the Pacific.").Claims);
    }

    [Fact]
    public void A_claim_in_a_quote_of_several_sentences_starts_where_the_quote_does()
    {
        // Given a direct quote of two sentences before its speaker (issue 18: the claim read "So, there is …," said Fyodor)
        const string Body = "Russians said they were awaiting the visit.\n\n\"Both countries show teeth to the whole world. So, there is something in common,\" said resident Fyodor.";
        AnalyzedArticle a = Analyze(Body);

        // Then the claim's words are the whole quote and its attribution
        Claim claim = Assert.Single(a.Claims, c => c.Source is TextSpan s && a.Text(s).Contains("Fyodor", StringComparison.Ordinal));
        Assert.Equal(Body[Body.IndexOf('"', StringComparison.Ordinal)..], a.Text(claim.Span));
    }

    // entity key, entity name, gazetteer name (null: not geocoded), the part of a claim key it gives
    public static TheoryData<string, string?, string?, string> KeyParts => new()
    {
        // A person's key is already a name; a hyphen is a space
        { "kim jong un", "Kim Jong-un", null, "kim jong un" },
        // A country goes by its name, not its code (issue 18: "kp|attack")
        { "country:kp", "North Korean", "North Korea", "north korea" },
        // A geocoded town by its gazetteer name, not its GeoNames id (issue 18: "524901+ua|meet")
        { "place:524901", "Moscow", "Moscow", "moscow" },
        // A place the gazetteer has no number for, by the report's name (issue 18: "1|cross")
        { "place:-1", "Khasan", null, "khasan" },
        // A name of digits only says nothing
        { "2023", "2023", null, "" },
    };

    [Theory]
    [MemberData(nameof(KeyParts))]
    public void A_claim_key_names_its_entities_in_words(string key, string? name, string? placeName, string expected)
    {
        Place? place = placeName is null ? null : new Place(1, placeName, "XX", 0, 0, 0, "PPL");
        Entity? entity = name is null ? null : new Entity(new EntityKey(key), EntityType.Location, name, [], [], place);

        Assert.Equal(expected, ClaimDetector.KeyPart(entity, new EntityKey(key)));
    }

    [Fact]
    public void A_key_has_no_place_number_in_a_report()
    {
        // Given a report of a crossing into a geocoded town (issue 18: "1|cross" on the sample)
        AnalyzedArticle a = Analyze("The armoured train crossed into Russia at Khasan on Tuesday. Officials met in Moscow.");

        // Then every key is words and an event group
        Assert.NotEmpty(a.Claims.Where(c => c.Key is not null));
        Assert.All(a.Claims.Where(c => c.Key is not null), c => Assert.Matches("^[a-z][a-z0-9 ]*(\\+[a-z][a-z0-9 ]*)?\\|[a-z]+$", c.Key!));
    }

    [Fact]
    public void Claim_keys_follow_one_claim_across_wordings()
    {
        // Given three wordings of Kim's trip and two of the meeting, with the sides in either order
        AnalyzedArticle a = Analyze("Kim Jong Un's trip is still unconfirmed. Mr Kim Jong Un and Vladimir Putin may meet.");
        AnalyzedArticle b = Analyze("Kim Jong-un arrived in Russia on Tuesday. Vladimir Putin and Kim Jong Un will meet after the forum.");

        // Then the keys match across the reports
        Assert.Equal("kim jong un|visit", a.Claims[0].Key);
        Assert.Equal("kim jong un|visit", b.Claims[0].Key);
        Assert.Equal(a.Claims[1].Key, b.Claims[1].Key);
        Assert.EndsWith("|meet", a.Claims[1].Key, StringComparison.Ordinal);
    }
}
