namespace Storyline.Sources;

/// <summary>The words of the refusals that name a limit, the same from every reader.</summary>
internal static class Limits
{
    public static string TextTooLong(int length, ReaderOptions options) =>
        $"text is {length:N0} characters, over the limit of {options.MaxReportCharacters:N0} (ReaderOptions.MaxReportCharacters)";
}
