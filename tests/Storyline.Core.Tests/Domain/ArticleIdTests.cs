using Storyline.Domain;

namespace Storyline.Core.Tests.Domain;

public sealed class ArticleIdTests
{
    private static readonly DateOnly Day = new(2023, 9, 12);

    [Fact]
    public void Same_report_rewrapped_has_the_same_id()
    {
        // Given the same text, once with its lines wrapped differently and padded with spaces
        ArticleId a = ArticleId.FromContent(null, Day, null, "Kim arrived in Russia.\n\nPutin waited.");
        ArticleId b = ArticleId.FromContent(null, Day, null, "  Kim arrived   in Russia.\r\n\r\n\r\nPutin  waited.\n");

        // Then it is one report
        Assert.Equal(a, b);
        Assert.Equal(ArticleId.Length, a.Value.Length);
        Assert.Matches("^[0-9a-f]{16}$", a.Value);
    }

    [Theory]
    [InlineData("Reuters", "2023-09-12", null, "Kim arrived in Russia.")] // another outlet: a syndicated copy is its own report
    [InlineData(null, "2023-09-13", null, "Kim arrived in Russia.")] // another day
    [InlineData(null, "2023-09-12", "Kim in Russia", "Kim arrived in Russia.")] // a headline
    [InlineData(null, "2023-09-12", null, "Kim arrived in Russia!")] // one character of the text
    public void Any_change_of_content_changes_the_id(string? outlet, string date, string? title, string text)
    {
        ArticleId original = ArticleId.FromContent(null, Day, null, "Kim arrived in Russia.");
        ArticleId changed = ArticleId.FromContent(outlet, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), title, text);
        Assert.NotEqual(original, changed);
    }

    [Fact]
    public void Id_is_stable_across_versions()
    {
        // Ids are stored: if this value changes, every archive's duplicate detection breaks.
        Assert.Equal("0ec990b7d5b0f377", ArticleId.FromContent(null, Day, null, "Kim arrived in Russia.").Value);
    }
}
