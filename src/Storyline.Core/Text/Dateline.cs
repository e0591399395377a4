namespace Storyline.Text;

/// <summary>A dateline at the start of a report: "VLADIVOSTOK, Russia:".</summary>
/// <param name="Place">The place as written, without the trailing punctuation ("VLADIVOSTOK, Russia").</param>
/// <param name="BodyStart">Where the story text after the dateline starts.</param>
public readonly record struct DatelineMatch(string Place, int BodyStart);

/// <summary>Finds the dateline that opens a report, if any.</summary>
public static class Dateline
{
    /// <summary>Whether <paramref name="body"/> opens with a dateline, and where the story text starts after it.</summary>
    public static bool TryParse(string body, out DatelineMatch match)
    {
        match = default;
        return false;
    }
}
