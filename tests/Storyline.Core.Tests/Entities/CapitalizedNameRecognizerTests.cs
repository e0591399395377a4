using Storyline.Domain;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Entities;

public sealed class CapitalizedNameRecognizerTests
{
    // The stand-in with the resolver after it (which now does the alias resolution), whatever the default pipeline uses.
    private static readonly AnalysisPipeline Pipeline = new PipelineBuilder().UseText().UseEntities().UseResolution().Build();

    private static AnalyzedArticle Analyze(string body) =>
        Pipeline.Analyze(new Article(new ArticleId("0000000000000000"), new DateOnly(2023, 9, 12), body));

    private static string KeyOf(AnalyzedArticle article, string surface) =>
        article.Mentions.First(m => article.Text(m.Span) == surface).Entity.Value;

    [Fact]
    public void Short_forms_resolve_to_the_full_name_in_the_report()
    {
        AnalyzedArticle a = Analyze("President Vladimir Putin met Kim Jong Un. Mr Putin spoke first. Later Putin left, and Kim stayed.");

        Assert.Equal("vladimir putin", KeyOf(a, "Vladimir Putin"));
        Assert.Equal("vladimir putin", KeyOf(a, "Putin"));
        Assert.Equal("kim jong un", KeyOf(a, "Kim"));
        Entity putin = a.Entities.Single(e => e.Key.Value == "vladimir putin");
        Assert.Equal(EntityType.Person, putin.Type);
        Assert.Contains("President", putin.Roles);

        // A courtesy title marks a person but is not a role.
        Assert.DoesNotContain("Mr", putin.Roles);
    }

    [Fact]
    public void Hyphenated_spelling_is_the_same_person()
    {
        AnalyzedArticle a = Analyze("Kim Jong-un arrived. Kim Jong Un waved.");
        Assert.Equal(KeyOf(a, "Kim Jong-un"), KeyOf(a, "Kim Jong Un"));
    }

    [Fact]
    public void Possessive_is_not_part_of_the_name()
    {
        AnalyzedArticle a = Analyze("It was Russia’s war and Mr Kim‘s train, said Dmitry Peskov's office.");
        Assert.Contains(a.Mentions, m => a.Text(m.Span) == "Russia");
        Assert.Contains(a.Mentions, m => a.Text(m.Span) == "Kim");
        Assert.DoesNotContain(a.Mentions, m => a.Text(m.Span).EndsWith("s", StringComparison.Ordinal) && a.Text(m.Span).Contains('’', StringComparison.Ordinal));
    }

    [Fact]
    public void Clause_openers_and_initials_are_not_names()
    {
        AnalyzedArticle a = Analyze("In Vladivostok, police waited. But the E. coli test failed. Meanwhile, nobody came.");
        Assert.Equal(["Vladivostok"], a.Mentions.Select(m => a.Text(m.Span)));
    }

    [SharedFact("seeds")]
    public void Seeds_keep_the_two_Kims_apart()
    {
        // Given the Independent seed, which names Kim Jong-un, Mr Kim and Navy admiral Kim Myong Sik
        AnalyzedArticle a = Pipeline.Analyze(new ReportCleaner().Clean(SeedFiles.Read(SeedFiles.Independent)));

        // Then the leader's forms are one entity and the admiral another
        string leader = KeyOf(a, "Kim Jong-un");
        Assert.Equal(leader, KeyOf(a, "Kim Jong Un"));
        Assert.Equal(leader, a.Mentions.First(m => a.Text(m.Span) == "Kim").Entity.Value);
        Assert.Equal("kim myong sik", KeyOf(a, "Kim Myong Sik"));
        Assert.Equal("dmitry peskov", KeyOf(a, "Peskov"));
    }
}
