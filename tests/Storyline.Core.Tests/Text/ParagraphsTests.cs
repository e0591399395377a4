using Storyline.Text;

namespace Storyline.Core.Tests.Text;

public sealed class ParagraphsTests
{
    public static TheoryData<string, string> Cases { get; } = new()
    {
        // Already normal: unchanged.
        { "One.\n\nTwo.", "One.\n\nTwo." },
        // Windows and old Mac line endings.
        { "One.\r\n\r\nTwo.\rThree.", "One.\n\nTwo. Three." },
        // A single line break inside a paragraph is wrapping, not a break.
        { "A long\nsentence.", "A long sentence." },
        // Several blank lines, and white-space-only lines, are one break.
        { "One.\n\n\n\n  \n\nTwo.", "One.\n\nTwo." },
        // Leading and trailing white space goes.
        { "\n\n  One.  \n\n", "One." },
        // Nothing in, nothing out.
        { "   \n\n ", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalizes_paragraph_layout(string input, string expected) =>
        Assert.Equal(expected, Paragraphs.Normalize(input));
}
