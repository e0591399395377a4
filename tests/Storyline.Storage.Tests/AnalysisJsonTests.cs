using System.Collections.Immutable;
using Storyline.Domain;
using Storyline.Stories;

namespace Storyline.Storage.Tests;

public sealed class AnalysisJsonTests
{
    [Fact]
    public void Features_of_a_real_report_round_trip()
    {
        StoryFeatures features = StoryFeatures.From(Reports.Stream[5]);
        Assert.NotEmpty(features.Terms);
        Assert.NotEmpty(features.EntityNames);
        Assert.NotEmpty(features.Headline);

        StoryFeatures back = AnalysisJson.DeserializeFeatures(features.Id, features.Published, AnalysisJson.SerializeFeatures(features));

        Same.Features(features, back);
    }

    [Fact]
    public void Features_with_awkward_terms_round_trip()
    {
        // Given terms with quotes, backslashes, non-Latin letters and an entity term, and large counts
        var features = new StoryFeatures(
            new ArticleId("0123456789abcdef"),
            new DateOnly(2023, 9, 12),
            [new TermCount("\"quoted\"", 1), new TermCount("@person:kim jong un", 12), new TermCount("back\\slash", 2), new TermCount("владивосток", int.MaxValue)],
            ImmutableDictionary<string, string>.Empty.Add("@person:kim jong un", "Kim Jong Un").Add("@location:владивосток", "Владивосток"));

        // When written and read back
        StoryFeatures back = AnalysisJson.DeserializeFeatures(features.Id, features.Published, AnalysisJson.SerializeFeatures(features));

        // Then it is the same
        Same.Features(features, back);
    }

    [Fact]
    public void The_evidence_issue_19_added_round_trips_and_old_features_read_without_it()
    {
        // Given features with people, dates, numbers and a headline
        var features = new StoryFeatures(new ArticleId("0123456789abcdef"), new DateOnly(2023, 9, 12), [new TermCount("@kim jong un", 2), new TermCount("train", 1)], ImmutableDictionary<string, string>.Empty)
        {
            PeopleTerms = ["@kim jong un"],
            DateTerms = ["2019", "2023-09", "2023-09-12"],
            NumberTerms = ["425", "6.4"],
            Headline = "Kim Jong-un arrives in Russia",
        };

        // When written and read back, and when read from features stored before they were kept
        StoryFeatures back = AnalysisJson.DeserializeFeatures(features.Id, features.Published, AnalysisJson.SerializeFeatures(features));
        StoryFeatures old = AnalysisJson.DeserializeFeatures(features.Id, features.Published, "{\"terms\":[[\"train\",1]],\"entityNames\":{}}");

        // Then the first is the same, and the old one has none of them
        Same.Features(features, back);
        Assert.Empty(old.PeopleTerms);
        Assert.Empty(old.DateTerms);
        Assert.Empty(old.NumberTerms);
        Assert.Equal(string.Empty, old.Headline);
    }

    [Fact]
    public void Empty_features_round_trip()
    {
        var features = new StoryFeatures(new ArticleId("0123456789abcdef"), new DateOnly(2023, 9, 12), [], ImmutableDictionary<string, string>.Empty);

        StoryFeatures back = AnalysisJson.DeserializeFeatures(features.Id, features.Published, AnalysisJson.SerializeFeatures(features));

        Same.Features(features, back);
    }

    [Fact]
    public void An_analysis_round_trips_without_tokens()
    {
        AnalyzedArticle report = Reports.Stream[2];
        Assert.NotEmpty(report.Tokens);

        AnalyzedArticle back = AnalysisJson.Deserialize(report.Article, AnalysisJson.Serialize(report));

        Same.Analysis(report, back);
    }
}
