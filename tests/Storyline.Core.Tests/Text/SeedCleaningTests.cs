using System.Globalization;
using Storyline.Domain;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Core.Tests.Text;

public sealed class SeedCleaningTests
{
    private const string KimReuters = "000_65b722ca443fe1a5.txt";
    private const string KimIndependent = "004_fa18ec6f926128ae.txt";

    [SharedFact("seeds")]
    public void Independent_sign_up_block_is_removed_and_every_story_paragraph_kept()
    {
        // Given the Independent report with its newsletter block glued to the top
        (SourceReport report, string text) = ReadSeed(KimIndependent);

        // When it is cleaned
        Article article = new ReportCleaner().Clean(report);

        // Then the block is gone, the story starts at its first sentence, and every story paragraph is there verbatim
        Assert.DoesNotContain("Sign up", article.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("valid email", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("privacy notice", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanks for signing up", article.Body, StringComparison.Ordinal);
        Assert.StartsWith("North Korean leader Kim Jong-un arrived in Russia", article.Body, StringComparison.Ordinal);
        Assert.Null(article.Dateline);
        string[] paragraphs = Paragraphs.Normalize(text).Split("\n\n");
        Assert.True(paragraphs.Length > 10);
        foreach (string paragraph in paragraphs.Skip(1))
        {
            Assert.Contains(paragraph, article.Body, StringComparison.Ordinal);
        }

        Assert.EndsWith("(Additional reporting from agencies)", article.Body, StringComparison.Ordinal);
    }

    [SharedFact("seeds")]
    public void Reuters_dateline_becomes_the_place_and_every_sentence_is_kept()
    {
        // Given the Reuters report that opens with a dateline
        (SourceReport report, string text) = ReadSeed(KimReuters);

        // When it is cleaned
        Article article = new ReportCleaner().Clean(report);

        // Then the dateline is the place, it is gone from the body, and nothing else is lost
        Assert.Equal("VLADIVOSTOK, Russia", article.Dateline);
        Assert.StartsWith("In Russia's Pacific port", article.Body, StringComparison.Ordinal);
        string normalized = Paragraphs.Normalize(text);
        Assert.Equal(normalized["VLADIVOSTOK, Russia: ".Length..], article.Body);
        foreach (string paragraph in normalized.Split("\n\n").Skip(1))
        {
            foreach (string sentence in paragraph.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Contains(sentence, article.Body, StringComparison.Ordinal);
            }
        }
    }

    [SharedFact("seeds")]
    public void Boilerplate_cleaner_removes_only_the_sign_up_block_from_the_seeds()
    {
        var cleaner = new BoilerplateCleaner();

        CleanedText reuters = cleaner.Clean(Paragraphs.Normalize(ReadSeed(KimReuters).Text));
        CleanedText independent = cleaner.Clean(Paragraphs.Normalize(ReadSeed(KimIndependent).Text));

        Assert.Empty(reuters.Removed);
        string removed = Assert.Single(independent.Removed);
        Assert.StartsWith("For free real time breaking news alerts", removed, StringComparison.Ordinal);
        Assert.EndsWith("Thanks for signing up to the", removed, StringComparison.Ordinal);
    }

    private static (SourceReport Report, string Text) ReadSeed(string name)
    {
        SourceReport report = SeedFiles.Read(name);
        return (report, report.Text);
    }
}
