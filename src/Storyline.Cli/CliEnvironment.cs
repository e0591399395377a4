using Spectre.Console;

namespace Storyline.Cli;

/// <summary>What a command talks to: standard output, standard error, standard input, the terminal and the clock.</summary>
/// <param name="Console">The terminal, for the ingest progress bar only.</param>
/// <param name="Out">Standard output: text for people (through <see cref="Output.Screen"/>) and --json.</param>
/// <param name="Error">Error messages.</param>
/// <param name="OpenStdin">Opens standard input, for "-".</param>
/// <param name="Clock">What time it is.</param>
/// <param name="Width">The terminal's width, or null when standard output is not a terminal (then nothing is wrapped).</param>
internal sealed record CliEnvironment(IAnsiConsole Console, TextWriter Out, TextWriter Error, Func<Stream> OpenStdin, TimeProvider Clock, int? Width = null)
{
    /// <summary>Text for people, laid out for the terminal (or not at all when output is redirected).</summary>
    public Output.Screen Screen => new(Out, Width);

    public static CliEnvironment FromProcess() => new(
        AnsiConsole.Console,
        System.Console.Out,
        System.Console.Error,
        System.Console.OpenStandardInput,
        TimeProvider.System,
        TerminalWidth());

    private static int? TerminalWidth()
    {
        if (System.Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return System.Console.WindowWidth is > 0 and int width ? width : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
